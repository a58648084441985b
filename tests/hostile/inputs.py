"""Hostile command-line inputs: files and options at their limits, each with the message it must
give. Shared by test_hostile_inputs.py (in-process, one test per input) and
benchmarks/hostile_inputs.py (each input in its own process, counting tracebacks and hangs).

Every input is made in a fresh folder holding a copy of the small test rules (`rules/`, `seeds/`)
and a good profile (`good.yaml`); `make(folder)` adds what is hostile and returns the argv. The
expected result is exit 2 with `expect` in what is printed, and never a traceback.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "engine" / "fixtures"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

GOOD_PROFILE = """\
name: 금속 가공 업체
applicant_type: company
answers:
  industry: C25
  in_big_group: false
  avg_sales_3y: 230억
  founded: 2015-03-01
  tax_arrears: false
"""


@dataclass(frozen=True)
class Hostile:
    id: str
    make: Callable[[Path], list[str]]
    expect: str  # on stderr
    code: int = 2
    needs: Callable[[], bool] = lambda: True  # can this machine make the input?


def prepare(folder: Path) -> None:
    shutil.copytree(FIXTURES / "rules", folder / "rules")
    shutil.copytree(FIXTURES / "seeds", folder / "seeds")
    (folder / "good.yaml").write_text(GOOD_PROFILE, encoding="utf-8")


def _text(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _program(folder: Path, old: str, new: str) -> None:
    path = folder / "rules" / "programs" / "sme-grant.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _evaluate(name: str, *extra: str) -> list[str]:
    return ["evaluate", name, "--rules", "rules", *extra]


HUGE = "1" + "0" * 5000


def huge_int_yaml(folder):
    _text(folder, "p.yaml", GOOD_PROFILE.replace("230억", HUGE))
    return _evaluate("p.yaml")


def huge_int_json(folder):
    _text(folder, "p.json", '{"applicant_type": "company", "answers": {"avg_sales_3y": %s}}' % HUGE)
    return _evaluate("p.json")


def huge_int_rule(folder):
    _program(folder, "amount: 200000000", f"amount: {HUGE}")
    return ["check", "--rules", "rules", "--lang", "en"]


def huge_hex_amount(folder):
    _program(folder, "amount: 200000000", "amount: 0x" + "f" * 4000)
    return ["report", "good.yaml", "--rules", "rules", "-o", "out.pdf"]


def deep_json(folder):
    _text(folder, "p.json", "[" * 100_000 + "]" * 100_000)
    return _evaluate("p.json")


def huge_json(folder):
    name = "가" * 2_000_000
    _text(folder, "p.json", '{"name": "%s", "applicant_type": "company", "answers": {}}' % name)
    return _evaluate("p.json")


def duplicate_json_key(folder):
    _text(folder, "p.json", '{"applicant_type": "company",\n "answers": {"tax_arrears": false,\n'
                            ' "tax_arrears": true}}')
    return _evaluate("p.json")


def lone_surrogate(folder):
    _text(folder, "p.json", '{"name": "\\ud800", "applicant_type": "company", "answers": {}}')
    return _evaluate("p.json")


def sparse_rule_file(folder):
    with open(folder / "rules" / "programs" / "sparse.yaml", "wb") as out:
        out.truncate(8 * 1024**3)  # 8 GB that take no disk space
    return ["check", "--rules", "rules", "--lang", "en"]


def dev_zero_profile(folder):
    return _evaluate("/dev/zero")


def programs_not_a_folder(folder):
    shutil.rmtree(folder / "rules" / "programs")
    _text(folder, "rules/programs", "not a folder\n")
    return ["check", "--rules", "rules", "--lang", "en"]


def programs_empty(folder):
    for path in (folder / "rules" / "programs").iterdir():
        path.unlink()
    return ["check", "--rules", "rules", "--lang", "en"]


def unreadable(name):
    def make(folder):
        os.chmod(folder / name, 0)
        return ["check", "--rules", "rules", "--lang", "en"]
    return make


def far_today(command):
    def make(folder):
        argv = {"evaluate": _evaluate("good.yaml"),
                "deadlines": ["deadlines", "--rules", "rules"],
                "report": ["report", "good.yaml", "--rules", "rules", "-o", "out.pdf"]}[command]
        return argv + ["--today", "9999-01-01"]
    return make


def far_case_today(folder):
    case = folder / "rules" / "cases" / "metal-maker.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("2026-03-10", "9999-01-01"),
                    encoding="utf-8")
    return ["check", "--rules", "rules", "--lang", "en"]


def output_folder(command):
    def make(folder):
        (folder / "out").mkdir()
        if command == "report":
            return ["report", "good.yaml", "--rules", "rules", "-o", "out"]
        return ["deadlines", "--rules", "rules", "--today", "2026-03-01", "-o", "out"]
    return make


def output_missing_folder(command):
    def make(folder):
        if command == "report":
            return ["report", "good.yaml", "--rules", "rules", "-o", "missing/out.pdf"]
        return ["deadlines", "--rules", "rules", "--format", "ics", "-o", "missing/out.ics"]
    return make


def output_fifo(folder):
    os.mkfifo(folder / "fifo")
    return ["report", "good.yaml", "--rules", "rules", "-o", "fifo"]


def output_device(folder):
    os.mknod(folder / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return ["deadlines", "--rules", "rules", "-o", "null"]


def newline_file_name(folder):
    _text(folder, "rules/programs/evil\nrules:1: forged problem.yaml", "id: x\n")
    return ["check", "--rules", "rules", "--lang", "en"]


def symlink_out(folder):
    secret = _text(folder, "secret.yaml", "password: hunter2\n")
    os.symlink(secret, folder / "rules" / "programs" / "leak.yaml")
    return ["check", "--rules", "rules", "--lang", "en"]


def pack_not_a_pack(folder):
    _text(folder, "rules.jiwonpack", "this is not a zip file\n")
    return ["pack", "--lang", "en", "--store", "store", "install", "rules.jiwonpack"]


def pack_keygen_missing_folder(folder):
    return ["pack", "--lang", "en", "keygen", "-o", "missing/maintainer.key"]


CORPUS: list[Hostile] = [
    Hostile("huge-int-yaml-profile", huge_int_yaml, "too large"),
    Hostile("huge-int-json-profile", huge_int_json, "too large"),
    Hostile("huge-int-rule-file", huge_int_rule, "sme-grant.yaml:8: the number is too large"),
    # The broken program is left out and said so; the report of the others is still written.
    Hostile("huge-hex-amount", huge_hex_amount, "sme-grant.yaml:8: the number is too large", code=0),
    Hostile("json-100000-deep", deep_json, "nested too deeply"),
    Hostile("json-over-5mb", huge_json, "larger than 5 MB"),
    Hostile("json-duplicate-key", duplicate_json_key, "p.json:3: duplicate key 'tax_arrears'"),
    Hostile("json-lone-surrogate", lone_surrogate, "lone surrogate"),
    Hostile("sparse-8gb-rule-file", sparse_rule_file, "sparse.yaml:1: the file is larger than 5 MB"),
    Hostile("dev-zero-profile", dev_zero_profile, "not a regular file"),
    Hostile("programs-is-a-file", programs_not_a_folder, "the programs folder is missing"),
    Hostile("programs-empty", programs_empty, "the programs folder holds no program file"),
    Hostile("programs-unreadable", unreadable("rules/programs"), "cannot read the folder",
            needs=lambda: not IS_ROOT),
    Hostile("seeds-unreadable", unreadable("seeds"), "cannot read the folder",
            needs=lambda: not IS_ROOT),
    Hostile("today-9999-evaluate", far_today("evaluate"), "--today: '9999-01-01'"),
    Hostile("today-9999-deadlines", far_today("deadlines"), "--today: '9999-01-01'"),
    Hostile("today-9999-report", far_today("report"), "--today: '9999-01-01'"),
    Hostile("case-today-9999", far_case_today, "metal-maker.yaml:3: today: '9999-01-01'"),
    Hostile("report-to-a-folder", output_folder("report"), "report -o: this is a folder"),
    Hostile("deadlines-to-a-folder", output_folder("deadlines"), "deadlines -o: this is a folder"),
    Hostile("report-into-missing-folder", output_missing_folder("report"),
            "report -o: the folder does not exist"),
    Hostile("deadlines-into-missing-folder", output_missing_folder("deadlines"),
            "deadlines -o: the folder does not exist"),
    Hostile("report-to-a-fifo", output_fifo, "not a regular file, so it is not replaced"),
    Hostile("deadlines-to-a-device", output_device, "not a regular file, so it is not replaced",
            needs=lambda: IS_ROOT),
    Hostile("newline-in-rule-file-name", newline_file_name, "control character"),
    Hostile("symlink-out-of-rules", symlink_out, "leak.yaml:1: a link to a file outside"),
    Hostile("pack-that-is-not-a-pack", pack_not_a_pack, "not a rule pack"),
    Hostile("pack-key-into-missing-folder", pack_keygen_missing_folder,
            "pack keygen: cannot write the file: missing/maintainer.key"),
]
