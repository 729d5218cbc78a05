"""The monthly figures as a spreadsheet: the same numbers as the monthly pack.

``export_monthly`` writes, for one month, every employee's row, every department's and
site's row (ranked as in the pack, with the previous month), the total of the scope and every
supervisor's row, as CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX:

- CSV: one table; the first column says what a row is (employee, department, site, total,
  supervisor, then the 12-month trend a row a month, the repeat-offences ladder and the
  fixes and re-checks: a row per group with its count and share of the month's faults);
- XLSX: the same columns, employees on one sheet, departments, sites and the total on a
  second, supervisors on a third; then the 12-month trend, the repeat-offences ladder and
  the fixes and re-checks.

The pass rate leads; under deduction scoring the score columns (得分, 扣分) follow it. The
item ratio is the last column, labelled as a detail.

Text typed by people (names, departments, sites, employee numbers) goes through
``excel_safe``: a cell never starts with = + - @ tab or CR, so a spreadsheet shows it as text
and never runs it as a formula. Figures are formatted exactly as in the pack (pass rate
"98.7%", change in points "+1.2", score "96.4"); in XLSX they are numbers with that display
format.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from inspector.domain import figures
from inspector.domain.reports import (
    GroupRow,
    MonthlyPackData,
    Tally,
    format_points,
)
from inspector.domain.scoring import format_percent
from inspector.domain.text import Text
from inspector.files.spreadsheets import csv_bytes, excel_safe, write_atomically, xlsx_text
from inspector.storage.store import Store

FORMATS = ("csv", "xlsx")

COLUMNS: tuple[tuple[str, Text], ...] = (
    ("level", Text("类别", "Level")),
    ("rank", Text("名次", "Rank")),
    ("department", Text("部门", "Department")),
    ("site", Text("项目", "Site")),
    ("employee_no", Text("工号", "Employee no.")),
    ("name", Text("姓名", "Name")),
    ("staff", Text("参加晨会人数", "Staff in line-ups")),
    ("lineups", Text("主持晨会", "Line-ups held")),
    ("inspections", Text("检查人次", "Inspections")),
    ("clean", Text("合格人次", "Passed (no fault)")),
    ("pass_rate", Text("合格率", "Pass rate")),
    ("previous", Text("上月合格率", "Previous month")),
    ("change", Text("变化（百分点）", "Change (points)")),
    ("previous_rank", Text("上月名次", "Previous rank")),
    ("failed", Text("问题项", "Faults")),
    ("critical_failed", Text("严重问题", "Critical faults")),
    ("per_100", Text("每百人次问题数", "Faults per 100 people")),
    ("calibrate", Text("需校准", "Calibrate")),
    ("amendments", Text("修改次数", "Amendments")),
    ("absent", Text("缺勤", "Absent")),
    ("leave", Text("请假", "Leave")),
    ("late", Text("迟到", "Late")),
    ("applicable", Text("检查项次", "Items checked")),
    ("passed", Text("合格项次", "Items passed")),
    ("compliance", Text("项目合格率（明细）", "Item ratio (detail)")),
    ("month", Text("月份", "Month")),
    ("item", Text("检查项目", "Item")),
    ("step", Text("阶梯", "Step")),
    ("times", Text("30 天内次数", "Times in 30 days")),
    ("reached_on", Text("达到日期", "Reached on")),
    ("count", Text("数量", "Count")),
    ("share", Text("占问题项比例", "Share of faults")),
)
SCORE_COLUMNS: tuple[tuple[str, Text], ...] = (
    ("score", Text("得分", "Score")),
    ("previous_score", Text("上月得分", "Previous score")),
    ("score_change", Text("得分变化", "Score change")),
    ("deducted", Text("扣分", "Points off")),
)
LEVELS = {
    "employee": Text("员工", "Employee"),
    "department": Text("部门", "Department"),
    "site": Text("项目", "Site"),
    "supervisor": Text("检查人", "Supervisor"),
    "total": Text("合计", "Total"),
    "trend": Text("月度趋势", "Trend"),
    "ladder": Text("屡犯阶梯", "Ladder"),
    "follow_up": Text("整改与复查", "Fixes and re-checks"),
}
# The follow-up rows: the month's faults, then each group (as in the pack's section).
FOLLOW_UP_ROWS = (
    ("faults", Text("问题项", "Faults")),
    ("fixed_on_spot", Text("当场整改", "Fixed on the spot")),
    ("rechecked_in_time", Text("按时复查", "Re-checked in time")),
    ("rechecked_late", Text("逾期复查", "Re-checked late")),
    ("still_open", Text("仍未整改", "Still open")),
)
_PERCENT = {"pass_rate", "previous", "compliance", "share"}
_POINTS = {"change", "score_change"}
_DECIMAL = {"per_100", "score", "previous_score"}
_TEXT = {
    "level", "department", "employee_no", "name", "site", "calibrate", "month", "item", "step",
    "reached_on",
}  # fmt: skip
YES = Text("是", "Yes")
_TITLES = dict(COLUMNS)  # a column's title by its key


def columns(data: MonthlyPackData) -> tuple[tuple[str, Text], ...]:
    """The columns of the export: with deduction scoring, the score columns after the pass
    rate's (as in the pack)."""
    if not data.rules.deduction_scoring:
        return COLUMNS
    at = [key for key, _ in COLUMNS].index("previous_rank") + 1
    return (*COLUMNS[:at], *SCORE_COLUMNS, *COLUMNS[at:])


