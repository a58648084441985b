"""`jiwon check` on a program file with five independent mistakes: five clear messages in one run,
plus one line for the cases that could not be checked because the file did not load."""

import re
import shutil
from pathlib import Path

from desktop.cli.main import main

REPO = Path(__file__).resolve().parents[2]

# A program file as a clerk might write it, with five independent mistakes: an unquoted comma in
# a text pair (line 11), a wrong enum value (line 5), two misspelt names in one expression (line
# 13) and `true` for `True` (line 18). Everything it uses exists in the shipped rules.
PROGRAM = """\
id: clerk-draft
name: {ko: 초안 지원사업, en: Draft programme}
ministry: {ko: 중소벤처기업부, en: Ministry of SMEs and Startups}
audience: [company]
maturity: open_cal
summary: {ko: 시험용 초안, en: A draft for the test}
eligibility:
  all:
    - id: small_sales
      text:
        {ko: 매출 기준, en: Sales, under the limit}
      source: [asiatoday-2025-12-22-policy-fund-plan]
      expr: "avg_sale_3y <= 120_000_000_000 and full_time_worker < 300"
exclusions:
  - id: arrears
    text: {ko: 체납, en: Tax arrears}
    source: [asiatoday-2025-12-22-policy-fund-plan]
    when: "tax_arrears == true"
apply: {how: {ko: 신청, en: Apply}}
sources: [asiatoday-2025-12-22-policy-fund-plan]
reviewed: 2026-01-10
"""

CASE = """\
applicant_type: company
today: 2026-03-02
answers:
  tax_arrears: false
expect:
  clerk-draft: eligible
"""


