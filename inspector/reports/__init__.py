"""PDF reports (ReportLab, no Qt): the line-up sheet, the employee record and the monthly pack.

Each ``build_*`` reads its figures through ``inspector.storage.report_queries`` and writes an
A4 PDF in Chinese, English or both (``lang``: "zh", "en", "both"), with the company name,
"page X of Y" and the generation time on every page and the bundled CJK font embedded.
``invariant=True`` makes the file reproducible byte for byte (fixed ids and generation time),
for tests. Each returns the path written; unknown line-ups or employees and empty months raise
``NoReportData`` (a ``NotFoundError``), a missing font ``ReportFontError``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

from inspector.domain.text import Text
from inspector.reports.fonts import ReportFontError, register_fonts
from inspector.reports.page import Progress
from inspector.storage import report_queries
from inspector.storage.report_queries import NoReportData
from inspector.storage.store import Store

__all__ = [
    "NoReportData",
    "ReportFontError",
    "build_employee_record",
    "build_lineup_sheet",
    "build_monthly_pack",
]


def build_lineup_sheet(
    store: Store,
    lineup_id: int,
    out_path: Path | str,
    lang: str = "zh",
    *,
    invariant: bool = False,
    generated_at: datetime | None = None,
) -> Path:
    """The sheet of one line-up: people, faults in words, absentees, counts, signatures."""
    from inspector.reports.lineup_sheet import render_lineup_sheet

    register_fonts()
    data = report_queries.lineup_sheet_data(store, lineup_id)
    return render_lineup_sheet(data, out_path, lang, invariant=invariant, generated_at=generated_at)


def build_employee_record(
    store: Store,
    employee_no: str,
    start: date,
    end: date,
    out_path: Path | str,
    lang: str = "zh",
    *,
    roles: Mapping[str, Text] | None = None,
    invariant: bool = False,
    generated_at: datetime | None = None,
    progress: Progress | None = None,
) -> Path:
    """One employee's record from ``start`` to ``end`` (both included). ``roles`` (role id ->
    name) names the job role; by default the names of the checklists in force."""
    from inspector.reports.employee_record import render_employee_record

    register_fonts()
    if roles is None:
        roles = _role_names()
    data = report_queries.employee_record_data(store, employee_no, start, end, roles=roles)
    return render_employee_record(
        data, out_path, lang, invariant=invariant, generated_at=generated_at, progress=progress
    )


def _role_names() -> dict[str, Text]:
    """Role id -> name from the checklists in force; empty (ids are printed) if they cannot
    be read: a report is still useful without the role's name."""
    try:
        from inspector.files.checklists import load_catalogue

        return {role.id: role.name for role in load_catalogue().roles}
    except Exception:
        return {}


def build_monthly_pack(
    store: Store,
    month: date,
    out_path: Path | str,
    lang: str = "zh",
    department: str | None = None,
    progress: Progress | None = None,
    *,
    invariant: bool = False,
    generated_at: datetime | None = None,
) -> Path:
    """The monthly compliance pack of ``month`` (any day of it; the 1st by convention), for
    the whole company or one ``department``. ``progress(fraction, message)`` is called as the
    build goes (from the calling thread)."""
    from inspector.reports.i18n import check_lang, label
    from inspector.reports.monthly_pack import render_monthly_pack

    check_lang(lang)
    register_fonts()
    if progress is not None:
        progress(0.0, label("progress_reading", lang))
    data = report_queries.monthly_pack_data(store, month, department)
    if progress is not None:
        progress(0.15, label("progress_layout", lang))
    path = render_monthly_pack(
        data,
        out_path,
        lang,
        invariant=invariant,
        generated_at=generated_at,
        progress=progress,
        progress_span=(0.2, 0.97),
    )
    if progress is not None:
        progress(1.0, label("progress_done", lang))
    return path
