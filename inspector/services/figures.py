"""The monthly figures as a spreadsheet: the same numbers as the monthly pack.

``export_monthly`` writes every employee's row and every department's row (with the total of
the scope) for one month, as CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX:

- CSV: one table; the first column says what a row is (employee, department, total);
- XLSX: the same columns, employees on one sheet, departments and the total on another.

Text typed by people (names, departments, sites, employee numbers) goes through
``excel_safe``: a cell never starts with = + - @ tab or CR, so a spreadsheet shows it as text
and never runs it as a formula. Figures are formatted exactly as in the pack (compliance
"98.7%", change in points "+1.2"); in XLSX they are numbers with that display format.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from inspector.domain.reports import (
    DepartmentRow,
    EmployeeRow,
    MonthlyPackData,
    Tally,
    format_points,
)
from inspector.domain.scoring import format_percent
from inspector.domain.text import Text
from inspector.files.spreadsheets import excel_safe, write_atomically, xlsx_text
from inspector.storage import report_queries
from inspector.storage.store import Store

FORMATS = ("csv", "xlsx")

COLUMNS: tuple[tuple[str, Text], ...] = (
    ("level", Text("类别", "Level")),
    ("department", Text("部门", "Department")),
    ("employee_no", Text("工号", "Employee no.")),
    ("name", Text("姓名", "Name")),
    ("site", Text("项目", "Site")),
    ("staff", Text("参加晨会人数", "Staff in line-ups")),
    ("days_inspected", Text("检查天数", "Days inspected")),
    ("inspections", Text("检查人次", "Inspections")),
    ("absent", Text("缺勤", "Absent")),
    ("leave", Text("请假", "Leave")),
    ("late", Text("迟到", "Late")),
    ("applicable", Text("检查项次", "Items checked")),
    ("passed", Text("合格项次", "Items passed")),
    ("failed", Text("问题项", "Faults")),
    ("critical_failed", Text("严重问题", "Critical faults")),
    ("fault_points", Text("扣分", "Fault points")),
    ("compliance", Text("合格率", "Compliance")),
    ("previous", Text("上月合格率", "Previous month")),
    ("change", Text("变化（百分点）", "Change (points)")),
)
LEVELS = {
    "employee": Text("员工", "Employee"),
    "department": Text("部门", "Department"),
    "total": Text("合计", "Total"),
}
_PERCENT = {"compliance", "previous"}
_TEXT = {"level", "department", "employee_no", "name", "site"}


def _cell_text(value: object) -> str:
    return excel_safe("" if value is None else str(value))


def _record(
    level: str,
    lang: str,
    tally: Tally,
    *,
    department: str = "",
    employee_no: str = "",
    name: str = "",
    site: str = "",
    staff: int | None = None,
    days: int | None = None,
    previous: float | None = None,
    change: float | None = None,
    with_previous: bool = False,
) -> dict[str, object]:
    """One row as values: text, int, ratio (0-1) or None (an empty cell)."""
    return {
        "level": LEVELS[level].get(lang),
        "department": department,
        "employee_no": employee_no,
        "name": name,
        "site": site,
        "staff": staff,
        "days_inspected": days,
        "inspections": tally.inspections,
        "absent": tally.absent,
        "leave": tally.leave,
        "late": tally.late,
        "applicable": tally.applicable,
        "passed": tally.passed,
        "failed": tally.failed,
        "critical_failed": tally.critical_failed,
        "fault_points": tally.fault_points,
        "compliance": tally.compliance,
        "previous": previous if with_previous else None,
        "change": change if with_previous else None,
        "_with_previous": with_previous,
    }


def employee_records(data: MonthlyPackData, lang: str) -> list[dict[str, object]]:
    def one(e: EmployeeRow) -> dict[str, object]:
        return _record(
            "employee",
            lang,
            e.tally,
            department=e.department,
            employee_no=e.employee_no,
            name=e.name,
            site=e.site,
            days=e.days_inspected,
        )

    return [one(e) for e in data.employees]


def department_records(data: MonthlyPackData, lang: str) -> list[dict[str, object]]:
    def one(d: DepartmentRow) -> dict[str, object]:
        return _record(
            "department",
            lang,
            d.tally,
            department=d.department,
            staff=d.staff,
            previous=d.previous,
            change=d.change,
            with_previous=True,
        )

    records = [one(d) for d in data.departments]
    records.append(
        _record(
            "total",
            lang,
            data.tally,
            department=data.department or "",
            staff=data.staff,
            previous=data.previous.compliance,
            change=data.change,
            with_previous=True,
        )
    )
    return records


def csv_row(record: dict[str, object]) -> list[str]:
    """A record as CSV cells, formatted as in the pack."""
    cells = []
    for key, _ in COLUMNS:
        value = record[key]
        if key in _TEXT:
            cells.append(_cell_text(value))
        elif key in _PERCENT:
            shown = key == "compliance" or record["_with_previous"]
            cells.append(format_percent(value) if shown else "")  # type: ignore[arg-type]
        elif key == "change":
            cells.append(format_points(value) if record["_with_previous"] else "")  # type: ignore[arg-type]
        else:
            cells.append("" if value is None else str(value))
    return cells


def headers(lang: str) -> list[str]:
    return [title.get(lang) for _, title in COLUMNS]


def export_monthly(
    store: Store,
    month: date,
    path: Path | str,
    fmt: str,
    department: str | None = None,
    *,
    lang: str = "both",
) -> Path:
    """Write the month's employee and department figures to ``path`` (``fmt``: "csv" or
    "xlsx"). Raises ``NoReportData`` for a month without line-ups. Returns the path."""
    if fmt not in FORMATS:
        raise ValueError(f"the export format must be csv or xlsx, not {fmt!r}")
    data = report_queries.monthly_pack_data(store, month, department)
    employees = employee_records(data, lang)
    departments = department_records(data, lang)
    path = Path(path)
    if fmt == "csv":
        return write_atomically(
            path, lambda stream: _write_csv(stream, employees, departments, lang)
        )
    return write_atomically(
        path, lambda stream: _write_xlsx(stream, employees, departments, lang, data)
    )


def _write_csv(
    stream: io.BufferedWriter,
    employees: list[dict[str, object]],
    departments: list[dict[str, object]],
    lang: str,
) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(headers(lang))
    writer.writerows(csv_row(r) for r in employees)
    writer.writerows(csv_row(r) for r in departments)
    stream.write(text.getvalue().encode("utf-8-sig"))


def _write_xlsx(
    stream: io.BufferedWriter,
    employees: list[dict[str, object]],
    departments: list[dict[str, object]],
    lang: str,
    data: MonthlyPackData,
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    def text_value(value: object) -> str:
        return xlsx_text("" if value is None else value)

    workbook = Workbook(write_only=False)
    sheets = [
        (workbook.active, Text("员工", "Employees"), employees),
        (workbook.create_sheet(), Text("部门", "Departments"), departments),
    ]
    bold = Font(bold=True)
    shaded = PatternFill("solid", fgColor="E4E7EB")
    for sheet, title, records in sheets:
        sheet.title = title.get(lang).replace(" / ", "-")[:31]
        sheet.append(headers(lang))
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = shaded
        for record in records:
            row = []
            for key, _ in COLUMNS:
                value = record[key]
                if key in _TEXT:
                    row.append(text_value(value))
                elif key in _PERCENT or key == "change":
                    shown = key == "compliance" or record["_with_previous"]
                    if not shown or value is None:
                        row.append(None)
                    elif key == "change":
                        row.append(round(value, 1))  # type: ignore[arg-type]
                    else:
                        row.append(value)
                else:
                    row.append(value)
            sheet.append(row)
        for index, (key, _) in enumerate(COLUMNS, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = 14 if key in _TEXT else 11
            if key in _TEXT:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.data_type = "s"  # text, even when it looks like a number
                    cell.number_format = "@"
            elif key in _PERCENT:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "0.0%"
            elif key == "change":
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "+0.0;-0.0;0.0"
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    workbook.properties.title = f"{data.month:%Y-%m}"
    workbook.save(stream)
