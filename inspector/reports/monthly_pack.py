"""The monthly inspection pack for HR (the whole company, one site or one department).

Page 1 is for a general manager and reads in a minute: the pass rate (or, under 扣分制, the
average score) and its change, the 12-month trend, departments and sites ranked, the top
faults and who needs follow-up. Then the detail: departments and sites ranked with every
figure, the supervisors (检查人) with the calibration flag and its rule, the 12-month trend
per department, the pass rate by day, the most frequent faults, the repeat-offences ladder,
fixes and re-checks (when recorded), every employee (those needing attention first) and the
checklist versions the month was judged against.

Speed: the employee table holds thousands of rows, so its cells are plain strings (cut to the
column width) drawn by ``row_table.RowTable`` (one text object a page, no per-cell layout);
the other tables are Platypus tables with a cached style, and only columns of free text (item
wording) are Paragraphs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from inspector.domain import figures
from inspector.domain.follow_ups import FollowUpTally
from inspector.domain.reports import (
    EmployeeRow,
    FaultCount,
    GroupRow,
    MonthlyPackData,
    format_points,
    format_score,
)
from inspector.domain.scoring import format_percent
from inspector.domain.text import Text
from inspector.reports import charts, i18n
from inspector.reports.fonts import FONT_NAME
from inspector.reports.i18n import label
from inspector.reports.observation_section import observation_section
from inspector.reports.page import ReportRenderer
from inspector.reports.row_table import RowTable
from inspector.reports.styles import (
    CONTENT_WIDTH,
    HEADER_BG,
    WARN_BG,
    WARN_INK,
    data_table,
    fit,
    header_row,
    heading,
    label_header,
    pairs_table,
    para,
    ranked_fault_rows,
    scale,
    style,
)

TOP_FAULTS_TABLE = 15
TOP_FAULTS_SUMMARY = 5
FOLLOW_UP_LINES = 8
EMPLOYEE_ROWS_PER_PAGE = 52  # for the progress estimate only

FAULT_WIDTHS = scale([5, 57, 10, 10, 10])
LADDER_WIDTHS = scale([12, 11, 10, 13, 36, 8, 12])
LADDER_COLUMNS = ("step", "employee_no", "name", "department", "item", "times", "reached_on")
SUPERVISOR_WIDTHS = scale([18, 10, 11, 9, 12, 10, 10, 10, 10])
SUPERVISOR_COLUMNS = (
    "supervisor",
    "supervisor_lineups",
    "people_inspected",
    "faults",
    "per_100",
    "scope_rate",
    "pass_rate",
    "amendments",
    "calibration",
)
VERSION_WIDTHS = scale([22, 36, 10, 22, 10])


def scope_label(data: MonthlyPackData, lang: str) -> str:
    parts = []
    if data.site:
        parts.append(f"{label('site', lang)}: {data.site}")
    if data.department:
        parts.append(f"{label('department', lang)}: {data.department}")
    return " · ".join(parts) if parts else label("whole_company", lang)


def places(rank: int | None, previous_rank: int | None) -> str:
    """Places gained (+2) or lost (-1) since the previous month; '–' when new."""
    if rank is None or previous_rank is None:
        return "–"
    moved = previous_rank - rank
    return "0" if moved == 0 else f"{moved:+d}"


def headline(data: MonthlyPackData, lang: str) -> list[tuple[str, str, str]]:
    """The GM page's big figures: (label, value, against the previous month)."""
    rate = (
        label("headline_pass_rate", lang),
        format_percent(data.tally.pass_rate),
        label("versus_previous", lang).format(
            value=format_percent(data.previous.pass_rate), change=format_points(data.total.change)
        ),
    )
    if not data.rules.deduction_scoring:
        return [rate]
    score = (
        label("headline_score", lang),
        format_score(data.score),
        label("versus_previous", lang).format(
            value=format_score(data.previous_score), change=format_points(data.total.score_change)
        ),
    )
    return [score, rate]


