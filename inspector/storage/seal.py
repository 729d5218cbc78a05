"""Sealed records: a hash chain over finished line-ups, so that HR can show a record was not altered.

When a line-up is finished its content (header, every inspection's attendance and counts, every
mark, the hashes of the checklist versions it was judged against, and its change log) is hashed
as canonical JSON. The seal row stores that content hash and chains it to the previous seal of
the whole database: ``chain_hash = sha256(prev_hash + content_hash)``. An amendment never edits a
seal: it appends a new seal row that references the change-log row and covers the content as it
is after the change. The table is append-only (triggers), like the change log.

``verify`` recomputes everything: a broken link names the seal where the chain breaks; a line-up
whose stored records no longer hash to its latest seal is named, as is a finished line-up that has
no seal, and a checklist version whose words no longer match its recorded hash.

What this proves, and what not, is written down in ``docs/trust.md``: the chain shows that no
record was changed *through anything but Inspector* since it was sealed; the chain head printed
on the line-up sheets (or written down by HR) anchors it outside the file.

The functions here work on a plain ``sqlite3.Connection`` so that the migration that creates the
table can seal line-ups finished before it existed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.storage.store import Store

GENESIS = "0" * 64
SHORT = 8  # hex digits printed on reports


def canonical(value: object) -> str:
    """The one JSON spelling of a value: sorted keys, no spaces, text kept as typed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain(prev_hash: str, content_hash: str) -> str:
    return sha256(prev_hash + content_hash)


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def lineup_content(conn: sqlite3.Connection, lineup_id: int) -> dict:
    """Everything a seal covers for one line-up, as plain JSON-able values.

    The on-screen cursor is left out on purpose: it is where the supervisor last looked, not
    part of the record. Employees are identified by their employee number (stable: the roster
    import matches on it) as well as their row id; names may legitimately change.
    """
    header = _rows(
        conn,
        "SELECT id, day, shift, site, department, supervisor, inspection_type, started_at, "
        "finished_at FROM lineups WHERE id = ?",
        (lineup_id,),
    )
    checklists = _rows(
        conn,
        "SELECT v.set_id, v.version, v.content_hash FROM lineup_checklists lc "
        "JOIN checklist_versions v ON v.id = lc.checklist_version_id "
        "WHERE lc.lineup_id = ? ORDER BY v.set_id, v.version, v.content_hash",
        (lineup_id,),
    )
    inspections = _rows(
        conn,
        "SELECT i.id, i.employee_id, e.employee_no, i.position, i.attendance, i.completed_at, "
        "i.applicable, i.passed, i.failed, i.critical_failed, i.fault_points "
        "FROM inspections i LEFT JOIN employees e ON e.id = i.employee_id "
        "WHERE i.lineup_id = ? ORDER BY i.position, i.id",
        (lineup_id,),
    )
    marks = _rows(
        conn,
        "SELECT m.inspection_id, m.item_id, m.checklist_version_id, v.content_hash AS "
        "checklist_hash, m.result, m.note, m.photo, m.marked_at FROM marks m "
        "JOIN inspections i ON i.id = m.inspection_id "
        "LEFT JOIN checklist_versions v ON v.id = m.checklist_version_id "
        "WHERE i.lineup_id = ? ORDER BY m.inspection_id, m.item_id",
        (lineup_id,),
    )
    changes = _rows(
        conn,
        "SELECT id, inspection_id, item_id, before, after, reason, changed_by, changed_at "
        "FROM change_log WHERE lineup_id = ? ORDER BY id",
        (lineup_id,),
    )
    return {
        "lineup": header[0] if header else None,
        "checklists": checklists,
        "inspections": inspections,
        "marks": marks,
        "changes": changes,
    }


def content_hash(conn: sqlite3.Connection, lineup_id: int) -> str:
    return sha256(canonical(lineup_content(conn, lineup_id)))


