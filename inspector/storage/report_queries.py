"""Every query behind the printed reports and the monthly export.

The figures are SQL aggregations of the counts stored on each completed inspection
(applicable, passed, failed, critical_failed, fault_points: the same numbers the screens
show); only the marks a report lists word for word (faults of one line-up or one employee)
are read one by one. Item wording comes from the checklist version each line-up was judged
against (``checklist_versions.content``), never from today's checklist files.

Scope of a month: line-ups whose day falls in the month; with a department, the people who
stood in those line-ups as members of that department. People are printed with the identity
each inspection recorded when they were added to the line-up (``inspections.identity_id``:
the number, name, department, role and sex that the seal covers), not today's roster. Every
figure counts one inspection type (by default ``lineup``): a floor observation never moves a
line-up figure.

The queries go through the Store's public read API (``Store.query``, ``Store.query_one``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

from inspector.domain import figures
from inspector.domain.attendance import counts_as_inspected, person_status
from inspector.domain.changes import ChangeLine, describe
from inspector.domain.checklist import Catalogue, ChecklistSet, InspectionType, Severity
from inspector.domain.figures import DEFAULT_REPEAT_THRESHOLD, LadderStep, ScoringRules
from inspector.domain.follow_ups import FollowUpTally, follow_up_of, tally_follow_ups
from inspector.domain.lineup import Attendance, Result
from inspector.domain.observations import (
    SITUATIONS,
    ObservationMonth,
    ObservationTally,
    ObservedPerson,
)
from inspector.domain.reports import (
    DailyPoint,
    EmployeeRecordData,
    EmployeeRow,
    FaultCount,
    GroupRow,
    LadderEntry,
    LineupSheetData,
    MarkLine,
    MonthlyPackData,
    MonthRow,
    RecordEntry,
    SheetPerson,
    SupervisorRow,
    Tally,
    TrendSeries,
    VersionUsed,
    month_start,
    next_month,
    previous_month,
)
from inspector.domain.summary import summarise
from inspector.domain.text import Text
from inspector.storage import follow_ups, seal
from inspector.storage.errors import NotFoundError
from inspector.storage.rows import period
from inspector.storage.store import ChangeRecord, Store


class NoReportData(NotFoundError):
    """Nothing to report: an unknown line-up or employee, or a month without line-ups."""


# -- shared SQL fragments ---------------------------------------------------------------------

TREND_MONTHS = 12  # the trend chart's months
_DEPARTMENT = "d.department"  # a person's department: the one recorded on the day

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
    sum(i.fault_points) AS fault_points,
    sum({INSPECTED_SQL} AND i.failed = 0) AS clean"""


def _scope(
    department: str | None,
    *,
    employees: bool = False,
    people: bool = False,
    marks: bool = False,
    site: str | None = None,
) -> str:
    """FROM and WHERE of a month's inspections (parameters :start, :end, :department, :site,
    :inspection_type): the line-ups of the month of that type (with a site: held there) and,
    with a department, the people who were in it on the day of the line-up. The roster (``e``)
    and the identities the inspections recorded (``d``) are joined only when a query needs
    them."""
    parts = ["FROM lineups l", "JOIN inspections i ON i.lineup_id = l.id"]
    if employees:
        parts.append("JOIN employees e ON e.id = i.employee_id")
    if people or employees or department:
        parts.append("JOIN identities d ON d.id = i.identity_id")
    if marks:
        parts.append("JOIN marks m ON m.inspection_id = i.id")
    parts.append("WHERE l.day >= :start AND l.day < :end AND l.inspection_type = :inspection_type")
    if department:
        # The people who were ever in the department first (an index), then the department
        # each had on the day of the line-up.
        parts.append(
            "AND i.employee_id IN (SELECT employee_id FROM identities "
            "WHERE department = :department) AND d.department = :department"
        )
    if site:
        parts.append("AND l.site = :site")
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Scope:
    """The inspections a figure counts: the line-ups of one type from ``start`` to ``end``
    (excluded), held at ``site`` (None: all) and, with a department, the people who were in it
    on the day of the line-up."""

    start: date
    end: date
    department: str | None = None
    site: str | None = None
    inspection_type: InspectionType = InspectionType.LINEUP

    @classmethod
    def of_month(
        cls,
        month: date,
        department: str | None = None,
        *,
        site: str | None = None,
        inspection_type: InspectionType = InspectionType.LINEUP,
    ) -> Scope:
        start = month_start(month)
        return cls(start, next_month(start), department or None, site or None, inspection_type)

    def between(self, start: date, end: date) -> Scope:
        """The same people and line-ups in another period (``end`` excluded)."""
        return replace(self, start=start, end=end)

    @property
    def params(self) -> dict:
        """The parameters of ``sql``: :start, :end, :department, :site, :inspection_type."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "department": self.department,
            "site": self.site,
            "inspection_type": self.inspection_type.value,
        }

    def sql(self, *, employees: bool = False, people: bool = False, marks: bool = False) -> str:
        """FROM and WHERE of the scope's inspections (``_scope``)."""
        return _scope(
            self.department, employees=employees, people=people, marks=marks, site=self.site
        )

    def rows(
        self, store: Store, columns: str, rest: str = "", *, employees: bool = False
    ) -> list[dict]:
        """``SELECT columns`` from the scope's inspections, then ``rest`` (more conditions,
        GROUP BY)."""
        return store.query(f"SELECT {columns} {self.sql(employees=employees)}{rest}", self.params)