def key_figures(data: MonthlyPackData, lang: str) -> list[tuple[str, str]]:
    """The month's counts, as (label, value) pairs."""
    t = data.tally
    pairs = [
        (label("pass_rate", lang), format_percent(t.pass_rate)),
        (label("staff", lang), f"{data.staff:,}"),
        (label("lineups", lang), f"{data.lineups:,}"),
        (label("inspections", lang), f"{t.inspections:,}"),
        (label("clean", lang), f"{t.clean:,}"),
        (label("with_faults_people", lang), f"{t.with_faults:,}"),
        (label("faults", lang), f"{t.failed:,}"),
        (label("critical", lang), f"{t.critical_failed:,}"),
        (label("absent_days", lang), f"{t.absent:,}"),
        (label("leave_days", lang), f"{t.leave:,}"),
        (label("late_days", lang), f"{t.late:,}"),
        (label("roster", lang), f"{data.roster:,}"),
    ]
    if data.rules.deduction_scoring:
        pairs[1:1] = [
            (label("score", lang), format_score(data.score)),
            (label("deducted", lang), f"{data.deducted:,}"),
        ]
    pairs.append((label("compliance", lang), format_percent(t.compliance)))
    return pairs


# -- ranked groups (departments, sites) -------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str  # a label key
    width: float
    cell: Callable[[GroupRow], str]


def group_columns(data: MonthlyPackData, name_key: str) -> list[Column]:
    """The columns of the departments' and sites' tables. Under deduction scoring the score
    columns replace the passed, faults and critical counts (the page has room for 12)."""
    rank = Column("rank", 7, lambda g: str(g.rank) if g.rank is not None else "–")
    name = Column(name_key, 20, lambda g: g.name or "–")
    staff = Column("th_staff", 8, lambda g: f"{g.staff:,}")
    inspections = Column("th_inspections", 10, lambda g: f"{g.tally.inspections:,}")
    rate = [
        Column("pass_rate", 9, lambda g: format_percent(g.tally.pass_rate)),
        Column("th_previous", 8, lambda g: format_percent(g.previous_pass_rate)),
        Column("change", 9, lambda g: format_points(g.change)),
    ]
    moved = Column("places", 8, lambda g: places(g.rank, g.previous_rank))
    if data.rules.deduction_scoring:
        return [
            rank,
            Column(name_key, 17, name.cell),
            staff,
            inspections,
            Column("score", 8, lambda g: format_score(g.score)),
            Column("th_previous", 8, lambda g: format_score(g.previous_score)),
            Column("th_change", 8, lambda g: format_points(g.score_change)),
            Column("th_deducted", 7, lambda g: f"{g.deducted:,}"),
            *rate,
            moved,
        ]
    return [
        rank,
        name,
        staff,
        inspections,
        Column("clean", 9, lambda g: f"{g.tally.clean:,}"),
        *rate,
        moved,
        Column("faults", 8, lambda g: f"{g.tally.failed:,}"),
        Column("th_critical", 8, lambda g: f"{g.tally.critical_failed:,}"),
    ]


def group_table_rows(
    data: MonthlyPackData, groups: Sequence[GroupRow], name_key: str, lang: str
) -> tuple[list[list], list[float]]:
    columns = group_columns(data, name_key)
    widths = scale([c.width for c in columns])
    rows: list[list] = [header_row([label(c.header, lang) for c in columns], right_from=2)]
    for group in groups:
        rows.append([fit(c.cell(group), w) for c, w in zip(columns, widths, strict=True)])
    total = [c.cell(data.total) for c in columns]
    total[0], total[1] = "", label("total", lang)
    rows.append(total)
    return rows, widths


def group_table(
    data: MonthlyPackData, groups: Sequence[GroupRow], name_key: str, lang: str
) -> Table:
    rows, widths = group_table_rows(data, groups, name_key, lang)
    last = len(rows) - 1
    return data_table(
        rows, widths, right_from=2, extra=[("BACKGROUND", (0, last), (-1, last), HEADER_BG)]
    )


def _value(group: GroupRow, deduction: bool) -> str:
    return format_score(group.score) if deduction else format_percent(group.tally.pass_rate)


def _change(group: GroupRow, deduction: bool) -> str:
    return format_points(group.score_change if deduction else group.change)


def ranking_rows(
    data: MonthlyPackData, groups: Sequence[GroupRow], name_key: str, lang: str
) -> list[list]:
    """The GM page's compact ranking: place, name, value, change, places moved."""
    deduction = data.rules.deduction_scoring
    rows: list[list] = [
        label_header(
            [
                "rank",
                name_key,
                "score" if deduction else "pass_rate",
                "score_change" if deduction else "change",
                "places",
            ],
            lang,
            right_from=2,
        )
    ]
    for g in groups:
        rows.append(
            [
                str(g.rank) if g.rank is not None else "–",
                fit(g.name or "–", 0.42 * CONTENT_WIDTH / 2),
                _value(g, deduction),
                _change(g, deduction),
                places(g.rank, g.previous_rank),
            ]
        )
    return rows


