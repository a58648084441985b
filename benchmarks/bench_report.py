"""How long the full PDF report takes for 15 programs, against a bare ReportLab document.

Prints figures; it is not a test. Start-up (imports, font parsing, loading and evaluating the
rules) is timed separately from the report itself. The bare document holds the same text (every
paragraph of the report, tables flattened) in the same font, with no tables, colours, page
furniture or second pass, so the ratio shows what the layout costs on top of setting the text.

    .venv/bin/python benchmarks/bench_report.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

T0 = time.perf_counter()

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Table  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from xml.sax.saxutils import escape  # noqa: E402

from desktop.engine import evaluate, load_profile, load_rules  # noqa: E402
from desktop.paths import rules_dir, seeds_dir  # noqa: E402
from desktop.report.context import ReportContext  # noqa: E402
from desktop.report.fonts import REGULAR, register_fonts  # noqa: E402
from desktop.report.pdf import build_story, report_bytes  # noqa: E402

PROGRAMS = 15
CASE = "company-parts-maker-eligible"
GENERATED = dt.datetime(2026, 3, 2, 9, 30)


def fifteen_program_rules(tmp: Path) -> Path:
    """A rules folder with the first 15 real program files (a track only with its parent)."""
    full = load_rules()
    target = tmp / "rules"
    shutil.copytree(rules_dir(), target, ignore=shutil.ignore_patterns("programs", "cases"))
    (target / "programs").mkdir()
    chosen: list[str] = []
    for pid, program in sorted(full.programs.items(), key=lambda kv: (kv[1].tracks_of or "", kv[0])):
        if len(chosen) == PROGRAMS:
            break
        if program.tracks_of and program.tracks_of not in chosen:
            continue
        chosen.append(pid)
        source = Path(program.path)
        shutil.copy(source if source.is_absolute() else REPO / source, target / "programs")
    if len(chosen) < PROGRAMS:
        sys.exit(f"the rules have only {len(chosen)} programs usable here, not {PROGRAMS}")
    return target


def story_texts(flowables) -> list[str]:
    """The plain text of every paragraph in the story, tables and groups flattened."""
    out: list[str] = []
    for f in flowables:
        if isinstance(f, Paragraph):
            out.append(f.getPlainText())
        elif isinstance(f, Table):
            for row in f._cellvalues:
                for cell in row:
                    if isinstance(cell, str):  # short plain-string cells (dates, status words)
                        out.append(cell)
                    else:
                        out += story_texts(cell if isinstance(cell, (list, tuple)) else [cell])
        elif isinstance(f, KeepTogether):
            out += story_texts(f._content)
    return [t for t in out if t.strip()]


def bare_document(texts: list[str]) -> bytes:
    style = ParagraphStyle("bare", fontName=REGULAR, fontSize=9, leading=13.5)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, initialFontName=REGULAR).build(
        [Paragraph(escape(t), style) for t in texts])
    return buf.getvalue()


def timed(fn, runs: int, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock milliseconds of each run; with `cpu`, the process's CPU milliseconds too."""
    times = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - start_cpu) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        pack = load_rules(fifteen_program_rules(Path(tmp)), seeds_dir())
    profile = load_profile(REPO / "rules" / "cases" / f"{CASE}.yaml", pack)
    assessment = evaluate(pack, profile.answers, profile.today)
    register_fonts()
    startup = (time.perf_counter() - T0) * 1000

    def report() -> bytes:
        return report_bytes(assessment, profile, pack, "ko", generated=GENERATED)

    first = timed(report, 1)[0]  # the first build also parses the font files' glyph tables
    data = report()
    pages = data.count(b"/Type /Page\n")
    ctx = ReportContext(assessment, profile, pack, "ko", GENERATED)
    texts = story_texts(build_story(ctx))
    bare = bare_document(texts)
    # Alternated, so that a busy machine slows both alike.
    bare_times, report_times, bare_cpu, report_cpu = [], [], [], []
    for _ in range(args.runs):
        bare_times += timed(lambda: bare_document(texts), 1, bare_cpu)
        report_times += timed(report, 1, report_cpu)

    med_report, med_bare = statistics.median(report_times), statistics.median(bare_times)
    print(f"programs in the report     {len(assessment.programs)}")
    print(f"pages / size               {pages} pages, {len(data) / 1024:.0f} KiB "
          f"(bare document: {len(bare) / 1024:.0f} KiB)")
    print(f"paragraphs of text         {len(texts)} ({sum(map(len, texts)):,} characters)")
    print(f"start-up                   {startup:.0f} ms (imports, rules, evaluation, fonts)")
    print(f"first report               {first:.0f} ms")
    print(f"report, median of {args.runs:<3}     {med_report:.0f} ms "
          f"(min {min(report_times):.0f}, max {max(report_times):.0f}) - target <= 300 ms")
    print(f"bare document, median      {med_bare:.0f} ms (min {min(bare_times):.0f})")
    print(f"ratio report / bare        {med_report / med_bare:.2f} by medians, "
          f"{min(report_times) / min(bare_times):.2f} by minimums")
    # CPU time counts only this process's work, so other programs on the machine disturb it less.
    print(f"ratio of CPU time          {statistics.median(report_cpu) / statistics.median(bare_cpu):.2f}"
          f" by medians ({statistics.median(report_cpu):.0f} / {statistics.median(bare_cpu):.0f} ms), "
          f"{min(report_cpu) / min(bare_cpu):.2f} by minimums")
    print(f"load average               %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
