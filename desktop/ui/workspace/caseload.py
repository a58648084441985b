"""A consultant's caseload: every saved client evaluated against the rules, re-checked in batches,
and a client list imported whole.

No widgets here: the matrix window shows what this module works out, and the benchmark times it.
Everyone is evaluated with the engine's one `evaluate`; the store is read with one query for all
answers, one for all last checks and one for what changed, and written in batches (one
transaction per batch). What changed for a client is the engine's `what_changed`, worked out and
kept by `Store.recheck_all`, the same re-check a rule update runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence

from desktop.engine import evaluate
from desktop.engine.model import Assessment, RulePack
from desktop.engine.what_changed import ProfileChanges
from desktop.storage import Store
from desktop.tabular import ParsedRow
from desktop.ui.workspace import changes as _changes

RECHECK_BATCH = 100  # clients evaluated and saved per transaction


@dataclass
class Client:
    profile_id: int
    name: str
    applicant_type: str
    answers: dict[str, Any]
    assessment: Assessment
    last_rules: str | None  # the rules version of the newest saved check, if any
    changes: ProfileChanges | None = None  # what changed at that check, if anything

    @property
    def needs_recheck(self) -> bool:
        """Never checked, or last checked with other rules."""
        return self.last_rules is None or self.last_rules != self.assessment.rules_version

    @property
    def flagged(self) -> bool:
        return bool(_changes.programs(self.changes))

    @property
    def changed_programs(self) -> list[str]:
        return _changes.programs(self.changes)


def load_caseload(store: Store, pack: RulePack, as_of: dt.date) -> list[Client]:
    """Every saved profile, evaluated now, in a stable order (name, then id)."""
    summaries = store.list_profiles()
    answers = store.all_answers()
    last = store.last_rules_versions()
    flagged = store.flagged_changes()
    clients = []
    for s in summaries:
        given = answers.get(s.id, {"applicant_type": s.applicant_type})
        clients.append(Client(profile_id=s.id, name=s.name, applicant_type=s.applicant_type,
                              answers=given, assessment=evaluate(pack, given, as_of),
                              last_rules=last.get(s.id), changes=flagged.get(s.id)))
    clients.sort(key=lambda c: (c.name.casefold(), c.profile_id))
    return clients


def recheck(store: Store, pack: RulePack, as_of: dt.date, clients: Sequence[Client],
            packs: Mapping[str, RulePack] | None = None,
            progress: Callable[[int, int], bool] | None = None,
            batch: int | None = None) -> int:
    """Re-check `clients` with `pack` (the rule update's own re-check, `Store.recheck_all`), in
    batches of RECHECK_BATCH, each saved in one transaction. `progress(done, total)` is called
    after every batch; when it returns False the re-check stops there (what was saved stays
    saved, each client whole). `packs`: earlier rules still at hand, by version, so a change
    can name its cause. Afterwards each client carries their newest check and what changed
    then. Returns the number of clients re-checked."""
    known = dict(packs or {})
    known[pack.version] = pack
    done = 0

    def step(n: int, total: int) -> bool:
        nonlocal done
        done = n
        return progress(n, total) if progress is not None else True

    store.recheck_all(pack, as_of, known, step, batch or RECHECK_BATCH,
                      [c.profile_id for c in clients],
                      {c.profile_id: c.assessment for c in clients})
    last = store.last_rules_versions()
    flagged = store.flagged_changes()
    for client in clients:
        client.last_rules = last.get(client.profile_id)
        client.changes = flagged.get(client.profile_id)
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
