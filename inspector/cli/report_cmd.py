"""``inspector report`` (PDF reports) and ``inspector export`` (the monthly figures).

- ``report lineup ID | --date YYYY-MM-DD [--shift S] [--site NAME]``: the line-up sheet;
- ``report employee EMPLOYEE_NO --from D --to D``: one employee's record;
- ``report monthly --month YYYY-MM [--site NAME] [--department NAME]``: the monthly pack;
- ``report observation ID | --date YYYY-MM-DD``: the sheet of one floor observation, or a day's;
- ``export monthly --month YYYY-MM --format csv|xlsx [--out FILE] [--site NAME]
  [--department NAME]``.

Reports take ``--lang zh|en|both`` (default zh; the export defaults to both) and ``--out FILE``
(default: the report's file name, as the app names it, in the current folder). Each prints the
path it wrote. Naming and building go through ``services.report_jobs``, as in the app.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector.cli import CommandError
from inspector.cli.arguments import (
    DATABASE,
    DATABASE_AND_CHECKLISTS,
    DEPARTMENT,
    LINEUP_ID,
    MONTH,
    SEX,
    SHIFT_OF_DATE,
    Option,
    command,
    group,
    of_site,
    on_date,
    option,
    out_file,
)
from inspector.cli.common import day_value, load_catalogue_for, open_store, plain_text, record_id
from inspector.services.report_jobs import (
    EMPLOYEE_RECORD,
    LANGUAGES,
    LINEUP_SHEET,
    MONTHLY_FIGURES,
    MONTHLY_PACK,
    OBSERVATION_SHEET,
    ReportKind,
    ReportRequest,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    _register_report(subparsers)
    _register_export(subparsers)


def report_language(default: str) -> Option:
    """``--lang zh|en|both``: the report's language. Its dest differs from the top-level
    ``--lang`` (the interface language)."""
    return option(
        "--lang",
        dest="report_lang",
        choices=LANGUAGES,
        default=default,
        help=f"the report's language: zh, en or both (bilingual labels); default {default}",
    )


def pdf_options(database: Option = DATABASE) -> tuple[Option, ...]:
    """What every PDF report takes after its own options: the language, --out and the database."""
    return (report_language("zh"), out_file("FILE.pdf", "where to write the PDF"), database)


SITE_OF_MONTH = of_site("only the line-ups of this site")


@group("report", dest="report_kind", metavar="REPORT")
def _register_report(kinds: argparse._SubParsersAction) -> None:
    """build a PDF report: line-up sheet, employee record or monthly pack

    Build a PDF report (A4, in Chinese, English or both). Prints the path written.
    """
    command(
        kinds,
        "lineup",
        run_lineup,
        LINEUP_ID,
        on_date("the line-up of this date"),
        SHIFT_OF_DATE,
        of_site("with --date: only this site"),
        *pdf_options(),
    )
    command(
        kinds,
        "employee",
        run_employee,
        option("employee_no", type=plain_text, metavar="EMPLOYEE_NO", help="the employee number"),
        option("--from", dest="start", type=day_value, required=True, metavar="YYYY-MM-DD"),
        option("--to", dest="end", type=day_value, required=True, metavar="YYYY-MM-DD"),
        *pdf_options(DATABASE_AND_CHECKLISTS),  # the job role is named by the checklists
    )
    command(kinds, "monthly", run_monthly, MONTH, SITE_OF_MONTH, DEPARTMENT, *pdf_options())
    command(
        kinds,
        "observation",
        run_observation,
        option("observation_id", nargs="?", type=record_id, metavar="ID"),
        on_date("every observation of this day"),
        *pdf_options(),
    )
    command(
        kinds,
        "blank-form",
        run_blank_form,
        option(
            "--role",
            type=plain_text,
            required=True,
            metavar="ROLE",
            help="the job role (id or name)",
        ),
        SEX,
        *pdf_options(DATABASE_AND_CHECKLISTS),
    )


@group("export", dest="export_kind", metavar="WHAT")
def _register_export(kinds: argparse._SubParsersAction) -> None:
    """export the monthly figures as CSV or XLSX

    Export figures for a spreadsheet. Prints the path written.
    """
    command(
        kinds,
        "monthly",
        run_export_monthly,
        MONTH,
        option(
            "--format",
            dest="fmt",
            choices=("csv", "xlsx"),
            default=None,
            help="csv or xlsx (default: from the --out file name, else csv)",
        ),
        out_file("FILE", "where to write the file"),
        SITE_OF_MONTH,
        DEPARTMENT,
        report_language("both"),
        DATABASE,
    )


# -- argument parsing -------------------------------------------------------------------------


def _out(args: argparse.Namespace, kind: ReportKind, request: ReportRequest) -> Path:
    """``--out``, else the kind's file name in the current folder."""
    return Path(args.out) if args.out else Path.cwd() / kind.file_name(request)