def _cell_text(value: object) -> str:
    return excel_safe("" if value is None else str(value))


def _tally_values(tally: Tally) -> dict[str, object]:
    return {
        "inspections": tally.inspections,
        "clean": tally.clean,
        "pass_rate": tally.pass_rate,
        "failed": tally.failed,
        "critical_failed": tally.critical_failed,
        "absent": tally.absent,
        "leave": tally.leave,
        "late": tally.late,
        "applicable": tally.applicable,
        "passed": tally.passed,
        "compliance": tally.compliance,
    }


def _record(level: str, lang: str, tally: Tally, **values: object) -> dict[str, object]:
    """One row as values: text, int, float, ratio (0-1) or None (an empty cell)."""
    return {"level": LEVELS[level].get(lang), **_tally_values(tally), **values}


def employee_records(data: MonthlyPackData, lang: str) -> list[dict[str, object]]:
    return [
        _record(
            "employee",
            lang,
            e.tally,
            department=e.department,
            employee_no=e.employee_no,
            name=e.name,
            site=e.site,
            score=e.score,
            deducted=e.deducted,
        )
        for e in data.employees
    ]


def _group(level: str, g: GroupRow, lang: str) -> dict[str, object]:
    return _record(
        level,
        lang,
        g.tally,
        rank=g.rank,
        previous_rank=g.previous_rank,
        **{"department" if level == "department" else "site": g.name},
        staff=g.staff,
        previous=g.previous_pass_rate,
        change=g.change,
        score=g.score,
        previous_score=g.previous_score,
        score_change=g.score_change,
        deducted=g.deducted,
    )


def department_records(data: MonthlyPackData, lang: str) -> list[dict[str, object]]:
    """The departments and the sites, ranked as in the pack, then the scope's total."""
    records = [_group("department", d, lang) for d in data.departments]
    records += [_group("site", s, lang) for s in data.sites]
    records.append(
        _group("total", data.total, lang)
        | {
            "department": data.department or "",
            "site": data.site or "",
            "lineups": data.lineups,
            "per_100": figures.faults_per_100(data.tally.failed, data.tally.inspections),
        }
    )
    return records


def supervisor_records(data: MonthlyPackData, lang: str) -> list[dict[str, object]]:
    return [
        _record(
            "supervisor",
            lang,
            s.tally,
            name=s.name,
            lineups=s.lineups,
            per_100=s.per_100,
            calibrate=YES.get(lang) if s.flagged else "",
            amendments=s.amendments,
        )
        for s in data.supervisors
    ]


