"""The main window's menus and toolbar: pages, shortcuts, and the actions handed to other views."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.engine.model import Profile
from desktop.ui import i18n


def test_menus_have_the_documented_actions_and_shortcuts(main_window):
    w = main_window
    expected = {
        w.act_new: "Ctrl+Shift+N", w.act_import: "Ctrl+I", w.act_export: "Ctrl+E",
        w.act_pdf: "Ctrl+S", w.act_print: "Ctrl+P", w.act_quit: "Ctrl+Q",
        w.act_start: "Ctrl+1", w.act_wizard: "Ctrl+2", w.act_results: "Ctrl+3",
        w.act_deadlines: "Ctrl+4", w.act_guide: "F1",
    }
    for act, keys in expected.items():
        assert act.shortcut().toString() == keys, act.objectName()
    titles = [m.title() for m in (w.file_menu, w.view_menu, w.lang_menu, w.help_menu)]
    assert titles == ["&File", "&View", "&Language", "&Help"]
    assert [a.text() for a in w.lang_menu.actions()] == ["한국어", "English"]
    # toolbar buttons show plain words
    assert w.act_start.iconText() == "Start" and w.act_pdf.iconText() == "Save PDF"


def test_pages_need_an_open_profile(main_window, open_profile):
    w = main_window
    assert not w.act_wizard.isEnabled() and not w.act_pdf.isEnabled()
    w.act_deadlines.trigger()
    assert w.current_page() == "deadlines"
    open_profile("company")
    assert w.act_wizard.isEnabled() and w.act_results.isEnabled()
    w.act_results.trigger()
    assert w.current_page() == "results"
    w.act_wizard.trigger()
    assert w.current_page() == "wizard"
    w.act_start.trigger()
    assert w.current_page() == "start"
    assert "Test company" in w.windowTitle()


def test_report_actions_get_the_open_profile(main_window, open_profile, monkeypatch):
    w = main_window
    open_profile("school", {"school_type": "specialized"}, name="부산기계공고")
    calls = []
    from desktop.ui import report_actions

    for name in ("save_pdf", "print_report", "preview_report"):
        monkeypatch.setattr(report_actions, name,
                            lambda parent, pack, assessment, profile, _n=name:
                            calls.append((_n, parent, pack, assessment, profile)))
    w.act_pdf.trigger()
    w.act_print.trigger()
    w.act_preview.trigger()
    assert [c[0] for c in calls] == ["save_pdf", "print_report", "preview_report"]
    _, parent, pack, assessment, profile = calls[0]
    assert parent is w and pack is w.pack
    assert assessment is w.session.assessment
    assert isinstance(profile, Profile)
    assert profile.name == "부산기계공고" and profile.answers["school_type"] == "specialized"


def test_about_opens_the_about_dialog(main_window, monkeypatch):
    shown = []
    monkeypatch.setattr(QDialog, "open", lambda d: shown.append(type(d).__name__))
    main_window.act_about.trigger()
    assert shown == ["AboutDialog"]


def test_results_link_goes_to_the_question(main_window, open_profile):
    w = main_window
    open_profile("company")
    w.act_results.trigger()
    w.results.answer_requested.emit("tax_arrears")
    assert w.current_page() == "wizard"
    assert "tax_arrears" in w.wizard.fields
    assert w.wizard.topic == w.pack.questions["tax_arrears"].topic


def test_deadline_row_opens_the_programs_result(main_window, open_profile):
    w = main_window
    open_profile("school")
    w.deadlines.program_activated.emit("sme-specialized-hs")
    assert w.current_page() == "results"
    assert w.results.program_list.current_program_id() == "sme-specialized-hs"


FIRST_SCREEN = """
import sys
from desktop.ui import app as jiwon, settings
settings.use_file(sys.argv[1] + "/settings.ini")
jiwon.make_application(["jiwon"])
w = jiwon.launch(sys.argv[1])
w.show()
jiwon.QApplication.processEvents()
assert w.current_page() == "start"
deferred = ("reportlab", "jsonschema", "ruamel.yaml", "desktop.report", "desktop.ui.results",
            "desktop.ui.deadlines_view", "desktop.ui.workspace", "desktop.ui.report_actions",
            "desktop.ui.about_dialog", "desktop.ui.help_dialog", "desktop.ui.new_profile_dialog",
            "desktop.ui.trash_dialog", "desktop.ui.wizard.view",
            "desktop.ui.wizard.review", "sqlite_utils")
print(" ".join(m for m in deferred if m in sys.modules) or "none")
print("domains made" if w.pack.compiled is not None and w.pack.compiled.made_later else "domains not made")
"""


def test_the_start_page_waits_for_nothing_it_does_not_show(tmp_path):
    """A fresh interpreter opens the window on the start page without the PDF library, the
    question, answers, results, deadlines and client pages, the schema explainer, sqlite-utils
    (the database is read with the standard library until the first write) or the exact search's
    domains."""
    import os
    import subprocess
    import sys

    from desktop.storage import open_store

    open_store(tmp_path / "jiwon.db").close()  # made before, as on every start but the first
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(tmp_path)], capture_output=True,
                         text=True, env=env, timeout=120, check=True).stdout.split("\n")
    assert out[0] == "none"
    assert out[1] == "domains not made"


IMPORT_ORDER = """
import sys
first = []
class Watch:  # notes the order in which modules are first looked for, and finds none itself
    def find_spec(self, name, path=None, target=None):
        first.append(name)
