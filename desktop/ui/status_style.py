"""How every status looks in the app: one colour, one icon shape and one word per status.

The results view, the deadlines view and the wizard's live panel all show the same statuses
(a program's outcome, a criterion's result, a deadline's state, a program's maturity). Keeping
their looks here means a status is never green in one place and blue in another, and that each
one stays readable without colour: the icon's *shape* differs (check, cross, question mark,
clock, loop, dash) and the word is always shown next to it.

The words come from the engine's phrase catalog (the same words as the PDF, the terminal and
the JSON), in the language the UI shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from desktop.engine.phrases import word as _word
from desktop.ui.i18n import current_lang


@dataclass(frozen=True)
class Look:
    """The colour and icon shape of one status value; its word is the phrase catalog's."""

    colour: str  # "#rrggbb", dark enough for text on white (WCAG AA)
    glyph: str  # check | cross | question | clock | loop | dash | flag


GREEN = "#1b7a3a"
RED = "#b3261e"
AMBER = "#9a5b00"
BLUE = "#1f5fbf"
GREY = "#5f6368"
TEAL = "#00696b"
MUTED = GREY  # secondary text: notes, sources, hints
# the light grounds of notices (banners, the results' warnings box), each with its status colour
GROUNDS = {"warning": "#fff4e5", "error": "#fdecea", "info": "#e8f0fe"}

# kind -> value -> look
LOOKS: dict[str, dict[str, Look]] = {
    # a program's outcome
    "program": {
        "eligible": Look(GREEN, "check"),
        "undetermined": Look(AMBER, "question"),
        "ineligible": Look(RED, "cross"),
        # not eligible only because the program is for another kind of applicant
        "other_applicants": Look(GREY, "dash"),
    },
    # one criterion of the eligibility tree
    "criterion": {
        "met": Look(GREEN, "check"),
        "not_met": Look(RED, "cross"),
        "unknown": Look(AMBER, "question"),
    },
    # an exclusion (a disqualifier): "met" means the applicant is clear of it
    "exclusion": {
        "met": Look(GREEN, "check"),
        "not_met": Look(RED, "cross"),
        "unknown": Look(AMBER, "question"),
    },
    # an application window
    "deadline": {
        "open": Look(GREEN, "check"),
        "upcoming": Look(BLUE, "clock"),
        "closed": Look(GREY, "dash"),
        "not_announced": Look(AMBER, "question"),
        "rolling": Look(TEAL, "loop"),
        # a window worked out from earlier years (the explanation's deadline state)
        "estimated": Look(AMBER, "clock"),
    },
    # how real a program is (the explanation's badge, which agrees with the deadline)
    "badge": {
        "open_call": Look(GREEN, "check"),
        "call_expected": Look(BLUE, "clock"),
        "announced_policy": Look(BLUE, "flag"),
        "planned": Look(GREY, "clock"),
    },
}

#: the catalog family that words each kind
_FAMILY = {"program": "status", "criterion": "result", "exclusion": "exclusion",
           "deadline": "deadline", "badge": "badge"}

_FALLBACK = Look(GREY, "dash")


def look(kind: str, value: str) -> Look:
    """The look of `value` (e.g. "eligible") of `kind` (e.g. "program"); grey dash if unknown."""
    return LOOKS.get(kind, {}).get(value, _FALLBACK)


def label(kind: str, value: str) -> str:
    """The word for a status in the current UI language, from the phrase catalog."""
    return _word(_FAMILY.get(kind, kind), value, current_lang())


def audience_label(audience: str) -> str:
    return _word("applicant", audience, current_lang())


def colour(kind: str, value: str) -> QColor:
    return QColor(look(kind, value).colour)


_ICONS: dict[tuple[str, str], QIcon] = {}


def icon(kind: str, value: str) -> QIcon:
    """A round badge in the status colour with a white glyph whose shape tells the status."""
    key = (kind, value)
    if key not in _ICONS:
        lk = look(kind, value)
        ic = QIcon()
        for size in (16, 20, 24, 32, 48):
            ic.addPixmap(_badge(lk, size))
        _ICONS[key] = ic
    return _ICONS[key]


def pixmap(kind: str, value: str, size: int = 16, ratio: float = 1.0) -> QPixmap:
    """The badge as a pixmap (for rich-text labels and item delegates), sharp at `ratio`."""
    pm = _badge(look(kind, value), round(size * ratio))
    pm.setDevicePixelRatio(ratio)
    return pm


def _badge(lk: Look, size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(lk.colour))
    p.drawEllipse(QRectF(0.5, 0.5, s - 1, s - 1))
    pen = QPen(QColor("white"), max(1.5, s * 0.12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    g = lk.glyph
    if g == "check":
        path = QPainterPath(QPointF(s * 0.27, s * 0.52))
        path.lineTo(QPointF(s * 0.44, s * 0.69))
        path.lineTo(QPointF(s * 0.74, s * 0.33))
        p.drawPath(path)
    elif g == "cross":
        p.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68))
        p.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68))
    elif g == "question":
        f = QFont()
        f.setBold(True)
        f.setPixelSize(max(8, round(s * 0.72)))
        p.setFont(f)
        p.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, "?")
    elif g == "clock":
        p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.5, s * 0.24))
        p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.7, s * 0.62))
    elif g == "loop":
        p.drawArc(QRectF(s * 0.27, s * 0.27, s * 0.46, s * 0.46), 90 * 16, 270 * 16)
        head = QPainterPath(QPointF(s * 0.44, s * 0.17))
        head.lineTo(QPointF(s * 0.54, s * 0.27))
        head.lineTo(QPointF(s * 0.44, s * 0.37))
        p.drawPath(head)
    elif g == "flag":
        p.drawLine(QPointF(s * 0.36, s * 0.25), QPointF(s * 0.36, s * 0.76))
        path = QPainterPath(QPointF(s * 0.36, s * 0.27))
        path.lineTo(QPointF(s * 0.7, s * 0.38))
        path.lineTo(QPointF(s * 0.36, s * 0.5))
        p.drawPath(path)
    else:  # dash
        p.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5))
    p.end()
    return pm


def badge_html(kind: str, value: str, text: str | None = None, symbol: bool = True) -> str:
    """The word in the status colour with a leading symbol, for rich-text labels.

    The symbol (✓ ✗ ? …) repeats the icon's shape so the text alone carries the status; pass
    `symbol=False` where the icon stands right beside the word.
    """
    lk = look(kind, value)
    sym = {"check": "✓", "cross": "✗", "question": "?", "clock": "◷", "loop": "↻",
           "flag": "⚑", "dash": "–"}.get(lk.glyph, "") if symbol else ""
    word = text if text is not None else label(kind, value)
    lead = f"{sym}&nbsp;" if sym else ""
    return f'<span style="color:{lk.colour}; font-weight:600">{lead}{_esc(word)}</span>'


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
