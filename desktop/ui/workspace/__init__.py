"""A consultant's client workspace: the client matrix, client-list import, export and re-check."""

from desktop.ui.workspace.window import ClientWorkspace

__all__ = ["ClientWorkspace"]
