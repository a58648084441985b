"""A consultant's caseload: every saved client evaluated against the rules, re-checked in batches,
and a client list imported whole.

No widgets here: the matrix window shows what this module works out, and the benchmark times it.
Everyone is evaluated with the engine's one `evaluate`; the store is read with one query for all
answers and one for all last checks, and written in batches (one transaction per batch), so a
thousand clients take a few queries rather than tens of thousands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from desktop.engine import evaluate
from desktop.engine.model import Assessment, RulePack
from desktop.storage import AssessmentRecord, Store
from desktop.tabular import ParsedRow
from desktop.ui.workspace.changes import Change, what_changed

RECHECK_BATCH = 100  # clients evaluated and saved per transaction


@dataclass
class Client:
    profile_id: int
    name: str
    applicant_type: str
    answers: dict[str, Any]
    assessment: Assessment
    last: AssessmentRecord | None  # the newest saved check, if any
    changes: list[Change] | None = None  # set by a re-check: what changed ([] = nothing)
    checked: bool = field(default=False)  # re-checked in this session

    @property
    def stale(self) -> bool:
        """Never checked, or last checked with other rules."""
        return self.last is None or self.last.rules_version != self.assessment.rules_version

    @property
    def needs_recheck(self) -> bool:
        """Stale and not re-checked in this session."""
        return self.stale and not self.checked

    @property
    def flagged(self) -> bool:
        return bool(self.changes)


def load_caseload(store: Store, pack: RulePack, as_of: dt.date) -> list[Client]:
    """Every saved profile, evaluated now, in a stable order (name, then id)."""
    summaries = store.list_profiles()
    answers = store.all_answers()
    last = store.last_assessments()
    clients = []
    for s in summaries:
        given = answers.get(s.id, {"applicant_type": s.applicant_type})
        clients.append(Client(profile_id=s.id, name=s.name, applicant_type=s.applicant_type,
                              answers=given, assessment=evaluate(pack, given, as_of),
                              last=last.get(s.id)))
    clients.sort(key=lambda c: (c.name.casefold(), c.profile_id))
    return clients


def recheck(store: Store, clients: Sequence[Client],
            progress: Callable[[int], bool] | None = None,
            batch: int | None = None) -> int:
    """Compare each client's current assessment with their last check, flag what changed, and
    save a new check for those checked with other rules (or never). `progress(done)` is called
    after every batch; when it returns False the re-check stops there (what was saved stays
    saved, each client whole). Returns the number of clients re-checked."""
    batch = batch or RECHECK_BATCH
    done = 0
    for start in range(0, len(clients), batch):
        chunk = clients[start:start + batch]
        to_save = []
        for client in chunk:
            client.changes = what_changed(client.last, client.assessment)
            if client.needs_recheck:  # saved once, however often re-checked
                to_save.append((client.profile_id, client.assessment))
        if to_save:
            store.save_assessments(to_save)
        for client in chunk:
            client.checked = True
        done += len(chunk)
        if progress is not None and not progress(done):
            break
    return done


def import_clients(store: Store, pack: RulePack, rows: Iterable[ParsedRow],
                   as_of: dt.date) -> list[int]:
    """The good rows as new profiles, each with its first check, in one transaction: all of
    them or none. A row with a bad cell is never imported, not even in part."""
    good = [r for r in rows if r.ok]
    if not good:
        return []
    checks = [evaluate(pack, r.answers, as_of) for r in good]
    return store.create_profiles([(r.name, r.applicant_type, r.answers) for r in good], checks)
