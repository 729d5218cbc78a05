"""Every query behind the printed reports and the monthly export.

The figures are SQL aggregations of the counts stored on each completed inspection
(applicable, passed, failed, critical_failed, fault_points: the same numbers the screens
show); only the marks a report lists word for word (faults of one line-up or one employee)
are read one by one. Item wording comes from the checklist version each line-up was judged
against (``checklist_versions.content``), never from today's checklist files.

Scope of a month: line-ups whose day falls in the month; with a department, the people of that
department (``employees.department``) in those line-ups. Every figure counts one inspection type
(by default ``lineup``): a floor observation never moves a line-up figure.

The queries go through the Store's public read API (``Store.query``, ``Store.query_one``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from inspector.domain.attendance import counts_as_inspected, person_status
from inspector.domain.checklist import Catalogue, ChecklistSet, InspectionType
from inspector.domain.lineup import Attendance, Result
from inspector.domain.reports import (
    DEFAULT_REPEAT_THRESHOLD,
    DailyPoint,
    DepartmentRow,
    EmployeeRecordData,
    EmployeeRow,
    FaultCount,
    LineupSheetData,
    MarkLine,
    MonthlyPackData,
    MonthRow,
    RecordEntry,
    RepeatOffender,
    SheetPerson,
    Tally,
    VersionUsed,
    month_start,
    next_month,
    previous_month,
)
from inspector.domain.summary import summarise
from inspector.domain.text import Text
from inspector.storage import seal
from inspector.storage.errors import NotFoundError
from inspector.storage.store import Store


class NoReportData(NotFoundError):
    """Nothing to report: an unknown line-up or employee, or a month without line-ups."""


# -- shared SQL fragments ---------------------------------------------------------------------

# The SQL form of domain.attendance.counts_as_inspected.
INSPECTED_SQL = "(i.completed_at IS NOT NULL AND i.attendance IN ('present', 'late'))"

_TALLY = f"""
    sum({INSPECTED_SQL}) AS inspections,
    sum(i.attendance = 'absent') AS absent,
    sum(i.attendance = 'leave') AS on_leave,
    sum(i.attendance = 'late') AS late,
    sum(i.applicable) AS applicable,
    sum(i.passed) AS passed,
    sum(i.failed) AS failed,
    sum(i.critical_failed) AS critical_failed,
    sum(i.fault_points) AS fault_points"""


def _scope(department: str | None, *, employees: bool = False, marks: bool = False) -> str:
    """FROM and WHERE of a month's inspections (parameters :start, :end, :department,
    :inspection_type): the line-ups of the month of that type and, with a department, its
    people's inspections. The employees are joined only when a query needs them (their
    department or names)."""
    parts = ["FROM lineups l", "JOIN inspections i ON i.lineup_id = l.id"]
    if employees or department:
        parts.append("JOIN employees e ON e.id = i.employee_id")
    if marks:
        parts.append("JOIN marks m ON m.inspection_id = i.id")
    parts.append("WHERE l.day >= :start AND l.day < :end AND l.inspection_type = :inspection_type")
    if department:
        parts.append("AND e.department = :department")
    return " ".join(parts)


def _tally(row: Mapping) -> Tally:
    def n(key: str) -> int:
        return int(row.get(key) or 0)

    return Tally(
        inspections=n("inspections"),
        absent=n("absent"),
        leave=n("on_leave"),
        late=n("late"),
        applicable=n("applicable"),
        passed=n("passed"),
        failed=n("failed"),
        critical_failed=n("critical_failed"),
        fault_points=n("fault_points"),
    )


def company_name(store: Store) -> Text:
    """The company name of the settings: ``company_name`` (zh), ``company_name_en`` (en)."""
    settings = store.settings()
    zh = settings.get("company_name", "").strip()
    en = settings.get("company_name_en", "").strip()
    return Text(zh or en, en or zh)


def repeat_threshold(store: Store) -> int:
    """The setting ``repeat_threshold`` (default 3; at least 2)."""
    raw = store.get_setting("repeat_threshold", "")
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_REPEAT_THRESHOLD
    return max(2, value)


def _item_texts(
    store: Store, version_ids: Iterable[int]
) -> dict[tuple[int, str], tuple[Text, str]]:
    """(version row id, item id) -> (wording, severity), read from the recorded versions."""
    ids = sorted({int(v) for v in version_ids if v is not None})
    if not ids:
        return {}
    rows = store.query(
        "SELECT v.id AS version_id, json_extract(item.value, '$.id') AS item_id, "
        "json_extract(item.value, '$.text.zh') AS zh, "
        "json_extract(item.value, '$.text.en') AS en, "
        "json_extract(item.value, '$.severity') AS severity "
        "FROM checklist_versions v, json_each(v.content, '$.items') AS item "
        f"WHERE v.id IN ({','.join('?' * len(ids))})",
        ids,
    )
    return {
        (r["version_id"], r["item_id"]): (Text(r["zh"] or "", r["en"] or ""), r["severity"] or "")
        for r in rows
    }


def _wording(
    texts: Mapping[tuple[int, str], tuple[Text, str]], version_id: int | None, item_id: str
) -> tuple[Text, str]:
    found = texts.get((version_id, item_id)) if version_id is not None else None
    if found is None:  # not in that version (should not happen): the latest wording known
        found = next((texts[key] for key in sorted(texts, reverse=True) if key[1] == item_id), None)
    return found if found is not None else (Text(item_id, item_id), "")


def _version(row: Mapping) -> VersionUsed:
    return VersionUsed(
        set_id=row["set_id"],
        version=int(row["version"]),
        content_hash=row["content_hash"],
        title=Text(row["title_zh"] or row["set_id"], row["title_en"] or row["set_id"]),
        lineups=int(row.get("lineups") or 0),
    )


_VERSION_COLUMNS = (
    "v.set_id, v.version, v.content_hash, "
    "json_extract(v.content, '$.title.zh') AS title_zh, "
    "json_extract(v.content, '$.title.en') AS title_en, "
    "count(DISTINCT lc.lineup_id) AS lineups"
)


# -- line-up sheet ----------------------------------------------------------------------------


def lineup_sheet_data(store: Store, lineup_id: int) -> LineupSheetData:
    try:
        lineup = store.get_lineup(lineup_id)
    except NotFoundError:
        raise NoReportData(f"there is no line-up with id {lineup_id}") from None
    if lineup.inspection_type is not InspectionType.LINEUP:
        raise NoReportData(f"{lineup_id} is a floor observation, not a line-up: it has no sheet")
    versions = store.query(
        f"SELECT v.id AS version_id, {_VERSION_COLUMNS} FROM lineup_checklists lc "
        "JOIN checklist_versions v ON v.id = lc.checklist_version_id "
        "WHERE lc.lineup_id = ? GROUP BY v.id ORDER BY v.set_id, v.version",
        (lineup_id,),
    )
    people = store._query(
        "SELECT i.*, e.employee_no, e.name, e.department FROM inspections i "
        "JOIN employees e ON e.id = i.employee_id WHERE i.lineup_id = ? ORDER BY i.position",
        (lineup_id,),
    )
    # Faults and notes; N/A marks without a note only change the counts.
    marks = store.query(
        "SELECT m.inspection_id, m.item_id, m.checklist_version_id, m.result, m.note "
        "FROM marks m JOIN inspections i ON i.id = m.inspection_id "
        "WHERE i.lineup_id = ? AND (m.result = 'fail' OR m.note != '') "
        "ORDER BY i.position, m.checklist_version_id, m.item_id",
        (lineup_id,),
    )
    texts = _item_texts(store, (v["version_id"] for v in versions))
    order = _item_order(store, lineup_id)
    by_inspection: dict[int, list[MarkLine]] = {}
    for m in marks:
        text, severity = _wording(texts, m["checklist_version_id"], m["item_id"])
        by_inspection.setdefault(m["inspection_id"], []).append(
            MarkLine(m["item_id"], text, severity, Result(m["result"]), m["note"])
        )
    rows = []
    for p in people:
        inspected = counts_as_inspected(
            Attendance(p["attendance"]) if p["attendance"] else None, p["completed_at"]
        )
        lines = sorted(
            by_inspection.get(p["id"], []) if inspected else [],
            key=lambda line: (line.result is not Result.FAIL, order.get(line.item_id, 1 << 30)),
        )
        rows.append(
            SheetPerson(
                position=p["position"] + 1,
                employee_no=p["employee_no"],
                name=p["name"],
                department=p["department"],
                attendance=Attendance(p["attendance"]) if p["attendance"] else None,
                status=person_status(p["attendance"], p["completed_at"], p["failed"]),
                applicable=p["applicable"],
                passed=p["passed"],
                failed=p["failed"],
                critical_failed=p["critical_failed"],
                fault_points=p["fault_points"],
                marks=tuple(lines),
            )
        )
    # The figures: the same computation as the summary screen and ``inspector lineup show``.
    inspections = store.inspections_for(lineup_id)
    summary = summarise(
        lineup,
        inspections,
        {i.employee_id: store.get_employee(i.employee_id) for i in inspections},
        [s for _, s in store.lineup_checklists(lineup_id)],
        store.marks_for_lineup(lineup_id),
    )
    tally = Tally(
        inspections=summary.inspected,
        absent=summary.absent,
        leave=summary.leave,
        late=summary.late,
        applicable=summary.applicable,
        passed=summary.passed,
        failed=summary.faults,
        critical_failed=summary.critical_faults,
        fault_points=summary.fault_points,
    )
    return LineupSheetData(
        company=company_name(store),
        lineup=lineup,
        versions=tuple(_version(v) for v in versions),
        people=tuple(rows),
        tally=tally,
        seal=seal.seal_for_lineup(store, lineup_id),
    )


def _item_order(store: Store, lineup_id: int) -> dict[str, int]:
    """Item id -> its place in the line-up's checklists, to list faults in checklist order."""
    order: dict[str, int] = {}
    for _, checklist in store.lineup_checklists(lineup_id):
        for item in checklist.items:
            order.setdefault(item.id, len(order))
    return order


