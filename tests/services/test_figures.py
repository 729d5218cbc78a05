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
from inspector.services import report_jobs, settings
from inspector.services.figures import COLUMNS, columns, export_monthly
from inspector.services.report_jobs import build_monthly_pack
from inspector.storage import Store
from inspector.storage.report_queries import NoReportData

KEYS = [key for key, _ in COLUMNS]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def read_csv(path, keys=KEYS) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows[0]) == len(keys)
    return [dict(zip(keys, row, strict=True)) for row in rows[1:]]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def test_csv_figures_equal_the_pack(seeded, tmp_path, built) -> None:
    path = export_monthly(seeded, APRIL, tmp_path / "april.csv", "csv")
    rows = read_csv(path)
    employees = [r for r in rows if r["level"] == "员工 / Employee"]
    departments = [r for r in rows if r["level"] == "部门 / Department"]
    sites = [r for r in rows if r["level"] == "项目 / Site"]
    supervisors = [r for r in rows if r["level"] == "检查人 / Supervisor"]
    (total,) = [r for r in rows if r["level"] == "合计 / Total"]
    assert [r["employee_no"] for r in employees] == ["E005", "E004", "E003", "E001", "E002", "E006"]
    assert [(r["rank"], r["department"]) for r in departments] == [
        ("1", "客服部"), ("2", "秩序维护部"), ("3", "工程部"),
    ]  # fmt: skip
    assert [(r["rank"], r["site"]) for r in sites] == [("1", "翠湖花园")]
    assert (total["inspections"], total["clean"], total["pass_rate"]) == ("23", "16", "69.6%")
    assert (total["previous"], total["change"], total["compliance"]) == ("88.2%", "-18.7", "93.0%")
    assert [(r["name"], r["lineups"], r["per_100"]) for r in supervisors] == [
        ("周主管", "5", "34.8")
    ]

    _, text = built("pack-zh-None-None", lambda store, out: build_monthly_pack(store, APRIL, out))
    lines = _lines(text)
    table = lines.index("员工明细（需关注者在前）")
    printed = {line.split(" ")[1]: line.split(" ") for line in lines[table:] if " E00" in line}
    for row in employees:
        assert printed[row["employee_no"]][2:12] == [
            row["name"], row["department"], row["site"], row["inspections"], row["clean"],
            row["pass_rate"], row["failed"], row["critical_failed"], row["absent"], row["leave"],
        ]  # fmt: skip
    start = lines.index("各部门排名", lines.index("关键指标"))
    for row in departments:
        at = lines.index(row["department"], start)
        assert lines[at - 1 : at + 10] == [
            row["rank"], row["department"], row["staff"], row["inspections"], row["clean"],
            row["pass_rate"], row["previous"], row["change"], lines[at + 7], row["failed"],
            row["critical_failed"],
        ]  # fmt: skip


def test_deduction_scoring_exports_scores(seeded, tmp_path) -> None:
    settings.set_value(seeded, "scoring_profile", "deduction")
    data = report_jobs.monthly_data(seeded, APRIL)
    keys = [key for key, _ in columns(data)]
    assert {"score", "previous_score", "score_change", "deducted"} <= set(keys)
    rows = read_csv(export_monthly(seeded, APRIL, tmp_path / "d.csv", "csv"), keys)
    scores = {
        r["employee_no"]: (r["score"], r["deducted"])
        for r in rows
        if r["level"] == "员工 / Employee"
    }
    assert scores == {
        "E001": ("95", "5"), "E002": ("100", "0"), "E003": ("98", "2"),
        "E004": ("90", "10"), "E005": ("90", "10"), "E006": ("100", "0"),
    }  # fmt: skip
    (total,) = [r for r in rows if r["level"] == "合计 / Total"]
    assert (total["score"], total["deducted"]) == ("95.5", "27")


def test_xlsx_holds_the_same_figures(seeded, tmp_path) -> None:
    every_row = read_csv(export_monthly(seeded, APRIL, tmp_path / "a.csv", "csv"))
    extra = ("月度趋势 / Trend", "屡犯阶梯 / Ladder", "整改与复查 / Fixes and re-checks")
    csv_rows = [r for r in every_row if r["level"] not in extra]
    path = export_monthly(seeded, APRIL, tmp_path / "a.xlsx", "xlsx")
    book = load_workbook(path)
    assert book.sheetnames == [
        "员工-Employees", "部门与项目-Departments and sites", "检查人-Supervisors",
        "近12个月-Last 12 months", "屡犯阶梯-Ladder", "整改与复查-Fixes and re-checks",
    ]  # fmt: skip
    xlsx_rows = []
    for sheet in book.worksheets[:3]:
        assert [c.value for c in sheet[1]] == [title.get("both") for _, title in COLUMNS]
        for row in sheet.iter_rows(min_row=2):
            assert all(cell.data_type != "f" for cell in row)
            xlsx_rows.append(dict(zip(KEYS, [c.value for c in row], strict=True)))
    trend = [[c.value for c in row] for row in book["近12个月-Last 12 months"].iter_rows()]
    ladder = [[c.value for c in row] for row in book["屡犯阶梯-Ladder"].iter_rows(min_row=2)]
    book.close()
    assert len(xlsx_rows) == len(csv_rows)
    for x, c in zip(xlsx_rows, csv_rows, strict=True):
        assert (x["employee_no"] or "") == c["employee_no"]
        assert format_percent(x["pass_rate"]) == c["pass_rate"]
        assert format_percent(x["compliance"]) == c["compliance"]
        for key in ("inspections", "clean", "absent", "leave", "applicable", "passed", "failed"):
            assert str(x[key]) == c[key]
        if c["previous"]:
            assert format_percent(x["previous"]) == c["previous"]
            assert format_points(x["change"]) == c["change"]
    assert trend[0][-2:] == ["2025-03", "2025-04"]
    assert [round(v, 3) for v in trend[1][-2:]] == [round(15 / 17, 3), round(16 / 23, 3)]
    assert [row[1:3] + row[5:] for row in ladder] == [["E004", "赵强", 4, "2025-04-03"]]
    # the CSV carries the trend and the ladder too
    trend_rows = [r for r in every_row if r["level"] == "月度趋势 / Trend"]
    march = [r for r in trend_rows if r["department"] == "合计 / Total" and r["month"] == "2025-03"]
    assert [r["pass_rate"] for r in march] == ["88.2%"]
    (step,) = [r for r in every_row if r["level"] == "屡犯阶梯 / Ladder"]
    assert (step["employee_no"], step["step"], step["times"], step["reached_on"]) == (
        "E004", "口头提醒 / Verbal reminder", "4", "2025-04-03",
    )  # fmt: skip


def test_one_department_and_empty_month(seeded, tmp_path) -> None:
    rows = read_csv(export_monthly(seeded, APRIL, tmp_path / "d.csv", "csv", department="工程部"))
    assert [r["employee_no"] for r in rows if r["level"] == "员工 / Employee"] == ["E004", "E003"]
    (total,) = [r for r in rows if r["level"] == "合计 / Total"]
    assert total["department"] == "工程部" and total["pass_rate"] == "37.5%"
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