# -- supervisors, faults, ladder, employees, versions -----------------------------------------


def scope_per_100(data: MonthlyPackData) -> float | None:
    return figures.faults_per_100(data.tally.failed, data.tally.inspections)


def format_rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def supervisor_table_rows(data: MonthlyPackData, lang: str) -> list[list]:
    rows: list[list] = [label_header(SUPERVISOR_COLUMNS, lang, right_from=1)]
    overall = format_rate(scope_per_100(data))
    yes = Text("是", "Yes").get(lang)
    for s in data.supervisors:
        rows.append(
            [
                fit(s.name or "–", SUPERVISOR_WIDTHS[0]),
                f"{s.lineups:,}",
                f"{s.tally.inspections:,}",
                f"{s.tally.failed:,}",
                format_rate(s.per_100),
                overall,
                format_percent(s.tally.pass_rate),
                f"{s.amendments:,}",
                yes if s.flagged else "",
            ]
        )
    return rows


def calibration_rule(data: MonthlyPackData, lang: str) -> str:
    return label("calibration_rule", lang).format(
        min=figures.CALIBRATION_MIN_INSPECTED,
        ratio=round(figures.CALIBRATION_RATIO * 100),
        rate=format_rate(scope_per_100(data)),
    )


def fault_table_rows(faults: tuple[FaultCount, ...], lang: str, limit: int) -> list[list]:
    headers = ["item", "severity", "times", "employees_with"]
    return ranked_fault_rows(faults, [label(h, lang) for h in headers], lang, limit)


def ladder_rule(data: MonthlyPackData, lang: str) -> str:
    steps = "；" if lang == "zh" else "; "
    words = steps.join(
        f"{s.count} {Text('次', 'times').get(lang)} → {s.name.get(lang)}" for s in data.ladder
    )
    return label("ladder_rule", lang).format(steps=words)


def ladder_table_rows(data: MonthlyPackData, lang: str) -> list[list]:
    rows = [label_header(LADDER_COLUMNS, lang, right_from=5)]
    rows += [
        [
            para(o.step.name.get(lang)),
            fit(o.employee_no, LADDER_WIDTHS[1]),
            fit(o.name, LADDER_WIDTHS[2]),
            fit(o.department, LADDER_WIDTHS[3]),
            para(o.text.get(lang)),
            str(o.count),
            o.day.isoformat(),
        ]
        for o in data.repeat_offenders
    ]
    return rows


def employee_header_keys(data: MonthlyPackData) -> tuple[str, ...]:
    keys = (
        "no",
        "employee_no",
        "name",
        "department",
        "site",
        "inspections",
        "clean",
        "pass_rate",
        "faults",
        "critical_short",
        "absent_short",
        "leave_short",
    )
    return (*keys, "score", "deducted") if data.rules.deduction_scoring else keys


def employee_widths(data: MonthlyPackData) -> list[float]:
    widths = [7, 14, 13, 16, 15, 9, 9, 9, 8, 8, 8, 8]
    return scale([*widths, 8, 8] if data.rules.deduction_scoring else widths)


def employee_cells(
    rank: int, e: EmployeeRow, fitted: dict[str, str], widths: list[float], deduction: bool
) -> list[str]:
    """One employee's row as plain strings (``fitted`` caches cut department and site names)."""
    t = e.tally
    department = fitted.get(e.department)
    if department is None:
        department = fitted[e.department] = fit(e.department, widths[3])
    site = fitted.get("\0" + e.site)
    if site is None:
        site = fitted["\0" + e.site] = fit(e.site, widths[4])
    cells = [
        str(rank),
        fit(e.employee_no, widths[1]),
        fit(e.name, widths[2]),
        department,
        site,
        str(t.inspections),
        str(t.clean),
        format_percent(t.pass_rate),
        str(t.failed),
        str(t.critical_failed),
        str(t.absent),
        str(t.leave),
    ]
    if deduction:
        cells += ["–" if e.score is None else str(e.score), str(e.deducted)]
    return cells