# -- employee record --------------------------------------------------------------------------


def employee_record_data(
    store: Store,
    employee_no: str,
    start: date,
    end: date,
    *,
    roles: Mapping[str, Text] | None = None,
    inspection_type: InspectionType = InspectionType.LINEUP,
) -> EmployeeRecordData:
    """One employee's line-ups from ``start`` to ``end`` (both included). Only the marks of
    inspections that count (``INSPECTED_SQL``) are listed or counted as faults: an absent
    person's marks never count."""
    employee = store.employee_by_no(employee_no)
    if employee is None:
        raise NoReportData(f"there is no employee with number {employee_no}")
    if end < start:
        raise NoReportData(f"the period ends ({end}) before it starts ({start})")
    params = {
        "emp": employee.id,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "inspection_type": inspection_type.value,
    }
    scope = (
        "JOIN lineups l ON l.id = i.lineup_id WHERE i.employee_id = :emp "
        "AND l.day >= :start AND l.day <= :end AND l.inspection_type = :inspection_type"
    )
    entries = store.query(
        "SELECT l.id AS lineup_id, l.day, l.shift, l.site, l.department, l.supervisor, "
        "i.id AS inspection_id, i.attendance, i.completed_at, i.applicable, i.passed, i.failed, "
        f"i.critical_failed, i.fault_points FROM inspections i {scope} "
        "ORDER BY l.day, l.started_at, l.id",
        params,
    )
    # Faults first, then notes; each in the order of the checklist version it was judged by.
    marks = store.query(
        "SELECT m.inspection_id, m.item_id, m.checklist_version_id, m.result, m.note "
        f"FROM marks m JOIN inspections i ON i.id = m.inspection_id {scope} "
        f"AND {INSPECTED_SQL} AND (m.result = 'fail' OR m.note != '') "
        "ORDER BY m.inspection_id, m.result != 'fail', m.checklist_version_id, "
        "(SELECT CAST(item.key AS INTEGER) FROM checklist_versions v, "
        "json_each(v.content, '$.items') AS item WHERE v.id = m.checklist_version_id "
        "AND json_extract(item.value, '$.id') = m.item_id), m.item_id",
        params,
    )
    faults = store.query(
        "SELECT m.item_id, count(*) AS times, max(l.day) AS last_day, "
        "max(m.checklist_version_id) AS version_id "
        f"FROM marks m JOIN inspections i ON i.id = m.inspection_id {scope} "
        f"AND {INSPECTED_SQL} AND m.result = 'fail' "
        "GROUP BY m.item_id ORDER BY times DESC, last_day DESC, m.item_id",
        params,
    )
    months = store.query(
        f"SELECT substr(l.day, 1, 7) AS month, {_TALLY} FROM inspections i {scope} "
        "GROUP BY month ORDER BY month",
        params,
    )
    total = store.query(f"SELECT {_TALLY} FROM inspections i {scope}", params)[0]
    texts = _item_texts(
        store,
        [m["checklist_version_id"] for m in marks] + [f["version_id"] for f in faults],
    )
    by_inspection: dict[int, list[MarkLine]] = {}
    for m in marks:
        text, severity = _wording(texts, m["checklist_version_id"], m["item_id"])
        by_inspection.setdefault(m["inspection_id"], []).append(
            MarkLine(m["item_id"], text, severity, Result(m["result"]), m["note"])
        )
    role = (roles or {}).get(employee.role) or Text(employee.role, employee.role)
    return EmployeeRecordData(
        company=company_name(store),
        employee=employee,
        role=role,
        start=start,
        end=end,
        tally=_tally(total),
        entries=tuple(
            RecordEntry(
                lineup_id=r["lineup_id"],
                day=date.fromisoformat(r["day"]),
                shift=r["shift"],
                site=r["site"],
                department=r["department"],
                supervisor=r["supervisor"],
                attendance=Attendance(r["attendance"]) if r["attendance"] else None,
                status=person_status(r["attendance"], r["completed_at"], r["failed"]),
                applicable=r["applicable"],
                passed=r["passed"],
                failed=r["failed"],
                critical_failed=r["critical_failed"],
                fault_points=r["fault_points"],
                marks=tuple(by_inspection.get(r["inspection_id"], ())),
            )
            for r in entries
        ),
        faults=tuple(
            FaultCount(
                f["item_id"],
                *_wording(texts, f["version_id"], f["item_id"]),
                count=f["times"],
                last_day=date.fromisoformat(f["last_day"]),
            )
            for f in faults
        ),
        months=tuple(MonthRow(date.fromisoformat(f"{r['month']}-01"), _tally(r)) for r in months),
        repeat_threshold=repeat_threshold(store),
    )


