"""``inspector lineup``: list the line-ups, and show one with each person's status and marks.

- ``list [--json] [--limit N]``: newest first; columns id, date, shift, site, department,
  supervisor, people, done, with_faults (people inspected with a fault, as on the summary
  screen), finished;
- ``show ID | --date YYYY-MM-DD [--shift S] [--json]``: the header, then each person in line-up
  order: position, employee number, name, status (todo, all_pass, faults, absent, leave; late
  is a flag) and the explicit marks (item id, result, note); then the changes made after
  finishing (the change log: when, who, why, the person, before and after).

JSON is for scripts: ``list --json`` is an array of line-ups, ``show ID --json`` one line-up
object, ``show --date D --json`` an array of every matching line-up (even if only one).
Positions are counted from 1, as on the line-up screen. The figures (inspected, all_pass,
with_faults, absent, leave, late, not_inspected, faults = failed items of the people
inspected, ...) are those of the summary screen and the day's sheet: one computation,
``inspector.domain.summary.summarise``. ``show --json`` has ``changes``: each change after
finishing with id, time, author, reason, employee (inspection id, position, number, name),
item_id (null: attendance or inspection), what, before and after (the change log's stored
values) and before_text / after_text (worded, zh and en); each person lists the ids of the
changes to them.
"""

from __future__ import annotations

import argparse
import json

from inspector.cli import CommandError
from inspector.cli.arguments import (
    DATABASE,
    JSON,
    LINEUP_ID,
    SHIFT_OF_DATE,
    command,
    group,
    on_date,
    option,
)
from inspector.cli.common import day_value, format_table, limit_count, open_store
from inspector.cli.recheck_cmd import lineup_follow_ups, status_word
from inspector.domain.attendance import counts_as_inspected
from inspector.domain.changes import ChangeLine
from inspector.domain.checklist import ChecklistSet
from inspector.domain.figures import pass_rate
from inspector.domain.follow_ups import FaultStatus
from inspector.domain.lineup import Attendance, Inspection, Lineup, Mark
from inspector.domain.people import Employee
from inspector.domain.summary import LineupSummary
from inspector.services.changes import by_inspection, lineup_changes
from inspector.services.lineup_session import counts, summary_of
from inspector.storage import Store
from inspector.storage.errors import NotFoundError


@group("lineup")
def register(actions: argparse._SubParsersAction) -> None:
    """list the line-ups, or show one with everyone's marks

    List the line-ups, or show one with each person's status and marks.
    """
    command(
        actions,
        "list",
        run_list,
        JSON,
        option("--limit", type=limit_count, metavar="N", help="only the newest N line-ups"),
        DATABASE,
    )
    command(
        actions,
        "show",
        run_show,
        LINEUP_ID,
        on_date("the line-up of this date", type=day_value),
        SHIFT_OF_DATE,
        JSON,
        DATABASE,
    )


# -- building the data (shared by the text and JSON output) ----------------------------------


def _ts(value) -> str | None:
    return value.isoformat(sep=" ") if value else None


def lineup_summary(lineup: Lineup, summary: LineupSummary) -> dict:
    figures = counts(summary)
    return {
        "id": lineup.id,
        "date": lineup.day.isoformat(),
        "shift": lineup.shift,
        "site": lineup.site,
        "department": lineup.department,
        "supervisor": lineup.supervisor,
        "inspection_type": lineup.inspection_type.value,
        "started_at": _ts(lineup.started_at),
        "finished_at": _ts(lineup.finished_at),
        "finished": lineup.finished,
        **figures,
        "done": summary.total - summary.not_inspected,
        "todo": summary.not_inspected,
        "people_with_faults": summary.with_faults,
        "pass_rate": summary.pass_rate,
    }


def _pass_rate(inspections: list[Inspection]) -> float | None:
    """合格率 (domain.figures.pass_rate): people inspected with no fault ÷ people inspected."""
    inspected = [i for i in inspections if counts_as_inspected(i.attendance, i.completed_at)]
    return pass_rate(sum(1 for i in inspected if not i.failed), len(inspected))


