"""The command line as a contract: exit codes, JSON keys, `path:line:` lines on stderr, no tracebacks."""

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.cli.main import main

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "engine" / "fixtures"


@pytest.fixture
def mini(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "rules", tmp_path / "rules")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "rules"


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


MAKER = """
name: 금속 가공 업체
applicant_type: company
answers:
  industry: C25
  in_big_group: false
  avg_sales_3y: 1,230억
  founded: 2015-03-01
  tax_arrears: false
"""


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_check_clean_rules(mini, capsys):
    code, out, err = run(["check", "--rules", "rules"], capsys)
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("프로그램 4개, 사례 1개 확인: 문제 0건")


def test_check_reports_every_problem_and_case_mismatch(mini, capsys):
    path = mini / "programs" / "school-track.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("has(track_interest, 'ai')", "has(track_intrest, 'ai')"), encoding="utf-8")
    case = mini / "cases" / "metal-maker.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("sme-grant: eligible", "sme-grant: ineligible"), encoding="utf-8")
    code, out, err = run(["check", "--rules", "rules", "--lang", "en"], capsys)
    assert code == 2
    lines = out.strip().splitlines()
    assert lines[0] == (
        "rules/programs/school-track.yaml:15: criterion 'wants_ai': unknown name 'track_intrest' "
        "(did you mean 'track_interest'?) (column 18)"
    )
    # the file's own line, with a caret under the misspelt name, and what to write
    assert lines[1] == "  15 |       expr: \"has(track_intrest, 'ai')\""
    assert lines[2] == "     |                  ^^^^^^^^^^^^^"
    assert lines[3] == "  hint: write track_interest"
    assert lines[4] == (
        "rules/cases/metal-maker.yaml:11: case expects ineligible for program sme-grant, got eligible (every criterion met)"
    )
    # the case's expectation for the program that did not load is folded into one line
    assert lines[5] == "1 case(s) skipped because rules/programs/school-track.yaml did not load"
    assert lines[-1].startswith("checked 3 programs and 1 cases: 2 problem(s)")


def test_evaluate_json_contract(mini, capsys, tmp_path):
    profile = write(tmp_path / "maker.yaml", MAKER)
    code, out, err = run(["evaluate", str(profile), "--rules", "rules", "--today", "2026-03-10", "--format", "json"], capsys)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["as_of"] == "2026-03-10" and len(data["rules_version"]) == 12
    programs = {p["id"]: p for p in data["programs"]}
    grant = programs["sme-grant"]
    assert grant["name"] == {"ko": "중소기업 지원금", "en": "SME grant"}
    assert grant["status"] == "ineligible"
    assert grant["failed"] == ["sales_limit"]
    assert grant["near_misses"][0]["text"] == "최근 3년 평균 매출액 1,230억 원이 한도 1,200억 원을 30억 원 초과"
    assert {c["result"] for c in grant["criteria"]} <= {"met", "not_met", "unknown"}
    assert all({"id", "result", "text"} <= set(c) for c in grant["criteria"])
    assert {"status", "opens", "closes", "days_left", "estimated"} <= set(grant["deadline"])
    # Too large to be an SME, so the co-funding terms nobody knows no longer matter.
    assert programs["cofund"]["status"] == "ineligible" and programs["cofund"]["failed"] == ["sme"]
    assert programs["cofund"]["unverifiable"] == ["cofunding"]
    assert programs["school-track"]["deadline"]["estimated"] is True


def test_evaluate_text_in_korean_and_english(mini, capsys, tmp_path):
    profile = write(tmp_path / "maker.yaml", MAKER)
    code, out, _ = run(["evaluate", str(profile), "--rules", "rules", "--today", "2026-03-10"], capsys)
    assert code == 0
    assert "■ 신청 불가" in out and "30억 원 초과" in out and "■ 판단 보류" in out
    code, out, _ = run(["evaluate", str(profile), "--rules", "rules", "--today", "2026-03-10", "--lang", "en"], capsys)
    assert "■ Not eligible" in out and "by KRW 3 billion" in out