# -- monthly pack -----------------------------------------------------------------------------


def _month_params(month: date, department: str | None, inspection_type: InspectionType) -> dict:
    return {
        "start": month.isoformat(),
        "end": next_month(month).isoformat(),
        "department": department or None,
        "inspection_type": inspection_type.value,
    }


def lineup_count(
    store: Store,
    month: date,
    department: str | None = None,
    *,
    inspection_type: InspectionType = InspectionType.LINEUP,
) -> int:
    """Line-ups of the month (with a department: those its people stood in)."""
    row = store.query_one(
        f"SELECT count(DISTINCT l.id) AS n {_scope(department)}",
        _month_params(month_start(month), department, inspection_type),
    )
    return int(row["n"]) if row else 0


def _department_tallies(
    store: Store, month: date, department: str | None, inspection_type: InspectionType
) -> dict[str, tuple[int, Tally]]:
    """Department -> (people in line-ups, summed counts) of a month."""
    rows = store.query(
        f"SELECT e.department, count(DISTINCT i.employee_id) AS staff, {_TALLY} "
        f"{_scope(department, employees=True)} GROUP BY e.department ORDER BY e.department",
        _month_params(month_start(month), department, inspection_type),
    )
    return {r["department"]: (int(r["staff"]), _tally(r)) for r in rows}


