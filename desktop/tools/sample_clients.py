"""A made-up client list in the import format, for trying the workspace, tests and benchmarks.

    .venv/bin/python -m desktop.tools.sample_clients clients.xlsx --rows 300 --bad-every 25

Every row is a fictitious company, school or person with answers to the questions asked of that
kind of applicant: some blank (not answered), some `모름`, amounts written as 억/만 text or whole
won, options by value or Korean label, several choices joined by `;`. With `bad_every`, every
n-th row gets one bad cell (a word where an amount belongs, an impossible date, an option that is
not there, ...). Half of the headers are the questions' Korean labels, half their ids, as a
consultant's own sheet would mix them. The same seed gives the same list.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path
from typing import Any

from desktop.engine.model import APPLICANT_TYPES, Question, RulePack

_SURNAMES = ("대한", "한빛", "새솔", "동해", "청솔", "누리", "미래", "가온", "하늘", "바른")
_KINDS = {"company": ("정밀", "테크", "산업", "푸드", "소재"), "school": ("고등학교", "공업고", "마이스터고"),
          "individual": ("씨",)}
_BAD = {
    "amount": "열두 억", "int": "many", "date": "2021-13-40", "bool": "maybe",
    "choice": "nowhere", "multi": "nothing_like_this", "industry": "Z99", "text": None,
}


def _value(rng: random.Random, pack: RulePack, q: Question) -> Any:
    t = q.type
    if t == "bool":
        return rng.choice(("예", "아니오", "true", "false", "no"))
    if t == "int":
        low = int(q.min) if q.min is not None else 0
        high = min(int(q.max) if q.max is not None else 500, low + 500)
        return rng.randint(low, high)
    if t == "amount":
        most = int(q.max // 100_000_000) if q.max is not None else 3000
        eok = rng.randint(1, max(1, min(3000, most - 1)))
        return rng.choice((f"{eok:,}억", eok * 100_000_000, f"{eok}억 {rng.randint(1, 9)}천만"))
    if t == "date":
        return (dt.date(1965, 1, 1) + dt.timedelta(days=rng.randint(0, 21_000))).isoformat()
    if t == "choice":
        option = rng.choice(q.options)
        return rng.choice((option.value, option.label.ko))
    if t == "multi":
        picked = rng.sample(list(q.options), k=min(len(q.options), rng.randint(1, 2)))
        return ";".join(o.value for o in picked)
    if t == "industry":
        return rng.choice(list(pack.industries))
    return "메모"


def sample_rows(pack: RulePack, rows: int, seed: int = 14,
                bad_every: int | None = None) -> tuple[list[str], list[list[Any]], set[int]]:
    """(header, rows, spreadsheet row numbers that hold a bad cell)."""
    rng = random.Random(seed)
    questions = [q for q in pack.questions.values() if q.id != "applicant_type"]
    header = ["이름", "신청자 유형"] + [q.label.ko if i % 2 else q.id
                                       for i, q in enumerate(questions)]
    out: list[list[Any]] = []
    bad_rows: set[int] = set()
    for n in range(rows):
        kind = rng.choice(APPLICANT_TYPES)
        name = f"{rng.choice(_SURNAMES)}{rng.choice(_KINDS[kind])} {n + 1:04d}"
        line: list[Any] = [name, rng.choice((kind, {"company": "기업", "school": "학교",
                                                    "individual": "개인"}[kind]))]
        for q in questions:
            if kind not in q.audience or rng.random() < 0.15:
                line.append("")
            elif rng.random() < 0.08:
                line.append("모름")
            else:
                line.append(_value(rng, pack, q))
        if bad_every and (n + 1) % bad_every == 0:
            candidates = [i for i, q in enumerate(questions, start=2)
                          if kind in q.audience and _BAD.get(q.type)]
            at = rng.choice(candidates)
            line[at] = _BAD[questions[at - 2].type]
            bad_rows.add(n + 2)  # the header is row 1
        out.append(line)
    return header, out, bad_rows


def main(argv: list[str] | None = None) -> int:
    from desktop.engine import load_rules
    from desktop.tabular import write_table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="a .xlsx or .csv file to write")
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--bad-every", type=int, default=None)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    header, rows, bad = sample_rows(load_rules(), args.rows, args.seed, args.bad_every)
    write_table(Path(args.output), header, rows, sheet_name="clients")
    print(f"{args.output}: {len(rows)} clients, {len(bad)} with a bad cell")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
