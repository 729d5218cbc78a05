"""The stored follow-up of faults (table ``follow_ups``, append-only; domain.follow_ups).

An event recorded while its line-up is open is part of the line-up's record (its seal covers
it when the line-up is finished); one recorded after is sealed on its own in the same chain
(``seal.seal_follow_up``), and the line-up, its seal and its change log stay as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from inspector.domain.follow_ups import (
    Fault,
    FollowUpEvent,
    FollowUpRecord,
    RecheckOutcome,
    follow_up_of,
)
from inspector.storage import hub_local, seal
from inspector.storage.errors import LineupClosedError, NotFoundError
from inspector.storage.rows import from_row
from inspector.storage.store import Store, now


class NotAFaultError(NotFoundError):
    """The reason is not (or no longer) a fault of that inspection."""


def _record(row: Mapping) -> FollowUpRecord:
    return from_row(
        FollowUpRecord,
        row,
        event=FollowUpEvent,
        recorded_at=datetime.fromisoformat,
        outcome=lambda value: RecheckOutcome(value) if value else None,
        after_finish=bool,
    )


def record_event(
    store: Store,
    inspection_id: int,
    item_id: str,
    event: FollowUpEvent,
    *,
    outcome: RecheckOutcome | None = None,
    checked_by: str = "",
    note: str = "",
    recorded_at: datetime | None = None,
) -> FollowUpRecord:
    """Append one follow-up event to a fault, in one transaction with its seal when the
    line-up is finished. A fix on the spot belongs to an open line-up (LineupClosedError); it
    can be undone after the fault itself was taken back (so that it does not come back with
    the fault)."""
    with store.write() as db:
        row = store.query_one(
            "SELECT i.lineup_id, l.finished_at, m.result FROM inspections i "
            "JOIN lineups l ON l.id = i.lineup_id "
            "LEFT JOIN marks m ON m.inspection_id = i.id AND m.item_id = ? WHERE i.id = ?",
            (item_id, inspection_id),
        )
        if row is None:
            raise NotFoundError(f"no inspection with id {inspection_id}")
        if row["result"] != "fail" and event is not FollowUpEvent.SPOT_FIX_UNDONE:
            raise NotAFaultError(f"{item_id} is not a fault of inspection {inspection_id}")
        hub_local.require_local(db.conn, row["lineup_id"])
        finished = row["finished_at"] is not None
        if finished and event is not FollowUpEvent.RECHECKED:
            raise LineupClosedError(
                f"line-up {row['lineup_id']} is finished: a fault is fixed on the spot only "
                "during the line-up; record a re-check instead"
            )
        stamp = (recorded_at or now()).replace(microsecond=0).isoformat(sep=" ")
        cursor = db.execute(
            "INSERT INTO follow_ups (inspection_id, item_id, event, outcome, checked_by, note, "
            "recorded_at, after_finish) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                inspection_id,
                item_id,
                event.value,
                outcome.value if outcome else None,
                checked_by.strip(),
                note.strip(),
                stamp,
                int(finished),
            ),
        )
        follow_up_id = cursor.lastrowid
        if finished:
            seal.seal_follow_up(db.conn, follow_up_id)
    found = store.query_one("SELECT * FROM follow_ups WHERE id = ?", (follow_up_id,))
    return _record(found)


def events_for(
    store: Store, inspection_ids: Iterable[int]
) -> dict[tuple[int, str], list[FollowUpRecord]]:
    """(inspection id, item id) -> its follow-up events, oldest first."""
    ids = sorted(set(inspection_ids))
    rows: list = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows += store.query(
            f"SELECT * FROM follow_ups WHERE inspection_id IN ({','.join('?' * len(chunk))}) "
            "ORDER BY id",
            chunk,
        )
    return group_events(rows)


def events_for_lineup(store: Store, lineup_id: int) -> dict[tuple[int, str], list[FollowUpRecord]]:
    """The follow-up events of every fault of one line-up."""
    rows = store.query(
        "SELECT f.* FROM follow_ups f JOIN inspections i ON i.id = f.inspection_id "
        "WHERE i.lineup_id = ? ORDER BY f.id",
        (lineup_id,),
    )
    return group_events(rows)


# A fault counts while its person is (or may still be) inspected: an open line-up's people
# not yet done count, a finished line-up's only if they were inspected (domain.attendance).
_FAULT_OF_PERSON_HERE = (
    "m.result = 'fail' AND (i.attendance IS NULL OR i.attendance IN ('present', 'late')) "
    "AND (l.finished_at IS NULL OR i.completed_at IS NOT NULL)"
)


def faults(
    store: Store,
    *,
    day: date | None = None,
    site: str | None = None,
    lineup_id: int | None = None,
    inspection_id: int | None = None,
) -> list[Fault]:
    """The faults of the line-ups of a day (at a site), of one line-up or of one inspection,
    in line-up order, each with its follow-up state."""
    from inspector.storage.report_queries import worded

    where = ["l.inspection_type = 'lineup'", _FAULT_OF_PERSON_HERE]
    params: list = []
    if day is not None:
        where.append("l.day = ?")
        params.append(day.isoformat())
    if site:
        where.append("l.site = ?")
        params.append(site)
    if lineup_id is not None:
        where.append("l.id = ?")
        params.append(lineup_id)
    if inspection_id is not None:
        where.append("i.id = ?")
        params.append(inspection_id)
    rows = store.query(
        "SELECT i.id AS inspection_id, m.item_id, m.checklist_version_id AS version_id, "
        "l.id AS lineup_id, l.day, l.shift, l.site, l.started_at, l.finished_at, i.position, "
        "coalesce(d.employee_no, e.employee_no) AS employee_no, "
        "coalesce(d.name, e.name) AS name, coalesce(d.department, e.department) AS department "
        "FROM lineups l JOIN inspections i ON i.lineup_id = l.id "
        "JOIN marks m ON m.inspection_id = i.id JOIN employees e ON e.id = i.employee_id "
        "LEFT JOIN identities d ON d.id = i.identity_id "
        f"WHERE {' AND '.join(where)} ORDER BY l.started_at, l.id, i.position, m.item_id",
        params,
    )
    events = events_for(store, {r["inspection_id"] for r in rows})
    return [
        Fault(
            inspection_id=r["inspection_id"],
            item_id=r["item_id"],
            reason=reason,
            severity=severity,
            lineup_id=r["lineup_id"],
            day=date.fromisoformat(r["day"]),
            shift=r["shift"],
            site=r["site"],
            lineup_started_at=datetime.fromisoformat(r["started_at"]),
            lineup_finished=r["finished_at"] is not None,
            position=r["position"],
            employee_no=r["employee_no"],
            name=r["name"],
            department=r["department"],
            follow_up=follow_up_of(events.get((r["inspection_id"], r["item_id"]), [])),
        )
        for r, reason, severity in worded(store, rows)
    ]


def group_events(rows: Iterable[Mapping]) -> dict[tuple[int, str], list[FollowUpRecord]]:
    """Rows of ``follow_ups`` as (inspection id, item id) -> events, in the rows' order."""
    events: dict[tuple[int, str], list[FollowUpRecord]] = {}
    for r in rows:
        events.setdefault((r["inspection_id"], r["item_id"]), []).append(_record(r))
    return events


def faults_due(store: Store) -> list[dict]:
    """Every fault of a finished line-up not fixed on the spot and never re-checked (generated
    history: the demo re-checks them), with the line-up's day, end and supervisor."""
    return store.query(
        "SELECT m.inspection_id, m.item_id, l.day, l.finished_at, l.supervisor "
        "FROM marks m JOIN inspections i ON i.id = m.inspection_id "
        "JOIN lineups l ON l.id = i.lineup_id "
        "WHERE m.result = 'fail' AND l.finished_at IS NOT NULL AND i.completed_at IS NOT NULL "
        "AND l.inspection_type = 'lineup' AND l.origin_site IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM follow_ups f WHERE f.inspection_id = m.inspection_id "
        "AND f.item_id = m.item_id) ORDER BY l.day, i.id, m.item_id"
    )
