"""The deadlines view on the real rule pack: rows, order, filters, export and language."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.engine import program_deadline
from desktop.engine.explain import days_left_text
from desktop.ui import i18n
from desktop.ui.deadlines_view import DeadlinesView

SHS = "sme-specialized-hs"


@pytest.fixture
def view(qtbot, rule_pack, as_of):
    v = DeadlinesView()
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    v.set_pack(rule_pack, as_of)
    return v


def _cell(view, row: int, col: int) -> str:
    return view.proxy.index(row, col).data()


def test_every_program_has_its_current_window(view, rule_pack, as_of):
    shown = view.visible_windows()
    assert {w.program.id for w in shown} == set(rule_pack.programs)
    for pid, program in rule_pack.programs.items():
        d = program_deadline(program, as_of)
        assert any(w.program.id == pid and w.status == d.status and w.closes == d.closes
                   for w in shown), pid
    assert view.count_label.text() == f"{len(shown)} windows"


def test_sorted_by_closing_date_with_closed_ones_last(view):
    shown = view.visible_windows()
    live = [w for w in shown if w.status != "closed"]
    closes = [w.closes for w in live if w.closes is not None]
    assert closes == sorted(closes)
    # windows without a closing date come after dated ones, closed windows at the very end
    first_undated = next((i for i, w in enumerate(live) if w.closes is None), len(live))
    assert all(w.closes is None for w in live[first_undated:])
    statuses = [w.status for w in shown]
    if "closed" in statuses:
        assert all(s == "closed" for s in statuses[statuses.index("closed"):])


def test_school_filter_shows_the_specialized_high_school_tracks(view, rule_pack, as_of):
    view.set_filters(audience="school")
    shown = view.visible_windows()
    assert shown and all("school" in w.program.audience for w in shown)
    tracks = {pid for pid, p in rule_pack.programs.items() if p.tracks_of == SHS} | {SHS}
    assert len(tracks) >= 3
    assert tracks <= {w.program.id for w in shown}
    for pid in tracks:
        d = program_deadline(rule_pack.programs[pid], as_of)
        row = next(i for i, w in enumerate(shown) if w.program.id == pid and w.closes == d.closes)
        assert _cell(view, row, 0) == rule_pack.programs[pid].name.en
        assert _cell(view, row, 2) == {"open": "Open", "upcoming": "Upcoming", "closed": "Closed",
                                       "not_announced": "Not announced",
                                       "rolling": "Rolling"}[d.status]
        if d.closes is not None:
            assert _cell(view, row, 4).startswith(d.closes.isoformat())
        if d.estimated:
            assert _cell(view, row, 6) == "estimated"
        if d.closes is not None and d.status != "closed":
            assert _cell(view, row, 5) == days_left_text((d.closes - as_of).days, short=True).en


def test_status_filter(view):
    everything = view.visible_windows()
    statuses = {w.status for w in everything}
    for status in statuses:
        view.set_filters(status=status)
        shown = view.visible_windows()
        assert shown and {w.status for w in shown} == {status}
        assert len(shown) == sum(1 for w in everything if w.status == status)
    view.set_filters(audience="individual", status="not_announced")
    assert all("individual" in w.program.audience and w.status == "not_announced"
               for w in view.visible_windows())
    view.set_filters()
    assert len(view.visible_windows()) == len(everything)


def test_filters_are_combo_boxes_a_user_can_change(qtbot, view):
    view.audience_filter.setCurrentIndex(view.audience_filter.findData("company"))
    assert all("company" in w.program.audience for w in view.visible_windows())
    assert view.audience_filter.currentText() == "Company"


def test_estimated_windows_are_marked(view, rule_pack, as_of):
    shown = view.visible_windows()
    estimated = [i for i, w in enumerate(shown) if w.estimated]
    assert estimated, "the rule pack has recurring programs with estimated windows"
    for i in estimated:
        assert _cell(view, i, 6) == "estimated"
        assert shown[i].status == "not_announced"
    for i, w in enumerate(shown):
        if not w.estimated:
            assert _cell(view, i, 6) == ""


def test_export_button_writes_the_calendar_for_the_filtered_audience(tmp_path, monkeypatch, view,
                                                                    rule_pack):
    view.set_filters(audience="school")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "school.ics"), ""))
    view.export_button.click()
    cal = icalendar.Calendar.from_ical((tmp_path / "school.ics").read_bytes())
    summaries = [str(ev.get("SUMMARY")) for ev in cal.walk("VEVENT")]
    assert summaries
    school_names = [p.name.en for p in rule_pack.programs.values() if "school" in p.audience]
    assert all(any(n in s for n in school_names) for s in summaries)


def test_double_click_names_the_program(qtbot, view):
    first = view.visible_windows()[0]
    with qtbot.waitSignal(view.program_activated, timeout=1000) as signal:
        view.table.activated.emit(view.proxy.index(0, 0))
    assert signal.args == [first.program.id]


def test_language_switch_retranslates(qtbot, view, rule_pack):
    first = view.visible_windows()[0]
    assert _cell(view, 0, 0) == first.program.name.en
    i18n.set_language("ko", remember=False)
    qtbot.waitUntil(lambda: _cell(view, 0, 0) == first.program.name.ko)
    assert view.export_button.text() == "캘린더로 내보내기…"
    assert view.model.headerData(4, Qt.Orientation.Horizontal) == "마감"
    assert view.audience_filter.itemText(view.audience_filter.findData("school")) == "학교"
    assert "기준" in view.note.text()
    i18n.set_language("en", remember=False)
    qtbot.waitUntil(lambda: _cell(view, 0, 0) == first.program.name.en)
    assert view.export_button.text() == "Export to calendar…"


def test_days_left_on_a_fixed_date(qtbot, rule_pack):
    """A window's days left count from the assessment date, not from today."""
    v = DeadlinesView()
    qtbot.addWidget(v)
    v.set_pack(rule_pack, dt.date(2026, 1, 10))
    for i, w in enumerate(v.visible_windows()):
        if w.closes is not None and w.status != "closed":
            days = (w.closes - dt.date(2026, 1, 10)).days
            shown = v.proxy.index(i, 5).data()
            assert shown == days_left_text(days, short=True).en  # under "Days left": "12 days"
            assert days < 2 or shown == f"{days} days"
