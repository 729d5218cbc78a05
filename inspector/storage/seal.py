"""Sealed records: a hash chain over finished line-ups, so that HR can show a record was not altered.

When a line-up is finished its content (header, every inspection's identity as judged, its
attendance and counts, every mark, the hashes of the checklist versions it was judged against,
and its change log) is hashed as canonical JSON. The seal row stores that content hash, the
version of the content it covers, and chains it to the previous seal of the whole database:
``chain_hash = sha256(prev_hash + content_hash)``. An amendment never edits a seal: it appends
a new seal row that references the change-log row and covers the content as it is after the
change. The table is append-only (triggers), like the change log, and its ids are never reused.

``verify`` recomputes everything: a broken link names the seal where the chain breaks; a line-up
whose stored records no longer hash to its latest seal is named, as is a finished line-up that
has no seal, a sealed one that is no longer finished or was sealed again without a change, a
gap left by removed newest seals, and a checklist version whose words no longer match its
recorded hash. ``expect`` checks seals printed on paper against the chain.

What this proves, and what not, is written down in ``docs/trust.md``: the chain shows that no
record was changed *through anything but Inspector* since it was sealed; the seals printed on
the line-up sheets and packs (or written down by HR) anchor it outside the file.

The functions here work on a plain ``sqlite3.Connection`` so that the migrations can seal
line-ups finished before seals existed, and seal them again when the content grew.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from inspector.storage.rows import dict_rows, from_row

if TYPE_CHECKING:
    from inspector.storage.store import Store

GENESIS = "0" * 64
SHORT = 8  # hex digits printed on reports
# What a seal's content covers. 1: as first sealed (people by employee number only);
# 2: also the identity each person was judged with (number, name, department, role, sex).
# 3: also the follow-ups recorded while the line-up was open (fixed on the spot, re-checks).
# A seal keeps its version, so seals made before a change are recomputed the old way.
IDENTITY_VERSION = 2
CONTENT_VERSION = 3


def canonical(value: object) -> str:
    """The one JSON spelling of a value: sorted keys, no spaces, text kept as typed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain(prev_hash: str, content_hash: str) -> str:
    return sha256(prev_hash + content_hash)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def schema_content_version(conn: sqlite3.Connection) -> int:
    """The content version new seals get: the highest the schema can hold."""
    columns = _columns(conn, "seals")
    if "follow_up_id" in columns:
        return CONTENT_VERSION
    if "content_version" in columns:
        return IDENTITY_VERSION
    return 1


_INSPECTIONS_V1 = (
    "SELECT i.id, i.employee_id, e.employee_no, i.position, i.attendance, i.completed_at, "
    "i.applicable, i.passed, i.failed, i.critical_failed, i.fault_points "
    "FROM inspections i LEFT JOIN employees e ON e.id = i.employee_id "
    "WHERE i.lineup_id = ? ORDER BY i.position, i.id"
)
_INSPECTIONS_V2 = (
    "SELECT i.id, i.employee_id, d.employee_no, d.name, d.department, d.role, d.sex, "
    "i.position, i.attendance, i.completed_at, "
    "i.applicable, i.passed, i.failed, i.critical_failed, i.fault_points "
    "FROM inspections i LEFT JOIN identities d ON d.id = i.identity_id "
    "WHERE i.lineup_id = ? ORDER BY i.position, i.id"
)