Figure = TypeVar("Figure")


def month_figure(query: Callable[..., Figure]) -> Callable[..., Figure]:
    """A figure of one month, called as ``query(store, month, department=None, *, site=None,
    inspection_type=LINEUP, ...)``, or with a ``Scope`` in place of the month; ``query``
    itself takes the store and the ``Scope``."""

    @functools.wraps(query)
    def figure(
        store: Store,
        month: date | Scope,
        department: str | None = None,
        *,
        site: str | None = None,
        inspection_type: InspectionType = InspectionType.LINEUP,
        **more: object,
    ) -> Figure:
        if not isinstance(month, Scope):
            month = Scope.of_month(month, department, site=site, inspection_type=inspection_type)
        return query(store, month, **more)

    return figure


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
        clean=n("clean"),
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


def _stored_items(store: Store, version_ids: Iterable[int], **paths: str) -> list[dict]:
    """The items of the recorded checklist versions: version_id, item_id and, for each name of
    ``paths``, the value at that JSON path of the item (e.g. ``severity="$.severity"``)."""
    ids = sorted({int(v) for v in version_ids if v is not None})
    if not ids:
        return []
    values = "".join(
        f", json_extract(item.value, '{path}') AS {name}" for name, path in paths.items()
    )
    return store.query(
        f"SELECT v.id AS version_id, json_extract(item.value, '$.id') AS item_id{values} "
        "FROM checklist_versions v, json_each(v.content, '$.items') AS item "
        f"WHERE v.id IN ({','.join('?' * len(ids))})",
        ids,
    )


def _item_texts(
    store: Store, version_ids: Iterable[int]
) -> dict[tuple[int, str], tuple[Text, str]]:
    """(version row id, item id) -> (wording, severity), read from the recorded versions."""
    rows = _stored_items(store, version_ids, zh="$.text.zh", en="$.text.en", severity="$.severity")
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


def _mark_lines(
    texts: Mapping[tuple[int, str], tuple[Text, str]], marks: Iterable[Mapping]
) -> dict[int, list[MarkLine]]:
    """Marks (rows with ``inspection_id``, ``item_id``, ``checklist_version_id``, ``result``
    and ``note``) worded as judged, by inspection id, in the rows' order."""
    by_inspection: dict[int, list[MarkLine]] = {}
    for m in marks:
        text, severity = _wording(texts, m["checklist_version_id"], m["item_id"])
        by_inspection.setdefault(m["inspection_id"], []).append(
            MarkLine(m["item_id"], text, severity, Result(m["result"]), m["note"])
        )
    return by_inspection


def worded(store: Store, rows: Sequence[Mapping]) -> Iterator[tuple[Mapping, Text, str]]:
    """Each row (with ``item_id`` and ``version_id``) with the item's wording and severity in
    the checklist version it names."""
    texts = _item_texts(store, (r["version_id"] for r in rows))
    for r in rows:
        yield r, *_wording(texts, r["version_id"], r["item_id"])


def _inspection_figures(row: Mapping) -> dict:
    """One inspection's attendance, status and stored counts, as the fields of a person on a
    line-up sheet (``SheetPerson``) and of a line-up on an employee record (``RecordEntry``)."""
    return {
        "attendance": Attendance(row["attendance"]) if row["attendance"] else None,
        "status": person_status(row["attendance"], row["completed_at"], row["failed"]),
        **{key: row[key] for key in _COUNT_COLUMNS},
    }