def _mark_dict(mark: Mark, items: dict, follow_up: dict | None = None) -> dict:
    item = items.get(mark.item_id)
    extra = {"follow_up": follow_up} if follow_up is not None else {}
    return {
        **extra,
        "item_id": mark.item_id,
        "result": mark.result.value,
        "note": mark.note,
        "photo": mark.photo,
        "text": item.text.to_dict() if item else None,
        "severity": item.severity.value if item else None,
        "marked_at": _ts(mark.marked_at),
    }


def change_dict(line: ChangeLine) -> dict:
    """One change after finishing: who, when, why, the person, and what was before and after
    (the stored values, and worded in both languages)."""
    return {
        "id": line.id,
        "time": _ts(line.changed_at),
        "author": line.changed_by,
        "reason": line.reason,
        "employee": {
            "inspection_id": line.inspection_id,
            "position": line.position,
            "employee_no": line.employee_no,
            "name": line.name,
        },
        "item_id": line.item_id,
        "what": line.what.to_dict(),
        "before": dict(line.before_values),
        "after": dict(line.after_values),
        "before_text": line.before.to_dict(),
        "after_text": line.after.to_dict(),
    }


def lineup_detail(store: Store, lineup: Lineup, employees: dict[int, Employee]) -> dict:
    summary = summary_of(store, lineup.id, employees=employees)
    changes = lineup_changes(store, lineup.id)
    changed = by_inspection(changes)
    inspections = store.inspections_for(lineup.id)
    marks = store.marks_for_lineup(lineup.id)
    sets: list[tuple[int, ChecklistSet]] = store.lineup_checklists(lineup.id)
    items = {item.id: item for _, s in sets for item in s.items}
    follow_ups = lineup_follow_ups(store, lineup.id)
    people = []
    for inspection in inspections:
        employee = employees.get(inspection.employee_id)
        people.append(
            {
                "position": inspection.position + 1,
                "inspection_id": inspection.id,
                "employee_id": inspection.employee_id,
                "employee_no": employee.employee_no if employee else "",
                "name": employee.name if employee else "",
                "status": inspection.status.value,
                "attendance": inspection.attendance.value if inspection.attendance else None,
                "late": inspection.attendance is Attendance.LATE,
                "completed_at": _ts(inspection.completed_at),
                "applicable": inspection.applicable,
                "passed": inspection.passed,
                "failed": inspection.failed,
                "critical_failed": inspection.critical_failed,
                "fault_points": inspection.fault_points,
                "pass_rate": _pass_rate([inspection]),
                "marks": [
                    _mark_dict(m, items, follow_ups.get((inspection.id, m.item_id)))
                    for m in marks.get(inspection.id, [])
                ],
                "changes": [c.id for c in changed.get(inspection.id, ())],
            }
        )
    return {
        **lineup_summary(lineup, summary),
        "fault_counts": [{"item_id": f.item.id, "people": f.count} for f in summary.fault_counts],
        "checklists": [
            {"set_id": s.id, "version": s.version, "content_hash": s.content_hash()}
            for _, s in sets
        ],
        "inspections": people,
        "changes": [change_dict(c) for c in changes],
    }


