"""Dated rules: valid_from / valid_to on table entries, definitions, criteria and benefits, the
checks that refuse overlaps and holes, and evaluation "as of" a day using the rules in force."""

import datetime as dt
import textwrap

from desktop.engine import evaluate, load_rules

D = dt.date


def write(path, text):
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def messages(pack):
    return [str(e) for e in pack.errors]


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


COMPANY = {
    "applicant_type": "company",
    "industry": "C10",
    "avg_sales_3y": 110_000_000_000,
    "in_big_group": False,
    "tax_arrears": False,
    "founded": D(2024, 1, 1),
}

DATED_C10 = """\
      C10:
        - {value: 100000000000, valid_to: 2025-08-31}
        - {value: 120000000000, valid_from: 2025-09-01}
"""


def _date_the_ceiling(mini_dir, entry=DATED_C10):
    """Rewrite the fixture's sales-ceiling table with C10 dated (one value before 2025-09-01, one after)."""
    text = (mini_dir / "definitions.yaml").read_text(encoding="utf-8")
    start = text.index("  sme_sales_ceiling:")
    end = text.index("  manufacturing:")
    table = (
        "  sme_sales_ceiling:\n    match: prefix\n    entries:\n" + entry
        + "      C25: 120000000000\n      C29: 120000000000\n      F: 120000000000\n"
    )
    (mini_dir / "definitions.yaml").write_text(text[:start] + table + text[end:], encoding="utf-8")


def test_dated_table_entry_follows_the_day(mini_dir):
    _date_the_ceiling(mini_dir)
    pack = load_rules(mini_dir)
    assert pack.errors == ()
    before = evaluate(pack, COMPANY, D(2025, 8, 31)).by_id("sme-grant")
    after = evaluate(pack, COMPANY, D(2025, 9, 1)).by_id("sme-grant")
    assert before.status == "ineligible" and "sales_limit" in before.failed
    assert before.near_misses[0].limit == 100_000_000_000
    assert after.status == "eligible"
    assert evaluate(pack, COMPANY, D(2025, 8, 31)).rules_version == evaluate(pack, COMPANY, D(2026, 1, 1)).rules_version


def test_lookup_reads_the_table_on_the_day_given(mini_dir):
    _date_the_ceiling(mini_dir)
    edit(mini_dir / "definitions.yaml", "expr: \"lookup('sme_sales_ceiling', industry)\"",
         "expr: \"lookup('sme_sales_ceiling', industry, date_of(year(today) - 1, 12, 31))\"")
    edit(mini_dir / "programs" / "sme-grant.yaml", "expr: \"avg_sales_3y <= lookup('sme_sales_ceiling', industry)\"",
         "expr: \"avg_sales_3y <= sales_ceiling\"")
    pack = load_rules(mini_dir)
    assert pack.errors == ()
    # Figures of the fiscal year closed on 2024-12-31: the earlier value, even after 2025-09-01.
    assert evaluate(pack, COMPANY, D(2025, 10, 1)).by_id("sme-grant").status == "ineligible"
    assert evaluate(pack, COMPANY, D(2026, 1, 1)).by_id("sme-grant").status == "eligible"


def test_lookup_day_must_be_a_date(mini_dir):
    edit(mini_dir / "definitions.yaml", "expr: \"lookup('sme_sales_ceiling', industry)\"",
         "expr: \"lookup('sme_sales_ceiling', industry, 2025)\"")
    pack = load_rules(mini_dir)
    assert any("rules/definitions.yaml:" in m and "third argument" in m and "must be a date" in m
               for m in messages(pack)), messages(pack)


def test_overlapping_table_entry_is_refused(mini_dir):
    _date_the_ceiling(mini_dir, DATED_C10.replace("valid_to: 2025-08-31", "valid_to: 2025-09-01"))
    pack = load_rules(mini_dir)
    found = [m for m in messages(pack) if "overlaps" in m]
    assert found and found[0].startswith("rules/definitions.yaml:7: ")
    assert "entry 'C10'" in found[0] and "2025-09-01" in found[0]


