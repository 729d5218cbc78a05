"""The employee record: one person over a period.

Summary figures; compliance per month; faults by item with their repeat counts; absences and
leave; then every inspection with its faults in words and notes, and the changes made to them
after their line-ups were finished.
"""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from inspector.domain.reports import EmployeeRecordData
from inspector.domain.scoring import format_percent
from inspector.reports import i18n
from inspector.reports.changes_section import changes_section, status_cell
from inspector.reports.i18n import label
from inspector.reports.lineup_sheet import mark_markup, result_status
from inspector.reports.observation_section import employee_observations_section
from inspector.reports.page import ReportRenderer
from inspector.reports.styles import (
    MUTED,
    WARN_BG,
    WARN_INK,
    data_table,
    fit,
    heading,
    label_header,
    markup,
    pairs_table,
    para,
    scale,
)

_MONTH_WIDTHS = scale([18, 10, 10, 10, 9, 9, 9, 9, 9, 13])
_MONTH_COLUMNS = (
    "month",
    "inspections",
    "clean",
    "pass_rate",
    "absent_short",
    "leave_short",
    "late_days",
    "faults",
    "critical_short",
    "compliance",
)
_FAULT_WIDTHS = scale([56, 12, 10, 16])
_ABSENCE_WIDTHS = scale([18, 14, 22, 22, 24])
_ENTRY_WIDTHS = scale([13, 7, 11, 13, 17, 12, 13, 44])
_ENTRY_COLUMNS = (
    "date",
    "shift",
    "site",
    "supervisor",
    "status",
    "passed_of",
    "compliance",
    "faults_and_notes",
)


def _who(name: str, employee_no: str, lang: str) -> str:
    return f"{name}（{employee_no}）" if lang == "zh" else f"{name} ({employee_no})"


def employee_record_story(data: EmployeeRecordData, lang: str) -> list[Flowable]:
    emp = data.employee
    period = f"{data.start.isoformat()} – {data.end.isoformat()}"
    story: list[Flowable] = [
        para(label("employee_title", lang), "title"),
        para(f"{_who(emp.name, emp.employee_no, lang)} · {period}", "subtitle"),
    ]
    details = [
        (label("employee_no", lang), emp.employee_no),
        (label("name", lang), emp.name),
        (label("department", lang), emp.department or "–"),
        (label("role", lang), data.role.get(lang)),
        (label("site", lang), emp.site or "–"),
        (label("period", lang), period),
    ]
    story.append(pairs_table(details, 2, scale([16, 34, 16, 34])))

    tally = data.tally
    story.extend(heading(label("summary", lang)))
    summary = [
        (label("pass_rate", lang), format_percent(tally.pass_rate)),
        (label("lineups", lang), str(len(data.entries))),
        (label("inspections", lang), str(tally.inspections)),
        (label("absent_short", lang), str(tally.absent)),
        (label("leave_short", lang), str(tally.leave)),
        (label("late_days", lang), str(tally.late)),
        (label("faults", lang), str(tally.failed)),
        (label("critical", lang), str(tally.critical_failed)),
        (label("compliance", lang), format_percent(tally.compliance)),
    ]
    story.append(pairs_table(summary, 3, scale([20, 13, 20, 13, 20, 13])))
    if not data.entries:
        story.append(Spacer(1, 4 * mm))
        story.append(para(label("no_inspections", lang), "body"))
        story.extend(employee_observations_section(data.observations, lang))
        return story

    story.extend(heading(label("by_month", lang)))
    rows: list[list] = [label_header(_MONTH_COLUMNS, lang, right_from=1)]
    for month in data.months:
        t = month.tally
        rows.append(
            [
                i18n.month_label(month.month, lang),
                str(t.inspections),
                str(t.clean),
                format_percent(t.pass_rate),
                str(t.absent),
                str(t.leave),
                str(t.late),
                str(t.failed),
                str(t.critical_failed),
                format_percent(t.compliance),
            ]
        )
    story.append(data_table(rows, _MONTH_WIDTHS, right_from=1))

    story.extend(heading(label("faults_by_item", lang)))
    if data.faults:
        rows = [label_header(("item", "severity", "times", "last_date"), lang, right_from=2)]
        extra: list[tuple] = []
        for index, fault in enumerate(data.faults, start=1):
            rows.append(
                [
                    para(fault.text.get(lang)),
                    i18n.severity_label(fault.severity, lang),
                    str(fault.count),
                    fault.last_day.isoformat() if fault.last_day else "",
                ]
            )
            if fault.count >= data.repeat_threshold:
                extra += [
                    ("BACKGROUND", (0, index), (-1, index), WARN_BG),
                    ("TEXTCOLOR", (1, index), (-1, index), WARN_INK),
                ]
        story.append(data_table(rows, _FAULT_WIDTHS, right_from=2, extra=extra))
    else:
        story.append(para(label("no_faults", lang), "body"))

    story.extend(heading(label("absences", lang)))
    absences = data.absences
    if absences:
        rows = [label_header(("date", "shift", "site", "supervisor", "status"), lang)]
        rows += [
            [
                e.day.isoformat(),
                fit(e.shift, _ABSENCE_WIDTHS[1]),
                fit(e.site, _ABSENCE_WIDTHS[2]),
                fit(e.supervisor, _ABSENCE_WIDTHS[3]),
                para(result_status(e, lang)),
            ]
            for e in absences
        ]
        story.append(data_table(rows, _ABSENCE_WIDTHS))
    else:
        story.append(para(label("none", lang), "body"))

    story.extend(heading(label("every_inspection", lang)))
    rows = [label_header(_ENTRY_COLUMNS, lang)]
    extra = []
    for index, entry in enumerate(data.entries, start=1):
        inspected = entry.inspected
        rows.append(
            [
                entry.day.isoformat(),
                fit(entry.shift, _ENTRY_WIDTHS[1]),
                fit(entry.site, _ENTRY_WIDTHS[2]),
                fit(entry.supervisor, _ENTRY_WIDTHS[3]),
                status_cell(result_status(entry, lang), data.changes_of(entry.lineup_id), lang),
                f"{entry.passed}/{entry.applicable}" if inspected else "–",
                format_percent(entry.compliance) if inspected else "–",
                markup("<br/>".join(mark_markup(m, lang) for m in entry.marks))
                if entry.marks
                else "",
            ]
        )
        if entry.critical_failed:
            extra.append(("BACKGROUND", (0, index), (-1, index), WARN_BG))
        elif not inspected:
            extra.append(("TEXTCOLOR", (0, index), (-2, index), MUTED))
    story.append(data_table(rows, _ENTRY_WIDTHS, extra=extra))
    story.extend(changes_section(data.changes, lang, by_day=True))
    story.extend(employee_observations_section(data.observations, lang))
    return story


render_employee_record = ReportRenderer(
    employee_record_story,
    title=partial(label, "employee_title"),
    expected_pages=lambda data: 2 + len(data.entries) // 35,
)