def test_five_mistakes_five_messages(tmp_path, monkeypatch, capsys):
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    (tmp_path / "rules" / "programs" / "clerk-draft.yaml").write_text(PROGRAM, encoding="utf-8")
    for name in ("draft-a", "draft-b", "draft-c"):
        (tmp_path / "rules" / "cases" / f"{name}.yaml").write_text(CASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    code = main(["check", "--rules", "rules", "--lang", "en"])
    out = capsys.readouterr().out.splitlines()

    assert code == 2
    headers = [line for line in out if re.match(r"rules/\S+:\d+: ", line)]
    assert headers == [
        "rules/programs/clerk-draft.yaml:5: maturity: 'open_cal' is not one of: open_call, announced_policy, "
        "planned (did you mean 'open_call'?)",
        "rules/programs/clerk-draft.yaml:11: text: unknown key 'under the limit' "
        "(a comma inside {...} starts a new key: put the text in quotes)",
        "rules/programs/clerk-draft.yaml:13: criterion 'small_sales': unknown name 'avg_sale_3y' "
        "(did you mean 'avg_sales_3y'?) (column 14)",
        "rules/programs/clerk-draft.yaml:13: criterion 'small_sales': unknown name 'full_time_worker' "
        "(did you mean 'full_time_workers'?) (column 49)",
        "rules/programs/clerk-draft.yaml:18: exclusion 'arrears': 'true' is not a name; "
        "yes/no values are written True (column 27)",
    ]
    folded = [line for line in out if "skipped" in line]
    assert folded == ["3 case(s) skipped because rules/programs/clerk-draft.yaml did not load"]
    assert not any("program not loaded" in line for line in out)
    # each expression mistake shows the file's line with a caret under the offending text
    i = out.index(headers[2])
    assert out[i + 1] == '  13 |       expr: "avg_sale_3y <= 120_000_000_000 and full_time_worker < 300"'
    assert out[i + 2] == "     |              ^^^^^^^^^^^"
    assert out[i + 3] == "  hint: write avg_sales_3y"
    assert out[-1].startswith("checked ")
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


def test_five_mistakes_five_messages_in_korean_and_nothing_else(tmp_path, monkeypatch, capsys):
    """The same file in the default language: the five messages in Korean, and every other line of
    the output is one of theirs (the line shown, the caret, the hint), the one folded line, a line
    saying where inherited criteria come from, or the summary: nothing else is said."""
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    (tmp_path / "rules" / "programs" / "clerk-draft.yaml").write_text(PROGRAM, encoding="utf-8")
    for name in ("draft-a", "draft-b", "draft-c"):
        (tmp_path / "rules" / "cases" / f"{name}.yaml").write_text(CASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    assert main(["check", "--rules", "rules"]) == 2
    out = capsys.readouterr().out.splitlines()
    headers = [line for line in out if re.match(r"rules/\S+:\d+: ", line)]
    assert headers == [
        "rules/programs/clerk-draft.yaml:5: maturity: 쓸 수 없는 값 'open_cal' — 쓸 수 있는 값: open_call, "
        "announced_policy, planned (혹시 'open_call'?)",
        "rules/programs/clerk-draft.yaml:11: text: 알 수 없는 키 'under the limit' "
        "({...} 안의 쉼표는 새 키를 시작합니다: 글을 따옴표로 감싸세요)",
        "rules/programs/clerk-draft.yaml:13: 요건 'small_sales': 모르는 이름: 'avg_sale_3y' "
        "(혹시 'avg_sales_3y'?) (열 14)",
        "rules/programs/clerk-draft.yaml:13: 요건 'small_sales': 모르는 이름: 'full_time_worker' "
        "(혹시 'full_time_workers'?) (열 49)",
        "rules/programs/clerk-draft.yaml:18: 제외 사유 'arrears': 이름이 아닌 말: 'true' "
        "(참·거짓은 True, False로 씁니다) (열 27)",
    ]
    i = out.index(headers[4])
    assert out[i + 1:i + 4] == ['  18 |     when: "tax_arrears == true"',
                                "     |                           ^^^^",
                                "  제안: True (첫 글자는 대문자)"]
    folded = "rules/programs/clerk-draft.yaml 파일을 불러오지 못해 사례 3개를 이 프로그램에 대해 건너뛰었습니다"
    rest = [line for line in out if line not in headers and line != folded
            and not re.match(r"  (\d+ | +)\| |  제안: ", line)  # a message's own line, caret and hint
            and not re.match(r"rules/programs/\S+\.yaml: .+ — .+에서 가져옴 \(rules/\S+\.yaml\)$", line)]
    assert folded in out
    assert rest == [out[-1]] and out[-1].startswith("프로그램 ") and " 문제 5건 " in out[-1]


def test_a_rules_folder_copied_without_its_source_notes_is_told_once(tmp_path, monkeypatch, capsys):
    """Every program cites source notes; a rules folder copied without the seeds folder beside it
    gives one line saying so, not one per citation, and the real mistakes are still found."""
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    draft = PROGRAM.replace("avg_sale_3y <= 120_000_000_000 and", "avg_sale_3y <= 1200억 &&")
    (tmp_path / "rules" / "programs" / "clerk-draft.yaml").write_text(draft, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    assert main(["check", "--rules", "rules", "--lang", "en"]) == 2
    out = capsys.readouterr().out.splitlines()
    assert not any("unknown source note" in line for line in out)
    headers = [line for line in out if re.match(r"\S+:\d+: ", line)]
    assert headers[0] == ("seeds:1: there is no source notes folder; put a seeds folder inside or beside "
                          "the rules folder (citations were not checked)")
    # the slips of line 13 and the misspelt names around them, all in this one run
    assert [h.split(": ", 2)[-1] for h in headers if ":13: " in h] == [
        "unknown name 'avg_sale_3y' (did you mean 'avg_sales_3y'?) (column 14)",
        "'1200억' is a Korean amount; the rule language counts in whole won (column 29)",
        "'&&' is not part of the rule language (column 35)",
        "unknown name 'full_time_worker' (did you mean 'full_time_workers'?) (column 38)",
    ]
    assert " 8 problem(s) " in out[-1]  # and the wrong value, the comma and `true` of the five