_COUNT_COLUMNS = ("applicable", "passed", "failed", "critical_failed", "fault_points")


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
    people = store.query(
        "SELECT i.*, d.employee_no, d.name, d.department FROM inspections i "
        "JOIN identities d ON d.id = i.identity_id WHERE i.lineup_id = ? ORDER BY i.position",
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
    by_inspection = _mark_lines(texts, marks)
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
                **_inspection_figures(p),
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
    return LineupSheetData(
        company=company_name(store),
        lineup=lineup,
        versions=tuple(_version(v) for v in versions),
        people=tuple(rows),
        tally=summary.tally,
        seal=seal.seal_for_lineup(store, lineup_id),
        changes=change_lines(store, store.change_log(lineup_id)),
    )


def _in(values: Iterable) -> str:
    return ",".join("?" * len(list(values)))


def change_lines(store: Store, records: Sequence[ChangeRecord]) -> tuple[ChangeLine, ...]:
    """Change-log records worded (``domain.changes.describe``) with the person as the line-up
    recorded them and the item as the checklist version it was judged against words it."""
    if not records:
        return ()
    lineup_ids = sorted({r.lineup_id for r in records})
    inspection_ids = sorted({r.inspection_id for r in records if r.inspection_id is not None})
    days = {
        r["id"]: date.fromisoformat(r["day"])
        for r in store.query(
            f"SELECT id, day FROM lineups WHERE id IN ({_in(lineup_ids)})", lineup_ids
        )
    }
    people = {
        r["id"]: r
        for r in store.query(
            "SELECT i.id, i.position, coalesce(d.employee_no, e.employee_no) AS employee_no, "
            "coalesce(d.name, e.name) AS name FROM inspections i "
            "JOIN employees e ON e.id = i.employee_id "
            f"LEFT JOIN identities d ON d.id = i.identity_id WHERE i.id IN ({_in(inspection_ids)})",
            inspection_ids,
        )
    }
    versions: dict[int, list[int]] = {}
    for r in store.query(
        "SELECT lineup_id, checklist_version_id FROM lineup_checklists "
        f"WHERE lineup_id IN ({_in(lineup_ids)}) ORDER BY checklist_version_id",
        lineup_ids,
    ):
        versions.setdefault(r["lineup_id"], []).append(r["checklist_version_id"])
    texts = _item_texts(store, (v for ids in versions.values() for v in ids))
    lines = []
    for record in records:
        item_text = None
        if record.item_id is not None:
            found = [
                texts[(v, record.item_id)]
                for v in versions.get(record.lineup_id, ())
                if (v, record.item_id) in texts
            ]
            item_text = found[-1][0] if found else _wording(texts, None, record.item_id)[0]
        what, before, after = describe(record.before, record.after, item_text)
        person = people.get(record.inspection_id, {})
        lines.append(
            ChangeLine(
                id=record.id,
                lineup_id=record.lineup_id,
                day=days[record.lineup_id],
                inspection_id=record.inspection_id,
                position=person["position"] + 1 if person else None,
                employee_no=person.get("employee_no", ""),
                name=person.get("name", ""),
                item_id=record.item_id,
                what=what,
                before=before,
                after=after,
                reason=record.reason,
                changed_by=record.changed_by,
                changed_at=record.changed_at,
                before_values=record.before,
                after_values=record.after,
            )
        )
    return tuple(lines)


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
    by_inspection = _mark_lines(texts, marks)
    if entries:  # the identity of the period's latest line-up, as it judged the person
        employee = store.judged_identity(entries[-1]["inspection_id"])
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
                **_inspection_figures(r),
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
        changes=change_lines(
            store, store.change_log(employee_id=employee.id, start=start, end=end)
        ),
    )


# -- monthly pack -----------------------------------------------------------------------------


def _group_rows(
    current: dict[str, tuple[int, Tally]],
    before: dict[str, tuple[int, Tally]],
    scores: Mapping[str, float | None] | None = None,
    previous_scores: Mapping[str, float | None] | None = None,
    deducted: Mapping[str, int] | None = None,
) -> list[GroupRow]:
    """Groups ranked by pass rate, or by score when ``scores`` are given (deduction scoring),
    with their place and figures in the previous month."""
    if scores is not None:
        ranking = figures.rank(scores, previous_scores or {})
    else:
        ranking = figures.rank(
            {name: t.pass_rate for name, (_, t) in current.items()},
            {name: t.pass_rate for name, (_, t) in before.items()},
        )
    return [
        GroupRow(
            name=r.key,
            staff=current[r.key][0],
            tally=current[r.key][1],
            previous=before[r.key][1] if r.key in before else None,
            score=(scores or {}).get(r.key),
            previous_score=(previous_scores or {}).get(r.key),
            deducted=(deducted or {}).get(r.key, 0),
            rank=r.rank,
            previous_rank=r.previous_rank,
        )
        for r in ranking
    ]


@month_figure
def fault_counts(store: Store, scope: Scope) -> list[FaultCount]:
    """Every failed item of the month, most frequent first (failed marks of completed
    inspections of people present or late: the marks the stored ``failed`` counts)."""
    return _faults_in(store, scope)


def _faults_in(store: Store, scope: Scope, extra: str = "") -> list[FaultCount]:
    rows = store.query(
        "SELECT m.item_id, count(*) AS times, count(DISTINCT i.employee_id) AS people, "
        "max(l.day) AS last_day, max(m.checklist_version_id) AS version_id "
        f"{scope.sql(marks=True)}{extra} AND {INSPECTED_SQL} "
        "AND m.result = 'fail' "
        "GROUP BY m.item_id ORDER BY times DESC, people DESC, m.item_id",
        scope.params,
    )
    return [
        FaultCount(
            r["item_id"],
            text,
            severity,
            count=r["times"],
            people=r["people"],
            last_day=date.fromisoformat(r["last_day"]),
        )
        for r, text, severity in worded(store, under_reasons_in_force(store, rows))
    ]


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


@month_figure
def versions_used(store: Store, scope: Scope) -> list[VersionUsed]:
    """The checklist versions the month's line-ups (in scope) were judged against."""
    rows = store.query(
        f"SELECT {_VERSION_COLUMNS} FROM lineup_checklists lc "
        "JOIN checklist_versions v ON v.id = lc.checklist_version_id "
        f"WHERE lc.lineup_id IN (SELECT DISTINCT l.id {scope.sql()}) "
        "GROUP BY v.id ORDER BY v.set_id, v.version",
        scope.params,
    )
    return [_version(r) for r in rows]


def roster_count(store: Store, department: str | None = None, site: str | None = None) -> int:
    row = store.query_one(
        "SELECT count(*) AS n FROM employees WHERE active = 1 "
        "AND (:department IS NULL OR department = :department) "
        "AND (:site IS NULL OR site = :site)",
        {"department": department or None, "site": site or None},
    )
    return int(row["n"]) if row else 0


# -- the HR figures: faults one by one, scores, supervisors, trend, ladder ---------------------