sys.meta_path.insert(0, Watch())
import desktop.ui.app
print(" ".join(first))
"""


def test_the_parts_without_qt_are_imported_before_pyside6():
    """PySide6 reads the source of every module imported after it; the engine (rule-file reader
    and cache included), the storage, the table reader and the rule-pack store, which the window
    and its rules need at start-up, are imported before it, and with them what they import."""
    import subprocess
    import sys

    first = subprocess.run([sys.executable, "-c", IMPORT_ORDER], capture_output=True, text=True,
                           timeout=120, check=True).stdout.split()
    qt = first.index("PySide6")
    for name in ("desktop.engine", "desktop.engine.loader", "desktop.engine.parsed_cache",
                 "desktop.engine.explain", "desktop.storage.store", "desktop.tabular",
                 "desktop.packs.store", "platformdirs", "sqlite3", "json", "hashlib"):
        assert first.index(name) < qt, name
    assert [name for name in first[:qt] if name.startswith("desktop.ui.")] == ["desktop.ui.app"]


FUSION = """
import sys
from desktop.ui import app as jiwon
application = jiwon.make_application(["jiwon", *sys.argv[1:]])
application.setStyleSheet("")  # the style under the app's style sheet
print(application.style().name())
"""


def test_the_app_draws_with_fusion_whatever_the_desktop_asks():
    """The app asks for Fusion on QApplication's command line (not with setStyle afterwards, which
    makes a second style): it wins over a desktop's QT_STYLE_OVERRIDE and a user's -style."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="windows")
    for args in ([], ["-style", "windows"]):
        out = subprocess.run([sys.executable, "-c", FUSION, *args], capture_output=True, text=True,
                             env=env, timeout=120, check=True).stdout.split()
        assert out == ["fusion"], args


def test_pages_made_on_first_use_work_when_clicked(qtbot, main_window, open_profile):
    w = main_window
    assert set(w.pages) == {"start"}  # the other pages are made when first shown
    open_profile("school", {"school_type": "specialized"}, name="부산기계공고")
    qtbot.mouseClick(w.toolbar.widgetForAction(w.act_deadlines), Qt.MouseButton.LeftButton)
    assert w.current_page() == "deadlines" and w.deadlines.isVisible()
    assert w.deadlines.audience_filter.currentData() == "school"
    qtbot.mouseClick(w.toolbar.widgetForAction(w.act_results), Qt.MouseButton.LeftButton)
    assert w.current_page() == "results" and w.results.isVisible()
    assert w.results.assessment is w.session.assessment


RULES_AFTER_THE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.ui import app as jiwon
from desktop.ui.main_window import MainWindow

seen = []
def row(w):
    item = w.start.tree.topLevelItem(0)
    return item.text(0), item.text(3), item.text(4)
def first_turn():
    w = next(x for x in QApplication.topLevelWidgets() if isinstance(x, MainWindow))
    seen.append(("shown", w.isVisible(), w.pack is None, *row(w)))
make = jiwon.make_application
def patched(argv):
    application = make(argv)
    QTimer.singleShot(0, first_turn)
    return application
jiwon.make_application = patched
given = MainWindow.set_pack
def set_pack(self, pack):
    given(self, pack)
    seen.append(("rules", self.pack is pack, *row(self)))
    QTimer.singleShot(0, QApplication.quit)
MainWindow.set_pack = set_pack
jiwon.run(["--data-dir", sys.argv[1], "--lang", "en"])
for line in seen:
    print("|".join(str(x) for x in line))
"""


def test_the_window_shows_the_saved_profiles_before_the_rules_and_their_counts_with_them(
        tmp_path, rule_pack):
    """`jiwon` draws its window before reading the rules: the list is there at once, without the
    outcome counts and the earlier-rules mark (which need the rules), never with wrong ones;
    they come with the rules, before any input is handled."""
    import os
    import subprocess
    import sys

    from desktop.engine import evaluate
    from desktop.engine.explain import open_to
    from desktop.storage import open_store
    from desktop.ui.start_page import StartPage

    with open_store(tmp_path / "jiwon.db") as store:
        pid = store.create_profile("Hanbit", "company")
        assessment = evaluate(rule_pack, {"applicant_type": "company"}, as_of=dt.date(2026, 3, 2))
        store.save_assessment(pid, assessment)
    counts = {"eligible": 0, "undetermined": 0, "ineligible": 0}
    for result in assessment.programs:
        if open_to(result.program, "company"):
            counts[result.status] += 1
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", RULES_AFTER_THE_WINDOW, str(tmp_path)],
                         capture_output=True, text=True, env=env, timeout=120, check=True).stdout
    i18n.set_language("en", remember=False)
    assert out.splitlines() == ["shown|True|True|Hanbit||", f"rules|True|Hanbit|{StartPage.counts_text(counts)}|"]
    assert counts["undetermined"] > 0
