"""How a change after finishing reads on screen: the "Amended" marker of a changed row and one
line per change (what: before → after — reason (who, when)). The wording of what changed comes
from ``domain.changes`` in both languages; the frame around it is translated here."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from inspector.domain.changes import ChangeLine, arrow

AMENDED_COLOUR = "#8d6e00"  # dark amber: reads on every status background


def amended_word() -> str:
    """已修改 / Amended: the marker of a row changed after the line-up was finished."""
    return QCoreApplication.translate("ChangeText", "Amended")


def change_line(change: ChangeLine, lang: str, *, person: bool = False) -> str:
    """'Attendance: Absent → Present — arrived late (Wang Li, 11-30 09:12)'; with ``person``,
    the person first."""
    text = QCoreApplication.translate(
        "ChangeText", "{what}: {change} — {reason} ({who}, {when})"
    ).format(
        what=change.what.get(lang),
        change=arrow(change, lang),
        reason=change.reason,
        who=change.changed_by,
        when=change.changed_at.strftime("%m-%d %H:%M"),
    )
    if person:
        return f"{change.employee_no} {change.name} · {text}"
    return text


def changes_tooltip(changes: Iterable[ChangeLine], lang: str) -> str:
    """'Amended:' and one line per change."""
    lines = [change_line(c, lang) for c in changes]
    heading = QCoreApplication.translate("ChangeText", "Amended after finishing:")
    return "\n".join([heading, *lines]) if lines else ""
