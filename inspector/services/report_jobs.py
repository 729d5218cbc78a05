"""The report kinds: for each, the options it takes, its default file name and how it is built.

The Reports page, the employee screen, the line-up summary and ``inspector report`` /
``inspector export`` all go through this registry, so a report is named and built one way
wherever it is asked for. Adding a report: a query (``storage/report_queries.py``), a renderer
(``reports/``) and one ``ReportKind`` in ``KINDS``.

Default file names follow one pattern: ``{kind}-{what}{-lang}.{ext}``, days as ``YYYYMMDD``,
months as ``YYYY-MM``, and a language suffix for every language but Chinese, e.g.
``lineup-20250507-3.pdf``, ``employee-E004-20250301-20250430-en.pdf``,
``monthly-2025-04-工程部-both.pdf``, ``figures-2025-04-en.xlsx``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.domain.checklist import Catalogue, InspectionType
from inspector.domain.errors import UserError
from inspector.domain.lineup import Lineup
from inspector.domain.people import Employee, Sex
from inspector.domain.text import Text
from inspector.paths import private_folder

if TYPE_CHECKING:  # the store and the report queries load with the first build
    from inspector.storage.store import Store

Progress = Callable[[float, str], None]  # (fraction done, message in the report's language)

LANGUAGES = ("zh", "en", "both")
FIGURES_FORMATS = ("xlsx", "csv")
LINEUP_TYPE = InspectionType.LINEUP  # the sheet and every figure are of line-ups
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


class Option(StrEnum):
    """What a report kind is asked for (beyond its language, which every kind takes)."""

    LINEUP = "lineup"  # one line-up
    EMPLOYEE = "employee"  # one employee, by number
    PERIOD = "period"  # from a day to a day, both included
    MONTH = "month"
    DEPARTMENT = "department"  # optional: one department instead of the whole company
    SITE = "site"  # optional: the line-ups of one site
    FORMAT = "format"  # the file format, for a spreadsheet
    OBSERVATION = "observation"  # one floor observation by id, or a day's (``start``)


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """The options of one report; each kind reads the ones it takes."""

    lang: str = "zh"  # zh, en or both
    lineup: Lineup | None = None
    employee_no: str = ""
    start: date | None = None
    end: date | None = None
    month: date | None = None  # any day of the month
    department: str | None = None
    site: str | None = None
    fmt: str = "pdf"  # the spreadsheet kinds: xlsx or csv
    roles: Mapping[str, Text] | None = None  # role id -> name (the employee record)
    observation_id: int | None = None  # the observation sheet: one observation (else ``start``)


class LineupChoiceError(UserError):
    """A line-up asked for by day (and shift, site) that is missing or not the only one."""


@dataclass(frozen=True)
class ReportKind:
    id: str  # also the first word of the default file name
    options: frozenset[Option]
    formats: tuple[str, ...]  # the first is the default
    name_parts: Callable[[ReportRequest], tuple[str, ...]]
    builder: Callable[[Store, ReportRequest, Path, Progress | None], Path]

    @property
    def is_pdf(self) -> bool:
        return self.formats == ("pdf",)

    def file_name(self, request: ReportRequest) -> str:
        """The default file name (no folder) for ``request``."""
        ext = request.fmt if request.fmt in self.formats else self.formats[0]
        stem = "-".join((self.id, *(p for p in self.name_parts(request) if p)))
        return safe_name(f"{stem}{language_suffix(request.lang)}.{ext}")

    def build(
        self,
        store: Store,
        request: ReportRequest,
        out_path: Path | str,
        progress: Progress | None = None,
        *,
        create_folder: bool = False,
    ) -> Path:
        """Write the report to ``out_path`` and return the path written. ``create_folder``
        makes the folder first (the GUI's output folder may not exist yet)."""
        out_path = Path(out_path)
        if create_folder:
            private_folder(out_path.parent)  # a folder the app makes is the owner's only
        return Path(self.builder(store, request, out_path, progress))


def safe_name(name: str) -> str:
    """A file name without characters Windows or a shell would trip on."""
    return _UNSAFE.sub("-", name).strip("-") or "report"


def language_suffix(lang: str) -> str:
    return "" if lang == "zh" else f"-{lang}"


def report_language(ui_lang: str) -> str:
    """The report language that goes with the interface language."""
    return ui_lang if ui_lang in LANGUAGES else "zh"


def _need(value, option: Option):
    if value is None or value == "":
        raise ValueError(f"this report needs the option {option.value}")
    return value


# -- the builders (the facades the renderers are called through) ------------------------------


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
    from inspector.reports.fonts import register_fonts
    from inspector.reports.i18n import check_lang
    from inspector.reports.lineup_sheet import render_lineup_sheet
    from inspector.storage import report_queries

    check_lang(lang)
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
    """One employee's record from ``start`` to ``end`` (both included); the same record the
    employee screen shows (``services.employee_record``). ``roles`` (role id -> name) names
    the job role; without it the role's id is printed."""
    from inspector.reports.employee_record import render_employee_record
    from inspector.reports.fonts import register_fonts
    from inspector.reports.i18n import check_lang
    from inspector.services.employee_record import employee_record

    check_lang(lang)
    register_fonts()
    data = employee_record(store, employee_no, start, end, roles=roles)
    return render_employee_record(
        data, out_path, lang, invariant=invariant, generated_at=generated_at, progress=progress
    )


def monthly_data(store: Store, month: date, department: str | None = None, site: str | None = None):
    """The monthly pack's figures under the company's scoring settings (the pack, the export
    and the Reports page all read them here)."""
    from inspector.services import settings
    from inspector.storage import report_queries

    return report_queries.monthly_pack_data(
        store, month, department, site=site, rules=settings.load(store).rules
    )


def report_sites(store: Store) -> list[str]:
    """The sites line-ups were held at: the choices of the site filter."""
    from inspector.storage.report_queries import lineup_sites

    return lineup_sites(store)


def build_monthly_pack(
    store: Store,
    month: date,
    out_path: Path | str,
    lang: str = "zh",
    department: str | None = None,
    progress: Progress | None = None,
    *,
    site: str | None = None,
    invariant: bool = False,
    generated_at: datetime | None = None,
) -> Path:
    """The monthly pack of ``month`` (any day of it), for the whole company, one ``site``
    and/or one ``department``. ``progress(fraction, message)`` is called as the build goes."""
    from inspector.reports.fonts import register_fonts
    from inspector.reports.i18n import check_lang, label
    from inspector.reports.monthly_pack import render_monthly_pack

    check_lang(lang)
    register_fonts()
    if progress is not None:
        progress(0.0, label("progress_reading", lang))
    data = monthly_data(store, month, department, site)
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


def export_figures(
    store: Store,
    month: date,
    out_path: Path | str,
    fmt: str,
    department: str | None,
    lang: str,
    site: str | None = None,
) -> Path:
    """The monthly figures as a spreadsheet (``services.figures``)."""
    from inspector.services.figures import export_monthly

    return export_monthly(store, month, out_path, fmt, department=department, lang=lang, site=site)


# -- the kinds --------------------------------------------------------------------------------


def _lineup_of(request: ReportRequest) -> Lineup:
    return _need(request.lineup, Option.LINEUP)


def _month_of(request: ReportRequest) -> date:
    return _need(request.month, Option.MONTH).replace(day=1)


def _period_of(request: ReportRequest) -> tuple[date, date]:
    return _need(request.start, Option.PERIOD), _need(request.end, Option.PERIOD)


def _month_parts(request: ReportRequest) -> tuple[str, ...]:
    return (f"{_month_of(request):%Y-%m}", request.site or "", request.department or "")


def _employee_parts(request: ReportRequest) -> tuple[str, ...]:
    start, end = _period_of(request)
    return (_need(request.employee_no, Option.EMPLOYEE), f"{start:%Y%m%d}", f"{end:%Y%m%d}")


def _lineup_parts(request: ReportRequest) -> tuple[str, ...]:
    lineup = _lineup_of(request)
    return (f"{lineup.day:%Y%m%d}", str(lineup.id))


LINEUP_SHEET = ReportKind(
    id="lineup",
    options=frozenset({Option.LINEUP}),
    formats=("pdf",),
    name_parts=_lineup_parts,
    builder=lambda store, r, out, _progress: build_lineup_sheet(
        store, _lineup_of(r).id, out, r.lang
    ),
)

EMPLOYEE_RECORD = ReportKind(
    id="employee",
    options=frozenset({Option.EMPLOYEE, Option.PERIOD}),
    formats=("pdf",),
    name_parts=_employee_parts,
    builder=lambda store, r, out, progress: build_employee_record(
        store, r.employee_no, *_period_of(r), out, r.lang, roles=r.roles, progress=progress
    ),
)

MONTHLY_PACK = ReportKind(
    id="monthly",
    options=frozenset({Option.MONTH, Option.DEPARTMENT, Option.SITE}),
    formats=("pdf",),
    name_parts=_month_parts,
    builder=lambda store, r, out, progress: build_monthly_pack(
        store, _month_of(r), out, r.lang, department=r.department, progress=progress, site=r.site
    ),
)

MONTHLY_FIGURES = ReportKind(
    id="figures",
    options=frozenset({Option.MONTH, Option.DEPARTMENT, Option.SITE, Option.FORMAT}),
    formats=FIGURES_FORMATS,
    name_parts=_month_parts,
    builder=lambda store, r, out, _progress: export_figures(
        store, _month_of(r), out, r.fmt, r.department, r.lang, r.site
    ),
)


# -- the observation sheet: one floor observation, or one day's --------------------------------


def build_observation_sheet(
    store: Store,
    out_path: Path | str,
    lang: str = "zh",
    *,
    observation_id: int | None = None,
    day: date | None = None,
    invariant: bool = False,
    generated_at: datetime | None = None,
) -> Path:
    """The sheet of one observation (``observation_id``) or of every saved observation of
    ``day``: who observed whom, when, in which situations, each fault in words, signatures."""
    from inspector.domain.observations import ObservationSheetData
    from inspector.reports.fonts import register_fonts
    from inspector.reports.i18n import check_lang
    from inspector.reports.observation_sheet import render_observation_sheet
    from inspector.services import observation_session as obs
    from inspector.storage import report_queries

    check_lang(lang)
    if (observation_id is None) == (day is None):
        raise ValueError("the observation sheet needs an observation id or a day")
    if observation_id is not None:
        records = [obs.read_observation(store, observation_id)]
    else:
        records = [
            r for r in reversed(obs.list_observations(store, start=day, end=day)) if r.completed
        ]
        if not records:
            raise NoObservations(day)
    register_fonts()
    data = ObservationSheetData(
        company=report_queries.company_name(store),
        day=day,
        entries=tuple(obs.entry_of(r) for r in records),
    )
    return render_observation_sheet(
        data, out_path, lang, invariant=invariant, generated_at=generated_at
    )


class NoObservations(UserError):
    def __init__(self, day: date) -> None:
        self.day = day
        super().__init__(f"there are no saved observations on {day}")

    def text(self, lang: str = "en") -> str:
        if lang == "zh":
            return f"{self.day} 没有已保存的现场观察记录。"
        return str(self)


def _observation_parts(request: ReportRequest) -> tuple[str, ...]:
    if request.observation_id is not None:
        return (str(request.observation_id),)
    return (f"{_need(request.start, Option.OBSERVATION):%Y%m%d}",)


OBSERVATION_SHEET = ReportKind(
    id="observation",
    options=frozenset({Option.OBSERVATION}),
    formats=("pdf",),
    name_parts=_observation_parts,
    builder=lambda store, r, out, _progress: build_observation_sheet(
        store,
        out,
        r.lang,
        observation_id=r.observation_id,
        day=None if r.observation_id is not None else _need(r.start, Option.OBSERVATION),
    ),
)

KINDS: tuple[ReportKind, ...] = (
    LINEUP_SHEET,
    EMPLOYEE_RECORD,
    MONTHLY_PACK,
    MONTHLY_FIGURES,
    OBSERVATION_SHEET,
)


def kind(kind_id: str) -> ReportKind:
    """The kind with this id (KeyError for an unknown one)."""
    for candidate in KINDS:
        if candidate.id == kind_id:
            return candidate
    raise KeyError(kind_id)


# -- choosing a line-up by day ----------------------------------------------------------------


def _describe(lineup: Lineup) -> str:
    return (
        f"{lineup.id} ({' '.join(p for p in (lineup.shift, lineup.site, lineup.department) if p)})"
    )


def lineup_on(
    store: Store, day: date, *, shift: str | None = None, site: str | None = None
) -> Lineup:
    """The one line-up of ``day`` (with ``shift`` and ``site`` when given; floor observations are
    not line-ups). When there is none
    or more than one, the message lists them and names the options that would tell them
    apart (``--site`` when they are at different sites, ``--shift`` on different shifts)."""
    found = [lu for lu in store.lineups_on(day, shift) if lu.inspection_type is LINEUP_TYPE]
    if site:
        found = [lu for lu in found if lu.site == site.strip()]
    narrowed = " ".join(p for p in (shift, f"at {site}" if site else "") if p)
    where = f"{day} ({narrowed})" if narrowed else f"{day}"
    if not found:
        others = [lu for lu in store.lineups_on(day) if lu.inspection_type is LINEUP_TYPE]
        listed = f": that day has {', '.join(_describe(lu) for lu in others)}" if others else ""
        raise LineupChoiceError(f"there is no line-up on {where}{listed}")
    if len(found) == 1:
        return found[0]
    hints = ["the ID"]
    if not site and len({lu.site for lu in found}) > 1:
        hints.append("--site")
    if not shift and len({lu.shift for lu in found}) > 1:
        hints.append("--shift")
    listed = ", ".join(_describe(lu) for lu in found)
    raise LineupChoiceError(
        f"{len(found)} line-ups on {where}: {listed}; give {' or '.join(hints)}"
    )


# -- the blank paper form (no database: the checklists of one role and sex) -------------------

BLANK_FORM_ID = "blank-form"


def blank_form_file_name(role_id: str, sex: str, lang: str) -> str:
    return safe_name(f"{BLANK_FORM_ID}-{role_id}-{sex}{language_suffix(lang)}.pdf")


def build_blank_form(
    catalogue: Catalogue,
    role_id: str,
    sex: Sex,
    out_path: Path | str,
    lang: str = "zh",
    *,
    company: str = "",
    invariant: bool = False,
    generated_at: datetime | None = None,
) -> Path:
    """The paper line-up form of a role and sex: what the screen shows such a person, with
    tick boxes (``UnknownRole`` for a role the checklists do not describe)."""
    from inspector.reports.blank_form import BlankForm, render_blank_form
    from inspector.reports.fonts import register_fonts
    from inspector.reports.i18n import check_lang

    check_lang(lang)
    role = catalogue.role(role_id) or catalogue.find_role(role_id)
    if role is None:
        raise UnknownRole(role_id, tuple(r.id for r in catalogue.roles))
    person = Employee(employee_no="", name="", sex=sex, department="", role=role.id)
    sex_words = {Sex.FEMALE: Text("女", "female"), Sex.MALE: Text("男", "male")}[sex]
    who = f"{role.name.get(lang)} · {sex_words.get(lang)}"
    register_fonts()
    form = BlankForm(catalogue.lineup_for(person), who, Text(company, company))
    return render_blank_form(form, out_path, lang, invariant=invariant, generated_at=generated_at)


class UnknownRole(UserError):
    def __init__(self, role_id: str, known: tuple[str, ...]) -> None:
        self.role_id = role_id
        super().__init__(f"there is no job role {role_id!r} (roles: {', '.join(known)})")
