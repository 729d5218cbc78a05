"""The monthly export (CSV and XLSX): the pack's figures, safe for a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from helpers.reports_data import APRIL
from openpyxl import load_workbook

from inspector.domain.checklist import InspectionType
from inspector.domain.people import Employee, Sex
from inspector.domain.reports import format_points
from inspector.domain.scoring import format_percent
from inspector.services.figures import COLUMNS, export_monthly
from inspector.services.report_jobs import build_monthly_pack
from inspector.storage import Store
from inspector.storage.report_queries import NoReportData

KEYS = [key for key, _ in COLUMNS]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def read_csv(path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows[0]) == len(KEYS)
    return [dict(zip(KEYS, row, strict=True)) for row in rows[1:]]


def test_csv_figures_equal_the_pack(seeded, tmp_path, built) -> None:
    path = export_monthly(seeded, APRIL, tmp_path / "april.csv", "csv")
    rows = read_csv(path)
    employees = [r for r in rows if r["level"] == "员工 / Employee"]
    departments = [r for r in rows if r["level"] == "部门 / Department"]
    (total,) = [r for r in rows if r["level"] == "合计 / Total"]
    assert [r["employee_no"] for r in employees] == ["E005", "E004", "E001", "E003", "E002", "E006"]
    assert [r["department"] for r in departments] == ["客服部", "工程部", "秩序维护部"]
    assert (total["inspections"], total["applicable"], total["passed"]) == ("23", "114", "106")
    assert (total["compliance"], total["previous"], total["change"]) == ("93.0%", "97.6%", "-4.7")

    _, text = built("pack-zh-None", lambda store, out: build_monthly_pack(store, APRIL, out, "zh"))
    lines = [line.strip() for line in text.splitlines()]
    table = lines.index("员工明细（需关注者在前）")
    for row in employees:
        at = lines.index(row["employee_no"], table)
        assert lines[at + 1 : at + 11] == [
            row["name"], row["department"], row["site"], row["days_inspected"], row["absent"],
            row["leave"], row["failed"], row["critical_failed"], row["fault_points"], row["compliance"],
        ]  # fmt: skip
    start = lines.index("各部门情况")
    for row in departments:
        at = lines.index(row["department"], start)
        assert lines[at + 1 : at + 11] == [
            row["staff"], row["inspections"], row["absent"], row["leave"], row["failed"],
            row["critical_failed"], row["fault_points"], row["compliance"], row["previous"],
            row["change"],
        ]  # fmt: skip


def test_xlsx_holds_the_same_figures(seeded, tmp_path) -> None:
    csv_rows = read_csv(export_monthly(seeded, APRIL, tmp_path / "a.csv", "csv"))
    path = export_monthly(seeded, APRIL, tmp_path / "a.xlsx", "xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["员工-Employees", "部门-Departments"]
    xlsx_rows = []
    for sheet in book.worksheets:
        assert [c.value for c in sheet[1]] == [title.get("both") for _, title in COLUMNS]
        for row in sheet.iter_rows(min_row=2):
            assert all(cell.data_type != "f" for cell in row)
            xlsx_rows.append(dict(zip(KEYS, [c.value for c in row], strict=True)))
    book.close()
    assert len(xlsx_rows) == len(csv_rows)
    for x, c in zip(xlsx_rows, csv_rows, strict=True):
        assert (x["employee_no"] or "") == c["employee_no"]
        assert format_percent(x["compliance"]) == c["compliance"]
        for key in (
            "inspections",
            "absent",
            "leave",
            "applicable",
            "passed",
            "failed",
            "fault_points",
        ):
            assert str(x[key]) == c[key]
        if c["previous"]:
            assert format_percent(x["previous"]) == c["previous"]
            assert format_points(x["change"]) == c["change"]


def test_one_department_and_empty_month(seeded, tmp_path) -> None:
    rows = read_csv(export_monthly(seeded, APRIL, tmp_path / "d.csv", "csv", department="工程部"))
    assert [r["employee_no"] for r in rows if r["employee_no"]] == ["E004", "E003"]
    assert rows[-1]["department"] == "工程部" and rows[-1]["compliance"] == "85.0%"
    with pytest.raises(NoReportData):
        export_monthly(seeded, date(2025, 7, 1), tmp_path / "e.csv", "csv")
    assert not (tmp_path / "e.csv").exists()
    with pytest.raises(ValueError, match="csv or xlsx"):
        export_monthly(seeded, APRIL, tmp_path / "f.ods", "ods")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_looking_text_stays_text(tmp_path, fmt) -> None:
    from helpers.reports_data import SETS

    with Store(tmp_path / "inject.db") as store:
        store.upsert_employees(
            [
                Employee("=1+1", '=HYPERLINK("http://x")', Sex.MALE, "+部门", "cook", "@site"),
                Employee("-2", "\t张三", Sex.FEMALE, "-dept", "cook", "\r站点"),
            ]
        )
        people = store.list_employees()
        lineup = store.start_lineup(
            day=APRIL, shift="", site="", department="", supervisor="", sets=SETS,
            employees=people, inspection_type=InspectionType.LINEUP,
            started_at=datetime(2025, 4, 1, 8),
        )  # fmt: skip
        for inspection in store.inspections_for(lineup.id):
            store.complete_inspection(inspection.id)
        path = export_monthly(store, APRIL, tmp_path / f"x.{fmt}", fmt)
    if fmt == "csv":
        cells = [c for row in csv.reader(io.StringIO(path.read_text("utf-8-sig"))) for c in row]
    else:
        book = load_workbook(path)
        cells = []
        for sheet in book.worksheets:
            for row in sheet.iter_rows(min_row=2):
                assert all(cell.data_type != "f" for cell in row)
                cells += [str(c.value) for c in row if isinstance(c.value, str)]
        book.close()
    assert "'=1+1" in cells and '\'=HYPERLINK("http://x")' in cells
    assert "'+部门" in cells and "'-dept" in cells and "'@site" in cells
    text_cells = [c for c in cells if c and not c[0].isdigit() and c not in ("–",)]
    assert not [c for c in text_cells if c.startswith(FORMULA_STARTS) and not _number(c)]


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
