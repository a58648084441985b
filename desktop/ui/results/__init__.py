"""The results page: programs grouped by outcome, and the full explanation of each.

`ResultsView` (view.py) is what the main window uses; the grouped list (program_list.py), the
detail of one program (detail.py) and the shared sentences (wording.py) are its parts.
"""

from desktop.ui.results.view import ResultsView

__all__ = ["ResultsView"]