def test_evaluate_names_broken_rule_files_and_still_answers(mini, capsys, tmp_path):
    (mini / "programs" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    profile = write(tmp_path / "maker.yaml", MAKER)
    code, out, err = run(["evaluate", str(profile), "--rules", "rules", "--format", "json"], capsys)
    assert code == 0
    assert "rules/programs/broken.yaml:2: YAML syntax error" in err
    assert len(json.loads(out)["programs"]) == 4


def test_evaluate_profile_errors(mini, capsys):
    Path("profiles").mkdir()
    write(
        Path("profiles/x.yaml"),
        """
        name: x
        applicant_type: company
        answers:
          industry: C25
          avg_sale: 100억
          in_big_group: maybe
        """,
    )
    code, out, err = run(["evaluate", "profiles/x.yaml", "--rules", "rules"], capsys)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "profiles/x.yaml:5: answers.avg_sale: unknown question (did you mean 'avg_sales_3y'?)",
        "profiles/x.yaml:6: answers.in_big_group: expected yes or no, got 'maybe'",
    ]


def test_evaluate_missing_profile_file(mini, capsys):
    code, out, err = run(["evaluate", "nope.yaml", "--rules", "rules"], capsys)
    assert code == 2 and err.startswith("nope.yaml:1: cannot read the file")


def test_bad_today_is_a_usage_error(mini, capsys, tmp_path):
    profile = write(tmp_path / "maker.yaml", MAKER)
    code, out, err = run(["evaluate", str(profile), "--rules", "rules", "--today", "2026-02-30"], capsys)
    assert code == 2 and "--today" in err and "Traceback" not in err