def employee_table_rows(data: MonthlyPackData, lang: str) -> tuple[list[list], list[tuple]]:
    """The rows of the employee table and the style commands that flag critical faults."""
    keys = employee_header_keys(data)
    rows: list[list] = [label_header(keys, lang, right_from=5)]
    fitted: dict[str, str] = {}
    widths = employee_widths(data)
    deduction = data.rules.deduction_scoring
    extra: list[tuple] = []
    for rank, e in enumerate(data.employees, start=1):
        rows.append(employee_cells(rank, e, fitted, widths, deduction))
        if e.tally.critical_failed:
            extra += [
                ("BACKGROUND", (0, rank), (-1, rank), WARN_BG),
                ("TEXTCOLOR", (9, rank), (9, rank), WARN_INK),
            ]
    return rows, extra


def employee_table(data: MonthlyPackData, lang: str) -> RowTable:
    """Every employee, drawn as one-line rows (thousands of them: see ``row_table``)."""
    rows, _ = employee_table_rows(data, lang)
    marked = frozenset(n for n, e in enumerate(data.employees) if e.tally.critical_failed)
    return RowTable(
        rows[0], rows[1:], employee_widths(data), right_from=5, marked=marked, marked_column=9
    )


def version_table_rows(data: MonthlyPackData, lang: str) -> list[list]:
    rows = [label_header(("set_id", "title", "version", "hash", "lineups"), lang, right_from=4)]
    rows += [
        [
            fit(v.set_id, VERSION_WIDTHS[0]),
            para(v.title.get(lang)),
            str(v.version),
            v.hash_prefix,
            f"{v.lineups:,}",
        ]
        for v in data.versions
    ]
    return rows


def fault_bars(data: MonthlyPackData, lang: str) -> list[tuple[list[str], int]]:
    def lines(f: FaultCount) -> list[str]:
        return [f.text.zh, f.text.en] if lang == "both" else [f.text.get(lang)]

    return [(lines(f), f.count) for f in data.top_faults]


def trend_series(data: MonthlyPackData, lang: str, *, departments: bool = True) -> list:
    scope = scope_label(data, lang)
    series = [(t.name or scope, t.points) for t in data.trend]
    return series if departments else series[:1]


def trend_table_rows(data: MonthlyPackData, lang: str) -> list[list]:
    """The 12-month trend as figures: a row per series, a column per month."""
    deduction = data.rules.deduction_scoring
    months = [m for m, _ in data.trend[0].points] if data.trend else []
    rows: list[list] = [
        header_row([label("department", lang)] + [f"{m:%y-%m}" for m in months], right_from=1)
    ]
    for name, points in trend_series(data, lang):
        rows.append(
            [fit(name, CONTENT_WIDTH * 0.16)]
            + [format_score(v) if deduction else format_percent(v) for _, v in points]
        )
    return rows


def follow_up_pairs(f: FollowUpTally, lang: str) -> list[tuple[str, str]]:
    """整改与复查: the month's faults, then each group with its share of them."""

    def counted(n: int) -> str:
        return f"{n:,} ({format_percent(f.share(n))})"

    return [
        (label("faults", lang), f"{f.faults:,}"),
        (label("fixed_on_spot", lang), counted(f.fixed_on_spot)),
        (label("rechecked_in_time", lang), counted(f.rechecked_in_time)),
        (label("rechecked_late", lang), counted(f.rechecked_late)),
        (label("still_open", lang), counted(f.still_open)),
    ]


def follow_up_lines(data: MonthlyPackData, lang: str) -> list[str]:
    """Who needs follow-up (GM page): ladder steps reached, critical faults, supervisors to
    calibrate; at most FOLLOW_UP_LINES lines for the people."""
    lines = []
    times = Text("次", "times")
    for o in data.repeat_offenders[:FOLLOW_UP_LINES]:
        lines.append(
            f"{o.step.name.get(lang)}: {o.name} ({o.employee_no}) · {o.text.get(lang)} · "
            f"{o.count} {times.get(lang)}"
        )
    more = len(data.repeat_offenders) - FOLLOW_UP_LINES
    if more > 0:
        lines.append(Text(f"……另有 {more} 人次，见屡犯阶梯", f"… {more} more, see the "
                               "repeat-offences ladder").get(lang))  # fmt: skip
    critical = [e for e in data.employees if e.tally.critical_failed]
    if critical:
        names = (
            "、".join(e.name for e in critical[:6])
            if lang == "zh"
            else ", ".join(e.name for e in critical[:6])
        )
        extra = f" (+{len(critical) - 6})" if len(critical) > 6 else ""
        lines.append(f"{label('critical_people', lang)} ({len(critical)}): {names}{extra}")
    flagged = data.flagged_supervisors
    if flagged:
        lines.append(f"{label('flagged_supervisors', lang)}: " + ", ".join(s.name for s in flagged))
    return lines


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _side_by_side(left: list[Flowable], right: list[Flowable]) -> Table:
    half = CONTENT_WIDTH / 2
    table = Table([[left, right]], colWidths=[half, half], hAlign="LEFT")
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 3 * mm),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return table


