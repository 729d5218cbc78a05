"""The "修改记录 / Changes after finishing" list of the day's sheet and the employee record:
each change with its number (the "已修改 #n" marker on the changed row), the person, what was
changed from what to what, the reason, who and when."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from inspector.domain.changes import ChangeLine, arrow
from inspector.reports import i18n
from inspector.reports.i18n import label
from inspector.reports.styles import (
    WARN_INK,
    data_table,
    header_row,
    heading,
    hex_color,
    markup,
    para,
    scale,
)

_WIDTHS = scale([6, 20, 24, 30, 22, 12, 16])
_DAY_WIDTHS = scale([6, 13, 24, 30, 22, 12, 16])


def amended_marker(numbers: Sequence[int], lang: str) -> str:
    """'已修改 #1 #3' (markup for a cell), or '' for a row nobody changed."""
    if not numbers:
        return ""
    refs = " ".join(f"#{n}" for n in numbers)
    return f'<font color="{hex_color(WARN_INK)}">{escape(label("amended", lang))} {refs}</font>'


def status_cell(status: str, numbers: Sequence[int], lang: str) -> Flowable:
    """A row's status, with "已修改 #n" under it when the row was changed after finishing."""
    if not numbers:
        return para(status)
    return markup(f"{escape(status)}<br/>{amended_marker(numbers, lang)}")


def changes_section(
    changes: Sequence[ChangeLine], lang: str, *, by_day: bool = False
) -> list[Flowable]:
    """The numbered list (nothing when there are no changes). ``by_day``: the first column
    after the number is the line-up's date (the employee record), else the person."""
    if not changes:
        return []
    story: list[Flowable] = heading(label("changes_title", lang))
    story.append(para(label("changes_rule", lang), "small"))
    first = "date" if by_day else "change_person"
    rows: list[list] = [
        header_row(
            [
                "#",
                label(first, lang),
                label("change_what", lang),
                label("change_before_after", lang),
                label("change_reason", lang),
                label("changed_by", lang),
                label("changed_at", lang),
            ]
        )
    ]
    for n, change in enumerate(changes, start=1):
        if by_day:
            who = change.day.isoformat()
        else:
            place = f"{change.position}. " if change.position else ""
            who = (
                f"{place}{change.name}（{change.employee_no}）"
                if lang == "zh"
                else (f"{place}{change.name} ({change.employee_no})")
            )
        rows.append(
            [
                str(n),
                para(who),
                para(change.what.get(lang)),
                para(arrow(change, lang)),
                para(change.reason),
                para(change.changed_by),
                para(i18n.time_label(change.changed_at)),
            ]
        )
    story.append(data_table(rows, _DAY_WIDTHS if by_day else _WIDTHS))
    return story
