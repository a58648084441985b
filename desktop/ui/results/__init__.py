"""The results page: programs grouped by outcome, and the full explanation of each.

`ResultsView` (view.py) is what the main window uses; the grouped list (program_list.py) and the
detail of one program (detail.py) are its parts; their words come from the engine’s explanation.
"""

from desktop.ui.results.view import ResultsView

__all__ = ["ResultsView"]
