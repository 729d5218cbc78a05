"""The report kinds: one default file name per kind (one pattern, with the language), and each
kind builds the file it names."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pypdf import PdfReader

from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Lineup
from inspector.services import report_jobs
from inspector.services.report_jobs import (
    EMPLOYEE_RECORD,
    KINDS,
    LINEUP_SHEET,
    MONTHLY_FIGURES,
    MONTHLY_PACK,
    ReportRequest,
)

LINEUP = Lineup(
    id=3,
    day=date(2025, 5, 7),
    shift="早班",
    site="东湖花园",
    department="",
    supervisor="黄主管",
    inspection_type=InspectionType.LINEUP,
    started_at=datetime(2025, 5, 7, 8, 0),
)
REQUEST = ReportRequest(
    lineup=LINEUP,
    employee_no="E004",
    start=date(2025, 3, 1),
    end=date(2025, 4, 30),
    month=date(2025, 4, 17),
    department="工程部",
    fmt="xlsx",
)


@pytest.mark.parametrize(
    ("kind", "lang", "name"),
    [
        (LINEUP_SHEET, "zh", "lineup-20250507-3.pdf"),
        (LINEUP_SHEET, "both", "lineup-20250507-3-both.pdf"),
        (EMPLOYEE_RECORD, "en", "employee-E004-20250301-20250430-en.pdf"),
        (MONTHLY_PACK, "zh", "monthly-2025-04-工程部.pdf"),
        (MONTHLY_FIGURES, "en", "figures-2025-04-工程部-en.xlsx"),
    ],
)
def test_one_file_name_pattern(kind, lang, name) -> None:
    request = ReportRequest(**{**_fields(REQUEST), "lang": lang})
    assert kind.file_name(request) == name


def test_names_are_safe_and_formats_known() -> None:
    request = ReportRequest(month=date(2025, 4, 1), department='A/B "x" C', fmt="ods")
    assert MONTHLY_PACK.file_name(request) == "monthly-2025-04-A-B-x-C.pdf"
    assert MONTHLY_FIGURES.file_name(request) == "figures-2025-04-A-B-x-C.xlsx"  # the default


def test_every_kind_is_registered_by_its_id() -> None:
    assert [k.id for k in KINDS] == ["lineup", "employee", "monthly", "figures", "observation"]
    assert all(report_jobs.kind(k.id) is k for k in KINDS)
    assert [k.is_pdf for k in KINDS] == [True, True, True, False, True]
    with pytest.raises(KeyError):
        report_jobs.kind("weekly")


def test_a_kind_needs_its_options() -> None:
    with pytest.raises(ValueError, match="needs the option lineup"):
        LINEUP_SHEET.file_name(ReportRequest())


def test_report_language_follows_the_interface() -> None:
    assert [report_jobs.report_language(x) for x in ("zh", "en", "fr")] == ["zh", "en", "zh"]


def test_a_build_writes_the_file_it_names(seeded, tmp_path) -> None:
    request = ReportRequest(lang="en", month=date(2025, 4, 1))
    out = tmp_path / "new folder" / MONTHLY_PACK.file_name(request)
    path = MONTHLY_PACK.build(seeded, request, out, create_folder=True)
    assert path == out and "2025" in PdfReader(path).pages[0].extract_text()


def _fields(request: ReportRequest) -> dict:
    return {name: getattr(request, name) for name in request.__slots__}