def lineup_content(
    conn: sqlite3.Connection, lineup_id: int, version: int = CONTENT_VERSION
) -> dict:
    """Everything a seal of ``version`` covers for one line-up, as plain JSON-able values.

    The on-screen cursor is left out on purpose: it is where the supervisor last looked, not
    part of the record. Version 1 identified people by their employee number as the roster
    had it; version 2 covers the identity each inspection recorded when the person was added
    to the line-up (number, name, department, role, sex), which is what the reports print.
    """
    header = dict_rows(
        conn,
        "SELECT id, day, shift, site, department, supervisor, inspection_type, started_at, "
        "finished_at FROM lineups WHERE id = ?",
        (lineup_id,),
    )
    checklists = dict_rows(
        conn,
        "SELECT v.set_id, v.version, v.content_hash FROM lineup_checklists lc "
        "JOIN checklist_versions v ON v.id = lc.checklist_version_id "
        "WHERE lc.lineup_id = ? ORDER BY v.set_id, v.version, v.content_hash",
        (lineup_id,),
    )
    inspections = dict_rows(
        conn, _INSPECTIONS_V1 if version == 1 else _INSPECTIONS_V2, (lineup_id,)
    )
    marks = dict_rows(
        conn,
        "SELECT m.inspection_id, m.item_id, m.checklist_version_id, v.content_hash AS "
        "checklist_hash, m.result, m.note, m.photo, m.marked_at FROM marks m "
        "JOIN inspections i ON i.id = m.inspection_id "
        "LEFT JOIN checklist_versions v ON v.id = m.checklist_version_id "
        "WHERE i.lineup_id = ? ORDER BY m.inspection_id, m.item_id",
        (lineup_id,),
    )
    changes = dict_rows(
        conn,
        "SELECT id, inspection_id, item_id, before, after, reason, changed_by, changed_at "
        "FROM change_log WHERE lineup_id = ? ORDER BY id",
        (lineup_id,),
    )
    content = {
        "lineup": header[0] if header else None,
        "checklists": checklists,
        "inspections": inspections,
        "marks": marks,
        "changes": changes,
    }
    if version >= CONTENT_VERSION:
        content["follow_ups"] = dict_rows(
            conn,
            f"SELECT {_FOLLOW_UP_COLUMNS} FROM follow_ups f "
            "JOIN inspections i ON i.id = f.inspection_id "
            "WHERE i.lineup_id = ? AND f.after_finish = 0 ORDER BY f.id",
            (lineup_id,),
        )
    if version != 1:
        content["content_version"] = version
    return content


_FOLLOW_UP_COLUMNS = (
    "f.id, f.inspection_id, f.item_id, f.event, f.outcome, f.checked_by, f.note, f.recorded_at"
)


def _follow_up_contents(conn: sqlite3.Connection, where: str, params: tuple) -> dict[int, dict]:
    rows = dict_rows(
        conn,
        f"SELECT {_FOLLOW_UP_COLUMNS}, f.after_finish, i.position, d.employee_no, "
        "l.global_id AS lineup, l.day, i.lineup_id AS lineup_id_here FROM follow_ups f "
        "JOIN inspections i ON i.id = f.inspection_id "
        "JOIN lineups l ON l.id = i.lineup_id "
        f"LEFT JOIN identities d ON d.id = i.identity_id WHERE {where} ORDER BY f.id",
        params,
    )
    return {r["id"]: r for r in rows}


def _follow_up_document(row: dict | None) -> dict:
    if row is not None:
        row = {k: v for k, v in row.items() if k != "lineup_id_here"}
    return {"follow_up": row, "content_version": CONTENT_VERSION}


def follow_up_content(conn: sqlite3.Connection, follow_up_id: int) -> dict:
    """What the seal of a follow-up recorded after its line-up was finished covers: the event
    and the fault it follows up (the line-up by its global id, the person by position and the
    number they were judged with), so that it means the same in any copy of the records."""
    found = _follow_up_contents(conn, "f.id = ?", (follow_up_id,))
    return _follow_up_document(found.get(follow_up_id))


def follow_up_hash(conn: sqlite3.Connection, follow_up_id: int) -> str:
    return sha256(canonical(follow_up_content(conn, follow_up_id)))


def content_hash(conn: sqlite3.Connection, lineup_id: int, version: int = CONTENT_VERSION) -> str:
    return sha256(canonical(lineup_content(conn, lineup_id, version)))


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
    version = schema_content_version(conn)
    text = canonical(lineup_content(conn, lineup_id, version))
    digest = sha256(text)
    prev = _head(conn)
    chained = chain(prev, digest)
    stamp = (sealed_at or datetime.now()).replace(microsecond=0).isoformat(sep=" ")
    if version == 1:  # the schema before m003 (the migration that adds seals runs on it)
        cursor = conn.execute(
            "INSERT INTO seals (lineup_id, change_id, content_hash, prev_hash, chain_hash, "
            "sealed_at) VALUES (?, ?, ?, ?, ?, ?)",
            (lineup_id, change_id, digest, prev, chained, stamp),
        )
    else:
        cursor = conn.execute(
            "INSERT INTO seals (lineup_id, change_id, content_hash, prev_hash, chain_hash, "
            "sealed_at, content_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (lineup_id, change_id, digest, prev, chained, stamp, version),
        )
    from inspector.storage import hub_local  # the content travels to the company hub

    hub_local.keep_sealed_document(conn, cursor.lastrowid, text)
    return chained


