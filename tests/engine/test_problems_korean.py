"""Every problem the loader finds in rule files is said in Korean and in English, with its
particles chosen: a clerk running `jiwon check` in Korean reads no English sentence."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.engine import load_rules

REPO = Path(__file__).resolve().parents[2]

BROKEN_PROGRAM = """\
id: zz-broken
name: {ko: 망가진 사업, en: Broken program}
ministry: {ko: 어느 부처, en: Some ministry}
audience: [company]
maturity: open_call
summary: {ko: 시험용, en: For the test}
benefits:
  - text: {ko: 금액, en: Amount}
eligibility:
  all:
    - id: twice
      text: {ko: 하나, en: One}
      expr: "full_time_workers >= 1"
      source: [no-such-note]
    - id: twice
      text: {ko: 둘, en: Two}
      expr: "full_time_workers >= 2"
      near_within: lots
    - use: no-such-group
    - any: [{id: a1, text: {ko: 가, en: A}, expr: "full_time_workers > 3"}]
      expr: "full_time_workers > 4"
rounds:
  - id: r1
    kind: fixed
    opens: 2026-05-01
    closes: 2026-04-01
  - id: r1
    kind: not_announced
    opens: 2026-05-01
recurrence:
  every: year
  opens: "02-30"
  closes: "03-25"
documents: [business_registration, no_such_document]
apply: {how: {ko: 신청, en: Apply}}
sources: [no-such-note]
reviewed: 2026-12-01
"""

BROKEN_DEFINITIONS = """
  - id: loop_a
    label: {ko: 고리 가, en: Loop A}
    expr: "loop_b + 1"
  - id: loop_b
    label: {ko: 고리 나, en: Loop B}
    expr: "loop_a + 1"
  - id: today
    label: {ko: 오늘, en: Today}
    expr: "1"
"""


@pytest.fixture
def broken(tmp_path, monkeypatch) -> Path:
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    rules = tmp_path / "rules"
    (rules / "programs" / "zz-broken.yaml").write_text(BROKEN_PROGRAM, encoding="utf-8")
    with open(rules / "definitions.yaml", "a", encoding="utf-8") as f:
        f.write(BROKEN_DEFINITIONS)
    questions = rules / "questions.yaml"
    text = questions.read_text(encoding="utf-8")
    first = re.search(r"^  - id: (\w+)\n(?:    .*\n)*?    topic: (\w+)\n", text, re.M)
    questions.write_text(text + f"  - id: {first.group(1)}\n    topic: {first.group(2)}\n    type: bool\n"
                         "    label: {ko: 다시, en: Again}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return rules


UNCHOSEN = re.compile(r"\((으|이|을|를|은|는|과|와)\)")


def test_each_loading_problem_is_said_in_both_languages(broken):
    pack = load_rules(broken)
    mine = [e for e in pack.errors if "zz-broken" in e.path or "definitions.yaml" in e.path
            or "questions.yaml" in e.path]
    english = " ".join(e.words("en") for e in mine)
    for words in ("duplicate criterion id 'twice'", "unknown source note 'no-such-note'", "near_within of 'twice'",
                  "unknown criterion group 'no-such-group'", "belongs to a criterion, not to an 'any' group",
                  "closes before it opens", "duplicate round id 'r1'", "not_announced round has no dates",
                  "'02-30' is not a real month and day", "unknown document 'no_such_document'",
                  "definition cycle", "'today' is reserved",
                  "duplicate question id"):
        assert words in english, (words, english)
    for problem in mine:
        korean, eng = problem.words("ko"), problem.words("en")
        assert re.search("[가-힣]", korean) and korean != eng, korean
        assert not UNCHOSEN.search(korean) and "did you mean" not in korean, korean


def test_check_in_korean_reads_no_english_sentence(broken, capsys):
    assert main(["check", "--rules", "rules"]) == 2
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "zz-broken" in line and ": " in line]
    assert len(lines) >= 10, out
    for line in lines:
        message = line.split(": ", 1)[1]
        assert re.search("[가-힣]", message), line
        assert not re.search(r"\b(duplicate|unknown|before it opens|is not a real|must be)\b", message), line