def _item_rules(
    store: Store, version_ids: Iterable[int]
) -> dict[tuple[int, str], tuple[str, int | None]]:
    """(version row id, item id) -> (severity, the item's own deduction or None)."""
    rows = _stored_items(store, version_ids, severity="$.severity", deduction="$.deduction")
    return {
        (r["version_id"], r["item_id"]): (
            r["severity"] or "",
            int(r["deduction"]) if r["deduction"] is not None else None,
        )
        for r in rows
    }


def failed_marks(store: Store, scope: Scope) -> list[dict]:
    """Every fault of the inspections in scope that count, one dict each: inspection,
    employee, day, item, checklist version, severity, item deduction."""
    rows = store.query(
        "SELECT i.id AS inspection_id, i.employee_id, l.day, m.item_id, "
        "m.checklist_version_id AS version_id "
        f"{scope.sql(marks=True)} AND {INSPECTED_SQL} AND m.result = 'fail'",
        scope.params,
    )
    rules = _item_rules(store, {r["version_id"] for r in rows})
    result = []
    for r in rows:
        severity, deduction = rules.get((r["version_id"], r["item_id"]), ("", None))
        result.append({**dict(r), "severity": severity, "deduction": deduction})
    return result


def deductions_by_person_month(
    faults: Iterable[Mapping], rules: ScoringRules
) -> dict[tuple[int, str], int]:
    """(employee id, 'YYYY-MM') -> points taken off that month (domain.figures)."""
    by_inspection: dict[int, list[Mapping]] = {}
    for fault in faults:
        by_inspection.setdefault(fault["inspection_id"], []).append(fault)
    result: dict[tuple[int, str], int] = {}
    for marks in by_inspection.values():
        off = figures.inspection_deduction(
            ((m["severity"], m["deduction"]) for m in marks),
            rules.deductions,
            critical_zeroes=rules.critical_zeroes,
        )
        key = (marks[0]["employee_id"], marks[0]["day"][:7])
        result[key] = result.get(key, 0) + off
    return result


def group_scores(
    people: Iterable[Mapping], deducted: Mapping[tuple[int, str], int], by: str | None
) -> dict[tuple[str, str], tuple[float | None, int]]:
    """(month, group) -> (mean score of its people, points taken off). ``by`` is
    "department", "site" or None (the whole scope, group "")."""
    members: dict[tuple[str, str], set[int]] = {}
    for p in people:
        members.setdefault((p["month"], p[by] if by else ""), set()).add(p["employee_id"])
    result = {}
    for (month, group), ids in members.items():
        offs = [deducted.get((emp, month), 0) for emp in ids]
        result[(month, group)] = (
            figures.group_score(figures.person_score(off) for off in offs),
            sum(offs),
        )
    return result


def trend_months(month: date, months: int = TREND_MONTHS) -> list[date]:
    """The first days of the ``months`` months ending with ``month``, oldest first."""
    result = [month_start(month)]
    while len(result) < months:
        result.insert(0, previous_month(result[0]))
    return result


def ladder_entries(
    faults: Iterable[Mapping],
    month: date,
    ladder: tuple[LadderStep, ...],
    people: Mapping[int, Mapping],
    texts: Mapping[tuple[int, str], tuple[Text, str]],
) -> list[LadderEntry]:
    """Who reached a step of the ladder in ``month``: the same item failed the step's number
    of times within REPEAT_WINDOW_DAYS days ending on a day of the month. ``faults`` must
    cover the window before the month too; ``people`` maps employee ids to their number,
    name and department."""
    days: dict[tuple[int, str], list[date]] = {}
    versions: dict[tuple[int, str], int] = {}
    for f in faults:
        key = (f["employee_id"], f["item_id"])
        days.setdefault(key, []).append(date.fromisoformat(f["day"]))
        versions[key] = max(versions.get(key, 0), f["version_id"])
    end = next_month(month) - timedelta(days=1)
    result = []
    for (employee_id, item_id), found in days.items():
        count, day = figures.most_in_window(found, month, end)
        step = figures.ladder_step(count, ladder)
        if step is None or employee_id not in people:
            continue
        person = people[employee_id]
        text, severity = _wording(texts, versions[(employee_id, item_id)], item_id)
        result.append(
            LadderEntry(
                employee_no=person["employee_no"],
                name=person["name"],
                department=person["department"],
                item_id=item_id,
                text=text,
                severity=severity,
                count=count,
                day=day,  # type: ignore[arg-type]
                step=step,
            )
        )
    return sorted(result, key=lambda e: (-e.step.count, -e.count, e.employee_no, e.item_id))


@month_figure
def follow_up_figures(
    store: Store, scope: Scope, faults: Sequence[Mapping] | None = None
) -> FollowUpTally | None:
    """The month's faults (those the pack counts: inspected people, same site and department
    scope) by follow-up (整改 / 复查, ``domain.follow_ups``): fixed on the spot, re-checked as
    fixed in time (by the end of the line-up's day), late, still open, as recorded now. None
    for a month without faults, and for floor observations (no follow-up). ``faults``: the
    ``failed_marks`` of a scope that holds this one's period (the pack has read them)."""
    if scope.inspection_type is not InspectionType.LINEUP:
        return None
    if faults is None:
        faults = failed_marks(store, scope)
    start, end = scope.start.isoformat(), scope.end.isoformat()
    rows = [f for f in faults if start <= f["day"] < end]
    if not rows:
        return None
    events = follow_ups.group_events(
        store.query(
            "SELECT * FROM follow_ups WHERE inspection_id IN "
            f"(SELECT i.id {scope.sql()} AND {INSPECTED_SQL} AND i.failed > 0) "
            "ORDER BY id",
            scope.params,
        )
    )
    return tally_follow_ups(
        (
            date.fromisoformat(r["day"]),
            follow_up_of(events.get((r["inspection_id"], r["item_id"]), ())),
        )
        for r in rows
    )


