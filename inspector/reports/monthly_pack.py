"""The monthly compliance pack for HR (the whole company or one department).

First page: key figures (staff, line-ups, inspections, compliance and its change against the
previous month) and a row per department. Then the most frequent faults (bar chart and
table), the daily compliance trend (line chart), the repeat offenders, every employee's row
(those needing attention first) and the checklist versions the month was judged against.

Speed: the employee table holds thousands of rows, so its cells are plain strings (cut to the
column width) in one Table with a cached style that splits by row and repeats its header; only
columns of free text (item wording) are Paragraphs.
"""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from inspector.domain.reports import (
    EmployeeRow,
    FaultCount,
    MonthlyPackData,
    Tally,
    format_points,
)
from inspector.domain.scoring import format_percent
from inspector.reports import charts, i18n
from inspector.reports.i18n import label
from inspector.reports.observation_section import observation_section
from inspector.reports.page import Progress, build_pdf
from inspector.reports.styles import (
    CONTENT_WIDTH,
    HEADER_BG,
    WARN_BG,
    WARN_INK,
    data_table,
    fit,
    header_row,
    heading,
    pairs_table,
    para,
    scale,
)

TOP_FAULTS_TABLE = 15
EMPLOYEE_ROWS_PER_PAGE = 52  # for the progress estimate only

DEPARTMENT_WIDTHS = scale([22, 9, 10, 9, 9, 9, 9, 9, 12, 12, 12])
FAULT_WIDTHS = scale([5, 57, 10, 10, 10])
OFFENDER_WIDTHS = scale([13, 12, 15, 44, 7, 14])
EMPLOYEE_WIDTHS = scale([7, 14, 14, 17, 15, 10, 8, 8, 9, 8, 9, 12])
VERSION_WIDTHS = scale([22, 36, 10, 22, 10])


def scope_label(data: MonthlyPackData, lang: str) -> str:
    if data.department:
        return f"{label('department', lang)}: {data.department}"
    return label("whole_company", lang)


def _change(value: float | None) -> str:
    return format_points(value)


def key_figures(data: MonthlyPackData, lang: str) -> list[tuple[str, str]]:
    """The first page's figures, as (label, value) pairs."""
    t = data.tally
    return [
        (label("roster", lang), f"{data.roster:,}"),
        (label("staff", lang), f"{data.staff:,}"),
        (label("lineups", lang), f"{data.lineups:,}"),
        (label("inspections", lang), f"{t.inspections:,}"),
        (label("absent_days", lang), f"{t.absent:,}"),
        (label("leave_days", lang), f"{t.leave:,}"),
        (label("late_days", lang), f"{t.late:,}"),
        (label("items_checked", lang), f"{t.applicable:,}"),
        (label("faults", lang), f"{t.failed:,}"),
        (label("critical", lang), f"{t.critical_failed:,}"),
        (label("fault_points", lang), f"{t.fault_points:,}"),
        (label("repeat_offenders_count", lang), f"{len(data.repeat_offenders):,}"),
        (label("compliance", lang), format_percent(t.compliance)),
        (label("previous_month", lang), format_percent(data.previous.compliance)),
        (label("change", lang), _change(data.change)),
    ]


def department_table_rows(data: MonthlyPackData, lang: str) -> list[list]:
    def row(name: str, staff: int, t: Tally, previous: float | None, change: float | None) -> list:
        return [
            fit(name, DEPARTMENT_WIDTHS[0]),
            f"{staff:,}",
            f"{t.inspections:,}",
            f"{t.absent:,}",
            f"{t.leave:,}",
            f"{t.failed:,}",
            f"{t.critical_failed:,}",
            f"{t.fault_points:,}",
            format_percent(t.compliance),
            format_percent(previous),
            _change(change),
        ]

    rows = [
        header_row(
            [
                label("department", lang),
                label("staff", lang),
                label("inspections", lang),
                label("absent_short", lang),
                label("leave_short", lang),
                label("faults", lang),
                label("critical_short", lang),
                label("points_short", lang),
                label("compliance", lang),
                label("previous_month", lang),
                label("change", lang),
            ],
            right_from=1,
        )
    ]
    rows += [
        row(d.department or "–", d.staff, d.tally, d.previous, d.change) for d in data.departments
    ]
    total_name = data.department or label("whole_company", lang)
    rows.append(row(total_name, data.staff, data.tally, data.previous.compliance, data.change))
    return rows


def fault_table_rows(faults: tuple[FaultCount, ...], lang: str) -> list[list]:
    rows = [
        header_row(
            [
                "#",
                label("item", lang),
                label("severity", lang),
                label("times", lang),
                label("employees_with", lang),
            ],
            right_from=3,
        )
    ]
    rows += [
        [
            str(rank),
            para(f.text.get(lang)),
            i18n.severity_label(f.severity, lang),
            f"{f.count:,}",
            f"{f.people:,}",
        ]
        for rank, f in enumerate(faults[:TOP_FAULTS_TABLE], start=1)
    ]
    return rows


def offender_table_rows(data: MonthlyPackData, lang: str) -> list[list]:
    rows = [
        header_row(
            [
                label("employee_no", lang),
                label("name", lang),
                label("department", lang),
                label("item", lang),
                label("times", lang),
                label("last_date", lang),
            ],
            right_from=4,
        )
    ]
    rows += [
        [
            fit(o.employee_no, OFFENDER_WIDTHS[0]),
            fit(o.name, OFFENDER_WIDTHS[1]),
            fit(o.department, OFFENDER_WIDTHS[2]),
            para(o.text.get(lang)),
            str(o.count),
            o.last_day.isoformat(),
        ]
        for o in data.repeat_offenders
    ]
    return rows


