"""Re-checking every saved profile after a rule update, with the writes batched.

Reads all profiles, answers and last assessments in three queries, asks the engine what changed
for each profile (`desktop.engine.what_changed`, the one "what changed" of the app), and writes
every new assessment, with its changes, in one transaction. A profile whose earlier rules are no
longer on the machine still gets its outcome changes, from the stored snapshot.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from desktop.engine.dated import in_force
from desktop.engine.deadlines import program_deadline
from desktop.engine.evaluate import evaluate
from desktop.engine.model import Assessment, RulePack, Text
from desktop.engine.same_outcome import CarryOver, carry_over
from desktop.engine.what_changed import (Cause, ProfileChanges, ProgramChange, deadline_news, may_report,
                                         what_changed, what_changed_since_record)
from desktop.storage.assessments import (SnapshotText, count_statuses, deadline_entry as _deadline,
                                         outcomes, own_text, recorded_programs, snapshot, snapshot_statuses,
                                         whole_snapshot)
from desktop.storage.codec import decode_answer, decode_answers, encode_answer
from desktop.storage.errors import storage_error
from desktop.storage.rows import rows
from desktop.storage.transactions import write_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

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
    return what_changed_since_record(recorded_programs(old_snapshot),
                                     old_snapshot.get("rules_version", ""),
                                     dt.date.fromisoformat(old_snapshot["as_of"]), new, NO_OLD_RULES)


def changes_from_snapshot(old_snapshot: Mapping[str, Any], new: Assessment) -> ProfileChanges:
    """What changed since a stored check whose rules are no longer on this machine: the outcome
    changes, each saying that the cause is not known, and the windows that were announced or
    moved, compared with the deadlines the check recorded."""
    return _snapshot_changes(old_snapshot, new)


def _windows_moved(old_snapshot: Mapping[str, Any], deadlines: Mapping[str, Any]) -> bool:
    """Whether a window recorded in the stored check differs from today's (its dates, round or
    estimate mark, as far as the record kept them): then the record is compared in full."""
    for pid, entry in old_snapshot.get("programs", {}).items():
        old, new = entry.get("deadline") or {}, deadlines.get(pid)
        if new is not None and any(old[k] != new.get(k) for k in old if k != "status"):
            return True
    return False


def _to_compare(before: Mapping[str, str], after: Mapping[str, str], news: frozenset[str]) -> frozenset[str]:
    """The programs `what_changed` can say something about, from the two snapshots: outcomes
    that moved, deadlines that are news (`news`, see what_changed.deadline_news) to someone who
    can apply, programs added or removed. The others it passes over, so only these are assessed
    under both rules; most profiles have none. `before`, `after`: program id -> status."""
    out = set(before.keys() ^ after.keys())
    for pid, status in after.items():
        old = before.get(pid)
        if old is not None and may_report(old, status, pid in news):
            out.add(pid)
    return frozenset(out)


def _load(db: Database):
    """Profiles, their answers (decoded for the engine, and as stored, for the snapshot), and the
    last assessment of each, in three queries. Damaged answer rows are left out, as everywhere."""
    conn = db.conn
    profiles = {pid: {"id": pid, "name": name, "applicant_type": kind}
                for pid, name, kind in conn.execute("SELECT id, name, applicant_type FROM profiles")}
    answers: dict[int, dict] = {}
    stored: dict[int, dict] = {}
    for pid, row in profiles.items():
        answers[pid] = {"applicant_type": row["applicant_type"]}
        stored[pid] = {"applicant_type": list(encode_answer(row["applicant_type"]))}
    decoded: dict[tuple, Any] = {}  # answer values are immutable: decode each distinct text once
    for pid, qid, kind, value in conn.execute(
            "SELECT profile_id, question_id, kind, value FROM answers ORDER BY rowid"):
        if pid in answers:
            key = (kind, value)
            found = decoded.get(key, decoded)
            if found is decoded:
                try:
                    found = decoded[key] = decode_answer(kind, value)
                except ValueError:
                    continue
            answers[pid][qid] = found
            stored[pid][qid] = [kind, value]
    last = {pid: (text, facts) for pid, text, facts in conn.execute(
        "SELECT a.profile_id, a.snapshot, a.program_facts FROM assessments a JOIN "
        "(SELECT profile_id, MAX(id) AS id FROM assessments GROUP BY profile_id) m ON a.id = m.id")}
    return profiles, answers, stored, last


class _Stored:
    """A profile's last check as the re-check reads it: its rules version, day, answers and the
    outcome of each program (id -> [status, missing, failed]) from the profile's own part of
    the row; the whole snapshot, with the programs' names and deadlines, only when asked."""

    __slots__ = ("facts", "data", "outcomes", "_whole")

    def __init__(self, text: str, facts: str | None):
        self.facts = facts
        self.data = data = json.loads(text)
        self._whole = None
        programs = data.get("programs", {})
        if data.get("format") == 2:
            self.outcomes = programs
        else:  # format 1: the whole snapshot in one text
            self._whole = data
            self.outcomes = outcomes(programs)

    def get(self, key: str, default=None):
        return self.data.get(key, default)

    def __bool__(self) -> bool:
        return bool(self.data)

    def statuses(self) -> dict[str, str]:
        return {pid: e[0] for pid, e in self.outcomes.items()}

    def whole(self) -> dict:
        if self._whole is None:
            self._whole = whole_snapshot(self.data, self.facts)
        return self._whole


