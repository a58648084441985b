"""Save PDF, Print and Print preview of the main window: the open profile's report, made by
`report_actions` (ReportLab is imported there, at the first use, not at start-up)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class ReportCommands:
    """The window's report commands; `window` has `pack`, `session` and `changes_banner`."""

    def __init__(self, window: QWidget):
        self.window = window

    @staticmethod
    def actions():
        """Saving, printing and previewing the PDF (the module, imported here on first use)."""
        from desktop.ui import report_actions

        return report_actions

    def _args(self) -> tuple | None:
        session = self.window.session
        if session is None:
            return None
        return self.window.pack, session.assessment, session.profile()

    def save_pdf(self) -> None:
        args = self._args()
        if args:
            changes = self.window.changes_banner.for_report()
            self.actions().save_pdf(self.window, *args, **({"changes": changes} if changes else {}))

    def print_report(self) -> None:
        args = self._args()
        if args:
            self.actions().print_report(self.window, *args)

    def preview_report(self) -> None:
        args = self._args()
        if args:
            self.actions().preview_report(self.window, *args)