def _headline_table(data: MonthlyPackData, lang: str) -> Table:
    cells = []
    for name, value, against in headline(data, lang):
        cells.append(
            [
                para(name, "figure_label"),
                Paragraph(_escape(value), headline_style()),
                Spacer(1, 2),
                para(against, "small"),
            ]
        )
    width = CONTENT_WIDTH / len(cells)
    table = Table([cells], colWidths=[width] * len(cells), hAlign="LEFT")
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.5, HEADER_BG),
            ("BACKGROUND", (0, 0), (-1, -1), HEADER_BG),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
    )
    return table


def headline_style() -> ParagraphStyle:
    return ParagraphStyle("headline", parent=style("figure_value"), fontSize=24, leading=28)


def _rules_text(data: MonthlyPackData, lang: str) -> list[Flowable]:
    texts = [label("pass_rate_rule", lang)]
    if data.rules.deduction_scoring:
        d = data.rules.deductions
        texts.append(
            label("score_rule", lang).format(
                minor=d["minor"],
                major=d["major"],
                critical=d["critical"],
                zeroes=label("zeroes", lang) if data.rules.critical_zeroes else "",
            )
        )
    return [para(t, "small") for t in texts]


def summary_page(data: MonthlyPackData, lang: str) -> list[Flowable]:
    """The general manager's page."""
    deduction = data.rules.deduction_scoring
    what = label("score" if deduction else "pass_rate", lang)
    story: list[Flowable] = [
        para(label("monthly_title", lang), "title"),
        para(f"{i18n.month_label(data.month, lang)} · {scope_label(data, lang)}", "subtitle"),
        _headline_table(data, lang),
        Spacer(1, 3 * mm),
        pairs_table(key_figures(data, lang)[:8], 4, scale([14, 11] * 4)),
        para(f"{label('monthly_trend', lang)} · {what}", "heading"),
        charts.month_trend_chart(
            trend_series(data, lang, departments=False),
            CONTENT_WIDTH,
            percent=not deduction,
            empty_label=label("no_data", lang),
            height=100,
            legend=False,
        ),
    ]
    left: list[Flowable] = [
        para(label("departments_ranked", lang), "heading"),
        data_table(
            ranking_rows(data, data.departments, "department", lang),
            scale([11, 39, 17, 17, 16], CONTENT_WIDTH / 2 - 3 * mm),
            right_from=2,
        ),
    ]
    right: list[Flowable] = [para(label("top_faults_short", lang), "heading")]
    if data.faults:
        right.append(
            data_table(
                fault_table_rows(data.faults, lang, TOP_FAULTS_SUMMARY),
                scale([6, 56, 14, 12, 12], CONTENT_WIDTH / 2),
                right_from=3,
            )
        )
    else:
        right.append(para(label("no_faults_month", lang), "body"))
    if len(data.sites) > 1:
        left += [
            para(label("sites", lang), "heading"),
            data_table(
                ranking_rows(data, data.sites, "site", lang),
                scale([11, 39, 17, 17, 16], CONTENT_WIDTH / 2 - 3 * mm),
                right_from=2,
            ),
        ]
    right.append(para(label("follow_up", lang), "heading"))
    lines = follow_up_lines(data, lang)
    right += [para(line, "cell") for line in lines] or [para(label("follow_up_none", lang))]
    story.append(_side_by_side(left, right))
    story.append(Spacer(1, 3 * mm))
    story += _rules_text(data, lang)
    story.append(PageBreak())
    return story