class _Carry:
    """What can be carried over from a stored assessment instead of assessed again: per earlier
    rules version and day, the programs whose outcome is the same for any answers or for the
    answers at hand (desktop.engine.same_outcome.carry_over) and those whose deadline is news
    (what_changed.deadline_news);
    the other programs are assessed on the new rules' own plan, shared by every profile."""

    def __init__(self, new_pack: RulePack, as_of: dt.date, packs: Mapping[str, RulePack]):
        self.new_pack, self.as_of, self.packs = new_pack, as_of, packs
        cut = in_force(new_pack, as_of)
        self.order = list(cut.programs)
        self.names = {pid: p.name.to_dict() for pid, p in cut.programs.items()}
        deadlines = {pid: _deadline(program_deadline(p, as_of)) for pid, p in cut.programs.items()}
        self.deadlines = deadlines  # deadlines do not depend on the answers
        self._same: dict[tuple, frozenset] = {}
        self._news: dict[tuple, frozenset] = {}
        self.text = SnapshotText(as_of, new_pack.version, self.names, deadlines)

    def same(self, version: str, day: dt.date) -> CarryOver | None:
        old_pack = self.packs.get(version)
        if old_pack is None:
            return None
        key = (version, day)
        if key not in self._same:
            self._same[key] = carry_over(old_pack, day, self.new_pack, self.as_of)
        return self._same[key]

    def news(self, old_pack: RulePack, day: dt.date) -> frozenset:
        key = (old_pack.version, day)
        if key not in self._news:
            self._news[key] = deadline_news(old_pack, day, self.new_pack, self.as_of)
        return self._news[key]

    def snapshot(self, old_snapshot: _Stored, answers: Mapping[str, Any],
                 stored: Mapping[str, Any]) -> tuple[dict, str, dict] | None:
        """The new snapshot with the unchanged programs carried over: its statuses (program id
        -> status), its text, and the results of the programs assessed afresh; None when the
        stored assessment cannot be used (other answers since, or rules no longer on this
        machine)."""
        if old_snapshot.get("format") not in (1, 2) or old_snapshot.get("answers") != stored:
            return None
        carry = self.same(old_snapshot.get("rules_version"), dt.date.fromisoformat(old_snapshot.get("as_of")))
        if carry is None:
            return None
        same = carry.unchanged(answers)
        before = old_snapshot.outcomes
        todo = frozenset(pid for pid in self.order if pid not in same or pid not in before)
        fresh = {}
        if todo:
            fresh = {r.id: r for r in evaluate(self.new_pack, answers, self.as_of, programs=todo).programs}
        statuses, entries = {}, []
        entry = self.text.entry
        for pid in self.order:
            r = fresh.get(pid)
            if r is not None:
                statuses[pid] = r.status
                entries.append(entry(pid, r.status, r.missing, r.failed))
            else:
                status, missing, failed = before[pid]
                statuses[pid] = status
                entries.append(entry(pid, status, missing, failed))
        return statuses, self.text.dumps(entries, stored), fresh


