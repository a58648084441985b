"""The register at a glance: outcomes per program and status, and the questions worth asking.

A question's weight is the number of undetermined outcomes (applicant × program) that name it as
deciding. Ranked by weight, the first k questions "settle" an open outcome when every deciding
question it names is among them: "asking these 3 questions settles 41% of the open outcomes".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from desktop.engine.model import RulePack
from desktop.engine.sql.literals import LIST_SEP

STATUSES = ("eligible", "ineligible", "undetermined")
RANKED = 10  # questions listed in the summary
HEADER = ["kind", "program", "status", "rank", "question", "label", "count", "share"]


@dataclass
class Summary:
    programs: tuple[str, ...]
    counts: Counter = field(default_factory=Counter)  # (program, status) -> outcomes
    open_sets: Counter = field(default_factory=Counter)  # deciding questions (tuple) -> outcomes

    def add(self, program: str, status: str, deciding: str, n: int = 1) -> None:
        self.counts[(program, status)] += n
        if status == "undetermined":
            self.open_sets[tuple(q for q in (deciding or "").split(LIST_SEP) if q)] += n

    @property
    def open_outcomes(self) -> int:
        return sum(self.open_sets.values())

    def ranked(self) -> list[tuple[str, int, float]]:
        """(question, outcomes naming it, share of open outcomes settled by asking it and the
        ones ranked above it)."""
        weight: Counter = Counter()
        for qs, n in self.open_sets.items():
            for q in qs:
                weight[q] += n
        order = [q for q, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))][:RANKED]
        total = self.open_outcomes
        out = []
        asked: set[str] = set()
        for q in order:
            asked.add(q)
            settled = sum(n for qs, n in self.open_sets.items() if qs and set(qs) <= asked)
            out.append((q, weight[q], settled / total if total else 0.0))
        return out

    def headline(self, pack: RulePack, lang: str, k: int = 3) -> str:
        ranked = self.ranked()[:k]
        if not ranked:
            return "미정인 결과가 없습니다" if lang == "ko" else "no outcome is undetermined"
        share = round(ranked[-1][2] * 100)
        if lang == "en":
            return f"asking these {len(ranked)} questions settles {share}% of the open outcomes"
        return f"이 {len(ranked)}개 질문을 물으면 미정인 결과의 {share}%가 정해집니다"

    def rows(self, pack: RulePack, lang: str, screened: int) -> tuple[list[str], list[list]]:
        """The summary as one table (header, rows): status counts, then the ranked questions."""
        header = HEADER
        rows: list[list] = []
        for pid in self.programs:
            for status in STATUSES:
                n = self.counts.get((pid, status), 0)
                rows.append(["status", pid, status, "", "", "", n, round(n / screened, 4) if screened else 0.0])
        for rank, (q, n, share) in enumerate(self.ranked(), 1):
            question = pack.questions.get(q)
            label = question.label.get(lang) if question is not None else q
            rows.append(["question", "", "undetermined", rank, q, label, n, round(share, 4)])
        rows.append(["headline", "", "", "", "", self.headline(pack, lang), self.open_outcomes, ""])
        return header, rows


def from_sql(con, relation: str, compiled, programs, settled_apart: bool = False) -> Summary:
    """Count the outcomes in DuckDB, in one query (grouped there by status code and mask of
    deciding questions, which is 0 unless undetermined; only the totals come to Python, spelled
    by the compiled pack). `relation` holds the compiled pack's stored outcomes
    (CompiledPack.outcomes_sql); `settled_apart`: the outcomes the reference engine settles are
    not counted here."""
    from desktop.engine.sql.literals import text

    summary = Summary(tuple(programs))
    parts = []
    for pid in programs:
        status, deciding = compiled.stored(pid), compiled.stored(pid + ".deciding")
        where = f" WHERE NOT {compiled.stored(pid + '.settle')}" if settled_apart else ""
        counted = f"SELECT {status} AS s, {deciding} AS d, count(*) AS n FROM {relation}{where} GROUP BY ALL"
        parts.append(f"SELECT {text(pid)} AS program, {compiled.spelled(pid, 's')} AS status, "
                     f"COALESCE({compiled.spelled(pid + '.deciding', 'd')}, '') AS deciding, n FROM ({counted})")
    if parts:
        for pid, st, d, n in con.execute(" UNION ALL ".join(parts)).fetchall():
            summary.add(pid, st, d, n)
    return summary
