"""`jiwon deadlines --watched`: the calendar of just the programs on the app's watch list, read
from a real saved-profiles file without changing it; bad input exits 2 with one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from desktop.cli.main import main
from desktop.storage import open_store

REPO = Path(__file__).resolve().parents[2]
COMMON = ["deadlines", "--rules", str(REPO / "rules"), "--today", "2026-03-02"]


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "jiwon.db"
    with open_store(path) as store:
        store.set_watched("ax-grad-school", True)
        store.set_watched("sme-ax", True)
    return path


def test_only_the_watched_programs_in_json_text_and_calendar(database, capsys, tmp_path):
    code, out, err = run([*COMMON, "--all-programs", "--format", "json"], capsys)
    assert code == 0
    everything = {e["program"] for e in json.loads(out)["entries"]}
    assert {"ax-grad-school", "sme-ax"} < everything
    code, out, err = run([*COMMON, "--watched", "--database", str(database), "--format", "json"], capsys)
    assert code == 0 and err == ""
    assert {e["program"] for e in json.loads(out)["entries"]} == {"ax-grad-school", "sme-ax"}
    code, out, err = run([*COMMON, "--watched", "--database", str(database), "--lang", "en"], capsys)
    assert code == 0
    assert "AX graduate schools" in out and "SME AI Transformation" in out and "Smart factory" not in out
    ics = tmp_path / "watched.ics"
    code, out, err = run([*COMMON, "--watched", "--database", str(database), "--format", "ics", "-o", str(ics)],
                         capsys)
    assert code == 0
    summaries = [str(e.get("SUMMARY")) for e in icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert summaries and all("AX" in s for s in summaries)  # sme-ax has no closing date to put on it
    # the audience filter still applies on top: no company program for a school
    code, out, err = run([*COMMON, "--watched", "--database", str(database), "--audience", "company",
                          "--format", "json"], capsys)
    assert {e["program"] for e in json.loads(out)["entries"]} == {"sme-ax"}


def test_the_app_database_by_default(tmp_path, capsys, monkeypatch):
    from desktop.storage import default_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # where the app keeps its file
    path = default_path()
    assert path.is_relative_to(tmp_path)
    code, out, err = run([*COMMON, "--watched"], capsys)
    assert code == 2 and err.startswith(f"--watched: no saved-profiles file at {path}")
    path.parent.mkdir(parents=True)
    with open_store(path) as store:
        store.set_watched("sme-ax", True)
    code, out, err = run([*COMMON, "--watched", "--format", "json"], capsys)
    assert code == 0
    assert {e["program"] for e in json.loads(out)["entries"]} == {"sme-ax"}


def test_an_empty_watch_list_says_so(tmp_path, capsys):
    empty = tmp_path / "empty.db"
    open_store(empty).close()
    code, out, err = run([*COMMON, "--watched", "--database", str(empty), "--lang", "en", "--format", "json"],
                         capsys)
    assert code == 0 and json.loads(out)["entries"] == []
    assert err.strip() == "No watched programs yet. Pick a program on the Results page and watch it."


def test_bad_input_exits_2_with_one_line_and_changes_nothing(tmp_path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database " * 200)
    cases = {
        "missing": ([*COMMON, "--watched", "--database", str(tmp_path / "nope.db")],
                    f"--database: no saved-profiles file at {tmp_path / 'nope.db'}"),
        "damaged": ([*COMMON, "--watched", "--database", str(junk), "--lang", "en"],
                    f"--watched: The saved-profiles file is damaged: {junk}"),
        "folder": ([*COMMON, "--watched", "--database", str(tmp_path)],
                   f"{tmp_path}: a folder, not a saved-profiles file"),
        "alone": ([*COMMON, "--database", str(junk)], "--database: only with --watched"),
    }
    for name, (argv, start) in cases.items():
        code, out, err = run(argv, capsys)
        assert code == 2, name
        assert err.startswith(start) and len(err.strip().splitlines()) == 1, (name, err)
        assert "Traceback" not in err and out == ""
    assert junk.read_bytes() == b"not a database " * 200
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.db"]  # nothing moved aside or made
