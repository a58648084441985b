"""The box that says where a saved report or calendar file went, with Open and Show in folder.

A file saved through a dialog is easy to lose (which folder was it?), so every save of a PDF or a
calendar file ends here: the file's name and folder, a button that opens the file in the system's
viewer and one that opens its folder. The box is opened, not executed: the save call returns at
once and the box stays over its window until the user picks a button.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop.ui.retranslate import Retranslating


class SavedNotice(Retranslating, QMessageBox):
    """'Saved: name, in folder' with Open, Show in folder and Close."""

    def __init__(self, parent: QWidget | None, path: Path, kind: str):
        super().__init__(parent)
        self.setObjectName("savedNotice")
        self.path = Path(path)
        self.kind = kind  # "pdf" or "calendar"
        self.setIcon(QMessageBox.Icon.Information)
        self.open_button: QPushButton = self.addButton(self.tr("&Open"),
                                                          QMessageBox.ButtonRole.AcceptRole)
        self.folder_button: QPushButton = self.addButton(self.tr("Show in &folder"),
                                                            QMessageBox.ButtonRole.ActionRole)
        self.close_button: QPushButton = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.open_button)
        self.setEscapeButton(self.close_button)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_folder)
        self.retranslate()

    def open_file(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    def retranslate(self) -> None:
        if self.kind == "calendar":
            self.setWindowTitle(self.tr("Calendar file saved"))
            self.setText(self.tr("The calendar file was saved as %1.")
                         .replace("%1", self.path.name))
        else:
            self.setWindowTitle(self.tr("PDF report saved"))
            self.setText(self.tr("The report was saved as %1.").replace("%1", self.path.name))
        self.setInformativeText(self.tr("Folder: %1").replace("%1", str(self.path.parent)))
        self.open_button.setText(self.tr("&Open"))
        self.folder_button.setText(self.tr("Show in &folder"))


def confirm_saved(parent: QWidget | None, path: Path, kind: str) -> SavedNotice:
    """Shows the notice (without waiting for it) and returns it."""
    notice = SavedNotice(parent, path, kind)
    notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    notice.open()
    return notice