def _report_errors():
    """The errors a user can act on, as CommandError."""
    from contextlib import contextmanager

    from inspector.domain.errors import UserError
    from inspector.reports.fonts import ReportFontError
    from inspector.storage.errors import NotFoundError

    @contextmanager
    def translated():
        try:
            yield
        except (NotFoundError, ReportFontError, UserError) as exc:
            raise CommandError(str(exc).strip("'\"")) from None
        except PermissionError as exc:
            raise CommandError(f"cannot write {exc.filename}: permission denied") from None
        except IsADirectoryError as exc:
            raise CommandError(f"{exc.filename} is a folder: give a file name with --out") from None

    return translated()


# -- the commands -----------------------------------------------------------------------------


def run_lineup(args: argparse.Namespace) -> int:
    """the sheet of one line-up, to print and sign

    The sheet of one line-up: each person's status and faults in words, the absent and those on
    leave, the counts and signature lines. Give the line-up ID, or --date (and --site or --shift if
    that day had several line-ups).
    """
    from inspector.services.report_jobs import lineup_on

    if (args.lineup_id is None) == (args.date is None):
        raise CommandError("give a line-up ID or --date YYYY-MM-DD (not both)")
    for name, value in (("--shift", args.shift), ("--site", args.site)):
        if value is not None and args.date is None:
            raise CommandError(f"{name} goes with --date")
    with open_store(args, read_only=True) as store, _report_errors():
        if args.lineup_id is not None:
            lineup = _lineup(store, args.lineup_id)
        else:
            lineup = lineup_on(store, args.date, shift=args.shift, site=args.site)
        request = ReportRequest(lang=args.report_lang, lineup=lineup)
        path = LINEUP_SHEET.build(store, request, _out(args, LINEUP_SHEET, request))
    print(Path(path).resolve())
    return 0


def _lineup(store, lineup_id: int):
    from inspector.storage.errors import NotFoundError

    try:
        return store.get_lineup(lineup_id)
    except NotFoundError:
        raise CommandError(f"there is no line-up with id {lineup_id}") from None


def run_employee(args: argparse.Namespace) -> int:
    """one employee's record over a period

    One employee's record from --from to --to (both included): every inspection, faults by item with
    repeat counts, absences and compliance per month.
    """
    from inspector.services.employee_record import role_names

    if args.end < args.start:
        raise CommandError(f"--to ({args.end}) is before --from ({args.start})")
    with open_store(args, read_only=True) as store, _report_errors():
        if store.employee_by_no(args.employee_no) is None:
            raise CommandError(f"there is no employee with number {args.employee_no}")
        request = ReportRequest(
            lang=args.report_lang,
            employee_no=args.employee_no,
            start=args.start,
            end=args.end,
            roles=role_names(load_catalogue_for(args)),
        )
        path = EMPLOYEE_RECORD.build(store, request, _out(args, EMPLOYEE_RECORD, request))
    print(Path(path).resolve())
    return 0


