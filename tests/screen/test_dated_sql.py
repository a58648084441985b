"""Dated rules compiled to SQL: the compiler takes the rules in force on the day it is given
(table entries, definition versions, criteria), and a look-up read on another day (a constant
one, or one taken from an answer) reads the entries of that day, as the reference engine does."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

from desktop.engine import evaluate, load_rules
from desktop.engine.sql import compile_pack
from desktop.screen.synthetic import Generator

pytest.importorskip("duckdb")
from desktop.screen import duck  # noqa: E402

D = dt.date
FIXTURES = Path(__file__).resolve().parent.parent / "engine" / "fixtures"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def dated_pack(tmp_path, monkeypatch):
    """The small rule folder with a dated table entry, a dated definition whose earlier version
    reads the table on the founding day, and a criterion in force only until the end of 2025."""
    shutil.copytree(FIXTURES / "rules", tmp_path / "rules")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    rules = tmp_path / "rules"
    text = (rules / "definitions.yaml").read_text(encoding="utf-8")
    start, end = text.index("  sme_sales_ceiling:"), text.index("  manufacturing:")
    table = textwrap.dedent("""\
          sme_sales_ceiling:
            match: prefix
            entries:
              C10:
                - {value: 100000000000, valid_to: 2025-08-31}
                - {value: 120000000000, valid_from: 2025-09-01}
              C25: 120000000000
              C29: 120000000000
              F: 120000000000
        """)
    (rules / "definitions.yaml").write_text(text[:start] + textwrap.indent(table, "  ") + text[end:], encoding="utf-8")
    _edit(rules / "definitions.yaml", """\
  - id: sales_ceiling
    label: {ko: 업종별 매출 기준, en: Sales ceiling for the industry}
    expr: "lookup('sme_sales_ceiling', industry)"
""", """\
  - id: sales_ceiling
    label: {ko: 업종별 매출 기준, en: Sales ceiling for the industry}
    valid_to: 2025-08-31
    expr: "lookup('sme_sales_ceiling', industry, founded)"
  - id: sales_ceiling
    label: {ko: 업종별 매출 기준, en: Sales ceiling for the industry}
    valid_from: 2025-09-01
    expr: "lookup('sme_sales_ceiling', industry)"
""")
    _edit(rules / "programs" / "sme-grant.yaml", "expr: \"avg_sales_3y <= lookup('sme_sales_ceiling', industry)\"",
          "expr: \"avg_sales_3y <= sales_ceiling\"")
    _edit(rules / "programs" / "sme-grant.yaml", """\
      expr: "not in_big_group"
""", """\
      expr: "not in_big_group"
      valid_to: 2025-12-31
""")
    pack = load_rules(rules)
    assert pack.errors == ()
    return pack


def _sql_outcome(pack, answers, day, pid):
    compiled = compile_pack(pack, day, [pid])
    con = duck.connect(memory_limit="1GB", threads=1)
    duck.load_answers(con, pack, [answers])
    row = dict(zip([d[0] for d in con.execute(compiled.sql()).description], con.execute(compiled.sql()).fetchone()))
    return row[pid], row[pid + ".failed"]


COMPANY = {"applicant_type": "company", "industry": "C10", "avg_sales_3y": 110_000_000_000,
           "in_big_group": False, "tax_arrears": False, "founded": D(2024, 1, 1)}


def test_the_rules_of_the_day_compile(dated_pack):
    # Before 2025-09-01 the ceiling is read on the founding day: 2024 gives the old 1,000억.
    before = _sql_outcome(dated_pack, COMPANY, D(2025, 8, 31), "sme-grant")
    assert before == ("ineligible", "sales_limit")
    assert evaluate(dated_pack, COMPANY, D(2025, 8, 31)).by_id("sme-grant").status == "ineligible"
    founded_later = dict(COMPANY, founded=D(2025, 9, 15))
    assert _sql_outcome(dated_pack, founded_later, D(2025, 8, 31), "sme-grant")[0] == "eligible"
    assert _sql_outcome(dated_pack, dict(COMPANY, founded=None), D(2025, 8, 31), "sme-grant")[0] == "undetermined"
    # From 2025-09-01 the table of the day: 1,200억.
    assert _sql_outcome(dated_pack, COMPANY, D(2025, 9, 1), "sme-grant")[0] == "eligible"
    # The large-group criterion is out of force from 2026: not compiled, not failed.
    big = dict(COMPANY, in_big_group=True)
    assert _sql_outcome(dated_pack, big, D(2025, 12, 31), "sme-grant") == ("ineligible", "not_big_group")
    assert _sql_outcome(dated_pack, big, D(2026, 1, 1), "sme-grant")[0] == "eligible"
    leaves = [leaf.criterion.id for leaf in compile_pack(dated_pack, D(2026, 1, 1), ["sme-grant"]).programs[0].leaves]
    assert "not_big_group" not in leaves


@pytest.mark.parametrize("day", [D(2025, 8, 31), D(2025, 9, 1), D(2026, 1, 1)])
def test_generated_profiles_agree_on_each_day(dated_pack, differential, day):
    gen = Generator(dated_pack, day, seed=day.toordinal())
    profiles = [(answers, day) for answers in gen.profiles(3000)]
    counts = differential(dated_pack, profiles, lambda i: f"{day} generated #{i}")
    assert counts["criteria"] > 1000


@pytest.mark.parametrize("day", [D(2025, 8, 31), D(2025, 9, 1), D(2026, 6, 1)])
def test_shipped_rules_agree_around_the_ceiling_change(pack, differential, day):
    """The shipped SME ceilings are read on the close of the last fiscal year (a constant day
    worked out from the assessment date), so 2025-09-01 still reads the earlier table."""
    gen = Generator(pack, day, seed=day.toordinal())
    profiles = [(answers, day) for answers in gen.profiles(2000)]
    differential(pack, profiles, lambda i: f"{day} generated #{i}")