def seal_follow_up(conn: sqlite3.Connection, follow_up_id: int) -> None:
    """Seal a follow-up recorded after its line-up was finished, as a record of its own: the
    line-up's seal and content stay as they are. Call inside the transaction that wrote it."""
    seal_follow_ups(conn, [follow_up_id])


def seal_follow_ups(conn: sqlite3.Connection, follow_up_ids: Iterable[int]) -> None:
    """Seal follow-ups of finished line-ups, in the order given, each on its own (sealed at the
    time it was recorded); many at once for generated history."""
    from inspector.storage import hub_local

    wanted = list(follow_up_ids)
    if not wanted:
        return
    rows = _follow_up_contents(conn, "f.id BETWEEN ? AND ?", (min(wanted), max(wanted)))
    prev = _head(conn)
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM seals").fetchone()[0]
    seal_rows, documents = [], []
    for follow_up_id in wanted:
        row = rows[follow_up_id]
        text = canonical(_follow_up_document(row))
        digest = sha256(text)
        chained = chain(prev, digest)
        seal_rows.append(
            (next_id, row["lineup_id_here"], digest, prev, chained, row["recorded_at"],
             CONTENT_VERSION, follow_up_id)
        )  # fmt: skip
        documents.append((next_id, text))
        prev, next_id = chained, next_id + 1
    conn.executemany(
        "INSERT INTO seals (id, lineup_id, change_id, content_hash, prev_hash, chain_hash, "
        "sealed_at, content_version, follow_up_id) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)",
        seal_rows,
    )
    hub_local.keep_sealed_documents(conn, documents)


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


def reseal_with_identity(conn: sqlite3.Connection) -> int:
    """Seal again, with the current content version, every line-up whose latest seal is of an
    older one, in the order of those seals (used by the migration that records identities)."""
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT lineup_id FROM seals GROUP BY lineup_id "
            "HAVING max(id) IN (SELECT id FROM seals WHERE content_version < ?) ORDER BY max(id)",
            (IDENTITY_VERSION,),
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
    content_version: int = 1
    follow_up_id: int | None = None  # the seal of a follow-up, not of the line-up's content

    @property
    def short(self) -> str:
        return short_form(self.chain_hash)


def short_form(chain_hash: str) -> str:
    """The printed form of a seal: its first hex digits and an ellipsis, e.g. ``ab12cd34…``."""
    return f"{chain_hash[:SHORT]}…"


def _seal(row: dict) -> Seal:
    return from_row(
        Seal, row, sealed_at=datetime.fromisoformat, content_version=lambda v: int(v or 1)
    )