def _fault_counts(store: Store, faults: list[Mapping]) -> list[FaultCount]:
    """Faults (``failed_marks``) counted per reason in force, most frequent first: an earlier
    version's item counts under the reason that replaces it (``Catalogue.canonical_reason``),
    so a month spanning a change of version counts each fault once, under one reason."""
    counts: dict[str, list] = {}
    catalogue, holder = stored_catalogue(store) if faults else (None, {})
    for f in faults:
        reason = catalogue.canonical_reason(f["item_id"])
        version = f["version_id"] if reason == f["item_id"] else holder.get(reason, 0)
        entry = counts.setdefault(reason, [0, set(), "", 0])
        entry[0] += 1
        entry[1].add(f["employee_id"])
        entry[2] = max(entry[2], f["day"])
        entry[3] = max(entry[3], version)
    texts = _item_texts(store, {entry[3] for entry in counts.values()})
    result = [
        FaultCount(
            item_id,
            *_wording(texts, version, item_id),
            count=times,
            people=len(who),
            last_day=date.fromisoformat(last),
        )
        for item_id, (times, who, last, version) in counts.items()
    ]
    return sorted(result, key=lambda f: (-f.count, -f.people, f.item_id))


def _count_days(
    store: Store, scope: Scope, lineups: Iterable[Mapping], employees: dict[int, EmployeeRow]
) -> None:
    """Days inspected = inspections, less the second inspection of a person on a day with
    several line-ups (only those days are read again)."""
    per_day: dict[str, int] = {}
    for r in lineups:
        per_day[r["day"]] = per_day.get(r["day"], 0) + 1
    busy = sorted(day for day, n in per_day.items() if n > 1)
    if not busy:
        return
    marks = ",".join(f":busy{n}" for n in range(len(busy)))
    rows = store.query(
        f"SELECT i.employee_id, count(*) - 1 AS extra "
        f"{scope.sql(employees=bool(scope.department))} AND {INSPECTED_SQL} "
        f"AND l.day IN ({marks}) GROUP BY i.employee_id, l.day HAVING count(*) > 1",
        {**scope.params, **{f"busy{n}": day for n, day in enumerate(busy)}},
    )
    for r in rows:
        e = employees.get(r["employee_id"])
        if e is not None:
            employees[r["employee_id"]] = replace(e, days_inspected=e.days_inspected - r["extra"])


def _sum(tallies: Iterable[Tally]) -> Tally:
    return Tally.total(tallies)


def _employee_site_rows(store: Store, scope: Scope) -> list[dict]:
    """The month's inspections summed per employee and line-up site (one scan)."""
    return scope.rows(
        store,
        f"i.employee_id, d.employee_no, d.name, {_DEPARTMENT} AS department, "
        f"e.site AS home_site, l.site, {_TALLY}",
        " GROUP BY i.employee_id, l.site",
        employees=True,
    )


def _lineup_rows(store: Store, scope: Scope) -> list[dict]:
    """The month's inspections summed per line-up (day, supervisor), one scan."""
    return scope.rows(store, f"l.id, l.day, l.supervisor, {_TALLY}", " GROUP BY l.id")


def _month_group_rows(store: Store, scope: Scope) -> list[dict]:
    """Inspections summed per month, department and line-up site (the months before the
    pack's: the trend and the previous month)."""
    columns = f"substr(l.day, 1, 7) AS month, {_DEPARTMENT} AS department, l.site, {_TALLY}"
    return scope.rows(store, columns, " GROUP BY 1, 2, 3", employees=True)


def _trend_rows(store: Store, scope: Scope) -> list[dict]:
    """People inspected and those with no fault per month and department: all the trend needs
    of the months before the previous one (two sums a row keep the longer scan cheap)."""
    columns = (
        f"substr(l.day, 1, 7) AS month, {_DEPARTMENT} AS department, '' AS site, "
        f"sum({INSPECTED_SQL}) AS inspections, sum({INSPECTED_SQL} AND i.failed = 0) AS clean"
    )
    return scope.rows(store, columns, " GROUP BY 1, 2", employees=True)


def _person_months(store: Store, scope: Scope) -> list[dict]:
    """Who was inspected in which month, in which department and at which line-up site."""
    columns = f"DISTINCT substr(l.day, 1, 7) AS month, i.employee_id, {_DEPARTMENT} AS department"
    return scope.rows(store, f"{columns}, l.site", f" AND {INSPECTED_SQL}", employees=True)


def _amendments(store: Store, scope: Scope) -> dict[str, int]:
    """Changes to finished line-ups (the change log) per supervisor of the line-up."""
    rows = store.query(
        "SELECT l.supervisor, count(*) AS n FROM change_log c "
        "JOIN lineups l ON l.id = c.lineup_id "
        "LEFT JOIN inspections i ON i.id = c.inspection_id "
        "LEFT JOIN identities d ON d.id = i.identity_id "
        "WHERE l.day >= :start AND l.day < :end AND l.inspection_type = :inspection_type "
        f"AND (:department IS NULL OR {_DEPARTMENT} = :department) "
        "AND (:site IS NULL OR l.site = :site) GROUP BY l.supervisor",
        scope.params,
    )
    return {r["supervisor"]: int(r["n"]) for r in rows}


