"""Notes on watched programs, worked out from real rules and a real earlier check: a round that
opened since the check, one closing within 14 days, an estimate replaced by real dates; nothing
for a program the profile could not apply to, or that is not watched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.engine import evaluate, load_rules
from desktop.engine.profile import load_profile
from desktop.engine.watch_notes import KnownThen, watch_notes

REPO = Path(__file__).resolve().parents[2]
D = dt.date
CHECKED = D(2026, 2, 20)  # the profiles' last check: every school round of the year still ahead
TODAY = D(2026, 3, 15)


@pytest.fixture(scope="module")
def packs(announced_rules):
    old = load_rules(REPO / "rules")
    new = load_rules(announced_rules)
    assert new.errors == ()
    return old, new


def known(pack, case: str, day: dt.date) -> dict[str, KnownThen]:
    answers = load_profile(REPO / "rules" / "cases" / case, pack).answers
    out = {}
    for r in evaluate(pack, answers, day).programs:
        d = r.deadline
        out[r.id] = KnownThen(r.status, d.status, d.closes, d.estimated)
    return out


WATCHED = ["smart-factory", "ax-grad-school", "shs-tailored-class", "sme-specialized-hs"]


def test_each_kind_of_note_for_the_programs_a_profile_can_apply_to(packs):
    old, new = packs
    school = known(old, "school-specialized-seoul.yaml", CHECKED)
    assert school["sme-specialized-hs"].estimated and school["shs-tailored-class"].estimated
    assert school["smart-factory"].status == school["ax-grad-school"].status == "ineligible"
    notes = watch_notes(new, WATCHED, school, CHECKED, TODAY)
    assert [(n.kind, n.program_id) for n in notes] == [("opened", "shs-tailored-class"),
                                                       ("announced", "sme-specialized-hs")]
    opened, announced = notes
    name = new.programs["shs-tailored-class"].name
    assert opened.text.en == f"{name.en}: applications opened since the last check (2026-02-20) — closes 2026-04-20"
    assert opened.text.ko == f"{name.ko}: 지난 확인(2026-02-20) 뒤 접수가 시작되었습니다 — 2026-04-20 마감"
    assert announced.text.en.endswith(": the 2026 round was announced: 2026-04-01 – 2026-04-30, replacing the estimate")
    assert announced.text.ko.endswith(": 2026 회차가 공고되었습니다: 2026-04-01 ~ 2026-04-30 (추정 일정을 대체)")

    university = known(old, "school-university-ax.yaml", CHECKED)
    assert university["ax-grad-school"].status != "ineligible"
    assert university["ax-grad-school"].deadline_status == "upcoming"
    [closing] = [n for n in watch_notes(new, WATCHED, university, CHECKED, TODAY) if n.program_id == "ax-grad-school"]
    assert closing.kind == "closing"
    ax = new.programs["ax-grad-school"].name
    assert closing.text.en == f"{ax.en}: closes 2026-03-25 — 10 days left"
    assert closing.text.ko == f"{ax.ko}: 2026-03-25 마감 — 마감까지 10일이 남았습니다"


def test_days_left_are_counted_and_said_with_their_particle(packs):
    _old, new = packs
    university = known(new, "school-university-ax.yaml", CHECKED)
    said = {}
    for day in (D(2026, 3, 11), D(2026, 3, 24), D(2026, 3, 25)):
        [note] = [n for n in watch_notes(new, ["ax-grad-school"], university, CHECKED, day)]
        said[day] = (note.kind, note.text.ko.split(" — ")[-1], note.text.en.split(" — ")[-1])
    assert said[D(2026, 3, 11)] == ("closing", "마감까지 14일이 남았습니다", "14 days left")
    assert said[D(2026, 3, 24)] == ("closing", "마감까지 1일이 남았습니다", "1 day left")
    assert said[D(2026, 3, 25)][0] == "closing" and said[D(2026, 3, 25)][2].endswith("closes today")
    # 15 days before: open since the check, not closing soon yet
    [note] = watch_notes(new, ["ax-grad-school"], university, CHECKED, D(2026, 3, 10))
    assert note.kind == "opened"


def test_nothing_new_since_a_check_made_while_the_round_was_open(packs):
    _old, new = packs
    university = known(new, "school-university-ax.yaml", D(2026, 3, 5))
    assert university["ax-grad-school"].deadline_status == "open"
    assert watch_notes(new, ["ax-grad-school"], university, D(2026, 3, 5), D(2026, 3, 9)) == ()
    # after the round closed: no note either
    assert watch_notes(new, ["ax-grad-school"], university, D(2026, 3, 5), D(2026, 3, 26)) == ()
    # not watched, or a program the check did not know: nothing
    assert watch_notes(new, [], university, D(2026, 3, 5), D(2026, 3, 20)) == ()
    assert watch_notes(new, ["ax-grad-school"], {}, D(2026, 3, 5), D(2026, 3, 20)) == ()


def test_today_comes_from_the_engine_clock(packs, monkeypatch):
    _old, new = packs
    from desktop.engine import watch_notes as module

    monkeypatch.setattr(module, "today_kst", lambda: D(2026, 3, 20))
    university = known(new, "school-university-ax.yaml", CHECKED)
    [note] = watch_notes(new, ["ax-grad-school"], university, CHECKED)
    assert note.kind == "closing" and "5 days left" in note.text.en