def test_deadlines_json(mini, capsys):
    code, out, err = run(["deadlines", "--rules", "rules", "--today", "2026-03-10", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["as_of"] == "2026-03-10"
    first = data["entries"][0]
    assert first["program"] == "sme-grant" and first["days_left"] == 21 and first["estimated"] is False
    assert {"name", "opens", "closes", "kind", "round"} <= set(first)


def test_deadlines_audience_text(mini, capsys):
    code, out, err = run(["deadlines", "--rules", "rules", "--today", "2026-03-10", "--audience", "school"], capsys)
    assert code == 0
    assert "특성화고 트랙" in out and "추정" in out and "중소기업 지원금" not in out


def test_deadlines_ics_file(mini, capsys, tmp_path):
    out_path = tmp_path / "jiwon.ics"
    code, out, err = run(["deadlines", "--rules", "rules", "--today", "2026-03-10", "--format", "ics", "-o", str(out_path)], capsys)
    assert code == 0
    text = out_path.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in text


def test_version(mini, capsys):
    code, out, _ = run(["--version"], capsys)
    assert code == 0
    assert out.startswith("jiwon 0.1.0 (rules ") and len(out.strip().split("rules ")[1].rstrip(")")) == 12


def test_unknown_subcommand_exits_2(capsys):
    code, out, err = run(["frobnicate"], capsys)
    assert code == 2 and "invalid choice" in err


def test_report_writes_a_pdf(mini, capsys, tmp_path):
    profile = write(tmp_path / "maker.yaml", MAKER)
    out_path = tmp_path / "r.pdf"
    code, out, err = run(["report", str(profile), "-o", str(out_path), "--rules", "rules", "--today", "2026-03-10"], capsys)
    assert code == 0, err
    assert out_path.read_bytes().startswith(b"%PDF")


def test_python_m_desktop_runs_the_same_command(tmp_path):
    shutil.copytree(FIXTURES / "rules", tmp_path / "rules")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    broken = tmp_path / "rules" / "programs" / "zz.yaml"
    broken.write_text("id: zz\nname: {ko: 가}\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "check", "--rules", "rules"],
        cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2
    assert "rules/programs/zz.yaml:2: name: 'en' 글이 없습니다" in proc.stdout  # Korean unless --lang en
    assert "Traceback" not in proc.stderr


def test_selfcheck_on_the_real_rules(capsys):
    code, out, err = run(["selfcheck"], capsys)
    assert code == 0, out + err
    assert "selfcheck ok" in out and "pdf:" in out


def test_check_on_the_real_rules(capsys):
    code, out, err = run(["check"], capsys)
    assert code == 0, out


def test_no_subcommand_starts_the_app_or_says_why(capsys, monkeypatch):
    import sys as _sys

    monkeypatch.setitem(_sys.modules, "desktop.ui.app", None)  # as if the UI could not be imported
    code, out, err = run([], capsys)
    assert code == 1
    assert "데스크톱 앱을 시작할 수 없습니다 / cannot start the desktop app" in err and "Traceback" not in err


def test_gui_subcommand_calls_the_app(capsys, monkeypatch):
    import sys as _sys
    import types

    calls = []
    fake = types.ModuleType("desktop.ui.app")
    fake.run = lambda argv: calls.append(argv) or 0
    monkeypatch.setitem(_sys.modules, "desktop.ui.app", fake)
    assert main(["gui"]) == 0 and calls == [["gui"]]


def test_app_options_go_to_the_app(capsys, monkeypatch):
    import sys as _sys
    import types

    calls = []
    fake = types.ModuleType("desktop.ui.app")
    fake.run = lambda argv: calls.append(argv) or 0
    monkeypatch.setitem(_sys.modules, "desktop.ui.app", fake)
    assert main(["--lang", "en", "--today", "2026-03-02"]) == 0
    assert main(["gui", "--rules", "x"]) == 0
    assert calls == [["--lang", "en", "--today", "2026-03-02"], ["gui", "--rules", "x"]]


GUI_START = """
import sys, types
started = []
fake = types.ModuleType("desktop.ui.app")
fake.run = lambda argv: started.append(argv) or 0
sys.modules["desktop.ui.app"] = fake
from desktop.cli.main import main
code = main(sys.argv[1:])
print(code, started, sorted(m for m in sys.modules if m.startswith("desktop.cli.cmd_")))
"""


def test_starting_the_desktop_app_imports_no_subcommand(tmp_path):
    """`jiwon` (and `jiwon --lang en`) goes straight to the app: the subcommands' modules, which
    the app needs none of, are imported only to read a subcommand's arguments."""
    def run(*args):
        return subprocess.run([sys.executable, "-c", GUI_START, *args], capture_output=True, text=True,
                              timeout=120, check=True, cwd=tmp_path,
                              env={**__import__("os").environ, "PYTHONPATH": str(REPO)}).stdout.strip()

    assert run() == "0 [[]] []"
    assert run("--lang", "en") == "0 [['--lang', 'en']] []"
    shown = run("--version").splitlines()
    assert shown[0].startswith("jiwon ") and "desktop.cli.cmd_check" in shown[-1] and "[]" in shown[-1]


def test_other_applicants_programs_are_one_line_unless_all_programs(mini, capsys, tmp_path):
    """A company's text, PDF and calendar leave the school and individual programs to one line;
    --all-programs brings them back; the JSON keeps every program either way."""
    from tests.report.readback import pdf_pages, squash

    profile = write(tmp_path / "maker.yaml", MAKER)
    common = ["--rules", "rules", "--today", "2026-03-10"]
    others = ("특성화고 트랙", "취업 지원")
    line = "다른 신청자 대상 사업 2개는 제외했습니다"

    code, out, _ = run(["evaluate", str(profile), *common], capsys)
    assert code == 0 and line in out and not any(name in out for name in others)
    code, out, _ = run(["evaluate", str(profile), *common, "--all-programs"], capsys)
    assert code == 0 and line not in out and all(name in out for name in others)
    code, out, _ = run(["evaluate", str(profile), *common, "--format", "json"], capsys)
    assert len(json.loads(out)["programs"]) == 4

    for flag, shown in (([], False), (["--all-programs"], True)):
        pdf = tmp_path / f"r{len(flag)}.pdf"
        code, _, err = run(["report", str(profile), "-o", str(pdf), *common, *flag], capsys)
        assert code == 0, err
        text = squash("".join(pdf_pages(pdf)))
        assert all((squash(name) in text) is shown for name in others), flag
        assert (squash(line) in text) is not shown, flag

        code, out, _ = run(["deadlines", "--profile", str(profile), *common, *flag], capsys)
        assert code == 0
        assert ("특성화고 트랙" in out) is shown and "중소기업 지원금" in out, flag
        assert (line in out) is not shown, flag


@pytest.mark.parametrize("lang, open_word", [("ko", "접수 중"), ("en", "Open")])
def test_deadlines_text_says_open_for_a_window_without_a_closing_date_in_aligned_columns(
        capsys, lang, open_word):
    import unicodedata

    from desktop.engine import load_rules

    def columns(text):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    names = [p.name.get(lang) for p in load_rules().programs.values()]
    code, out, err = run(["deadlines", "--today", "2026-12-01", "--audience", "company",
                          "--lang", lang], capsys)
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith("  20")]
    undated = [line for line in rows if " ~ … " in line]
    assert undated and all(f" {open_word} " in line for line in undated)
    # every program name starts in the same terminal column, Hangul counted two columns wide
    starts = {columns(line[:min(line.index(n) for n in names if n in line)]) for line in rows}
    assert len(rows) > len(undated) and len(starts) == 1, rows
