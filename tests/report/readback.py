"""Helpers for the report tests: reading a PDF back, and making rules folders with extra programs.

Text is read back with poppler's pdftotext, an extractor independent of ReportLab, so a passing
test means a PDF viewer can select and search the same text. Extra programs are copies of real
program files with new ids, loaded by the real loader, so a 40-program report is made of programs
that look exactly like the shipped ones.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

from ruamel.yaml import YAML

from desktop.engine import load_rules
from desktop.engine.model import RulePack
from desktop.paths import seeds_dir

REPO = Path(__file__).resolve().parents[2]
GENERATED = dt.datetime(2026, 3, 2, 9, 30)


def squash(text: str) -> str:
    """Text without any whitespace: wrapped lines and table cells compare equal to the source."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, as pdftotext extracts it (pages are separated by form feeds)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def copy_rules(tmp: Path) -> Path:
    """A copy of the real rules folder without its programs and cases, to add programs to."""
    target = tmp / "rules"
    shutil.copytree(REPO / "rules", target,
                    ignore=shutil.ignore_patterns("programs", "cases", "__pycache__"))
    (target / "programs").mkdir()
    return target


def program_copies(pack: RulePack, rules: Path, source_id: str, count: int,
                   change=None) -> list[str]:
    """Write `count` copies of a real program file with new ids and numbered names.

    `change(data, i)` may edit each copy further (its rounds, say). Returns the new ids.
    """
    yaml = YAML()
    source = Path(pack.programs[source_id].path)
    if not source.is_absolute():
        source = REPO / source
    ids = []
    for i in range(1, count + 1):
        data = yaml.load(source.read_text(encoding="utf-8"))
        data["id"] = f"{source_id}-copy-{i:02d}"
        data["name"]["ko"] = f"{data['name']['ko']} 사본{i:02d}"
        data["name"]["en"] = f"{data['name']['en']} copy{i:02d}"
        if change is not None:
            change(data, i)
        with open(rules / "programs" / f"{data['id']}.yaml", "w", encoding="utf-8") as fh:
            yaml.dump(data, fh)
        ids.append(data["id"])
    return ids


def load_copied(rules: Path) -> RulePack:
    pack = load_rules(rules, seeds_dir())
    problems = [str(e) for e in pack.errors if "/programs/" in str(e).replace("\\", "/")]
    assert not problems, problems
    return pack


def w(key: str, lang: str, **fields) -> str:
    """A phrase of the printed report, from the phrase catalog the report itself uses."""
    from desktop.engine.phrases import say

    return say(f"report.{key}", lang, **fields)
