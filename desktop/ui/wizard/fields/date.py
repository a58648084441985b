"""Dates: typed the ways people write them (1968-03-15, 1968.03.15, 1968년 3월 15일) or picked
from a calendar; the engine reads the text.

A plain line of text rather than QDateEdit: a date edit always holds *some* date, so it cannot say
"not answered yet", and its section-by-section typing surprises people who paste a date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt
from PySide6.QtWidgets import QCalendarWidget, QToolButton, QWidget

from desktop.ui.icons import calendar_icon
from desktop.ui.wizard.fields.entry import EntryField


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class DateField(EntryField):
    def build_input(self) -> None:
        super().build_input()
        self.pick = QToolButton(self)
        self.pick.setObjectName("pickDate")
        self.pick.setIcon(calendar_icon())
        self.pick.clicked.connect(self.open_calendar)
        self.input_row.addWidget(self.pick)
        self._calendar: QCalendarWidget | None = None

    def input_width(self) -> int:
        return 170

    def input_widgets(self) -> list[QWidget]:
        return [self.edit, self.pick]

    def retranslate_input(self) -> None:
        self.edit.setPlaceholderText(translate("DateField", "e.g. 1968-03-15"))
        self.pick.setToolTip(translate("DateField", "Pick a date from a calendar"))
        self.pick.setAccessibleName(translate("DateField", "Pick a date from a calendar"))

    def show_value(self, value: Any) -> None:
        self.edit.setText(value.isoformat() if isinstance(value, dt.date) else str(value))
        self._checked_text = self.edit.text()

    def open_calendar(self) -> None:
        cal = QCalendarWidget(self)
        cal.setWindowFlags(Qt.WindowType.Popup)
        cal.setObjectName("datePopup")
        cal.setGridVisible(True)
        cal.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        current = self.value if isinstance(self.value, dt.date) else None
        start = current or dt.date.today()
        cal.setSelectedDate(QDate(start.year, start.month, start.day))
        cal.activated.connect(lambda d: self._picked(cal, d))
        cal.clicked.connect(lambda d: self._picked(cal, d))
        pos = self.edit.mapToGlobal(QPoint(0, self.edit.height()))
        cal.move(pos)
        cal.show()
        cal.setFocus(Qt.FocusReason.PopupFocusReason)
        self._calendar = cal

    def _picked(self, cal: QCalendarWidget, d: QDate) -> None:
        cal.close()
        self._calendar = None
        self.edit.setText(f"{d.year():04d}-{d.month():02d}-{d.day():02d}")
        self.check_pending()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