def seals_for(conn: sqlite3.Connection, lineup_id: int) -> list[Seal]:
    """The seals of a line-up's content (its follow-ups' own seals left out)."""
    rows = dict_rows(conn, "SELECT * FROM seals WHERE lineup_id = ? ORDER BY id", (lineup_id,))
    return [_seal(r) for r in rows if r.get("follow_up_id") is None]


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
    row = dict_rows(
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
    # (printed seal as given, its line-up) for each ``expect`` value found in the chain
    expected: list[tuple[str, int]] = field(default_factory=list)
    follow_ups: int = 0  # re-checks sealed on their own after their line-up was finished

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


class BadExpectedSeal(ValueError):
    """An ``--expect`` value that is not a seal as printed (hex digits, at least 8)."""


def normalise_expected(text: str) -> str:
    """A seal or chain head as printed (``ab12cd34…``, ``Seal: ab12cd34...``, or the full 64
    hex digits) as lower-case hex; :class:`BadExpectedSeal` for anything else."""
    value = text.strip().lower()
    for prefix in ("seal:", "印章:", "印章：", "封印:", "封印："):
        if value.startswith(prefix):
            value = value[len(prefix) :].strip()
    value = value.rstrip("…. ")
    if not (SHORT <= len(value) <= 64) or any(c not in "0123456789abcdef" for c in value):
        raise BadExpectedSeal(
            f"{text.strip()!r} is not a seal: give the {SHORT} or more hex digits printed after "
            "'Seal:' on a line-up sheet or monthly pack (for example ab12cd34)"
        )
    return value


def _check_expected(
    conn: sqlite3.Connection,
    expected: str,
    rows: list[dict],
    latest: dict[int, dict],
    matched: list[tuple[str, int]],
) -> list[VerifyProblem]:
    """What is wrong with one seal printed on paper: gone from the chain, or its line-up no
    longer holds the record that seal covered."""
    found = [row for row in rows if row["chain_hash"].startswith(expected)]
    shown = short_form(expected) if len(expected) < 64 else expected
    if not found:
        unfinished = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT l.id FROM lineups l JOIN inspections i ON i.lineup_id = l.id "
                "WHERE l.finished_at IS NULL AND i.completed_at IS NOT NULL ORDER BY l.id"
            )
        ]
        hint = "".join(
            f" {_cap(_describe(conn, lineup_id))} is not finished now: if the seal was printed "
            "for it, it was reopened outside Inspector after it was sealed."
            for lineup_id in unfinished
        )
        return [
            VerifyProblem(
                unfinished[0] if len(unfinished) == 1 else None,
                f"The seal {shown} is no longer in the chain: the record it sealed was removed "
                f"or rewritten outside Inspector.{hint}",
            )
        ]
    problems = []
    for row in found:
        lineup_id = row["lineup_id"]
        matched.append((expected, lineup_id))
        newest = latest[lineup_id]
        version = int(newest.get("content_version") or 1)
        if content_hash(conn, lineup_id, version) != newest["content_hash"]:
            problems.append(
                VerifyProblem(
                    lineup_id,
                    f"The seal {shown} belongs to {_describe(conn, lineup_id)}, whose records "
                    "no longer match: they were changed outside Inspector.",
                )
            )
        elif _exists(conn, lineup_id) and not _finished(conn, lineup_id):
            problems.append(
                VerifyProblem(
                    lineup_id,
                    f"The seal {shown} belongs to {_describe(conn, lineup_id)}, which is no "
                    "longer finished: it was reopened outside Inspector.",
                )
            )
    return problems


def _finished(conn: sqlite3.Connection, lineup_id: int) -> bool:
    row = conn.execute("SELECT finished_at FROM lineups WHERE id = ?", (lineup_id,)).fetchone()
    return row is not None and row[0] is not None


def _exists(conn: sqlite3.Connection, lineup_id: int) -> bool:
    return conn.execute("SELECT 1 FROM lineups WHERE id = ?", (lineup_id,)).fetchone() is not None


def _highest_seal_id_given(conn: sqlite3.Connection) -> int | None:
    """The highest seal id SQLite ever handed out (None before seals had AUTOINCREMENT)."""
    has_sequence = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'"
    ).fetchone()
    autoincrement = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'seals' "
        "AND sql LIKE '%AUTOINCREMENT%'"
    ).fetchone()
    if not autoincrement:
        return None
    if not has_sequence:
        return 0
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'seals'").fetchone()
    return int(row[0]) if row else 0