def _department_rows(
    current: dict[str, tuple[int, Tally]], before: dict[str, tuple[int, Tally]]
) -> list[DepartmentRow]:
    return [
        DepartmentRow(
            department=name,
            staff=staff,
            tally=tally,
            previous=before[name][1].compliance if name in before else None,
        )
        for name, (staff, tally) in current.items()
    ]


def department_rows(
    store: Store,
    month: date,
    department: str | None = None,
    *,
    inspection_type: InspectionType = InspectionType.LINEUP,
) -> list[DepartmentRow]:
    """A row per department, with the previous month's compliance."""
    month = month_start(month)
    return _department_rows(
        _department_tallies(store, month, department, inspection_type),
        _department_tallies(store, previous_month(month), department, inspection_type),
    )


def employee_rows(
    store: Store,
    month: date,
    department: str | None = None,
    *,
    inspection_type: InspectionType = InspectionType.LINEUP,
) -> list[EmployeeRow]:
    """Everyone in the month's line-ups, those needing attention first (critical faults, then
    fault points, then lowest compliance; no compliance at all last; then employee number)."""
    rows = store.query(
        "SELECT e.employee_no, e.name, e.department, e.site, "
        f"count(DISTINCT CASE WHEN {INSPECTED_SQL} THEN l.day END) AS days, {_TALLY} "
        f"{_scope(department, employees=True)} GROUP BY i.employee_id "
        "ORDER BY critical_failed DESC, fault_points DESC, applicable = 0, "
        "CAST(passed AS REAL) / nullif(applicable, 0), e.employee_no",
        _month_params(month_start(month), department, inspection_type),
    )
    return [
        EmployeeRow(
            employee_no=r["employee_no"],
            name=r["name"],
            department=r["department"],
            site=r["site"],
            days_inspected=int(r["days"] or 0),
            tally=_tally(r),
        )
        for r in rows
    ]