def supervisor_rows(
    lineups: Iterable[Mapping], amendments: Mapping[str, int]
) -> list[SupervisorRow]:
    """Each supervisor's line-ups, people inspected and faults per 100 people, flagged for
    calibration by ``domain.figures.needs_calibration`` against the whole scope."""
    held: dict[str, list[Tally]] = {}
    for r in lineups:
        held.setdefault(r["supervisor"], []).append(_tally(r))
    tallies = {name: _sum(ts) for name, ts in held.items()}
    scope = _sum(tallies.values())
    rows = [
        SupervisorRow(
            name=name,
            lineups=len(held[name]),
            tally=t,
            per_100=figures.faults_per_100(t.failed, t.inspections),
            flagged=figures.needs_calibration(
                t.failed, t.inspections, scope.failed, scope.inspections
            ),
            amendments=amendments.get(name, 0),
        )
        for name, t in tallies.items()
    ]
    return sorted(rows, key=lambda r: (-r.tally.inspections, r.name))


def _by_group(rows: Iterable[Mapping]) -> dict[tuple[str, str, str], Tally]:
    """(month, "department" | "site" | "", name) -> summed counts, in one pass."""
    parts: dict[tuple[str, str, str], list[Tally]] = {}
    for r in rows:
        tally = _tally(r)
        for key in (
            (r["month"], "department", r["department"]),
            (r["month"], "site", r["site"]),
            (r["month"], "", ""),
        ):
            parts.setdefault(key, []).append(tally)
    return {key: _sum(ts) for key, ts in parts.items()}


