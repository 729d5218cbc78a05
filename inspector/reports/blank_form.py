"""The paper line-up form of one role and sex, for a day when the laptop is not there.

The same as the screen shows that person (``Catalogue.lineup_for``): body areas head to toe
with their digit, each area's points, each point's fault reasons with their picker number and
a box to tick; lines for the name, number, date, shift and supervisor on top, and a signature.
A point passes when none of its boxes is ticked, as on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from inspector.domain.checklist import LineupArea, Severity
from inspector.domain.text import Text
from inspector.reports.fonts import FONT_NAME
from inspector.reports.page import ReportRenderer
from inspector.reports.styles import (
    CONTENT_WIDTH,
    GRID,
    HEADER_BG,
    MUTED,
    WARN_INK,
    hex_color,
    markup,
    para,
    scale,
)

BOX = "□"  # a tick box, in the report font

LABELS = {
    "title": Text("班前检查表（纸质）", "Line-up form (paper)"),
    "name": Text("姓名", "Name"),
    "number": Text("工号", "No."),
    "date": Text("日期", "Date"),
    "shift": Text("班次", "Shift"),
    "supervisor": Text("检查人", "Supervisor"),
    "signature": Text("检查人签名", "Supervisor's signature"),
    "absent": Text("缺勤", "Absent"),
    "leave": Text("请假", "On leave"),
    "late": Text("迟到", "Late"),
    "how": Text(
        "发现问题时在对应原因前的方框内打勾；某检查点无勾即为合格。",
        "Tick the box of each fault reason found; a point with no tick passes.",
    ),
    "note": Text("备注", "Notes"),
    "critical": Text("严重", "critical"),
    "major": Text("较重", "major"),
}


def _t(key: str, lang: str) -> str:
    return LABELS[key].get(lang)


def _reasons(point, lang: str) -> str:
    parts = []
    for n, reason in enumerate(point.reasons, start=1):
        words = escape(reason.text.get(lang))
        if reason.severity is not Severity.MINOR:
            colour = hex_color(WARN_INK)
            words += f' <font color="{colour}">({escape(_t(reason.severity.value, lang))})</font>'
        parts.append(f"{BOX}&nbsp;{n}&nbsp;{words}")
    return "&nbsp;&nbsp;&nbsp; ".join(parts)


def _person_lines(lang: str) -> Table:
    def row(*keys: str) -> list:
        cells: list = []
        for key in keys:
            cells += [para(_t(key, lang), "signature"), ""]
        return cells + [""] * (6 - len(cells))

    rows = [row("name", "number", "date"), row("shift", "supervisor")]
    return Table(
        rows,
        colWidths=scale([16, 24, 12, 18, 12, 18], CONTENT_WIDTH),
        rowHeights=[10 * mm, 10 * mm],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, MUTED),
                ("LINEBELOW", (3, 0), (3, -1), 0.6, MUTED),
                ("LINEBELOW", (5, 0), (5, 0), 0.6, MUTED),
            ]
        ),
    )


@dataclass(frozen=True, slots=True)
class BlankForm:
    """A paper form: the person's line-up (``Catalogue.lineup_for``), who it is for (role and
    sex) and the company named on top."""

    areas: tuple[LineupArea, ...]
    who: str
    company: Text


def blank_form_story(form: BlankForm, lang: str) -> list[Flowable]:
    areas = form.areas
    story: list[Flowable] = [
        para(form.who, "subtitle"),
        _person_lines(lang),
        Spacer(0, 2 * mm),
        para(
            f"{BOX} {_t('absent', lang)}    {BOX} {_t('leave', lang)}    {BOX} {_t('late', lang)}"
        ),
        Spacer(0, 2 * mm),
        para(_t("how", lang)),
        Spacer(0, 2 * mm),
    ]
    rows, commands = [], []
    for number, shown in enumerate(areas, start=1):
        key = shown.area.key or str(number)
        first = len(rows)
        for n, point in enumerate(shown.points):
            area = f"<b>{escape(key)}&nbsp;&nbsp;{escape(shown.area.name.get(lang))}</b>"
            rows.append(
                [
                    markup(area if n == 0 else ""),
                    markup(f"<b>{escape(point.point.text.get(lang))}</b>"),
                    markup(_reasons(point, lang)),
                ]
            )
        last = len(rows) - 1
        commands += [
            ("SPAN", (0, first), (0, last)),
            ("BACKGROUND", (0, first), (0, last), HEADER_BG),
            ("LINEABOVE", (0, first), (-1, first), 0.8, MUTED),
        ]
    table = Table(
        rows,
        colWidths=scale([16, 30, 74], CONTENT_WIDTH),
        repeatRows=0,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (1, 0), (-1, -1), 0.4, GRID),
                ("BOX", (0, 0), (-1, -1), 0.6, MUTED),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *commands,
            ]
        ),
    )
    story += [
        table,
        Spacer(0, 4 * mm),
        para(_t("note", lang) + ("：" if lang == "zh" else ":"), "signature"),
        Spacer(0, 12 * mm),
        _signature(lang),
    ]
    return story


def _signature(lang: str) -> Table:
    return Table(
        [[para(_t("signature", lang), "signature"), ""]],
        colWidths=scale([25, 45, 30], CONTENT_WIDTH)[:2],
        rowHeights=[12 * mm],
        hAlign="LEFT",
        style=TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LINEBELOW", (1, 0), (1, 0), 0.6, MUTED)]
        ),
    )


render_blank_form = ReportRenderer(
    blank_form_story, title=partial(_t, "title"), expected_pages=lambda _form: 1
)