def daily_points(
    store: Store,
    month: date,
    department: str | None = None,
    *,
    inspection_type: InspectionType = InspectionType.LINEUP,
) -> list[DailyPoint]:
    rows = store.query(
        f"SELECT l.day, {_TALLY} {_scope(department)} GROUP BY l.day ORDER BY l.day",
        _month_params(month_start(month), department, inspection_type),
    )
    return [DailyPoint(date.fromisoformat(r["day"]), _tally(r)) for r in rows]


def fault_counts(
    store: Store,
    month: date,
    department: str | None = None,
    *,
    inspection_type: InspectionType = InspectionType.LINEUP,
) -> list[FaultCount]:
    """Every failed item of the month, most frequent first (failed marks of completed
    inspections of people present or late: the marks the stored ``failed`` counts)."""
    rows = store.query(
        "SELECT m.item_id, count(*) AS times, count(DISTINCT i.employee_id) AS people, "
        "max(l.day) AS last_day, max(m.checklist_version_id) AS version_id "
        f"{_scope(department, marks=True)} AND {INSPECTED_SQL} AND m.result = 'fail' "
        "GROUP BY m.item_id ORDER BY times DESC, people DESC, m.item_id",
        _month_params(month_start(month), department, inspection_type),
    )
    rows = under_reasons_in_force(store, rows)
    texts = _item_texts(store, (r["version_id"] for r in rows))
    result = []
    for r in rows:
        text, severity = _wording(texts, r["version_id"], r["item_id"])
        result.append(
            FaultCount(
                item_id=r["item_id"],
                text=text,
                severity=severity,
                count=r["times"],
                people=r["people"],
                last_day=date.fromisoformat(r["last_day"]),
            )
        )
    return result


def stored_catalogue(store: Store) -> tuple[Catalogue, dict[str, int]]:
    """The newest stored version of every set, as a Catalogue (which item replaces which),
    and the stored version id that holds each of their items."""
    newest: dict[str, tuple[int, int, str]] = {}
    for r in store.query("SELECT id, set_id, version, content FROM checklist_versions"):
        if r["set_id"] not in newest or r["version"] > newest[r["set_id"]][1]:
            newest[r["set_id"]] = (r["id"], r["version"], r["content"])
    sets, holder = [], {}
    for version_id, _version, content in newest.values():
        checklist = ChecklistSet.from_dict(json.loads(content))
        sets.append(checklist)
        holder.update({item.id: version_id for item in checklist.items})
    return Catalogue(sets=tuple(sets), roles=(), areas=()), holder


def under_reasons_in_force(store: Store, rows: Iterable[Mapping]) -> list[dict]:
    """Fault-count rows (item_id, times, last_day, version_id, people if counted) with each
    earlier version's item counted under the reason that replaces it
    (``Catalogue.canonical_reason``), so that a period spanning a change of version counts a
    fault once, under one reason. ``people`` of merged rows is their sum: someone who failed
    both the old item and its new reason in the month of the change is counted twice there."""
    rows = [dict(r) for r in rows]
    if not rows:
        return rows
    catalogue, holder = stored_catalogue(store)
    merged: dict[str, dict] = {}
    for r in rows:
        reason = catalogue.canonical_reason(r["item_id"])
        if reason != r["item_id"]:
            r = {**r, "item_id": reason, "version_id": holder.get(reason, r["version_id"])}
        if reason not in merged:
            merged[reason] = r
            continue
        into = merged[reason]
        into["times"] += r["times"]
        into["last_day"] = max(into["last_day"], r["last_day"])
        into["version_id"] = max(into["version_id"], r["version_id"])
        if "people" in into:
            into["people"] += r["people"]
    return sorted(merged.values(), key=lambda r: (-r["times"], -r.get("people", 0), r["item_id"]))


