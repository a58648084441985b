"""The question wizard with its live results panel."""

from desktop.ui.wizard.view import WizardView

__all__ = ["WizardView"]