def _check_department(store, department: str | None) -> None:
    if department and department not in store.departments():
        known = ", ".join(store.departments()) or "none"
        raise CommandError(f"there is no department {department!r} (departments: {known})")


def _check_site(store, site: str | None) -> None:
    from inspector.services.report_jobs import report_sites

    known = report_sites(store) if site else []
    if site and site not in known:
        raise CommandError(f"there is no site {site!r} (sites: {', '.join(known) or 'none'})")


def run_monthly(args: argparse.Namespace) -> int:
    """the monthly inspection pack for HR

    The monthly pack: a first page for the general manager (pass rate or score, trend, ranking, top
    faults, who needs follow-up), then departments and sites ranked, supervisors, the 12-month
    trend, the daily chart, the most frequent faults, the repeat-offences ladder, every employee
    (those needing attention first) and the standards the month was judged against. Scoring follows
    the setting scoring_profile (see 'inspector settings list').
    """
    with open_store(args, read_only=True) as store, _report_errors():
        _check_department(store, args.department)
        _check_site(store, args.site)
        request = ReportRequest(
            lang=args.report_lang, month=args.month, department=args.department, site=args.site
        )
        path = MONTHLY_PACK.build(store, request, _out(args, MONTHLY_PACK, request))
    print(Path(path).resolve())
    return 0


def run_blank_form(args: argparse.Namespace) -> int:
    """a paper line-up form for one job role and sex

    The line-up of one job role and sex as a paper form, for a day when the laptop is not there:
    body areas head to toe with their digit, each point's fault reasons with tick boxes, and lines
    for the name, date and supervisor.
    """
    from inspector.domain.people import Sex
    from inspector.services.report_jobs import blank_form_file_name, build_blank_form

    catalogue = load_catalogue_for(args)
    out = (
        Path(args.out)
        if args.out
        else Path.cwd() / blank_form_file_name(args.role, args.sex, args.report_lang)
    )
    with _report_errors():
        path = build_blank_form(catalogue, args.role, Sex(args.sex), out, args.report_lang)
    print(Path(path).resolve())
    return 0


def run_export_monthly(args: argparse.Namespace) -> int:
    """every employee's and department's figures of a month

    Every employee's and every department's figures of a month (the numbers of the monthly pack), as
    CSV (UTF-8 with BOM, for Excel) or XLSX.
    """
    fmt = args.fmt
    if fmt is None:
        suffix = Path(args.out).suffix.lower().lstrip(".") if args.out else ""
        fmt = suffix if suffix in MONTHLY_FIGURES.formats else "csv"
    with open_store(args, read_only=True) as store, _report_errors():
        _check_department(store, args.department)
        _check_site(store, args.site)
        request = ReportRequest(
            lang=args.report_lang,
            month=args.month,
            department=args.department,
            site=args.site,
            fmt=fmt,
        )
        path = MONTHLY_FIGURES.build(store, request, _out(args, MONTHLY_FIGURES, request))
    print(Path(path).resolve())
    return 0


def run_observation(args: argparse.Namespace) -> int:
    """the sheet of one floor observation, or of one day's

    The sheet of one floor observation (by ID) or of every saved one of a day.
    """
    from inspector.services.observation_session import NotAnObservation, read_observation
    from inspector.storage.errors import NotFoundError

    if (args.observation_id is None) == (args.date is None):
        raise CommandError("give an observation ID or --date YYYY-MM-DD (not both)")
    with open_store(args, read_only=True) as store, _report_errors():
        if args.observation_id is not None:
            try:
                read_observation(store, args.observation_id)
            except (NotFoundError, NotAnObservation):
                raise CommandError(
                    f"there is no observation {args.observation_id} "
                    "(see 'inspector observation list')"
                ) from None
        request = ReportRequest(
            lang=args.report_lang,
            observation_id=args.observation_id,
            start=args.date,
            end=args.date,
        )
        path = OBSERVATION_SHEET.build(store, request, _out(args, OBSERVATION_SHEET, request))
    print(Path(path).resolve())
    return 0
