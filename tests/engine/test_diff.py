"""`diff_packs` and `jiwon diff`: the shipped rules against a copy with exactly three changes."""

import json
import re
import shutil

import pytest

from desktop.cli.main import main
from desktop.engine import load_rules
from desktop.engine.change_words import rule_change_text
from desktop.engine.diff import diff_packs
from rule_edits import edit, move_c11_ceiling


@pytest.fixture
def changed_copy(tmp_path, rules_dir):
    """The shipped rules with one changed limit, one new round and one removed criterion."""
    shutil.copytree(rules_dir, tmp_path / "rules")
    shutil.copytree(rules_dir.parent / "seeds", tmp_path / "seeds")
    program = tmp_path / "rules" / "programs" / "ax-grad-school.yaml"
    edit(program, 'expr: "ax_grad_students >= 40"', 'expr: "ax_grad_students >= 30"')
    edit(program, "recurrence:\n", (
        '  - id: "2027"\n    kind: fixed\n    opens: 2027-03-02\n    closes: 2027-03-26\n'
        "    source: [press-2026-02-19-ax-grad-schools#window-2026]\nrecurrence:\n"))
    text = program.read_text(encoding="utf-8")
    block = re.search(r"    - id: company_consortium\n(      .*\n)+", text).group(0)
    program.write_text(text.replace(block, ""), encoding="utf-8")
    return tmp_path / "rules"


def test_diff_names_exactly_the_three_changes(pack, changed_copy):
    new = load_rules(changed_copy)
    assert new.errors == ()
    diff = diff_packs(pack, new)
    got = sorted((c.area, c.action, c.program, c.subject, c.old, c.new) for c in diff.changes)
    assert got == sorted([
        ("limit", "changed", "ax-grad-school", "students_40", 40, 30),
        ("round", "added", "ax-grad-school", "2027", None, {"kind": "fixed", "opens": "2027-03-02", "closes": "2027-03-26"}),
        ("criterion", "removed", "ax-grad-school", "company_consortium",
         {"text": pack.programs["ax-grad-school"].eligibility.children[1].text.to_dict(),
          "expr": "ax_consortium_midlarge", "kind": "criterion"}, None),
    ])
    by_subject = {c.subject: c for c in diff.changes}
    assert by_subject["students_40"].sources == ("press-2026-02-19-ax-grad-schools#students",)
    assert by_subject["company_consortium"].sources == ("press-2026-02-19-ax-grad-schools#consortium",)
    assert rule_change_text(by_subject["students_40"], "en") == "ax-grad-school / limit changed: students_40 — 40 → 30"
    assert diff_packs(pack, pack).changes == ()


def test_jiwon_diff_text_and_json(rules_dir, changed_copy, capsys):
    assert main(["diff", str(rules_dir), str(changed_copy), "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(": 3 change(s)")
    changes = [line for line in out[1:] if not line.startswith("    ")]
    assert len(changes) == 3
    assert "ax-grad-school / round added: 2027 — Fixed dates 2027-03-02 – 2027-03-26" in changes
    assert any(line.startswith("    source: press-2026-02-19-ax-grad-schools#consortium (") and "2026-02-19)" in line
               for line in out)
    assert main(["diff", str(rules_dir), str(changed_copy), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {c["area"] for c in data["changes"]} == {"limit", "round", "criterion"}
    assert data["programs_added"] == [] and data["programs_removed"] == []
    assert all(c["source_notes"] for c in data["changes"])


def test_diff_reports_programs_tables_and_dated_entries(pack, tmp_path, rules_dir):
    shutil.copytree(rules_dir, tmp_path / "rules")
    shutil.copytree(rules_dir.parent / "seeds", tmp_path / "seeds")
    (tmp_path / "rules" / "programs" / "industrial-ai-collab.yaml").unlink()
    for case in (tmp_path / "rules" / "cases").glob("*.yaml"):
        text = case.read_text(encoding="utf-8")
        case.write_text(re.sub(r"\n  industrial-ai-collab: \w+", "", text), encoding="utf-8")
    move_c11_ceiling(tmp_path / "rules")
    new = load_rules(tmp_path / "rules")
    assert new.errors == ()
    diff = diff_packs(pack, new)
    assert diff.programs_removed == ("industrial-ai-collab",)
    table = [c for c in diff.changes if c.area == "table"]
    assert [(c.subject, c.old, c.new) for c in table] == [("sme_sales_ceiling:C11", 80_000_000_000, 90_000_000_000)]
    assert "law-sme-framework-decree-2025#ceilings-2025" in table[0].sources


def test_diff_of_missing_folder_is_exit_2(rules_dir, tmp_path, capsys):
    assert main(["diff", str(rules_dir), str(tmp_path / "nowhere")]) == 2
    assert "no such rules folder or rule pack" in capsys.readouterr().err