def trend_records(data: MonthlyPackData, lang: str) -> list[dict[str, object]]:
    """The 12-month trend as rows: the scope (合计) and each department, a row a month with
    its pass rate (or score under deduction scoring)."""
    records = []
    key = "score" if data.rules.deduction_scoring else "pass_rate"
    for series in data.trend:
        for month, value in series.points:
            records.append(
                {
                    "level": LEVELS["trend"].get(lang),
                    "department": series.name or LEVELS["total"].get(lang),
                    "month": f"{month:%Y-%m}",
                    key: value,
                }
            )
    return records


def ladder_records(data: MonthlyPackData, lang: str) -> list[dict[str, object]]:
    """Who reached a step of the repeat-offences ladder this month."""
    return [
        {
            "level": LEVELS["ladder"].get(lang),
            "department": o.department,
            "employee_no": o.employee_no,
            "name": o.name,
            "item": o.text.get(lang),
            "step": o.step.name.get(lang),
            "times": o.count,
            "reached_on": o.day.isoformat(),
        }
        for o in data.repeat_offenders
    ]


def follow_up_records(data: MonthlyPackData, lang: str) -> list[dict[str, object]]:
    """整改与复查: the month's faults and how many of them were fixed on the spot, re-checked
    in time, late, or are still open, each with its share of the faults."""
    f = data.follow_up
    if f is None:
        return []
    return [
        {
            "level": LEVELS["follow_up"].get(lang),
            "item": title.get(lang),
            "count": getattr(f, key),
            "share": f.share(getattr(f, key)),
        }
        for key, title in FOLLOW_UP_ROWS
    ]


def csv_cell(key: str, value: object) -> str:
    """A value as the pack prints it: '92.7%', '+1.2', '96.4', whole numbers."""
    if key in _TEXT:
        return _cell_text(value)
    if value is None:
        return ""
    if key in _PERCENT:
        return format_percent(value)  # type: ignore[arg-type]
    if key in _POINTS:
        return format_points(value)  # type: ignore[arg-type]
    if key in _DECIMAL and isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def csv_row(record: dict[str, object], keys: list[str]) -> list[str]:
    return [csv_cell(key, record.get(key)) for key in keys]


def headers(lang: str, data: MonthlyPackData) -> list[str]:
    return [title.get(lang) for _, title in columns(data)]


def export_monthly(
    store: Store,
    month: date,
    path: Path | str,
    fmt: str,
    department: str | None = None,
    *,
    lang: str = "both",
    site: str | None = None,
) -> Path:
    """Write the month's figures to ``path`` (``fmt``: "csv" or "xlsx"): employees,
    departments and sites ranked, the total, the supervisors; the XLSX adds the 12-month
    trend and the repeat-offences ladder. Raises ``NoReportData`` for a month without
    line-ups. Returns the path."""
    from inspector.services.report_jobs import monthly_data

    if fmt not in FORMATS:
        raise ValueError(f"the export format must be csv or xlsx, not {fmt!r}")
    data = monthly_data(store, month, department, site)
    sheets = [
        (Text("员工", "Employees"), employee_records(data, lang)),
        (Text("部门与项目", "Departments and sites"), department_records(data, lang)),
        (Text("检查人", "Supervisors"), supervisor_records(data, lang)),
    ]
    path = Path(path)
    if fmt == "csv":
        return write_atomically(path, lambda stream: _write_csv(stream, sheets, lang, data))
    return write_atomically(path, lambda stream: _write_xlsx(stream, sheets, lang, data))


def _write_csv(stream: io.BufferedWriter, sheets: list, lang: str, data: MonthlyPackData) -> None:
    keys = [key for key, _ in columns(data)]
    records = [record for _, sheet in sheets for record in sheet]
    records += (
        trend_records(data, lang) + ladder_records(data, lang) + follow_up_records(data, lang)
    )
    stream.write(csv_bytes([headers(lang, data), *(csv_row(r, keys) for r in records)]))