def verify(conn: sqlite3.Connection, expect: Iterable[str] = ()) -> VerifyReport:
    """Recompute the chain and every line-up's content; name whatever no longer matches.

    ``expect``: seals or chain heads as printed on paper (see :func:`normalise_expected`);
    each must still be in the chain, and its line-up must still hold what it sealed.
    """
    expected = [normalise_expected(value) for value in expect]
    report = VerifyReport()
    rows = dict_rows(conn, "SELECT * FROM seals ORDER BY id")
    report.seals = len(rows)
    prev = GENESIS
    latest: dict[int, dict] = {}
    follow_up_seals: list[dict] = []
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
        if row.get("follow_up_id") is not None:
            follow_up_seals.append(row)
            continue
        before = latest.get(row["lineup_id"])
        if (
            before is not None
            and row["change_id"] is None
            and int(row.get("content_version") or 1) <= int(before.get("content_version") or 1)
        ):
            # Inspector seals a sealed line-up again only for a change in its change log (or
            # once, when the content a seal covers grew with an upgrade).
            report.problems.append(
                VerifyProblem(
                    row["lineup_id"],
                    f"Seal {row['id']} seals {_describe(conn, row['lineup_id'])} again without "
                    "a change in its change log: it was re-sealed outside Inspector.",
                )
            )
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
        version = int(row.get("content_version") or 1)
        if content_hash(conn, lineup_id, version) != row["content_hash"]:
            report.problems.append(
                VerifyProblem(
                    lineup_id,
                    f"{_cap(_describe(conn, lineup_id))} no longer matches its seal "
                    f"{short_form(row['chain_hash'])}: its records were changed outside Inspector.",
                )
            )
    from inspector.storage import hub_local  # line-ups pulled from other sites: own checks

    pulled = hub_local.pulled_lineup_ids(conn)
    for (lineup_id,) in conn.execute(
        "SELECT id FROM lineups WHERE finished_at IS NOT NULL AND id NOT IN "
        "(SELECT lineup_id FROM seals) ORDER BY id"
    ).fetchall():
        if lineup_id in pulled:
            continue
        report.problems.append(
            VerifyProblem(
                lineup_id,
                f"{_cap(_describe(conn, lineup_id))} is finished but has no seal: "
                "its seal was removed or it was closed outside Inspector.",
            )
        )
    for lineup_id in sorted(latest):
        if _exists(conn, lineup_id) and not _finished(conn, lineup_id):
            report.problems.append(
                VerifyProblem(
                    lineup_id,
                    f"{_cap(_describe(conn, lineup_id))} was sealed but is no longer finished: "
                    "it was reopened outside Inspector.",
                )
            )
    for value in expected:
        report.problems.extend(_check_expected(conn, value, rows, latest, report.expected))
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
    given = _highest_seal_id_given(conn)
    newest_id = rows[-1]["id"] if rows else 0
    if given is not None and given > newest_id:
        missing = given - newest_id
        report.problems.append(
            VerifyProblem(
                None,
                f"The newest {'seal was' if missing == 1 else f'{missing} seals were'} removed "
                f"(seal {newest_id + 1}{f' to {given}' if missing > 1 else ''} is gone from the "
                "chain): a sealed record was taken out of the chain outside Inspector.",
            )
        )

    report.problems += _follow_up_problems(conn, follow_up_seals)
    report.follow_ups = len(follow_up_seals)
    report.problems += [VerifyProblem(i, m) for i, m in hub_local.verify_pulled(conn)]
    report.lineups += len(pulled)
    return report


def _follow_up_problems(conn: sqlite3.Connection, sealed: list[dict]) -> list[VerifyProblem]:
    """Follow-ups recorded after their line-up was finished: each must still hash to its own
    seal, and none may be without one."""
    if "follow_up_id" not in _columns(conn, "seals"):
        return []
    problems = []
    for row in sealed:
        if follow_up_hash(conn, row["follow_up_id"]) != row["content_hash"]:
            problems.append(
                VerifyProblem(
                    row["lineup_id"],
                    f"Follow-up {row['follow_up_id']} of {_describe(conn, row['lineup_id'])} "
                    f"no longer matches its seal {short_form(row['chain_hash'])}: it was "
                    "changed outside Inspector.",
                )
            )
    pulled = {
        r[0]
        for r in conn.execute(
            "SELECT f.id FROM follow_ups f JOIN inspections i ON i.id = f.inspection_id "
            "JOIN lineups l ON l.id = i.lineup_id WHERE l.origin_site IS NOT NULL"
        )
    }
    for follow_up_id, lineup_id in conn.execute(
        "SELECT f.id, i.lineup_id FROM follow_ups f JOIN inspections i ON i.id = f.inspection_id "
        "WHERE f.after_finish = 1 AND f.id NOT IN "
        "(SELECT follow_up_id FROM seals WHERE follow_up_id IS NOT NULL) ORDER BY f.id"
    ).fetchall():
        if follow_up_id in pulled:
            continue
        problems.append(
            VerifyProblem(
                lineup_id,
                f"Follow-up {follow_up_id} of {_describe(conn, lineup_id)} has no seal: it was "
                "written outside Inspector.",
            )
        )
    return problems


def verify_store(store: Store, expect: Iterable[str] = ()) -> VerifyReport:
    """:func:`verify` over an open store."""
    return verify(store.db.conn, expect)
