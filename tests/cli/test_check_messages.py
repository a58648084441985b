"""`jiwon check` on a program file with five independent mistakes: five clear messages in one run,
plus one line for the cases that could not be checked because the file did not load."""

import re
import shutil
from pathlib import Path

from desktop.cli.main import main

REPO = Path(__file__).resolve().parents[2]

MISTAKES = [
    # an unquoted comma inside a text pair
    ('text: {ko: "자산총액 5,000억 원 미만일 것", en: "Total assets under KRW 500 billion"}',
     "text: {ko: 자산총액 5000억 원 미만일 것, en: Total assets, under KRW 500 billion}"),
    # a wrong enum value
    ("maturity: open_call", "maturity: open_cal"),
    # two misspelt names in one expression
    ('expr: "avg_sales_3y <= sme_sales_limit"', 'expr: "avg_sale_3y <= sme_sale_limit"'),
    # `true` for `True`
    ('when: "tax_arrears"', 'when: "tax_arrears == true"'),
]


def test_five_mistakes_five_messages(tmp_path, monkeypatch, capsys):
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    path = tmp_path / "rules" / "programs" / "sme-ax.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in MISTAKES:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    code = main(["check", "--rules", "rules", "--lang", "en"])
    out = capsys.readouterr().out.splitlines()

    assert code == 2
    headers = [line for line in out if re.match(r"rules/\S+:\d+: ", line)]
    assert headers == [
        "rules/programs/sme-ax.yaml:8: maturity: 'open_cal' is not one of: open_call, announced_policy, "
        "planned (did you mean 'open_call'?)",
        "rules/programs/sme-ax.yaml:35: criterion 'sme_sales': unknown name 'avg_sale_3y' "
        "(did you mean 'avg_sales_3y'?) (column 22)",
        "rules/programs/sme-ax.yaml:35: criterion 'sme_sales': unknown name 'sme_sale_limit' "
        "(did you mean 'sme_sales_limit'?) (column 37)",
        "rules/programs/sme-ax.yaml:38: text: unknown key 'under KRW 500 billion' "
        "(a comma inside {...} starts a new key: put the text in quotes)",
        "rules/programs/sme-ax.yaml:58: exclusion 'tax_arrears': 'true' is not a name; "
        "yes/no values are written True (column 27)",
    ]
    folded = [line for line in out if "skipped" in line]
    assert len(folded) == 1 and re.fullmatch(r"\d+ case\(s\) skipped because rules/programs/sme-ax.yaml did not load", folded[0])
    assert not any("program not loaded" in line for line in out)
    # each expression mistake shows the file's line with a caret under the offending text
    i = out.index(headers[1])
    assert out[i + 1] == '  35 |               expr: "avg_sale_3y <= sme_sale_limit"'
    assert out[i + 2] == "     |                      ^^^^^^^^^^^"
    assert out[i + 3] == "  hint: write avg_sales_3y"
    assert out[-1].startswith("checked 19 programs and ")
    assert " 5 problem(s) " in out[-1]


def test_expression_in_a_block_scalar_points_into_its_own_line(tmp_path, monkeypatch, capsys):
    shutil.copytree(REPO / "tests" / "engine" / "fixtures" / "rules", tmp_path / "rules")
    shutil.copytree(REPO / "tests" / "engine" / "fixtures" / "seeds", tmp_path / "seeds")
    path = tmp_path / "rules" / "programs" / "school-track.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("expr: \"has(track_interest, 'ai')\"", "expr: |\n        has(track_interest, 'ai')\n          && school_typ == 'meister'")
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--rules", "rules", "--lang", "en"])
    out = capsys.readouterr().out.splitlines()
    header = next(line for line in out if "'&&'" in line)
    line_no = int(header.split(":")[1])
    assert text.splitlines()[line_no - 1].strip().startswith("&&")
    assert header.endswith("(column 11)")