def test_hole_between_table_entry_versions_is_refused(mini_dir):
    _date_the_ceiling(mini_dir, DATED_C10.replace("valid_to: 2025-08-31", "valid_to: 2025-06-30"))
    pack = load_rules(mini_dir)
    found = [m for m in messages(pack) if "no version in force" in m]
    assert found and "from 2025-07-01 to 2025-08-31" in found[0]
    assert found[0].startswith("rules/definitions.yaml:7: ")


def test_bad_dates_and_reversed_ends(mini_dir):
    _date_the_ceiling(mini_dir, DATED_C10.replace("valid_to: 2025-08-31", "valid_to: 2025-02-30"))
    assert any("valid_to: '2025-02-30' is not a real date" in m for m in messages(load_rules(mini_dir)))
    edit(mini_dir / "programs" / "sme-grant.yaml", "      expr: \"not in_big_group\"",
         "      expr: \"not in_big_group\"\n      valid_from: 2026-01-01\n      valid_to: 2025-01-01")
    assert any("sme-grant.yaml:" in m and "valid_to 2025-01-01 is before valid_from 2026-01-01" in m
               for m in messages(load_rules(mini_dir)))


DATED_DEFINITION = """\
  - id: sales_ceiling
    label: {ko: 업종별 매출 기준, en: Sales ceiling for the industry}
    valid_to: 2025-08-31
    expr: "90000000000"
  - id: sales_ceiling
    label: {ko: 업종별 매출 기준, en: Sales ceiling for the industry}
    valid_from: 2025-09-01
    expr: "lookup('sme_sales_ceiling', industry)"
"""


def _dated_definition(mini_dir, versions=DATED_DEFINITION):
    edit(mini_dir / "definitions.yaml", """\
  - id: sales_ceiling
    label: {ko: 업종별 매출 기준, en: Sales ceiling for the industry}
    expr: "lookup('sme_sales_ceiling', industry)"
""", versions)
    edit(mini_dir / "programs" / "sme-grant.yaml", "expr: \"avg_sales_3y <= lookup('sme_sales_ceiling', industry)\"",
         "expr: \"avg_sales_3y <= sales_ceiling\"")


def test_dated_definition_picks_the_version_in_force(mini_dir):
    _dated_definition(mini_dir)
    pack = load_rules(mini_dir)
    assert pack.errors == ()
    assert len(pack.definitions["sales_ceiling"].versions) == 2
    small = dict(COMPANY, avg_sales_3y=95_000_000_000)
    assert evaluate(pack, small, D(2025, 8, 31)).by_id("sme-grant").status == "ineligible"
    assert evaluate(pack, small, D(2025, 9, 1)).by_id("sme-grant").status == "eligible"


def test_definition_must_always_have_a_value(mini_dir):
    _dated_definition(mini_dir, DATED_DEFINITION.replace("valid_from: 2025-09-01", "valid_from: 2025-10-01"))
    found = messages(load_rules(mini_dir))
    assert any("definition 'sales_ceiling': no version in force from 2025-09-01 to 2025-09-30" in m for m in found), found


def test_definition_versions_must_not_overlap(mini_dir):
    _dated_definition(mini_dir, DATED_DEFINITION.replace("valid_to: 2025-08-31", "valid_to: 2025-09-15"))
    found = messages(load_rules(mini_dir))
    assert any("definition 'sales_ceiling': the version" in m and "overlaps" in m for m in found), found


def test_single_dated_definition_leaves_days_without_a_value(mini_dir):
    edit(mini_dir / "definitions.yaml", """\
    expr: "lookup('sme_sales_ceiling', industry)"
""", """\
    valid_from: 2025-09-01
    expr: "lookup('sme_sales_ceiling', industry)"
""")
    found = messages(load_rules(mini_dir))
    assert any("must always have a value: nothing in force before 2025-09-01" in m for m in found), found


def test_undated_duplicate_definition_is_still_a_duplicate(mini_dir):
    _dated_definition(mini_dir, DATED_DEFINITION.replace("    valid_to: 2025-08-31\n", "").replace(
        "    valid_from: 2025-09-01\n", ""))
    assert any("duplicate definition id 'sales_ceiling'" in m for m in messages(load_rules(mini_dir)))