def _part(assessment: Assessment, programs: frozenset) -> Assessment:
    return dataclasses.replace(assessment, programs=tuple(r for r in assessment.programs if r.id in programs))


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
    `new_pack` on `as_of`, by profile id, used rather than assessing those profiles again.

    A program whose outcome cannot differ from the stored one (same answers, same rule texts, or
    only table entries these answers never reach, see `same_outcome`) is carried over, not
    assessed again. What changed is worked out by the
    engine's `what_changed` on the programs it can say something about (`_to_compare`), each
    assessed under both rules; the changes are the same as from two full assessments."""
    profiles, answers, stored, last = _load(db)
    if only is None:
        targets = [pid for pid in last if pid in profiles]
    else:
        targets = [pid for pid in dict.fromkeys(only) if pid in profiles]
    carry = _Carry(new_pack, as_of, packs)
    rows: list[tuple] = []
    changed: list[Rechecked] = []
    total = len(targets)
    for done, pid in enumerate(targets, start=1):
        found = last.get(pid)
        old_snapshot = _Stored(*found) if found is not None else None
        new = (current or {}).get(pid)
        if (new is not None and (new.rules_version != new_pack.version or new.as_of != as_of
                                 or dict(new.answers) != answers[pid])):
            new = None
        carried = None
        fresh: dict = {}
        if new is None and old_snapshot:
            carried = carry.snapshot(old_snapshot, answers[pid], stored[pid])
        if carried is not None:
            statuses, text, fresh = carried
        else:
            new = new or evaluate(new_pack, answers[pid], as_of)
            data = snapshot(new)
            statuses, text = snapshot_statuses(data), own_text(data)  # the facts are carry.text's
        changes = None
        if old_snapshot is not None:
            changes = _changes(carry, old_snapshot, statuses, new, fresh, answers[pid])
        counts = count_statuses(statuses)
        rows.append((pid, now, as_of.isoformat(), new_pack.version, counts["eligible"], counts["ineligible"],
                     counts["undetermined"], text, carry.text.facts,
                     changes_to_json(changes) if changes is not None else None))
        if changes is not None:
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


def _changes(carry: _Carry, old_snapshot: _Stored, statuses: Mapping[str, str],
             new: Assessment | None, fresh: Mapping[str, Any], answers: Mapping[str, Any]) -> ProfileChanges | None:
    """What changed since the stored assessment, None when nothing did."""
    old_pack = carry.packs.get(old_snapshot.get("rules_version"))
    if old_pack is None:
        whole = old_snapshot.whole()
        if old_snapshot.statuses() == statuses and not _windows_moved(whole, carry.deadlines):
            return None  # without the earlier rules, the record is compared: outcomes and windows
        new = new or evaluate(carry.new_pack, answers, carry.as_of)
        changes = _snapshot_changes(whole, new)
        return changes if changes.changed else None
    old_day = dt.date.fromisoformat(old_snapshot.get("as_of"))
    compare = _to_compare(old_snapshot.statuses(), statuses, carry.news(old_pack, old_day))
    if not compare:
        return None
    if new is not None:
        new = _part(new, compare)
    elif compare <= fresh.keys():
        new = Assessment(as_of=carry.as_of, rules_version=carry.new_pack.version,
                         programs=tuple(fresh[pid] for pid in carry.order if pid in compare),
                         answers=dict(answers))
    else:
        new = evaluate(carry.new_pack, answers, carry.as_of, programs=compare)
    old_answers = decode_answers(old_snapshot.get("answers", {})) or answers
    old = evaluate(old_pack, old_answers, old_day, programs=compare)
    changes = what_changed(old, new, old_pack, carry.new_pack)
    return changes if changes.changed else None


_COLUMNS = ("profile_id", "created", "as_of", "rules_version", "eligible", "ineligible",
            "undetermined", "snapshot", "program_facts", "changes")


def _write(db: Database, rows: list[tuple]) -> None:
    if not rows:
        return
    with write_transaction(db):
        db.conn.executemany(
            f"INSERT INTO assessments ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})", rows)


def flagged_profiles(conn: sqlite3.Connection) -> dict[int, dict]:
    """Profiles whose last assessment changed something: profile id -> the stored changes
    ({"ko": ProfileChanges.to_dict('ko'), "en": ...})."""
    out = {}
    for row in rows(conn, 
        "SELECT a.profile_id, a.changes FROM assessments a JOIN "
        "(SELECT profile_id, MAX(id) AS id FROM assessments GROUP BY profile_id) m ON a.id = m.id "
        "WHERE a.changes IS NOT NULL"
    ):
        out[row["profile_id"]] = json.loads(row["changes"])
    return out


# ---------------------------------------------------------------- watch list


def watched(conn: sqlite3.Connection) -> list[str]:
    return [row["program_id"] for row in rows(conn, "SELECT program_id FROM watched_programs ORDER BY rowid")]


def read_watch_list(path: Path, timeout: float = 5.0) -> list[str]:
    """The watch list kept in a saved-profiles file, read without changing the file in any way
    (no migration, no recovery of a damaged file), for the command line. A file from before the
    watch list has none. StorageError when the file cannot be read as a database."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
        try:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'watched_programs'").fetchone() is None:
                return []
            return [row[0] for row in conn.execute("SELECT program_id FROM watched_programs ORDER BY rowid")]
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise storage_error(error, path) from error


def set_watched(db: Database, program_id: str, on: bool, now: str) -> None:
    if on:
        db.execute("INSERT INTO watched_programs (program_id, added) VALUES (?, ?) "
                   "ON CONFLICT (program_id) DO NOTHING", [program_id, now])
    else:
        db.execute("DELETE FROM watched_programs WHERE program_id = ?", [program_id])