@month_figure
def monthly_pack_data(
    store: Store, scope: Scope, *, rules: ScoringRules | None = None
) -> MonthlyPackData:
    """Everything the monthly pack (and the monthly export) shows. ``site`` keeps the line-ups
    held there; ``department`` its people. ``rules`` are the company's scoring settings
    (``services.settings``); without them the defaults, with the stored repeat threshold.

    The inspections are scanned per employee and site (the month), per line-up (the month:
    days, supervisors), per department and site (the previous month) and per month and
    department with two sums (the trend's older months); the faults are read one by one (they
    are few)."""
    month, department, site = scope.start, scope.department, scope.site
    if rules is None:
        rules = ScoringRules(repeat_threshold=repeat_threshold(store))
    people = _employee_site_rows(store, scope)
    if not people:
        where = [f"at the site {site}"] if site else []
        where += [f"for the department {department}"] if department else []
        scope = "".join(f" {w}" for w in where)
        raise NoReportData(f"there are no line-ups in {month:%Y-%m}{scope}")
    lineups = _lineup_rows(store, scope)
    months = trend_months(month)
    earlier = scope.between(months[0], month)
    last = scope.between(previous_month(month), month)
    older = scope.between(months[0], previous_month(month))
    by_month = [dict(r) for r in _month_group_rows(store, last)]
    by_month += [dict(r) for r in _trend_rows(store, older)]
    by_month += [{**dict(r), "month": f"{month:%Y-%m}"} for r in people]
    now, before = f"{month:%Y-%m}", f"{previous_month(month):%Y-%m}"

    # The month: employees (summed over the sites they lined up at), departments, sites.
    employees: dict[int, EmployeeRow] = {}
    for r in people:
        seen = employees.get(r["employee_id"])
        tally = _tally(r) if seen is None else _sum((seen.tally, _tally(r)))
        employees[r["employee_id"]] = EmployeeRow(
            employee_no=r["employee_no"],
            name=r["name"],
            department=r["department"],
            site=r["home_site"],
            days_inspected=tally.inspections,
            tally=tally,
        )
    _count_days(store, scope, lineups, employees)
    staff: dict[tuple[str, str], set[int]] = {}
    for r in people:
        staff.setdefault(("department", r["department"]), set()).add(r["employee_id"])
        staff.setdefault(("site", r["site"]), set()).add(r["employee_id"])
    groups = _by_group(by_month)

    def tallies(month_key: str, by: str) -> dict[str, Tally]:
        return {
            name: t
            for (m, kind, name), t in sorted(groups.items())
            if m == month_key and kind == by
        }

    tally = _sum(e.tally for e in employees.values())
    previous = groups.get((before, "", ""), Tally())

    # Faults one by one: the ladder's window and, with deduction scoring, the trend's months.
    window_start = month - timedelta(days=figures.REPEAT_WINDOW_DAYS - 1)
    faults = failed_marks(
        store, scope.between(months[0] if rules.deduction_scoring else window_start, scope.end)
    )
    scores: dict[str, dict[tuple[str, str], tuple[float | None, int]]] = {}
    if rules.deduction_scoring:
        deducted = deductions_by_person_month(faults, rules)
        inspected = [dict(r) for r in _person_months(store, earlier)]
        inspected += [
            {"month": now, "employee_id": r["employee_id"], "department": r["department"],
             "site": r["site"]}
            for r in people
            if r["inspections"]
        ]  # fmt: skip
        for by in ("department", "site", None):
            scores[by or ""] = group_scores(inspected, deducted, by)
        employees = {
            emp: replace(
                e,
                score=figures.person_score(deducted.get((emp, now), 0))
                if e.tally.inspections
                else None,
                deducted=deducted.get((emp, now), 0),
            )
            for emp, e in employees.items()
        }

    def score_of(by: str, month_key: str, name: str) -> tuple[float | None, int]:
        return scores.get(by, {}).get((month_key, name), (None, 0))

    def ranked(by: str) -> tuple[GroupRow, ...]:
        key = "department" if by == "department" else "site"
        current = tallies(now, key)
        last_month = tallies(before, key)
        counted = {name: (len(staff.get((by, name), ())), t) for name, t in current.items()}
        counted_before = {name: (0, t) for name, t in last_month.items()}
        if not rules.deduction_scoring:
            return tuple(_group_rows(counted, counted_before))
        return tuple(
            _group_rows(
                counted,
                counted_before,
                {name: score_of(by, now, name)[0] for name in current},
                {name: score_of(by, before, name)[0] for name in last_month},
                {name: score_of(by, now, name)[1] for name in current},
            )
        )

    # The trend: the scope, then each department of the month.
    def value(month_key: str, name: str | None) -> float | None:
        if rules.deduction_scoring:
            return score_of("department" if name else "", month_key, name or "")[0]
        found = groups.get((month_key, "department" if name else "", name or ""))
        return found.pass_rate if found is not None else None

    trend = tuple(
        TrendSeries(name or "", tuple((m, value(f"{m:%Y-%m}", name)) for m in months))
        for name in [None, *tallies(now, "department")]
    )

    daily: dict[str, list[Tally]] = {}
    for r in lineups:
        daily.setdefault(r["day"], []).append(_tally(r))
    window_faults = [f for f in faults if f["day"] >= window_start.isoformat()]
    month_seal, sealed, _ = seal.seal_for_period(
        store, month, next_month(month) - timedelta(days=1)
    )
    overall = score_of("", now, "")
    return MonthlyPackData(
        company=company_name(store),
        month=month,
        department=department,
        site=site,
        rules=rules,
        roster=roster_count(store, department, site),
        staff=len(employees),
        lineups=len(lineups),
        tally=tally,
        previous=previous,
        departments=ranked("department"),
        sites=ranked("site"),
        faults=tuple(_fault_counts(store, [f for f in faults if f["day"] >= month.isoformat()])),
        daily=tuple(
            DailyPoint(date.fromisoformat(day), _sum(ts)) for day, ts in sorted(daily.items())
        ),
        repeat_threshold=rules.repeat_threshold,
        repeat_offenders=tuple(
            ladder_entries(
                window_faults,
                month,
                rules.ladder,
                {
                    emp: {"employee_no": e.employee_no, "name": e.name, "department": e.department}
                    for emp, e in employees.items()
                },
                _item_texts(store, {f["version_id"] for f in window_faults}),
            )
        ),
        employees=tuple(
            sorted(employees.values(), key=lambda e: e.attention_key(rules.deduction_scoring))
        ),
        versions=tuple(versions_used(store, scope)),
        supervisors=tuple(supervisor_rows(lineups, _amendments(store, scope))),
        trend=trend,
        score=overall[0],
        previous_score=score_of("", before, "")[0],
        deducted=overall[1],
        follow_up=follow_up_figures(store, scope, faults),
        seal=month_seal,
        sealed_lineups=sealed,
        observations=observation_month(store, month, department),
    )


# -- floor observations -----------------------------------------------------------------------

OBSERVATION = InspectionType.OBSERVATION.value


def observation_ids(
    store: Store,
    *,
    start: date | None = None,
    end: date | None = None,
    employee_id: int | None = None,
) -> list[int]:
    """The ids of the observations in a period (both ends included), of one employee if given,
    newest first."""
    rows = store.query(
        "SELECT DISTINCT l.id, l.day, l.started_at FROM lineups l "
        "JOIN inspections i ON i.lineup_id = l.id WHERE l.inspection_type = :type "
        "AND (:start IS NULL OR l.day >= :start) AND (:end IS NULL OR l.day <= :end) "
        "AND (:emp IS NULL OR i.employee_id = :emp) "
        "ORDER BY l.day DESC, l.started_at DESC, l.id DESC",
        {"type": OBSERVATION, "emp": employee_id, **period(start, end)},
    )
    return [r["id"] for r in rows]


def _observations_of_month(store: Store, month: date, department: str | None) -> list:
    """One row per saved observation of the month: its situations, department, employee and
    counts. The department is the one recorded with the observation (the employee's then)."""
    return store.query(
        "SELECT l.id, l.day, l.shift AS situations, l.department, l.supervisor, "
        "i.employee_id, i.failed, e.employee_no, e.name "
        "FROM lineups l JOIN inspections i ON i.lineup_id = l.id "
        "JOIN employees e ON e.id = i.employee_id "
        f"WHERE l.day >= :start AND l.day < :end AND l.inspection_type = :inspection_type "
        f"AND {INSPECTED_SQL} AND (:department IS NULL OR l.department = :department) "
        "ORDER BY l.day, l.id",
        Scope.of_month(month, department, inspection_type=InspectionType.OBSERVATION).params,
    )


