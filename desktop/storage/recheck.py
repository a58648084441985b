"""Re-checking every saved profile after a rule update, with the writes batched.

Reads all profiles, answers and last assessments in three queries, asks the engine what changed
for each profile (`desktop.engine.what_changed`, the one "what changed" of the app), and writes
every new assessment, with its changes, in one transaction. A profile whose earlier rules are no
longer on the machine still gets its outcome changes, from the stored snapshot.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from sqlite_utils import Database

from desktop.engine.evaluate import evaluate
from desktop.engine.model import Assessment, RulePack, Text
from desktop.engine.what_changed import Cause, ProfileChanges, ProgramChange, what_changed
from desktop.storage.assessments import count_statuses, snapshot, snapshot_statuses
from desktop.storage.codec import decode_answer, decode_answers
from desktop.storage.transactions import write_transaction

NO_OLD_RULES = Text("이전 규칙이 이 컴퓨터에 없어 원인은 알 수 없습니다",
                    "the earlier rules are no longer on this machine, so the cause is not known")


@dataclass(frozen=True)
class Rechecked:
    profile_id: int
    name: str
    changes: ProfileChanges


def changes_to_json(changes: ProfileChanges) -> str:
    return json.dumps({"ko": changes.to_dict("ko"), "en": changes.to_dict("en")}, ensure_ascii=False)


def changes_from_stored(stored: Mapping[str, Any]) -> ProfileChanges:
    """The ProfileChanges that `changes_to_json` wrote (loaded from JSON), both languages back
    together, so a stored change is laid out by `ProfileChanges.lines` like a fresh one."""
    ko, en = stored.get("ko") or {}, stored.get("en") or {}
    programs = []
    for k, e in zip(ko.get("programs", []), en.get("programs", [])):
        causes = tuple(Cause(kc.get("kind", "status"), Text(kc.get("text", ""), ec.get("text", "")),
                             kc.get("criterion"))
                       for kc, ec in zip(k.get("causes", []), e.get("causes", [])))
        programs.append(ProgramChange(k["program"], Text(k.get("name") or k["program"],
                                                         e.get("name") or k["program"]),
                                      k.get("old_status"), k.get("new_status"), causes))

    def day(text: str | None) -> dt.date:
        return dt.date.fromisoformat(text) if text else dt.date.min

    return ProfileChanges(ko.get("old_rules_version", ""), ko.get("new_rules_version", ""),
                          day(ko.get("old_as_of")), day(ko.get("new_as_of")), tuple(programs))


def _snapshot_changes(old_snapshot: Mapping[str, Any], new: Assessment) -> ProfileChanges:
    before = snapshot_statuses(old_snapshot)
    names = {pid: entry.get("name") or {} for pid, entry in old_snapshot.get("programs", {}).items()}
    out = []
    for r in new.programs:
        if before.get(r.id) != r.status:
            out.append(ProgramChange(r.id, r.program.name, before.get(r.id), r.status, (Cause("status", NO_OLD_RULES),)))
    for pid, status in before.items():
        if pid not in {r.id for r in new.programs}:
            n = names.get(pid, {})
            out.append(ProgramChange(pid, Text(n.get("ko", pid), n.get("en", pid)), status, None, (Cause("status", NO_OLD_RULES),)))
    return ProfileChanges(old_snapshot.get("rules_version", ""), new.rules_version,
                          dt.date.fromisoformat(old_snapshot["as_of"]), new.as_of, tuple(out))


def _may_differ(old_snapshot: Mapping[str, Any], new: Assessment) -> bool:
    """Whether anything `what_changed` reports can differ: an outcome, or the dates or the
    estimate mark of a deadline. Most profiles are untouched by an update, and this saves
    assessing them a second time under the earlier rules."""
    before = old_snapshot.get("programs", {})
    if len(before) != len(new.programs):
        return True
    for r in new.programs:
        entry = before.get(r.id)
        if entry is None or entry["status"] != r.status:
            return True
        if r.status == "ineligible":
            continue
        d, old_d = r.deadline, entry.get("deadline") or {}
        if old_d.get("estimated") != d.estimated or old_d.get("closes") != (d.closes.isoformat() if d.closes else None):
            return True
    return False


def _load(db: Database):
    profiles = {row["id"]: row for row in db.query("SELECT id, name, applicant_type FROM profiles")}
    answers: dict[int, dict] = {pid: {"applicant_type": row["applicant_type"]} for pid, row in profiles.items()}
    for row in db.query("SELECT profile_id, question_id, kind, value FROM answers ORDER BY rowid"):
        if row["profile_id"] in answers:
            answers[row["profile_id"]][row["question_id"]] = decode_answer(row["kind"], row["value"])
    last = {
        row["profile_id"]: row
        for row in db.query(
            "SELECT a.profile_id, a.snapshot FROM assessments a JOIN "
            "(SELECT profile_id, MAX(id) AS id FROM assessments GROUP BY profile_id) m ON a.id = m.id"
        )
    }
    return profiles, answers, last


def recheck_all(db: Database, new_pack: RulePack, as_of: dt.date,
                packs: Mapping[str, RulePack], now: str,
                progress: Callable[[int, int], bool | None] | None = None,
                batch: int | None = None,
                only: Iterable[int] | None = None,
                current: Mapping[int, Assessment] | None = None) -> list[Rechecked]:
    """Assess every profile that was assessed before under `new_pack` on `as_of`; save the new
    assessments; return the profiles with a change (the others are saved too, so they are no
    longer out of date). `packs` maps a rules version to its loaded rules.

    `only`: these profiles instead (one never assessed gets its first assessment, with nothing
    to compare). `batch`: write every `batch` profiles in a transaction of their own and call
    `progress(done, total)` after each; when it returns False the re-check stops there, each
    profile saved whole or not at all. Without `batch`, everything is written in one transaction
    and `progress` is told every 100 profiles. `current`: assessments already made under
    `new_pack` on `as_of`, by profile id, used rather than assessing those profiles again."""
    profiles, answers, last = _load(db)
    if only is None:
        targets = [pid for pid in last if pid in profiles]
    else:
        targets = [pid for pid in dict.fromkeys(only) if pid in profiles]
    rows: list[dict] = []
    changed: list[Rechecked] = []
    total = len(targets)
    for done, pid in enumerate(targets, start=1):
        row = last.get(pid)
        old_snapshot = json.loads(row["snapshot"]) if row is not None else None
        new = (current or {}).get(pid)
        if (new is None or new.rules_version != new_pack.version or new.as_of != as_of
                or dict(new.answers) != answers[pid]):
            new = evaluate(new_pack, answers[pid], as_of)
        old_pack = packs.get(old_snapshot.get("rules_version")) if old_snapshot else None
        if old_snapshot is None or not _may_differ(old_snapshot, new):
            changes = None
        elif old_pack is not None:
            old_answers = decode_answers(old_snapshot.get("answers", {})) or answers[pid]
            old = evaluate(old_pack, old_answers, dt.date.fromisoformat(old_snapshot["as_of"]))
            changes = what_changed(old, new, old_pack, new_pack)
        else:
            changes = _snapshot_changes(old_snapshot, new)
        data = snapshot(new)
        counts = count_statuses(snapshot_statuses(data))
        rows.append({
            "profile_id": pid, "created": now, "as_of": data["as_of"], "rules_version": new.rules_version,
            "eligible": counts["eligible"], "ineligible": counts["ineligible"],
            "undetermined": counts["undetermined"],
            "snapshot": json.dumps(data, ensure_ascii=False),
            "changes": changes_to_json(changes) if changes is not None and changes.changed else None,
        })
        if changes is not None and changes.changed:
            changed.append(Rechecked(pid, profiles[pid]["name"], changes))
        if batch:
            if len(rows) >= batch or done == total:
                _write(db, rows)
                rows = []
                if progress is not None and progress(done, total) is False:
                    return changed
        elif progress is not None and done % 100 == 0:
            progress(done, total)
    _write(db, rows)
    return changed


def _write(db: Database, rows: list[dict]) -> None:
    if not rows:
        return
    columns = ("profile_id", "created", "as_of", "rules_version", "eligible", "ineligible",
               "undetermined", "snapshot", "changes")
    with write_transaction(db):
        db.conn.executemany(
            f"INSERT INTO assessments ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [tuple(r[c] for c in columns) for r in rows],
        )


def flagged_profiles(db: Database) -> dict[int, dict]:
    """Profiles whose last assessment changed something: profile id -> the stored changes
    ({"ko": ProfileChanges.to_dict('ko'), "en": ...})."""
    out = {}
    for row in db.query(
        "SELECT a.profile_id, a.changes FROM assessments a JOIN "
        "(SELECT profile_id, MAX(id) AS id FROM assessments GROUP BY profile_id) m ON a.id = m.id "
        "WHERE a.changes IS NOT NULL"
    ):
        out[row["profile_id"]] = json.loads(row["changes"])
    return out


# ---------------------------------------------------------------- watch list


def watched(db: Database) -> list[str]:
    return [row["program_id"] for row in db.query("SELECT program_id FROM watched_programs ORDER BY rowid")]


def set_watched(db: Database, program_id: str, on: bool, now: str) -> None:
    if on:
        db.execute("INSERT INTO watched_programs (program_id, added) VALUES (?, ?) "
                   "ON CONFLICT (program_id) DO NOTHING", [program_id, now])
    else:
        db.execute("DELETE FROM watched_programs WHERE program_id = ?", [program_id])