EMPLOYEE_HEADER_KEYS = (
    "no",
    "employee_no",
    "name",
    "department",
    "site",
    "days_inspected",
    "absent_short",
    "leave_short",
    "faults",
    "critical_short",
    "points_short",
    "compliance",
)


def employee_cells(rank: int, e: EmployeeRow, fitted: dict[str, str]) -> list[str]:
    """One employee's row as plain strings (``fitted`` caches cut department and site names)."""
    t = e.tally
    department = fitted.get(e.department)
    if department is None:
        department = fitted[e.department] = fit(e.department, EMPLOYEE_WIDTHS[3])
    site = fitted.get("\0" + e.site)
    if site is None:
        site = fitted["\0" + e.site] = fit(e.site, EMPLOYEE_WIDTHS[4])
    return [
        str(rank),
        fit(e.employee_no, EMPLOYEE_WIDTHS[1]),
        fit(e.name, EMPLOYEE_WIDTHS[2]),
        department,
        site,
        str(e.days_inspected),
        str(t.absent),
        str(t.leave),
        str(t.failed),
        str(t.critical_failed),
        str(t.fault_points),
        format_percent(t.compliance),
    ]


def employee_table_rows(data: MonthlyPackData, lang: str) -> tuple[list[list], list[tuple]]:
    """The rows of the employee table and the style commands that flag critical faults."""
    rows: list[list] = [header_row([label(k, lang) for k in EMPLOYEE_HEADER_KEYS], right_from=5)]
    fitted: dict[str, str] = {}
    extra: list[tuple] = []
    for rank, e in enumerate(data.employees, start=1):
        rows.append(employee_cells(rank, e, fitted))
        if e.tally.critical_failed:
            extra += [
                ("BACKGROUND", (0, rank), (-1, rank), WARN_BG),
                ("TEXTCOLOR", (9, rank), (9, rank), WARN_INK),
            ]
    return rows, extra


def version_table_rows(data: MonthlyPackData, lang: str) -> list[list]:
    rows = [
        header_row(
            [
                label("set_id", lang),
                label("title", lang),
                label("version", lang),
                label("hash", lang),
                label("lineups", lang),
            ],
            right_from=4,
        )
    ]
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


def monthly_pack_story(data: MonthlyPackData, lang: str) -> list[Flowable]:
    month = i18n.month_label(data.month, lang)
    story: list[Flowable] = [
        para(label("monthly_title", lang), "title"),
        para(f"{month} · {scope_label(data, lang)}", "subtitle"),
        para(label("key_figures", lang), "heading"),
        pairs_table(key_figures(data, lang), 3, scale([21, 12, 21, 12, 21, 13])),
        Spacer(1, 3),
        para(label("compliance_rule", lang), "small"),
        para(label("by_department", lang), "heading"),
    ]
    total = len(data.departments) + 1
    story.append(
        data_table(
            department_table_rows(data, lang),
            DEPARTMENT_WIDTHS,
            right_from=1,
            extra=[("BACKGROUND", (0, total), (-1, total), HEADER_BG)],
        )
    )

    story.append(CondPageBreak(200))
    story.extend(heading(label("top_faults", lang)))
    if data.faults:
        story.append(charts.fault_bar_chart(fault_bars(data, lang), CONTENT_WIDTH))
        story.append(Spacer(1, 4))
        story.append(data_table(fault_table_rows(data.faults, lang), FAULT_WIDTHS, right_from=3))
    else:
        story.append(para(label("no_faults_month", lang), "body"))

    trend = charts.trend_line_chart(
        [(p.day, p.compliance) for p in data.daily],
        data.month,
        CONTENT_WIDTH,
        average=data.tally.compliance,
        empty_label=label("no_data", lang),
    )
    caption = label("trend_caption", lang).format(value=format_percent(data.tally.compliance))
    story.append(
        KeepTogether([para(label("daily_trend", lang), "heading"), trend, para(caption, "small")])
    )

    story.append(CondPageBreak(120))
    story.extend(heading(label("repeat_offenders", lang)))
    rule = label("repeat_rule", lang).format(n=data.repeat_threshold)
    story.append(para(rule, "small"))
    story.append(Spacer(1, 3))
    if data.repeat_offenders:
        story.append(data_table(offender_table_rows(data, lang), OFFENDER_WIDTHS, right_from=4))
    else:
        story.append(para(label("no_repeat_offenders", lang), "body"))

    story.append(PageBreak())
    story.extend(heading(label("employees", lang)))
    story.append(para(label("employees_order", lang), "small"))
    story.append(Spacer(1, 3))
    rows, extra = employee_table_rows(data, lang)
    story.append(data_table(rows, EMPLOYEE_WIDTHS, right_from=5, extra=extra))

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
        3
        + math.ceil(len(data.employees) / EMPLOYEE_ROWS_PER_PAGE)
        + len(data.repeat_offenders) // 45
    )


def render_monthly_pack(
    data: MonthlyPackData,
    out_path: Path | str,
    lang: str = "zh",
    *,
    invariant: bool = False,
    generated_at: datetime | None = None,
    progress: Progress | None = None,
    progress_span: tuple[float, float] = (0.0, 1.0),
) -> Path:
    lang = i18n.check_lang(lang)
    return build_pdf(
        monthly_pack_story(data, lang),
        out_path,
        title=label("monthly_title", lang),
        company=data.company.get(lang),
        lang=lang,
        generated_at=generated_at,
        invariant=invariant,
        progress=progress,
        expected_pages=expected_pages(data),
        progress_span=progress_span,
    )