def trend_rows(data: MonthlyPackData, lang: str) -> list[list[object]]:
    """The 12-month trend: a header of months, then a row per series (scope, departments)."""
    months = [m for m, _ in data.trend[0].points] if data.trend else []
    scope = LEVELS["total"].get(lang)
    rows: list[list[object]] = [[_TITLES["department"].get(lang)] + [f"{m:%Y-%m}" for m in months]]
    for series in data.trend:
        rows.append([_cell_text(series.name or scope)] + [v for _, v in series.points])
    return rows


def ladder_rows(data: MonthlyPackData, lang: str) -> list[list[object]]:
    header = ("step", "employee_no", "name", "department", "item", "times", "reached_on")
    rows: list[list[object]] = [[_TITLES[key].get(lang) for key in header]]
    for o in data.repeat_offenders:
        rows.append(
            [
                o.step.name.get(lang),
                _cell_text(o.employee_no),
                _cell_text(o.name),
                _cell_text(o.department),
                o.text.get(lang),
                o.count,
                o.day.isoformat(),
            ]
        )
    return rows


def _write_xlsx(stream: io.BufferedWriter, sheets: list, lang: str, data: MonthlyPackData) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    def text_value(value: object) -> str:
        return xlsx_text("" if value is None else value)

    bold = Font(bold=True)
    shaded = PatternFill("solid", fgColor="E4E7EB")
    chosen = columns(data)
    workbook = Workbook(write_only=False)

    def new_sheet(title: Text, first: bool = False):
        sheet = workbook.active if first else workbook.create_sheet()
        sheet.title = title.get(lang).replace(" / ", "-")[:31]
        return sheet

    def finish(sheet) -> None:
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = shaded
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions

    for index, (title, records) in enumerate(sheets):
        sheet = new_sheet(title, first=index == 0)
        sheet.append(headers(lang, data))
        for record in records:
            row = []
            for key, _ in chosen:
                value = record.get(key)
                if key in _TEXT:
                    row.append(text_value(value))
                elif value is not None and (key in _POINTS or key in _DECIMAL):
                    row.append(round(value, 1))  # type: ignore[arg-type]
                else:
                    row.append(value)
            sheet.append(row)
        for column, (key, _) in enumerate(chosen, start=1):
            letter = sheet.cell(row=1, column=column).column_letter
            sheet.column_dimensions[letter].width = 14 if key in _TEXT else 11
            number_format = (
                "@" if key in _TEXT else "0.0%" if key in _PERCENT
                else "+0.0;-0.0;0.0" if key in _POINTS else "0.0" if key in _DECIMAL else None
            )  # fmt: skip
            if number_format is None:
                continue
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                if key in _TEXT:
                    cell.data_type = "s"  # text, even when it looks like a number
                cell.number_format = number_format
        finish(sheet)

    trend = new_sheet(Text("近12个月", "Last 12 months"))
    percent = not data.rules.deduction_scoring
    for row in trend_rows(data, lang):
        trend.append(row)
    for cells in trend.iter_rows(min_row=2, min_col=2):
        for cell in cells:
            cell.number_format = "0.0%" if percent else "0.0"
    finish(trend)
    ladder = new_sheet(LEVELS["ladder"])
    for row in ladder_rows(data, lang):
        ladder.append(row)
    finish(ladder)
    follow_up = new_sheet(LEVELS["follow_up"])
    follow_up.append([Text("项目", "Item").get(lang), *(t.get(lang) for _, t in COLUMNS[-2:])])
    for record in follow_up_records(data, lang):
        follow_up.append([record["item"], record["count"], record["share"]])
        follow_up.cell(row=follow_up.max_row, column=3).number_format = "0.0%"
    finish(follow_up)
    workbook.properties.title = f"{data.month:%Y-%m}"
    workbook.save(stream)
