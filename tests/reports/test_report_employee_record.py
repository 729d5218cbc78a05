"""The employee record PDF: every inspection, faults with repeat counts, absences, months."""

from __future__ import annotations

from datetime import date

import pytest
from helpers.reports_data import APRIL, COMPANY, MARCH, squash

from inspector.domain.text import Text
from inspector.files.checklists import load_catalogue
from inspector.services.employee_record import role_names
from inspector.services.report_jobs import build_employee_record
from inspector.storage.report_queries import NoReportData

END = date(2025, 4, 30)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def test_record_of_a_repeat_offender(seeded, tmp_path, clean_pdf) -> None:
    out = build_employee_record(seeded, "E004", MARCH, END, tmp_path / "e004.pdf", "zh")
    text = clean_pdf(out)
    lines = _lines(text)
    assert COMPANY in text
    assert squash("赵强（E004） · 2025-03-01 – 2025-04-30") in squash(text)
    # faults by item with repeat counts: item, severity, times, last date
    shaved = lines.index("当日已剃刮胡须")
    assert lines[shaved + 1 : shaved + 4] == ["一般", "4", "2025-04-03"]
    pressed = lines.index("制服平整，无褶皱")
    assert lines[pressed + 1 : pressed + 4] == ["一般", "1", "2025-04-03"]
    # per month: month, inspections, passed (no fault), pass rate, absent, leave, late, faults,
    # critical, item ratio (a detail)
    march = lines.index("2025年3月")
    assert lines[march + 1 : march + 10] == ["3", "3", "100.0%", "0", "0", "0", "0", "0", "100.0%"]
    april = lines.index("2025年4月")
    assert lines[april + 1 : april + 10] == ["5", "1", "20.0%", "0", "0", "0", "5", "0", "80.0%"]
    # every inspection, with the notes
    assert squash("• 当日已剃刮胡须（一般） — 胡茬明显") in squash(text)
    assert squash("• 制服平整，无褶皱（一般） — 制服有褶皱") in squash(text)
    assert text.count("2025-04-03") >= 2  # morning and evening line-ups
    assert lines[lines.index("合格率") + 1] == "50.0%"  # the period: 4 of 8 with no fault
    assert "87.5%" in lines  # the item ratio of the period: 35 of 40


def test_record_with_absences_in_english(seeded, tmp_path, clean_pdf) -> None:
    out = build_employee_record(
        seeded,
        "E003",
        MARCH,
        END,
        tmp_path / "e003.pdf",
        "en",
        roles={"engineer": Text("工程维修员", "Maintenance technician")},
    )
    text = clean_pdf(out)
    lines = _lines(text)
    assert "Maintenance technician" in lines
    assert squash("王芳 (E003)") in squash(text)
    absences = lines.index("Absences and leave")
    section = lines[absences : lines.index("Every inspection")]
    assert "2025-03-05" in section and "On leave" in section
    assert "2025-04-02" in section and "Absent" in section
    assert lines[lines.index("Absent") + 1] == "1"  # summary: absent once
    assert "Uniform smooth and pressed" in lines


def test_role_names_come_from_the_checklists_in_force(seeded, tmp_path, read_pdf) -> None:
    roles = role_names(load_catalogue())
    out = build_employee_record(seeded, "E001", APRIL, END, tmp_path / "r.pdf", "both", roles=roles)
    assert squash("前台接待 / Receptionist") in squash(read_pdf(out))


def test_without_role_names_the_role_id_is_printed(seeded, tmp_path, read_pdf) -> None:
    text = read_pdf(build_employee_record(seeded, "E001", APRIL, END, tmp_path / "r.pdf", "en"))
    assert "receptionist" in text


def test_period_without_inspections(seeded, tmp_path, clean_pdf) -> None:
    out = build_employee_record(
        seeded, "E001", date(2024, 1, 1), date(2024, 1, 31), tmp_path / "none.pdf", "zh"
    )
    assert "本期间没有检查记录" in clean_pdf(out)


def test_unknown_employee(seeded, tmp_path) -> None:
    with pytest.raises(NoReportData, match="no employee with number X1"):
        build_employee_record(seeded, "X1", MARCH, END, tmp_path / "x.pdf", "zh")
