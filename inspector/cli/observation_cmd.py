"""``inspector observation``: list the floor observations, and show one with its faults.

- ``list [--from D] [--to D] [--employee NO] [--json]``: newest first; columns id, date, time,
  observer, employee number, name, department, situations, items observed, faults, saved;
- ``show ID [--json]``: the header, the situations and each behaviour fault with its note.

JSON is for scripts: ``list --json`` is an array of observations, ``show ID --json`` one
observation object; both carry the same fields (``faults`` lists item id, wording, severity,
note and photo). Observations are never counted in the line-up figures (``inspector lineup``).
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from inspector.cli import CommandError
from inspector.cli.arguments import DATABASE, JSON, command, group, option
from inspector.cli.common import format_table, open_store, plain_text, record_id
from inspector.domain.observations import situation_text
from inspector.services.observation_session import (
    NotAnObservation,
    ObservationRecord,
    list_observations,
    read_observation,
)
from inspector.storage.errors import NotFoundError


@group("observation")
def register(actions: argparse._SubParsersAction) -> None:
    """list the floor observations, or show one with its faults

    List the floor observations, or show one with its behaviour faults.
    """
    command(
        actions,
        "list",
        run_list,
        option("--from", dest="start", type=_day, metavar="YYYY-MM-DD"),
        option("--to", dest="end", type=_day, metavar="YYYY-MM-DD"),
        option("--employee", type=plain_text, metavar="NO", help="only this employee number"),
        JSON,
        DATABASE,
    )
    command(
        actions,
        "show",
        run_show,
        option("observation_id", type=record_id, metavar="ID", help="the observation id"),
        JSON,
        DATABASE,
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def _ts(value) -> str | None:
    return value.isoformat(sep=" ") if value else None


def observation_dict(record: ObservationRecord) -> dict:
    """One observation as the JSON output gives it."""
    lineup, employee = record.lineup, record.employee
    return {
        "id": record.id,
        "date": lineup.day.isoformat(),
        "observer": record.observer,
        "employee_no": employee.employee_no,
        "name": employee.name,
        "department": lineup.department,
        "site": lineup.site,
        "situations": list(record.situations),
        "situation_names": [t.to_dict() for t in record.situation_texts()],
        "started_at": _ts(lineup.started_at),
        "finished_at": _ts(lineup.finished_at),
        "saved": lineup.finished,
        "observed": record.observed,
        "fault_count": len(record.faults),
        "fault_points": record.fault_points,
        "passed": record.passed,
        "faults": [
            {
                "item_id": f.item.id,
                "set_id": f.set_id,
                "text": f.item.text.to_dict(),
                "severity": f.item.severity.value,
                "note": f.note,
                "photo": f.photo,
            }
            for f in record.faults
        ],
        "notes": [{"item_id": item.id, "note": note} for item, note in record.notes],
        "changes": record.changes,
    }


def run_list(args: argparse.Namespace) -> int:
    """list the observations, newest first

    List the observations, newest first: id, date, time, observer, employee, department, situations,
    items observed, faults and whether saved.
    """
    if args.start and args.end and args.start > args.end:
        raise CommandError(f"observation list: --from {args.start} is after --to {args.end}")
    with open_store(args, read_only=True) as store:
        employee_id = None
        if args.employee:
            employee = store.employee_by_no(args.employee)
            if employee is None:
                raise CommandError(
                    f"there is no employee number {args.employee} (see 'inspector roster list')"
                )
            employee_id = employee.id
        records = list_observations(store, start=args.start, end=args.end, employee_id=employee_id)
    if args.json:
        print(json.dumps([observation_dict(r) for r in records], ensure_ascii=False, indent=2))
        return 0
    if not records:
        print("No observations.")
        return 0
    rows = [
        (
            r.id,
            r.lineup.day.isoformat(),
            f"{r.lineup.started_at:%H:%M}",
            r.observer,
            r.employee.employee_no,
            r.employee.name,
            r.lineup.department or "–",
            ", ".join(r.situations),
            r.observed,
            len(r.faults),
            "yes" if r.lineup.finished else "no",
        )
        for r in records
    ]
    headers = (
        "id", "date", "time", "observer", "employee no", "name", "department", "situations",
        "observed", "faults", "saved",
    )  # fmt: skip
    print(format_table(headers, rows))
    return 0


def run_show(args: argparse.Namespace) -> int:
    """show one observation: situations and faults

    Show one observation by its ID: who, when, the situations and the faults.
    """
    with open_store(args, read_only=True) as store:
        try:
            record = read_observation(store, args.observation_id)
        except NotFoundError:
            raise CommandError(
                f"there is no observation {args.observation_id} (see 'inspector observation list')"
            ) from None
        except NotAnObservation:
            raise CommandError(
                f"{args.observation_id} is a line-up, not an observation "
                f"(see 'inspector lineup show {args.observation_id}')"
            ) from None
    if args.json:
        print(json.dumps(observation_dict(record), ensure_ascii=False, indent=2))
        return 0
    print(_render(record))
    return 0


def _render(record: ObservationRecord) -> str:
    lineup, employee = record.lineup, record.employee
    situations = ", ".join(f"{situation_text(s).en} ({s})" for s in record.situations)
    saved = _ts(lineup.finished_at) or "not saved"
    lines = [
        f"Observation {record.id}: {lineup.day.isoformat()} {lineup.started_at:%H:%M}",
        f"Observer: {record.observer}   Saved: {saved}",
        f"Employee: {employee.employee_no} {employee.name}   "
        f"Department: {lineup.department or '–'}   Site: {lineup.site or '–'}",
        f"Situations: {situations}",
        f"Observed: {record.observed}   Faults: {len(record.faults)}   "
        f"Fault points: {record.fault_points}"
        + (f"   Changes after saving: {record.changes}" if record.changes else ""),
    ]
    if record.faults:
        lines.append("")
        for f in record.faults:
            note = f"  – {f.note}" if f.note else ""
            lines.append(f"  fail  {f.item.id}  {f.item.text.zh} / {f.item.text.en}{note}")
    elif lineup.finished:
        lines.append("No fault observed.")
    for item, note in record.notes:
        lines.append(f"  note  {item.id}  {note}")
    return "\n".join(lines)