def repeat_offenders(
    store: Store,
    month: date,
    department: str | None = None,
    threshold: int | None = None,
    *,
    inspection_type: InspectionType = InspectionType.LINEUP,
) -> list[RepeatOffender]:
    """People who failed the same item ``threshold`` times or more in the month."""
    threshold = threshold or repeat_threshold(store)
    rows = store.query(
        "SELECT e.employee_no, e.name, e.department, m.item_id, count(*) AS times, "
        "max(l.day) AS last_day, max(m.checklist_version_id) AS version_id "
        f"{_scope(department, employees=True, marks=True)} AND {INSPECTED_SQL} "
        "AND m.result = 'fail' GROUP BY i.employee_id, m.item_id HAVING count(*) >= :threshold "
        "ORDER BY times DESC, e.employee_no, m.item_id",
        {**_month_params(month_start(month), department, inspection_type), "threshold": threshold},
    )
    texts = _item_texts(store, (r["version_id"] for r in rows))
    result = []
    for r in rows:
        text, severity = _wording(texts, r["version_id"], r["item_id"])
        result.append(
            RepeatOffender(
                employee_no=r["employee_no"],
                name=r["name"],
                department=r["department"],
                item_id=r["item_id"],
                text=text,
                severity=severity,
                count=r["times"],
                last_day=date.fromisoformat(r["last_day"]),
            )
        )
    return result


def versions_used(
    store: Store,
    month: date,
    department: str | None = None,
    *,
    inspection_type: InspectionType = InspectionType.LINEUP,
) -> list[VersionUsed]:
    """The checklist versions the month's line-ups (in scope) were judged against."""
    params = _month_params(month_start(month), department, inspection_type)
    rows = store.query(
        f"SELECT {_VERSION_COLUMNS} FROM lineup_checklists lc "
        "JOIN checklist_versions v ON v.id = lc.checklist_version_id "
        f"WHERE lc.lineup_id IN (SELECT DISTINCT l.id {_scope(department)}) "
        "GROUP BY v.id ORDER BY v.set_id, v.version",
        params,
    )
    return [_version(r) for r in rows]


def roster_count(store: Store, department: str | None = None) -> int:
    row = store.query_one(
        "SELECT count(*) AS n FROM employees WHERE active = 1 "
        "AND (:department IS NULL OR department = :department)",
        {"department": department or None},
    )
    return int(row["n"]) if row else 0


def monthly_pack_data(
    store: Store,
    month: date,
    department: str | None = None,
    *,
    inspection_type: InspectionType = InspectionType.LINEUP,
) -> MonthlyPackData:
    """Everything the monthly pack (and the monthly export) shows, in a handful of queries."""
    month = month_start(month)
    department = department or None
    current = _department_tallies(store, month, department, inspection_type)
    if not current:
        scope = f" for the department {department}" if department else ""
        raise NoReportData(f"there are no line-ups in {month:%Y-%m}{scope}")
    before = _department_tallies(store, previous_month(month), department, inspection_type)
    # An employee is in one department: the scope's figures are the sums of its departments'.
    staff = sum(staff for staff, _ in current.values())
    tally = Tally.total(t for _, t in current.values())
    previous = Tally.total(t for _, t in before.values())
    threshold = repeat_threshold(store)
    month_seal, sealed, _ = seal.seal_for_period(
        store, month, next_month(month) - timedelta(days=1)
    )
    return MonthlyPackData(
        company=company_name(store),
        month=month,
        department=department,
        roster=roster_count(store, department),
        staff=staff,
        lineups=lineup_count(store, month, department, inspection_type=inspection_type),
        tally=tally,
        previous=previous,
        departments=tuple(_department_rows(current, before)),
        faults=tuple(fault_counts(store, month, department, inspection_type=inspection_type)),
        daily=tuple(daily_points(store, month, department, inspection_type=inspection_type)),
        repeat_threshold=threshold,
        repeat_offenders=tuple(
            repeat_offenders(store, month, department, threshold, inspection_type=inspection_type)
        ),
        employees=tuple(employee_rows(store, month, department, inspection_type=inspection_type)),
        versions=tuple(versions_used(store, month, department, inspection_type=inspection_type)),
        seal=month_seal,
        sealed_lineups=sealed,
    )