def observation_month(store: Store, month: date, department: str | None = None) -> ObservationMonth:
    """The observation figures of a month: per department and situation, the pass rate
    (observations with no fault ÷ observations), the most frequent behaviour faults and the
    people most often observed with faults. Saved observations only."""
    month = month_start(month)
    department = department or None
    rows = _observations_of_month(store, month, department)

    def tallies(keyed: Iterable[tuple[str, Mapping]]) -> dict[str, list[int]]:
        result: dict[str, list[int]] = {}
        for key, r in keyed:
            t = result.setdefault(key, [0, 0, 0])
            t[0] += 1
            t[1] += r["failed"] == 0
            t[2] += r["failed"]
        return result

    by_department = tallies((r["department"], r) for r in rows)
    by_situation = tallies(
        (s, r) for r in rows for s in dict.fromkeys(x for x in r["situations"].split(",") if x)
    )
    order = {s.id: n for n, s in enumerate(SITUATIONS)}
    people: dict[int, dict] = {}
    for r in rows:
        p = people.setdefault(
            r["employee_id"],
            {"no": r["employee_no"], "name": r["name"], "dept": r["department"], "n": 0, "wf": 0},
        )
        p.update(n=p["n"] + 1, wf=p["wf"] + (r["failed"] > 0), dept=r["department"])
        p["faults"] = p.get("faults", 0) + r["failed"]
        p["last"] = r["day"]
    fault_rows = store.query(
        "SELECT m.item_id, count(*) AS times, count(DISTINCT i.employee_id) AS people, "
        "max(m.checklist_version_id) AS version_id "
        # CROSS JOIN keeps the month's line-ups first: left to itself, SQLite walks every mark
        # of the history in item order (for the GROUP BY), a second on a large database.
        "FROM lineups l CROSS JOIN inspections i ON i.lineup_id = l.id "
        "CROSS JOIN marks m ON m.inspection_id = i.id "
        "WHERE l.day >= :start AND l.day < :end AND l.inspection_type = :inspection_type "
        f"AND {INSPECTED_SQL} AND m.result = 'fail' "
        "AND (:department IS NULL OR l.department = :department) "
        "GROUP BY m.item_id ORDER BY times DESC, people DESC, m.item_id",
        Scope.of_month(month, department, inspection_type=InspectionType.OBSERVATION).params,
    )
    faults = [
        FaultCount(
            r["item_id"],
            text,
            Severity(severity or "minor").value,
            count=r["times"],
            people=r["people"],
        )
        for r, text, severity in worded(store, fault_rows)
    ]
    with_faults = sorted(
        (p for p in people.values() if p["wf"]),
        key=lambda p: (-p["wf"], -p["faults"], p["no"]),
    )
    return ObservationMonth(
        month=month,
        department=department,
        observations=len(rows),
        people=len(people),
        passed=sum(1 for r in rows if r["failed"] == 0),
        observers=len({r["supervisor"] for r in rows}),
        departments=tuple(ObservationTally(k, *v) for k, v in sorted(by_department.items())),
        situations=tuple(
            ObservationTally(k, *v)
            for k, v in sorted(by_situation.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))
        ),
        faults=tuple(faults),
        people_with_faults=tuple(
            ObservedPerson(
                p["no"],
                p["name"],
                p["dept"],
                p["n"],
                p["wf"],
                p["faults"],
                date.fromisoformat(p["last"]),
            )
            for p in with_faults
        ),
    )


@month_figure
def lineup_count(store: Store, scope: Scope) -> int:
    """Line-ups of the month (with a department: those its people stood in)."""
    row = store.query_one(f"SELECT count(DISTINCT l.id) AS n {scope.sql()}", scope.params)
    return int(row["n"]) if row else 0


def lineup_sites(
    store: Store, inspection_type: InspectionType = InspectionType.LINEUP
) -> list[str]:
    """The sites line-ups were held at (the choices of the site filter)."""
    rows = store.query(
        "SELECT DISTINCT site FROM lineups WHERE site != '' AND inspection_type = ? ORDER BY site",
        (inspection_type.value,),
    )
    return [r["site"] for r in rows]


# -- the start screen's 讲评 card ---------------------------------------------------------------


def previous_lineup_day(store: Store, before: date, site: str | None = None) -> date | None:
    """The last day before ``before`` with a finished line-up (at ``site``, if given)."""
    row = store.query(
        "SELECT max(day) AS day FROM lineups WHERE day < :before AND finished_at IS NOT NULL "
        "AND inspection_type = :inspection_type AND (:site IS NULL OR site = :site)",
        {
            "before": before.isoformat(),
            "site": site,
            "inspection_type": InspectionType.LINEUP.value,
        },
    )
    return date.fromisoformat(row[0]["day"]) if row and row[0]["day"] else None


def day_figures(store: Store, day: date, site: str | None = None) -> tuple[Tally, list[FaultCount]]:
    """The figures of one day's finished line-ups (at ``site``, if given), and their faults
    by reason in force, most people first."""
    scope = Scope(day, day + timedelta(days=1), site=site or None)
    finished = " AND l.finished_at IS NOT NULL"
    total = store.query(f"SELECT {_TALLY} {scope.sql()}{finished}", scope.params)[0]
    faults = _faults_in(store, scope, finished)
    return _tally(total), sorted(faults, key=lambda f: (-f.people, -f.count, f.item_id))
