"""How fast the engine is, in figures (a plain script, not a test: timings depend on the machine).

    .venv/bin/python benchmarks/bench_engine.py [--profiles 10000]

Measures: loading and compiling the whole rule pack; re-evaluating every program after one answer
changes (what the wizard does on each click); profile evaluations per second on one core over
generated profiles; and the same rules for two programs written by hand in plain Python, for a
ratio of what the generality costs.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.engine import evaluate, load_rules  # noqa: E402
from desktop.engine.cases import case_files  # noqa: E402
from desktop.engine.model import APPLICANT_TYPES  # noqa: E402
from desktop.engine.profile import load_profile  # noqa: E402

DAY = dt.date(2026, 3, 2)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


# ---------------------------------------------------------------- generated profiles


def random_value(rng: random.Random, pack, q):
    if q.type == "bool":
        return rng.random() < 0.5
    if q.type in ("int", "amount"):
        lo = int(q.min) if q.min is not None else 0
        hi = int(q.max) if q.max is not None else 10**12
        hi = min(hi, 10**12 if q.type == "amount" else 10**4)
        if q.type == "amount" and rng.random() < 0.7:
            return rng.randrange(10**8, 3 * 10**11)  # 1억 .. 3,000억: where the limits are
        return rng.randint(lo, max(lo, hi))
    if q.type == "date":
        return dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(0, 24000))
    if q.type == "choice":
        return rng.choice(q.options).value
    if q.type == "multi":
        return tuple(o.value for o in q.options if rng.random() < 0.4)
    if q.type == "industry":
        return rng.choice(list(pack.industries))
    return "text"


def generate_profiles(pack, n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    by_type = {t: [q for q in pack.questions.values() if t in q.audience and q.id != "applicant_type"] for t in APPLICANT_TYPES}
    out = []
    for _ in range(n):
        applicant = rng.choice(APPLICANT_TYPES)
        answers = {"applicant_type": applicant}
        for q in by_type[applicant]:
            r = rng.random()
            if r < 0.2:
                continue
            answers[q.id] = None if r < 0.3 else random_value(rng, pack, q)
        out.append(answers)
    return out


# ---------------------------------------------------------------- the same rules, by hand
# sme-ax and nesp-type1 written directly in Python with None as "unknown", computing the status
# and the failed criteria. Kept in step with rules/programs/*.yaml by a check in main().


def and3(*xs):
    if any(x is False for x in xs):
        return False
    return None if any(x is None for x in xs) else True


def or3(*xs):
    if any(x is True for x in xs):
        return True
    return None if any(x is None for x in xs) else False


def not3(x):
    return None if x is None else not x


def cmp3(a, op, b):
    if a is None or b is None:
        return None
    return op(a, b)


def make_hand_coded(pack):
    import operator as o

    # the ceilings in force at the close of the last fiscal year, as the rules read them
    ceiling = pack.tables["sme_sales_ceiling"].entries_on(dt.date(DAY.year - 1, 12, 31))
    sections = dict(pack.tables["ksic_section"].entries)

    def prefix(table, key):
        if key is None:
            return None
        for n in range(len(key), 0, -1):
            v = table.get(key[:n])
            if v is not None:
                return v
        return None

    def status(tree, exclusions):
        if tree is False or True in exclusions:
            return "ineligible"
        if tree is True and None not in exclusions:
            return "eligible"
        return "undetermined"

    def sme_ax(a):
        if a.get("applicant_type") != "company":
            return "ineligible", ["audience"]
        industry = a.get("industry")
        limit = prefix(ceiling, industry)
        section = prefix(sections, industry)
        sales = cmp3(a.get("avg_sales_3y"), o.le, limit)
        assets = cmp3(a.get("total_assets"), o.lt, 500_000_000_000)
        control = and3(not3(a.get("in_disclosure_group")), not3(a.get("owned_30pct_by_large")))
        related = not3(a.get("related_group_exceeds"))
        grace = a.get("in_sme_grace_period")
        plans = a.get("ai_plans")
        ai = None if plans is None else bool({"adopt_ai", "ai_factory", "develop_ai"} & set(plans))
        tree = and3(control, related, or3(and3(sales, assets), grace), ai)
        st = a.get("business_status")
        excl = [a.get("tax_arrears"), None if st is None else st in ("suspended", "closed"), a.get("excluded_business_type"), cmp3(section, o.eq, "K")]
        result = status(tree, excl)
        failed = []
        if result == "ineligible":
            if tree is False:
                failed += [n for n, v in (("sme_not_group_controlled", control), ("sme_related_sales", related)) if v is False]
                if or3(and3(sales, assets), grace) is False:
                    failed += [n for n, v in (("sme_sales", sales), ("sme_assets", assets)) if v is False]
                    failed += ["sme_grace"] if grace is False else []
                if ai is False:
                    failed.append("ai_activity")
            failed += [n for n, v in zip(("tax_arrears", "closed_or_suspended", "excluded_industry", "finance_insurance"), excl) if v is True]
        return result, failed

    def years_since(d):
        if d is None:
            return None
        y = DAY.year - d.year
        return y - 1 if (DAY.month, DAY.day) < (d.month, d.day) else y

    def nesp1(a):
        if a.get("applicant_type") != "individual":
            return "ineligible", ["audience"]
        age = years_since(a.get("birth_date"))
        income = a.get("household_income_pct")
        assets = a.get("household_assets")
        seeking = cmp3(a.get("employment_status"), o.eq, "job_seeking")
        in_15_69 = None if age is None else 15 <= age <= 69
        youth = None if age is None else 18 <= age <= 34
        cap = None if youth is None else (500_000_000 if youth else 400_000_000)
        means = and3(in_15_69, cmp3(income, o.le, 60), cmp3(assets, o.le, cap),
                     or3(cmp3(a.get("work_days_2y"), o.ge, 100), cmp3(a.get("work_hours_2y"), o.ge, 800)))
        select = and3(youth, cmp3(income, o.le, 120), cmp3(assets, o.le, 500_000_000))
        tree = and3(seeking, or3(means, select))
        return status(tree, []), []

    return {"sme-ax": sme_ax, "nesp-type1": nesp1}


# ---------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=10_000)
    parser.add_argument("--rules", default=None)
    args = parser.parse_args()

    t0 = time.perf_counter()
    pack = load_rules(args.rules)
    cold = time.perf_counter() - t0
    loads = []
    for _ in range(10):
        t0 = time.perf_counter()
        load_rules(args.rules)
        loads.append(time.perf_counter() - t0)
    print(f"rules {pack.version}: {len(pack.programs)} programs, {len(pack.questions)} questions, "
          f"{len(pack.definitions)} definitions, {len(pack.errors)} problems")
    print(f"load + compile whole pack: first {ms(cold)}, median of 10 {ms(statistics.median(loads))}  (target <= 150 ms)")

    # One answer changes, everything is re-evaluated: what the wizard does on each click.
    case = load_profile(case_files(pack.root)[0], pack)
    answers = dict(case.answers)
    bools = [q.id for q in pack.questions.values() if q.type == "bool" and case.applicant_type in q.audience]
    times = []
    for i in range(2000):
        qid = bools[i % len(bools)]
        answers[qid] = bool(i % 2)
        t0 = time.perf_counter()
        evaluate(pack, answers, DAY)
        times.append(time.perf_counter() - t0)
    print(f"re-evaluate all {len(pack.programs)} programs after one answer: median {ms(statistics.median(times))}, "
          f"p95 {ms(sorted(times)[int(len(times) * 0.95)])}  (target <= 1 ms median)")

    profiles = generate_profiles(pack, args.profiles)
    gc.collect()
    t0 = time.perf_counter()
    statuses = {"eligible": 0, "ineligible": 0, "undetermined": 0}
    for answers in profiles:
        for r in evaluate(pack, answers, DAY).programs:
            statuses[r.status] += 1
    elapsed = time.perf_counter() - t0
    print(f"{len(profiles)} generated profiles x {len(pack.programs)} programs: {elapsed:.2f} s, "
          f"{len(profiles) / elapsed:,.0f} profile evaluations/s on one core  (target >= 5,000/s)")
    print(f"  outcomes: {statuses}")

    # The same two programs by hand, against the engine restricted to those two programs.
    hand = make_hand_coded(pack)
    sub = dataclasses.replace(pack, programs={k: pack.programs[k] for k in hand}, compiled=None)
    # The hand-written rules are plain three-valued logic; the engine's outcomes are exact, so it
    # may decide what three-valued logic leaves open, but never contradict a decided result.
    mismatches = 0
    settled = 0
    for answers in profiles:
        got = {r.id: (r.status, list(r.failed)) for r in evaluate(sub, answers, DAY).programs}
        for pid, fn in hand.items():
            status, failed = fn(answers)
            if status == "undetermined" and got[pid][0] != "undetermined":
                settled += 1
            elif got[pid][0] != status or (pid == "sme-ax" and got[pid][1] != failed):
                mismatches += 1
    t0 = time.perf_counter()
    for answers in profiles:
        evaluate(sub, answers, DAY)
    engine_time = time.perf_counter() - t0
    t0 = time.perf_counter()
    for answers in profiles:
        for fn in hand.values():
            fn(answers)
    hand_time = time.perf_counter() - t0
    print(f"two programs (sme-ax, nesp-type1) over {len(profiles)} profiles: engine {engine_time * 1000:.0f} ms, "
          f"hand-written Python {hand_time * 1000:.0f} ms, ratio {engine_time / hand_time:.1f}x "
          f"(the engine also records every criterion, its values and the questions still missing)")
    print(f"  hand-written and engine results agree on {len(profiles) * len(hand) - mismatches - settled} of "
          f"{len(profiles) * len(hand)}; the engine settles {settled} that three-valued logic leaves open; "
          f"{mismatches} contradictions")
    return 0 if mismatches == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