# -- commands --------------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    """list the line-ups, newest first

    List the line-ups, newest first: id, date, shift, site, department, supervisor, people, done,
    with_faults (people with a fault) and whether finished.
    """
    with open_store(args, read_only=True) as store:
        lineups = store.list_lineups(limit=args.limit)
        employees = {e.id: e for e in store.list_employees()}
        summaries = [
            lineup_summary(lu, summary_of(store, lu.id, employees=employees)) for lu in lineups
        ]
    if args.json:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print("No line-ups yet.")
        return 0
    rows = [
        (
            s["id"],
            s["date"],
            s["shift"],
            s["site"],
            s["department"] or "–",
            s["supervisor"],
            s["people"],
            s["done"],
            s["with_faults"],
            "yes" if s["finished"] else "no",
        )
        for s in summaries
    ]
    headers = (
        "id", "date", "shift", "site", "department", "supervisor", "people", "done",
        "with_faults", "finished",
    )  # fmt: skip
    print(format_table(headers, rows))
    return 0


def _choices(lineups: list[Lineup]) -> str:
    return "\n".join(
        f"  {lu.id}  {lu.shift}  {lu.site}  {lu.department or '–'}  {lu.supervisor}"
        for lu in lineups
    )


def run_show(args: argparse.Namespace) -> int:
    """show one line-up: each person's status and marks

    Show a line-up by its ID, or the line-up of a date (--date, with --shift if there are several).
    With --json and --date, every line-up of that date is printed.
    """
    if (args.lineup_id is None) == (args.date is None):
        raise CommandError("lineup show: give a line-up ID or --date YYYY-MM-DD (not both)")
    if args.shift is not None and args.date is None:
        raise CommandError("lineup show: --shift goes with --date")
    with open_store(args, read_only=True) as store:
        if args.lineup_id is not None:
            try:
                lineups = [store.get_lineup(args.lineup_id)]
            except NotFoundError:
                raise CommandError(
                    f"there is no line-up {args.lineup_id} (see 'inspector lineup list')"
                ) from None
        else:
            lineups = store.lineups_on(args.date, args.shift)
            shift = f" ({args.shift})" if args.shift else ""
            if not lineups:
                raise CommandError(f"there are no line-ups on {args.date}{shift}")
            if len(lineups) > 1 and not args.json:
                raise CommandError(
                    f"there are {len(lineups)} line-ups on {args.date}{shift}; "
                    f"give one ID (inspector lineup show ID):\n{_choices(lineups)}"
                )
        employees = {e.id: e for e in store.list_employees()}
        details = [lineup_detail(store, lu, employees) for lu in lineups]
    if args.json:
        payload = details if args.date is not None else details[0]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(_render(details[0]))
    return 0


def _render(detail: dict) -> str:
    place = " / ".join(p for p in (detail["site"], detail["department"]) if p)
    finished = detail["finished_at"] or "not finished"
    lines = [
        f"Line-up {detail['id']}: {detail['date']} {detail['shift']} {place}".rstrip(),
        f"Supervisor: {detail['supervisor'] or '–'}   Started: {detail['started_at']}   "
        f"Finished: {finished}",
        f"People: {detail['people']}   Inspected: {detail['inspected']}   "
        f"All pass: {detail['all_pass']}   With faults: {detail['with_faults']}   "
        f"Absent: {detail['absent']}   Leave: {detail['leave']}   Late: {detail['late']}   "
        f"Not inspected: {detail['not_inspected']}   Faults: {detail['faults']}",
        "",
    ]
    rows = []
    for person in detail["inspections"]:
        status = person["status"] + (" (late)" if person["late"] else "")
        rows.append((person["position"], person["employee_no"], person["name"], status))
    table = format_table(("#", "employee no", "name", "status"), rows).splitlines()
    lines.append(table[0])
    for line, person in zip(table[1:], detail["inspections"], strict=True):
        lines.append(line)
        for mark in person["marks"]:
            note = f"  {mark['note']}" if mark["note"] else ""
            follow = mark.get("follow_up")
            state = (
                f"  [{status_word(FaultStatus(follow['status']), 'en')}, {follow['id']}]"
                if follow
                else ""
            )
            lines.append(f"      {mark['result']:<4} {mark['item_id']}{note}{state}")
    if detail["changes"]:
        lines += ["", "Changes after finishing:"]
        for change in detail["changes"]:
            person = change["employee"]
            lines.append(
                f"  {change['time']}  {person['employee_no']} {person['name']}: "
                f"{change['what']['en']}: {change['before_text']['en']} -> "
                f"{change['after_text']['en']}  ({change['reason']}; by {change['author']})"
            )
    return "\n".join(lines)