def test_dated_criterion_and_benefit(mini_dir):
    edit(mini_dir / "programs" / "sme-grant.yaml", """\
    - id: not_big_group
      text: {ko: 대기업집단에 속하지 않을 것, en: Not part of a large business group}
      expr: "not in_big_group"
""", """\
    - id: not_big_group
      text: {ko: 대기업집단에 속하지 않을 것, en: Not part of a large business group}
      expr: "not in_big_group"
      valid_to: 2025-12-31
""")
    edit(mini_dir / "programs" / "sme-grant.yaml",
         "  - {text: {ko: 최대 2억 원, en: Up to KRW 200 million}, amount: 200000000}",
         "  - {text: {ko: 최대 2억 원, en: Up to KRW 200 million}, amount: 200000000, valid_to: 2025-12-31}\n"
         "  - {text: {ko: 최대 3억 원, en: Up to KRW 300 million}, amount: 300000000, valid_from: 2026-01-01}")
    pack = load_rules(mini_dir)
    assert pack.errors == ()
    big = dict(COMPANY, in_big_group=True, avg_sales_3y=1)
    old = evaluate(pack, big, D(2025, 12, 31)).by_id("sme-grant")
    new = evaluate(pack, big, D(2026, 1, 1)).by_id("sme-grant")
    assert old.status == "ineligible" and old.failed == ("not_big_group",)
    assert [b.amount for b in old.program.benefits] == [200_000_000]
    assert "not_big_group" not in [c.id for c in new.criteria]
    assert new.status == "eligible"
    assert [b.amount for b in new.program.benefits] == [300_000_000]
    # The loaded pack itself keeps every version; only the evaluation cuts.
    assert len(pack.programs["sme-grant"].benefits) == 2


def test_criterion_versions_with_one_id(mini_dir):
    edit(mini_dir / "programs" / "sme-grant.yaml", """\
    - id: not_big_group
      text: {ko: 대기업집단에 속하지 않을 것, en: Not part of a large business group}
      expr: "not in_big_group"
""", """\
    - id: not_big_group
      text: {ko: 대기업집단에 속하지 않을 것, en: Not part of a large business group}
      expr: "not in_big_group"
      valid_to: 2025-12-31
    - id: not_big_group
      text: {ko: 매출 1억 이상, en: Sales of KRW 100 million or more}
      expr: "avg_sales_3y >= 100000000"
      valid_from: 2025-12-31
""")
    found = messages(load_rules(mini_dir))
    assert any("criterion 'not_big_group': the version in force from 2025-12-31 overlaps" in m and "overlaps" in m for m in found), found
    edit(mini_dir / "programs" / "sme-grant.yaml", "valid_from: 2025-12-31", "valid_from: 2026-01-01")
    pack = load_rules(mini_dir)
    assert pack.errors == ()
    assert evaluate(pack, dict(COMPANY, avg_sales_3y=1), D(2026, 2, 1)).by_id("sme-grant").failed == ("not_big_group",)
    assert evaluate(pack, dict(COMPANY, avg_sales_3y=1), D(2025, 2, 1)).by_id("sme-grant").status == "eligible"


def test_shipped_sme_ceiling_by_fiscal_year(pack):
    """The 2025 change applies to fiscal years closing after 2025-09-01: a food maker with 1,100억
    is measured against 1,000억 as of 2025-06-01 (figures of 2024) and 1,200억 as of 2026-06-01."""
    answers = {
        "applicant_type": "company", "industry": "C10", "avg_sales_3y": 110_000_000_000,
        "total_assets": 90_000_000_000, "in_disclosure_group": False, "owned_30pct_by_large": False,
        "related_group_exceeds": False, "in_sme_grace_period": False,
    }
    from desktop.engine.scope import Scope
    from desktop.engine.plan import plan_of

    for day, limit, sme in ((D(2025, 6, 1), 100_000_000_000, False), (D(2025, 12, 31), 100_000_000_000, False),
                            (D(2026, 6, 1), 120_000_000_000, True)):
        scope = Scope(answers, plan_of(pack).definitions, day)
        assert scope["sme_sales_limit"] == limit, day
        assert scope["is_sme"] is sme, day
    seat = dict(answers, industry="C30393", avg_sales_3y=130_000_000_000)
    assert Scope(seat, plan_of(pack).definitions, D(2025, 6, 1))["sme_sales_limit"] == 100_000_000_000
    assert Scope(seat, plan_of(pack).definitions, D(2026, 6, 1))["sme_sales_limit"] == 150_000_000_000