def monthly_pack_story(data: MonthlyPackData, lang: str) -> list[Flowable]:
    deduction = data.rules.deduction_scoring
    story = summary_page(data, lang)

    story.extend(heading(label("key_figures", lang)))
    story.append(pairs_table(key_figures(data, lang), 3, scale([21, 12, 21, 12, 21, 13])))
    story.append(Spacer(1, 3))
    story += _rules_text(data, lang)
    story.extend(heading(label("departments_ranked", lang)))
    story.append(group_table(data, data.departments, "department", lang))
    if data.sites:
        story.extend(heading(label("sites", lang)))
        story.append(group_table(data, data.sites, "site", lang))

    story.extend(heading(label("supervisors", lang)))
    story.append(para(calibration_rule(data, lang), "small"))
    story.append(Spacer(1, 3))
    story.append(data_table(supervisor_table_rows(data, lang), SUPERVISOR_WIDTHS, right_from=1))

    what = label("score" if deduction else "pass_rate", lang)
    story.append(CondPageBreak(260))
    story.extend(heading(f"{label('monthly_trend', lang)} · {what}"))
    story.append(
        charts.month_trend_chart(
            trend_series(data, lang),
            CONTENT_WIDTH,
            percent=not deduction,
            empty_label=label("no_data", lang),
        )
    )
    story.append(
        para(
            label("monthly_trend_caption", lang).format(what=what, scope=scope_label(data, lang)),
            "small",
        )
    )
    story.append(Spacer(1, 3))
    months = len(data.trend[0].points) if data.trend else 12
    story.append(data_table(trend_table_rows(data, lang), scale([16] + [7] * months), right_from=1))

    trend = charts.trend_line_chart(
        [(p.day, p.pass_rate) for p in data.daily],
        data.month,
        CONTENT_WIDTH,
        average=data.tally.pass_rate,
        empty_label=label("no_data", lang),
    )
    caption = label("trend_caption", lang).format(value=format_percent(data.tally.pass_rate))
    story.append(
        KeepTogether([para(label("daily_trend", lang), "heading"), trend, para(caption, "small")])
    )

    story.append(CondPageBreak(200))
    if data.faults:
        story.append(
            KeepTogether(
                [
                    para(label("top_faults", lang), "heading"),
                    charts.fault_bar_chart(fault_bars(data, lang), CONTENT_WIDTH),
                ]
            )
        )
        story.append(Spacer(1, 4))
        story.append(
            data_table(
                fault_table_rows(data.faults, lang, TOP_FAULTS_TABLE), FAULT_WIDTHS, right_from=3
            )
        )
    else:
        story.extend(heading(label("top_faults", lang)))
        story.append(para(label("no_faults_month", lang), "body"))

    story.append(CondPageBreak(120))
    story.extend(heading(label("ladder", lang)))
    story.append(para(ladder_rule(data, lang), "small"))
    story.append(Spacer(1, 3))
    if data.repeat_offenders:
        story.append(data_table(ladder_table_rows(data, lang), LADDER_WIDTHS, right_from=5))
    else:
        story.append(para(label("no_ladder", lang), "body"))

    if data.follow_up is not None:
        story.extend(heading(label("follow_up_section", lang)))
        story.append(para(label("follow_up_rule", lang), "small"))
        story.append(Spacer(1, 3))
        pairs = follow_up_pairs(data.follow_up, lang)
        rows = [header_row([c for c, _ in pairs], right_from=0), [v for _, v in pairs]]
        story.append(data_table(rows, scale([1] * len(pairs)), right_from=0))

    story.append(PageBreak())
    story.extend(heading(label("employees", lang)))
    order = "employees_order_score" if deduction else "employees_order"
    story.append(para(label(order, lang), "small"))
    story.append(Spacer(1, 3))
    story.append(employee_table(data, lang))

    story.append(CondPageBreak(120))
    story.extend(heading(label("versions", lang)))
    story.append(data_table(version_table_rows(data, lang), VERSION_WIDTHS, right_from=4))
    if data.seal:
        story.append(Spacer(1, 3))
        story.append(
            para(
                label("month_seal", lang).format(seal=data.seal, sealed=data.sealed_lineups),
                "small",
            )
        )
    story.extend(observation_section(data.observations, lang))
    return story


def expected_pages(data: MonthlyPackData) -> int:
    return (
        5
        + math.ceil(len(data.employees) / EMPLOYEE_ROWS_PER_PAGE)
        + len(data.repeat_offenders) // 45
    )


render_monthly_pack = ReportRenderer(
    monthly_pack_story,
    title=partial(label, "monthly_title"),
    expected_pages=expected_pages,
)