def _head(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT chain_hash FROM seals ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS


def append_seal(
    conn: sqlite3.Connection,
    lineup_id: int,
    change_id: int | None = None,
    sealed_at: datetime | None = None,
) -> str:
    """Seal a line-up's current content onto the chain; returns the new chain hash.

    Call inside the transaction that made the change, so the seal and the change are one.
    """
    digest = content_hash(conn, lineup_id)
    prev = _head(conn)
    chained = chain(prev, digest)
    stamp = (sealed_at or datetime.now()).replace(microsecond=0).isoformat(sep=" ")
    conn.execute(
        "INSERT INTO seals (lineup_id, change_id, content_hash, prev_hash, chain_hash, sealed_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (lineup_id, change_id, digest, prev, chained, stamp),
    )
    return chained


def seal_amendment(conn: sqlite3.Connection, lineup_id: int, change_id: int) -> str | None:
    """Extend the chain after an amendment of a finished line-up (an open one is sealed later)."""
    row = conn.execute("SELECT finished_at FROM lineups WHERE id = ?", (lineup_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    return append_seal(conn, lineup_id, change_id)


def seal_unsealed_finished(conn: sqlite3.Connection) -> int:
    """Seal every finished line-up that has no seal yet, oldest first (used by the migration)."""
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM lineups WHERE finished_at IS NOT NULL AND id NOT IN "
            "(SELECT lineup_id FROM seals) ORDER BY finished_at, id"
        )
    ]
    for lineup_id in ids:
        append_seal(conn, lineup_id)
    return len(ids)


# -- reading seals ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Seal:
    id: int
    lineup_id: int
    change_id: int | None
    content_hash: str
    prev_hash: str
    chain_hash: str
    sealed_at: datetime

    @property
    def short(self) -> str:
        return short_form(self.chain_hash)


def short_form(chain_hash: str) -> str:
    """The printed form of a seal: its first hex digits and an ellipsis, e.g. ``ab12cd34…``."""
    return f"{chain_hash[:SHORT]}…"


def _seal(row: dict) -> Seal:
    return Seal(
        id=row["id"],
        lineup_id=row["lineup_id"],
        change_id=row["change_id"],
        content_hash=row["content_hash"],
        prev_hash=row["prev_hash"],
        chain_hash=row["chain_hash"],
        sealed_at=datetime.fromisoformat(row["sealed_at"]),
    )


def seals_for(conn: sqlite3.Connection, lineup_id: int) -> list[Seal]:
    rows = _rows(conn, "SELECT * FROM seals WHERE lineup_id = ? ORDER BY id", (lineup_id,))
    return [_seal(r) for r in rows]


def latest_seal(store: Store, lineup_id: int) -> Seal | None:
    rows = seals_for(store.db.conn, lineup_id)
    return rows[-1] if rows else None


def seal_for_lineup(store: Store, lineup_id: int) -> str:
    """The latest chain hash of a line-up in short form (``ab12cd34…``); "" if not sealed yet.

    Reports print it as ``Seal: ab12cd34…``; ``inspector verify`` prints the same form.
    """
    found = latest_seal(store, lineup_id)
    return found.short if found else ""


def seal_for_period(
    store: Store, start: date, end: date, inspection_type: str = "lineup"
) -> tuple[str, int, int]:
    """The chain hash that covers every sealed line-up of a period, in short form.

    The chain links each seal to all earlier ones, so the latest seal among the period's
    line-ups vouches for every record of the period sealed before it. Returns
    (short seal or "", sealed line-ups, line-ups) for the period; floor observations (sealed
    in the same chain) are counted only with ``inspection_type="observation"``.
    """
    conn = store.db.conn
    period = (start.isoformat(), end.isoformat(), inspection_type)
    row = _rows(
        conn,
        "SELECT (SELECT s.chain_hash FROM seals s JOIN lineups l ON l.id = s.lineup_id "
        "WHERE l.day BETWEEN ? AND ? AND l.inspection_type = ? ORDER BY s.id DESC LIMIT 1) "
        "AS head, "
        "(SELECT count(DISTINCT s.lineup_id) FROM seals s JOIN lineups l ON l.id = s.lineup_id "
        "WHERE l.day BETWEEN ? AND ? AND l.inspection_type = ?) AS sealed, "
        "(SELECT count(*) FROM lineups WHERE day BETWEEN ? AND ? AND inspection_type = ?) "
        "AS lineups",
        period * 3,
    )[0]
    head = short_form(row["head"]) if row["head"] else ""
    return head, row["sealed"], row["lineups"]


# -- verifying --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VerifyProblem:
    lineup_id: int | None
    message: str


@dataclass
class VerifyReport:
    seals: int = 0
    lineups: int = 0
    head: str = GENESIS
    problems: list[VerifyProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_lineups(self) -> list[int]:
        return sorted({p.lineup_id for p in self.problems if p.lineup_id is not None})


def _describe(conn: sqlite3.Connection, lineup_id: int) -> str:
    row = conn.execute(
        "SELECT day, shift, site, department FROM lineups WHERE id = ?", (lineup_id,)
    ).fetchone()
    if row is None:
        return f"line-up {lineup_id} (no longer in the database)"
    details = ", ".join(part for part in row if part)
    return f"line-up {lineup_id} ({details})"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def verify(conn: sqlite3.Connection) -> VerifyReport:
    """Recompute the chain and every line-up's content; name whatever no longer matches."""
    report = VerifyReport()
    rows = _rows(conn, "SELECT * FROM seals ORDER BY id")
    report.seals = len(rows)
    prev = GENESIS
    latest: dict[int, dict] = {}
    for row in rows:
        if row["prev_hash"] != prev or row["chain_hash"] != chain(
            row["prev_hash"], row["content_hash"]
        ):
            report.problems.append(
                VerifyProblem(
                    row["lineup_id"],
                    f"The seal chain is broken at seal {row['id']} of "
                    f"{_describe(conn, row['lineup_id'])}: a seal was altered or removed.",
                )
            )
        prev = row["chain_hash"]
        latest[row["lineup_id"]] = row
    report.head = prev
    report.lineups = len(latest)

    for version_id, stored_hash, content in conn.execute(
        "SELECT id, content_hash, content FROM checklist_versions ORDER BY id"
    ):
        if sha256(content) != stored_hash:
            used = [
                r[0]
                for r in conn.execute(
                    "SELECT lineup_id FROM lineup_checklists WHERE checklist_version_id = ? "
                    "ORDER BY lineup_id",
                    (version_id,),
                )
            ]
            for lineup_id in used or [None]:
                where = _describe(conn, lineup_id) if lineup_id is not None else "no line-up"
                report.problems.append(
                    VerifyProblem(
                        lineup_id,
                        f"The wording of checklist version {version_id} (used by {where}) "
                        "was changed after it was recorded.",
                    )
                )

    for lineup_id, row in sorted(latest.items()):
        if content_hash(conn, lineup_id) != row["content_hash"]:
            report.problems.append(
                VerifyProblem(
                    lineup_id,
                    f"{_cap(_describe(conn, lineup_id))} no longer matches its seal "
                    f"{short_form(row['chain_hash'])}: its records were changed outside Inspector.",
                )
            )
    for (lineup_id,) in conn.execute(
        "SELECT id FROM lineups WHERE finished_at IS NOT NULL AND id NOT IN "
        "(SELECT lineup_id FROM seals) ORDER BY id"
    ).fetchall():
        report.problems.append(
            VerifyProblem(
                lineup_id,
                f"{_cap(_describe(conn, lineup_id))} is finished but has no seal: "
                "its seal was removed or it was closed outside Inspector.",
            )
        )
    for change_id, lineup_id in conn.execute(
        "SELECT c.id, c.lineup_id FROM change_log c JOIN seals s ON s.change_id = c.id "
        "WHERE s.lineup_id != c.lineup_id"
    ).fetchall():
        report.problems.append(
            VerifyProblem(
                lineup_id,
                f"Change {change_id} of {_describe(conn, lineup_id)} is sealed under another "
                "line-up.",
            )
        )
    return report
