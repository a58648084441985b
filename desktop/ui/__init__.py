"""The Qt (PySide6) desktop app: one module per window, page and dialog."""
