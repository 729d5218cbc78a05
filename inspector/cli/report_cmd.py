"""``inspector report`` (PDF reports) and ``inspector export`` (the monthly figures).

- ``report lineup ID | --date YYYY-MM-DD [--shift S]``: the line-up sheet;
- ``report employee EMPLOYEE_NO --from D --to D``: one employee's record;
- ``report monthly --month YYYY-MM [--department NAME]``: the monthly compliance pack;
- ``export monthly --month YYYY-MM --format csv|xlsx [--out FILE] [--department NAME]``.

Reports take ``--lang zh|en|both`` (default zh) and ``--out FILE.pdf`` (default: a file named
after the report in the current folder). Each prints the path it wrote.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from inspector.cli import CommandError
from inspector.cli.common import (
    add_common_arguments,
    day_text,
    month_text,
    open_store,
    output_file,
    plain_text,
    record_id,
)

LANGS = ("zh", "en", "both")
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def register(subparsers: argparse._SubParsersAction) -> None:
    _register_report(subparsers)
    _register_export(subparsers)


def _register_report(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="build a PDF report: line-up sheet, employee record or monthly pack",
        description=(
            "Build a PDF report (A4, in Chinese, English or both). Prints the path written."
        ),
    )
    kinds = parser.add_subparsers(dest="report_kind", metavar="REPORT", required=True)

    lineup = kinds.add_parser(
        "lineup",
        help="the sheet of one line-up, to print and sign",
        description=(
            "The sheet of one line-up: each person's status and faults in words, the absent "
            "and those on leave, the counts and signature lines. Give the line-up ID, or "
            "--date (and --shift if that day had several line-ups)."
        ),
    )
    lineup.add_argument("lineup_id", nargs="?", type=record_id, metavar="ID", help="the line-up id")
    lineup.add_argument(
        "--date", type=day_text, metavar="YYYY-MM-DD", help="the line-up of this date"
    )
    lineup.add_argument(
        "--shift", type=plain_text, metavar="S", help="with --date: only this shift, e.g. 早班"
    )
    _report_options(lineup)
    lineup.set_defaults(func=run_lineup)

    employee = kinds.add_parser(
        "employee",
        help="one employee's record over a period",
        description=(
            "One employee's record from --from to --to (both included): every inspection, "
            "faults by item with repeat counts, absences and compliance per month."
        ),
    )
    employee.add_argument(
        "employee_no", type=plain_text, metavar="EMPLOYEE_NO", help="the employee number"
    )
    employee.add_argument(
        "--from", dest="start", type=day_text, required=True, metavar="YYYY-MM-DD"
    )
    employee.add_argument("--to", dest="end", type=day_text, required=True, metavar="YYYY-MM-DD")
    _report_options(employee)
    employee.set_defaults(func=run_employee)

    monthly = kinds.add_parser(
        "monthly",
        help="the monthly compliance pack for HR",
        description=(
            "The monthly compliance pack: key figures, departments, the most frequent faults, "
            "the daily trend, repeat offenders, every employee (those needing attention "
            "first) and the standards the month was judged against."
        ),
    )
    monthly.add_argument(
        "--month", type=month_text, required=True, metavar="YYYY-MM", help="the month"
    )
    monthly.add_argument(
        "--department", type=plain_text, metavar="NAME", help="only this department"
    )
    _report_options(monthly)
    monthly.set_defaults(func=run_monthly)


def _report_options(parser: argparse.ArgumentParser) -> None:
    # dest differs from the top-level --lang (the interface language).
    parser.add_argument(
        "--lang",
        dest="report_lang",
        choices=LANGS,
        default="zh",
        help="the report's language: zh, en or both (bilingual labels); default zh",
    )
    parser.add_argument(
        "--out", type=output_file, metavar="FILE.pdf", help="where to write the PDF"
    )
    add_common_arguments(parser, checklists=False)


def _register_export(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the monthly figures as CSV or XLSX",
        description="Export figures for a spreadsheet. Prints the path written.",
    )
    kinds = parser.add_subparsers(dest="export_kind", metavar="WHAT", required=True)
    monthly = kinds.add_parser(
        "monthly",
        help="every employee's and department's figures of a month",
        description=(
            "Every employee's and every department's figures of a month (the numbers of the "
            "monthly pack), as CSV (UTF-8 with BOM, for Excel) or XLSX."
        ),
    )
    monthly.add_argument(
        "--month", type=month_text, required=True, metavar="YYYY-MM", help="the month"
    )
    monthly.add_argument(
        "--format",
        dest="fmt",
        choices=("csv", "xlsx"),
        default=None,
        help="csv or xlsx (default: from the --out file name, else csv)",
    )
    monthly.add_argument("--out", type=output_file, metavar="FILE", help="where to write the file")
    monthly.add_argument(
        "--department", type=plain_text, metavar="NAME", help="only this department"
    )
    add_common_arguments(monthly, checklists=False)
    monthly.set_defaults(func=run_export_monthly)


# -- argument parsing -------------------------------------------------------------------------


def parse_month(text: str) -> date:
    """'2025-01' -> date(2025, 1, 1); CommandError for anything else."""
    match = _MONTH.match(text.strip())
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and year >= 1:
            return date(year, month, 1)
    raise CommandError(f"--month: not a month: {text!r} (use YYYY-MM, e.g. 2025-01)")


def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{option}: not a date: {text!r} (use YYYY-MM-DD)") from None


def safe_name(name: str) -> str:
    """A file name without characters Windows or a shell would trip on."""
    return _UNSAFE.sub("-", name).strip("-") or "report"


def _suffix(lang: str) -> str:
    return "" if lang == "zh" else f"-{lang}"


def _out(args: argparse.Namespace, default: str) -> Path:
    return Path(args.out) if args.out else Path.cwd() / safe_name(default)


def _report_errors():
    """The errors a user can act on, as CommandError."""
    from contextlib import contextmanager

    from inspector.reports.fonts import ReportFontError
    from inspector.storage.errors import NotFoundError

    @contextmanager
    def translated():
        try:
            yield
        except (NotFoundError, ReportFontError) as exc:
            raise CommandError(str(exc).strip("'\"")) from None
        except PermissionError as exc:
            raise CommandError(f"cannot write {exc.filename}: permission denied") from None
        except IsADirectoryError as exc:
            raise CommandError(f"{exc.filename} is a folder: give a file name with --out") from None

    return translated()


# -- the commands -----------------------------------------------------------------------------


def run_lineup(args: argparse.Namespace) -> int:
    from inspector.reports import build_lineup_sheet

    if (args.lineup_id is None) == (args.date is None):
        raise CommandError("give a line-up ID or --date YYYY-MM-DD (not both)")
    if args.shift is not None and args.date is None:
        raise CommandError("--shift goes with --date")
    with open_store(args, read_only=True) as store, _report_errors():
        if args.lineup_id is not None:
            lineup = _lineup(store, args.lineup_id)
        else:
            day = parse_day(args.date, "--date")
            found = store.lineups_on(day, args.shift)
            shift = f" ({args.shift})" if args.shift else ""
            if not found:
                raise CommandError(f"there is no line-up on {day}{shift}")
            if len(found) > 1:
                listed = ", ".join(
                    f"{lu.id} ({' '.join(p for p in (lu.shift, lu.site, lu.department) if p)})"
                    for lu in found
                )
                raise CommandError(
                    f"{len(found)} line-ups on {day}{shift}: {listed}; give the ID"
                    + ("" if args.shift else " or --shift")
                )
            lineup = found[0]
        out = _out(args, f"lineup-{lineup.day:%Y%m%d}-{lineup.id}{_suffix(args.report_lang)}.pdf")
        path = build_lineup_sheet(store, lineup.id, out, args.report_lang)
    print(Path(path).resolve())
    return 0


def _lineup(store, lineup_id: int):
    from inspector.storage.errors import NotFoundError

    try:
        return store.get_lineup(lineup_id)
    except NotFoundError:
        raise CommandError(f"there is no line-up with id {lineup_id}") from None


def run_employee(args: argparse.Namespace) -> int:
    from inspector.reports import build_employee_record

    start = parse_day(args.start, "--from")
    end = parse_day(args.end, "--to")
    if end < start:
        raise CommandError(f"--to ({end}) is before --from ({start})")
    with open_store(args, read_only=True) as store, _report_errors():
        if store.employee_by_no(args.employee_no) is None:
            raise CommandError(f"there is no employee with number {args.employee_no}")
        out = _out(
            args,
            f"employee-{args.employee_no}-{start:%Y%m%d}-{end:%Y%m%d}"
            f"{_suffix(args.report_lang)}.pdf",
        )
        path = build_employee_record(store, args.employee_no, start, end, out, args.report_lang)
    print(Path(path).resolve())
    return 0


def _check_department(store, department: str | None) -> None:
    if department and department not in store.departments():
        known = ", ".join(store.departments()) or "none"
        raise CommandError(f"there is no department {department!r} (departments: {known})")


def run_monthly(args: argparse.Namespace) -> int:
    from inspector.reports import build_monthly_pack

    month = parse_month(args.month)
    with open_store(args, read_only=True) as store, _report_errors():
        _check_department(store, args.department)
        dept = f"-{args.department}" if args.department else ""
        out = _out(args, f"monthly-{month:%Y-%m}{dept}{_suffix(args.report_lang)}.pdf")
        path = build_monthly_pack(store, month, out, args.report_lang, department=args.department)
    print(Path(path).resolve())
    return 0


def run_export_monthly(args: argparse.Namespace) -> int:
    from inspector.services.figures import export_monthly

    month = parse_month(args.month)
    fmt = args.fmt
    if fmt is None:
        suffix = Path(args.out).suffix.lower().lstrip(".") if args.out else ""
        fmt = suffix if suffix in ("csv", "xlsx") else "csv"
    with open_store(args, read_only=True) as store, _report_errors():
        _check_department(store, args.department)
        dept = f"-{args.department}" if args.department else ""
        out = _out(args, f"figures-{month:%Y-%m}{dept}.{fmt}")
        path = export_monthly(store, month, out, fmt, department=args.department)
    print(Path(path).resolve())
    return 0
