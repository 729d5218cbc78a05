"""``inspector recheck``: the follow-up of faults (整改 / 复查) from the command line.

- ``list [--date D] [--site S] [--all] [--json]``: the day's faults still open (by default
  today's), each with the short id that ``record`` takes; ``--all`` also lists the fixed ones.
- ``record ID fixed|not-fixed --by NAME [--note TEXT]``: record a re-check of one fault.
  After its line-up is finished, a re-check is a sealed record of its own.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from inspector.cli.common import (
    add_common_arguments,
    cli_language,
    day_value,
    format_table,
    open_store,
    plain_text,
)
from inspector.domain.follow_ups import Fault, FaultFollowUp, FaultStatus, RecheckOutcome
from inspector.services import rechecks

OUTCOMES = {"fixed": RecheckOutcome.FIXED, "not-fixed": RecheckOutcome.NOT_FIXED}
STATUS_WORDS = {
    FaultStatus.DUE: ("待复查", "due"),
    FaultStatus.NOT_FIXED: ("复查未合格", "not fixed"),
    FaultStatus.FIXED: ("复查合格", "fixed"),
    FaultStatus.FIXED_ON_SPOT: ("当场整改", "fixed on the spot"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "recheck",
        help="list the faults to re-check, or record a re-check (整改 / 复查)",
        description=(
            "The follow-up of faults: list a day's faults still open and record re-checks. "
            "A fault not fixed on the spot at the line-up is due for re-check the same day."
        ),
    )
    commands = parser.add_subparsers(dest="recheck_command", metavar="ACTION", required=True)

    listing = commands.add_parser(
        "list",
        help="the day's faults still open, with the id 'record' takes",
        description=(
            "List the faults of a day's line-ups still open (not fixed on the spot, not "
            "re-checked as fixed): id, status, line-up time, shift, employee, department, "
            "reason."
        ),
    )
    listing.add_argument(
        "--date", type=day_value, metavar="YYYY-MM-DD", help="the line-ups of this day (today)"
    )
    listing.add_argument("--site", type=plain_text, metavar="S", help="only line-ups at this site")
    listing.add_argument("--all", action="store_true", help="also the faults already fixed")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add_common_arguments(listing, checklists=False)
    listing.set_defaults(func=run_list)

    record = commands.add_parser(
        "record",
        help="record a re-check of one fault: fixed or not fixed",
        description="Record the outcome of a re-check of one fault, with who checked.",
    )
    record.add_argument("fault", type=plain_text, metavar="ID", help="the id 'recheck list' prints")
    record.add_argument("outcome", choices=tuple(OUTCOMES), help="what the re-check found")
    record.add_argument(
        "--by", required=True, type=plain_text, metavar="NAME", help="who re-checked (required)"
    )
    record.add_argument("--note", type=plain_text, default="", metavar="TEXT", help="a note")
    add_common_arguments(record, checklists=False)
    record.set_defaults(func=run_record)


def _ts(value) -> str | None:
    return value.isoformat(sep=" ") if value else None


def follow_up_dict(follow_up: FaultFollowUp) -> dict:
    """A fault's follow-up state as JSON (also in ``lineup show --json``)."""
    check = follow_up.last_check
    return {
        "status": follow_up.status.value,
        "open": follow_up.status.open,
        "fixed_at": _ts(follow_up.fixed_at),
        "last_check": None
        if check is None
        else {
            "outcome": check.outcome.value if check.outcome else None,
            "checked_at": _ts(check.recorded_at),
            "checked_by": check.checked_by,
            "note": check.note,
        },
    }


def fault_dict(fault: Fault) -> dict:
    return {
        "id": fault.key,
        "inspection_id": fault.inspection_id,
        "item_id": fault.item_id,
        "reason": fault.reason.to_dict(),
        "severity": fault.severity,
        "lineup_id": fault.lineup_id,
        "date": fault.day.isoformat(),
        "shift": fault.shift,
        "site": fault.site,
        "lineup_started_at": _ts(fault.lineup_started_at),
        "lineup_finished": fault.lineup_finished,
        "employee_no": fault.employee_no,
        "name": fault.name,
        "department": fault.department,
        **follow_up_dict(fault.follow_up),
    }


def lineup_follow_ups(store, lineup_id: int) -> dict[tuple[int, str], dict]:
    """(inspection id, item id) -> the JSON follow-up of each fault of a line-up (with its id)."""
    return {
        (f.inspection_id, f.item_id): {"id": f.key, **follow_up_dict(f.follow_up)}
        for f in rechecks.faults_of_lineup(store, lineup_id)
    }


def status_word(status: FaultStatus, lang: str) -> str:
    zh, en = STATUS_WORDS[status]
    return zh if lang == "zh" else en


def run_list(args: argparse.Namespace) -> int:
    day = args.date or date.today()
    with open_store(args, read_only=True) as store:
        found = rechecks.faults_of_day(store, day, args.site)
    if not args.all:
        found = [f for f in found if f.status.open]
    if args.json:
        print(json.dumps([fault_dict(f) for f in found], ensure_ascii=False, indent=2))
        return 0
    lang = cli_language(args)
    if not found:
        where = f" at {args.site}" if args.site else ""
        print(f"No faults to re-check on {day.isoformat()}{where}.")
        return 0
    rows = [
        (
            f.key,
            status_word(f.status, lang),
            f"{f.lineup_started_at:%H:%M}",
            f.shift,
            f.site,
            f.employee_no,
            f.name,
            f.department,
            f.reason.get(lang),
        )
        for f in found
    ]
    headers = (
        "id",
        "status",
        "time",
        "shift",
        "site",
        "employee_no",
        "name",
        "department",
        "reason",
    )
    print(format_table(headers, rows))
    return 0


def run_record(args: argparse.Namespace) -> int:
    lang = cli_language(args)
    with open_store(args) as store:
        fault = rechecks.find_fault(store, args.fault)
        rechecks.record_recheck(store, fault, OUTCOMES[args.outcome], args.by, args.note)
        fault = rechecks.refreshed(store, fault)
    print(
        f"{fault.key}  {fault.name}  {fault.reason.get(lang)}: "
        f"{status_word(fault.status, lang)} ({args.by.strip()})"
    )
    return 0
