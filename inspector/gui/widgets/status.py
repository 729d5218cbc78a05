"""How a person's and an item's state look everywhere: words, colours, small round icons.

Colour is never the only signal: every state also has a word (and ✓ / ✘ marks), for
colour-blind supervisors and for black-and-white printouts of screenshots.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from inspector.domain.checklist import ItemKind, Severity
from inspector.domain.lineup import Attendance, Lineup, PersonStatus, Result
from inspector.domain.people import Sex

# Background colours are light (text stays black on them); the accents are for icons and text.
COLOURS = {
    "todo": QColor("#9e9e9e"),
    "all_pass": QColor("#2e7d32"),
    "faults": QColor("#c62828"),
    "absent": QColor("#546e7a"),
    "leave": QColor("#1565c0"),
    "late": QColor("#ef6c00"),
    "na": QColor("#bdbdbd"),
}
BACKGROUNDS = {
    "todo": QColor("#ffffff"),
    "all_pass": QColor("#e8f5e9"),
    "faults": QColor("#ffebee"),
    "absent": QColor("#eceff1"),
    "leave": QColor("#e3f2fd"),
    "late": QColor("#fff3e0"),
    "na": QColor("#f5f5f5"),
}


def status_text(status: PersonStatus, *, late: bool = False, failed: int = 0) -> str:
    """ "To do", "All pass", "Faults: 2", "Absent", "On leave"; "Late · …" for late people."""
    if status is PersonStatus.TODO:
        text = QCoreApplication.translate("Status", "To do")
    elif status is PersonStatus.ALL_PASS:
        text = QCoreApplication.translate("Status", "✓ All pass")
    elif status is PersonStatus.FAULTS:
        text = QCoreApplication.translate("Status", "✘ Faults: {n}").format(n=failed)
    elif status is PersonStatus.ABSENT:
        text = QCoreApplication.translate("Status", "Absent")
    else:
        text = QCoreApplication.translate("Status", "On leave")
    return (
        QCoreApplication.translate("Status", "Late · {status}").format(status=text)
        if late
        else text
    )


# The word of each state, kind and severity, translated when shown (context "Status").
_WORDS: dict[Enum, str] = {
    Attendance.PRESENT: QT_TRANSLATE_NOOP("Status", "Present"),
    Attendance.ABSENT: QT_TRANSLATE_NOOP("Status", "Absent"),
    Attendance.LEAVE: QT_TRANSLATE_NOOP("Status", "On leave"),
    Attendance.LATE: QT_TRANSLATE_NOOP("Status", "Late"),
    Result.PASS: QT_TRANSLATE_NOOP("Status", "✓ Pass"),
    Result.FAIL: QT_TRANSLATE_NOOP("Status", "✘ Fail"),
    Result.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Status", "N/A"),
    ItemKind.REQUIRED: QT_TRANSLATE_NOOP("Status", "Required"),
    ItemKind.PROHIBITED: QT_TRANSLATE_NOOP("Status", "Prohibited"),
    Severity.MINOR: QT_TRANSLATE_NOOP("Status", "Minor"),
    Severity.MAJOR: QT_TRANSLATE_NOOP("Status", "Major"),
    Severity.CRITICAL: QT_TRANSLATE_NOOP("Status", "Critical"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("Status", "Female"),
    Sex.MALE: QT_TRANSLATE_NOOP("Status", "Male"),
}


def word(value: Enum) -> str:
    """The word for an attendance, a result, an item kind, a severity or a sex."""
    return QCoreApplication.translate("Status", _WORDS[value])


def attendance_text(attendance: Attendance | None) -> str:
    if attendance is None:
        return QCoreApplication.translate("Status", "Not recorded")
    return word(attendance)


def sex_text(sex_value: str) -> str:
    return word(Sex.FEMALE if sex_value == "female" else Sex.MALE)


@cache
def _dot(colour_name: str, hollow: bool) -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(colour_name)
    if hollow:
        pen = painter.pen()
        pen.setColor(colour)
        pen.setWidth(4)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    painter.drawEllipse(4, 4, 24, 24)
    painter.end()
    return QIcon(pixmap)


def status_icon(status: PersonStatus, *, late: bool = False) -> QIcon:
    """A filled dot in the state's colour (a hollow one for to do; amber ring when late)."""
    if status is PersonStatus.TODO:
        return _dot(COLOURS["late" if late else "todo"].name(), True)
    return _dot(COLOURS[status.value].name(), False)


def shift_text(shift: str) -> str:
    """Shifts are stored as the company writes them (早班, 中班, 晚班); English shows a name."""
    from inspector.gui.i18n import current_language

    if current_language() != "en":
        return shift
    return {
        "早班": QCoreApplication.translate("Status", "Morning shift"),
        "中班": QCoreApplication.translate("Status", "Afternoon shift"),
        "晚班": QCoreApplication.translate("Status", "Night shift"),
    }.get(shift, shift)


def scope_text(site: str, department: str) -> str:
    """Whom a line-up is for: "site / department", or everyone."""
    return " / ".join(p for p in (site, department) if p) or QCoreApplication.translate(
        "Status", "Everyone"
    )


def lineup_fields(lineup: Lineup) -> dict[str, str]:
    """The words a line-up is shown by on screen, for ``str.format``: day, shift, scope and
    supervisor."""
    return {
        "day": lineup.day.isoformat(),
        "shift": shift_text(lineup.shift),
        "scope": scope_text(lineup.site, lineup.department),
        "supervisor": lineup.supervisor or "–",
    }
