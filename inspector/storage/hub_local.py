"""The local side of the company hub: what this SQLite database sends and what it received.

A *document* is one seal row with the canonical content it covers: the first seal of a line-up
(kind ``lineup``), the seal after an amendment (kind ``amendment``) or the seal of a re-check
recorded after the line-up was finished (kind ``recheck``: the follow-up is written beside the
pulled line-up, so HR's follow-up figures count it). Documents travel with
global ids: the site's UUID (setting ``hub.site_id``), a UUID per line-up (``lineups.global_id``)
and per document (``seal_documents.global_id``); local integer ids stay local.

What is sent: the latest seal of a line-up carries the content recomputed from the records now,
so a database edited behind the app sends content that no longer matches its seal and the hub
refuses it; an earlier seal (superseded by an amendment) carries the content kept when it was
sealed (``seal.append_seal`` stores it in ``seal_documents``).

What is received: another site's documents are kept as they came (``hub_documents``, verified:
hash and chain) and their line-ups are written into the ordinary tables, with ``origin_site``
set, so that reports and the monthly pack cover them. They are read-only here
(``require_local``) and ``verify`` checks them against their documents (``verify_pulled``).
"""

from __future__ import annotations

import functools
import sqlite3
import uuid
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

from inspector.domain.errors import UserError
from inspector.storage import seal
from inspector.storage.errors import LineupClosedError
from inspector.storage.rows import dict_rows, from_row

SITE_ID = "hub.site_id"
SITE_NAME = "hub.site_name"
URL = "hub.url"
ROLE = "hub.role"  # "site" or "hr": what the stored URL logs in as
PUSHED_SEQ = "hub.pushed_seq"
LAST_PUSH = "hub.last_push"
LAST_PULL = "hub.last_pull"

KINDS = ("lineup", "amendment", "recheck", "observation")


class PulledLineupError(LineupClosedError, UserError):
    """A line-up pulled from another site is read-only here: amend it at its own site.

    A kind of closed line-up, so that every screen that handles one shows this message too.
    """


@dataclass(frozen=True, slots=True)
class Document:
    """One sealed document as it travels between a site, the hub, a file and another copy."""

    global_id: str
    site_id: str
    seq: int  # the seal's place in its site's chain
    kind: str
    record_id: str  # the global id of the line-up it seals
    label: str  # the line-up in words, for messages: "line-up 2026-11-03 早班 翠湖花园"
    content: str | None  # canonical JSON; None only for a superseded seal made before the hub
    people: str  # canonical JSON {employee_no: {name, sex, department, role, site}}
    content_hash: str
    prev_hash: str
    chain_hash: str
    sealed_at: str

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        return cls(**{name: data[name] for name in cls.__slots__})


@dataclass(frozen=True, slots=True)
class ChecklistVersion:
    content_hash: str
    set_id: str
    version: int
    content: str


@dataclass(frozen=True, slots=True)
class RosterEntry:
    employee_no: str
    name: str
    sex: str
    department: str
    role: str
    site: str
    active: bool

    @property
    def fingerprint(self) -> str:
        return seal.canonical(
            [self.name, self.sex, self.department, self.role, self.site, self.active]
        )


@dataclass(frozen=True, slots=True)
class RosterConflict:
    """An employee edited here that the master roster has differently: kept as it is here."""

    employee_no: str
    local: RosterEntry
    master: RosterEntry

    @property
    def fields(self) -> list[str]:
        return [
            name
            for name in ("name", "sex", "department", "role", "site", "active")
            if getattr(self.local, name) != getattr(self.master, name)
        ]


P = ParamSpec("P")
R = TypeVar("R")


def on_store(
    func: Callable[Concatenate[sqlite3.Connection, P], R],
) -> Callable[Concatenate[Any, P], R]:
    """Let the use-case layer pass its ``Store``: the function runs on the Store's connection
    (inside the caller's ``store.write()`` transaction when there is one); storage code that
    holds a raw connection (migrations, seals) passes that."""

    @functools.wraps(func)
    def wrapper(source: Any, *args: P.args, **kwargs: P.kwargs) -> R:
        conn = source if isinstance(source, sqlite3.Connection) else source.db.conn
        return func(conn, *args, **kwargs)

    return wrapper


def _now() -> str:
    return datetime.now().replace(microsecond=0).isoformat(sep=" ")


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        is not None
    )


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


# -- sealing (called by seal.append_seal and the migration) ------------------------------------


def _packed(content: str | None) -> bytes | None:
    """A sealed document as stored: zlib-compressed (a line-up's canonical JSON shrinks about
    ninefold, and one is kept per seal)."""
    return None if content is None else zlib.compress(content.encode("utf-8"))


def _unpacked(stored: bytes | str | None) -> str | None:
    """A stored sealed document as text; databases from before compression hold plain text."""
    if isinstance(stored, bytes):
        return zlib.decompress(stored).decode("utf-8")
    return stored


def sealed_content(conn: sqlite3.Connection, seal_id: int) -> str | None:
    """The content a seal covered as it was kept (None: not kept, or not a seal)."""
    row = conn.execute("SELECT content FROM seal_documents WHERE seal_id = ?", (seal_id,))
    found = row.fetchone()
    return _unpacked(found[0]) if found else None


def keep_sealed_document(conn: sqlite3.Connection, seal_id: int, content: str) -> None:
    """Keep the content a new seal covers, under a new document id (no-op before m005_hub)."""
    if _has_table(conn, "seal_documents"):
        conn.execute(
            "INSERT INTO seal_documents (seal_id, global_id, content) VALUES (?, ?, ?)",
            (seal_id, str(uuid.uuid4()), _packed(content)),
        )


def keep_sealed_documents(conn: sqlite3.Connection, sealed: Iterable[tuple[int, str]]) -> None:
    """:func:`keep_sealed_document` for many (seal id, content) at once."""
    conn.executemany(
        "INSERT INTO seal_documents (seal_id, global_id, content) VALUES (?, ?, ?)",
        [(seal_id, str(uuid.uuid4()), _packed(content)) for seal_id, content in sealed],
    )


def keep_current_documents(conn: sqlite3.Connection) -> None:
    """Give every existing seal a document id; the latest seal of a line-up gets its content.

    Earlier seals of an amended line-up covered a content that is gone: they travel as hashes
    only (the hub checks their place in the chain, not their content).
    """
    latest = {
        lineup_id: seal_id
        for lineup_id, seal_id in conn.execute(
            "SELECT lineup_id, max(id) FROM seals GROUP BY lineup_id"
        )
    }
    rows = conn.execute(
        "SELECT id, lineup_id, content_hash, content_version FROM seals WHERE id NOT IN "
        "(SELECT seal_id FROM seal_documents) ORDER BY id"
    ).fetchall()
    for seal_id, lineup_id, digest, version in rows:
        content = None
        if latest.get(lineup_id) == seal_id:
            text = seal.canonical(seal.lineup_content(conn, lineup_id, version))
            content = text if seal.sha256(text) == digest else None
        conn.execute(
            "INSERT INTO seal_documents (seal_id, global_id, content) VALUES (?, ?, ?)",
            (seal_id, str(uuid.uuid4()), _packed(content)),
        )


# -- the read-only guard ------------------------------------------------------------------------


def origin_of(conn: sqlite3.Connection, lineup_id: int) -> str | None:
    """The site a line-up was pulled from, or None for one recorded here."""
    try:
        row = conn.execute("SELECT origin_site FROM lineups WHERE id = ?", (lineup_id,)).fetchone()
    except sqlite3.OperationalError:  # a database from before the hub (opened without migrating)
        return None
    return row[0] if row else None


def require_local(conn: sqlite3.Connection, lineup_id: int) -> None:
    """Refuse to change a line-up that another site recorded."""
    origin = origin_of(conn, lineup_id)
    if origin is None:
        return
    row = conn.execute("SELECT name FROM hub_sites WHERE site_id = ?", (origin,)).fetchone()
    name = row[0] if row else origin
    raise PulledLineupError(
        f"Line-up {lineup_id} was recorded at site {name} and pulled from the company hub: it "
        "is read-only here. An amendment is made at that site and reaches this copy with the "
        "next pull."
    )


def pulled_lineup_ids(conn: sqlite3.Connection) -> set[int]:
    try:
        return {r[0] for r in conn.execute("SELECT id FROM lineups WHERE origin_site IS NOT NULL")}
    except sqlite3.OperationalError:
        return set()


# -- what this site sends -----------------------------------------------------------------------


@on_store
def site_id(conn: sqlite3.Connection) -> str:
    """This database's site UUID ("" until the hub or an export first needs it)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (SITE_ID,)).fetchone()
    return row[0] if row else ""


@on_store
def ensure_site_id(conn: sqlite3.Connection) -> str:
    """This database's site UUID, made on first use (caller's write transaction)."""
    found = site_id(conn)
    if not found:
        found = str(uuid.uuid4())
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (SITE_ID, found))
    return found


def label_of(row: dict) -> str:
    parts = [row.get("day") or "", row.get("shift") or "", row.get("site") or ""]
    parts.append(row.get("department") or "")
    return "line-up " + " ".join(p for p in parts if p)


def people_of(conn: sqlite3.Connection, lineup_id: int) -> str:
    rows = dict_rows(
        conn,
        "SELECT e.employee_no, e.name, e.sex, e.department, e.role, e.site FROM inspections i "
        "JOIN employees e ON e.id = i.employee_id WHERE i.lineup_id = ? ORDER BY e.employee_no",
        (lineup_id,),
    )
    return seal.canonical({r.pop("employee_no"): r for r in rows})


@on_store
def own_sites(conn: sqlite3.Connection) -> list[str]:
    """The site names of the line-ups recorded here."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT site FROM lineups WHERE site != '' AND origin_site IS NULL"
        )
    ]


@on_store
def last_seal_id(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(id), 0) FROM seals").fetchone()[0]


@on_store
def chain_hash_at(conn: sqlite3.Connection, seq: int) -> str | None:
    if seq == 0:
        return seal.GENESIS
    row = conn.execute("SELECT chain_hash FROM seals WHERE id = ?", (seq,)).fetchone()
    return row[0] if row else None


@on_store
def outbox(conn: sqlite3.Connection, after: int, limit: int) -> list[Document]:
    """This site's documents after seal ``after`` (the hub's head), oldest first."""
    rows = dict_rows(
        conn,
        "SELECT s.id, s.lineup_id, s.change_id, s.follow_up_id, s.content_version, "
        "s.content_hash, s.prev_hash, s.chain_hash, "
        "s.sealed_at, d.global_id, d.content, l.global_id AS record_id, l.day, l.shift, l.site, "
        "l.department, (SELECT max(s2.id) FROM seals s2 WHERE s2.lineup_id = s.lineup_id "
        "AND s2.follow_up_id IS NULL) AS latest FROM seals s JOIN lineups l ON l.id = s.lineup_id "
        "LEFT JOIN seal_documents d ON d.seal_id = s.id WHERE s.id > ? ORDER BY s.id LIMIT ?",
        (after, limit),
    )
    me = site_id(conn)
    was_in_transaction = conn.in_transaction
    documents = []
    for row in rows:
        if row["global_id"] is None:  # a seal written behind the app: give it an id now
            row["global_id"] = str(uuid.uuid4())
            conn.execute(
                "INSERT INTO seal_documents (seal_id, global_id) VALUES (?, ?)",
                (row["id"], row["global_id"]),
            )
        content = _unpacked(row["content"])
        # The records as they are now: if they were edited behind the app, the hub sees it.
        if row["follow_up_id"] is not None:
            content = seal.canonical(seal.follow_up_content(conn, row["follow_up_id"]))
        elif row["id"] == row["latest"]:
            version = row["content_version"] or 1
            content = seal.canonical(seal.lineup_content(conn, row["lineup_id"], version))
        documents.append(
            Document(
                global_id=row["global_id"],
                site_id=me,
                seq=row["id"],
                kind=_kind(row),
                record_id=row["record_id"],
                label=label_of(row),
                content=content,
                people=people_of(conn, row["lineup_id"]),
                content_hash=row["content_hash"],
                prev_hash=row["prev_hash"],
                chain_hash=row["chain_hash"],
                sealed_at=row["sealed_at"],
            )
        )
    if conn.in_transaction and not was_in_transaction:
        conn.commit()
    return documents


def _kind(seal_row: dict) -> str:
    if seal_row["follow_up_id"] is not None:
        return "recheck"
    return "amendment" if seal_row["change_id"] is not None else "lineup"


@on_store
def checklists_of(
    conn: sqlite3.Connection, documents: Iterable[Document]
) -> list[ChecklistVersion]:
    """The checklist versions the line-ups of ``documents`` were judged against."""
    ids = sorted({d.record_id for d in documents})
    found: dict[str, ChecklistVersion] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in dict_rows(
            conn,
            "SELECT DISTINCT v.content_hash, v.set_id, v.version, v.content FROM lineups l "
            "JOIN lineup_checklists lc ON lc.lineup_id = l.id "
            "JOIN checklist_versions v ON v.id = lc.checklist_version_id "
            f"WHERE l.global_id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            found[row["content_hash"]] = ChecklistVersion(**row)
    return list(found.values())


@on_store
def checklist_hashes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT content_hash FROM checklist_versions")}


@on_store
def add_checklist_versions(conn: sqlite3.Connection, versions: Iterable[ChecklistVersion]) -> int:
    added = 0
    for v in versions:
        if seal.sha256(v.content) != v.content_hash:
            continue  # never keep words that do not match their hash
        cursor = conn.execute(
            "INSERT OR IGNORE INTO checklist_versions (set_id, version, content_hash, content, "
            "recorded_at) VALUES (?, ?, ?, ?, ?)",
            (v.set_id, v.version, v.content_hash, v.content, _now()),
        )
        added += cursor.rowcount
    return added


@on_store
def waiting(conn: sqlite3.Connection) -> int:
    """Seals of this site the hub has not acknowledged yet."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (PUSHED_SEQ,)).fetchone()
    pushed = int(row[0]) if row else 0
    try:
        return conn.execute("SELECT count(*) FROM seals WHERE id > ?", (pushed,)).fetchone()[0]
    except sqlite3.OperationalError:  # an old database opened read-only
        return 0


@on_store
def pulled_counts(conn: sqlite3.Connection) -> tuple[int, int]:
    """(sites, documents) pulled from the hub into this copy."""
    try:
        return conn.execute(
            "SELECT (SELECT count(*) FROM hub_sites), (SELECT count(*) FROM hub_documents)"
        ).fetchone()
    except sqlite3.OperationalError:  # an old database opened read-only
        return (0, 0)


# -- what this copy receives --------------------------------------------------------------------


def document_problem(doc: Document, prev_hash: str, site_name: str) -> str | None:
    """Why a document cannot be taken (its hash, its link in its site's chain), or None."""
    if doc.kind not in KINDS:
        return f"{doc.label} from site {site_name} has an unknown kind {doc.kind!r}."
    if doc.content is not None and seal.sha256(doc.content) != doc.content_hash:
        return (
            f"{seal._cap(doc.label)} from site {site_name} does not match its seal "
            f"{seal.short_form(doc.chain_hash)}: its records were changed outside Inspector."
        )
    if seal.chain(doc.prev_hash, doc.content_hash) != doc.chain_hash or doc.prev_hash != prev_hash:
        return (
            f"{seal._cap(doc.label)} from site {site_name} does not continue the site's seal "
            "chain: a seal was altered or removed."
        )
    return None


@dataclass(frozen=True, slots=True)
class SiteCursor:
    site_id: str
    name: str
    pulled_seq: int
    head: str


@on_store
def site_cursors(conn: sqlite3.Connection) -> dict[str, SiteCursor]:
    return {
        r["site_id"]: SiteCursor(**r)
        for r in dict_rows(conn, "SELECT site_id, name, pulled_seq, head FROM hub_sites")
    }


@on_store
def add_pulled(
    conn: sqlite3.Connection, site_name: str, documents: Sequence[Document]
) -> list[str]:
    """Take one site's next documents (in chain order) in the caller's transaction.

    Each is checked against the chain as this copy knows it; its line-up is written (or, for an
    amendment, rewritten) into the ordinary tables. Returns the line-up global ids touched.
    Raises PulledDocumentError at the first document that does not check out.
    """
    if not documents:
        return []
    site = documents[0].site_id
    cursor = site_cursors(conn).get(site)
    if cursor is None:
        conn.execute(
            "INSERT INTO hub_sites (site_id, name, head) VALUES (?, ?, ?)",
            (site, site_name, seal.GENESIS),
        )
        cursor = SiteCursor(site, site_name, 0, seal.GENESIS)
    elif cursor.name != site_name:
        conn.execute("UPDATE hub_sites SET name = ? WHERE site_id = ?", (site_name, site))
    head, seq = cursor.head, cursor.pulled_seq
    touched: list[str] = []
    stamp = _now()
    tables = _Tables(conn)
    for doc in documents:
        if doc.seq <= seq:
            continue  # already here (a batch sent twice)
        problem = document_problem(doc, head, site_name)
        if problem:
            raise PulledDocumentError(problem)
        conn.execute(
            "INSERT INTO hub_documents (global_id, site_id, seq, kind, record_id, label, content, "
            "content_hash, prev_hash, chain_hash, sealed_at, received_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.global_id,
                site,
                doc.seq,
                doc.kind,
                doc.record_id,
                doc.label,
                doc.content,
                doc.content_hash,
                doc.prev_hash,
                doc.chain_hash,
                doc.sealed_at,
                stamp,
            ),
        )
        if doc.kind == "recheck":
            _materialise_follow_up(conn, doc)
        elif doc.content is not None:
            _materialise(conn, tables, doc, site)
            touched.append(doc.record_id)
        head, seq = doc.chain_hash, doc.seq
    conn.execute(
        "UPDATE hub_sites SET pulled_seq = ?, head = ? WHERE site_id = ?", (seq, head, site)
    )
    return touched


class PulledDocumentError(UserError):
    """A document from the hub (or a file) that does not match its seal or its chain."""


class _Tables:
    """Column names of the tables a pulled line-up is written into (read once per connection)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.lineups = [
            c
            for c in _columns(conn, "lineups")
            if c not in ("id", "global_id", "origin_site", "cursor")
        ]
        self.inspections = [
            c
            for c in _columns(conn, "inspections")
            if c not in ("id", "lineup_id", "employee_id", "identity_id")
        ]
        self.identities = "identity_id" in _columns(conn, "inspections")
        self.marks = [
            c for c in _columns(conn, "marks") if c not in ("inspection_id", "checklist_version_id")
        ]
        self.changes = [
            c for c in _columns(conn, "change_log") if c not in ("id", "lineup_id", "inspection_id")
        ]
        self.employees = set(_columns(conn, "employees"))


def _identity_id(conn: sqlite3.Connection, employee_id: int, inspection: dict) -> int:
    """The ``identities`` row of a pulled inspection: the sealed identity when the document
    carries one (content version 2), else the person's roster entry here."""
    if inspection.get("name") is not None:
        values = tuple(inspection[k] for k in ("employee_no", "name", "department", "role", "sex"))
    else:
        values = conn.execute(
            "SELECT employee_no, name, department, role, sex FROM employees WHERE id = ?",
            (employee_id,),
        ).fetchone()
    conn.execute(
        "INSERT OR IGNORE INTO identities (employee_id, employee_no, name, department, role, "
        "sex) VALUES (?, ?, ?, ?, ?, ?)",
        (employee_id, *values),
    )
    return conn.execute(
        "SELECT id FROM identities WHERE employee_id = ? AND employee_no = ? AND name = ? "
        "AND department = ? AND role = ? AND sex = ?",
        (employee_id, *values),
    ).fetchone()[0]


def _employee_id(conn: sqlite3.Connection, employee_no: str, people: dict) -> int:
    row = conn.execute("SELECT id FROM employees WHERE employee_no = ?", (employee_no,)).fetchone()
    if row:
        return row[0]
    who = people.get(employee_no) or {}
    stamp = _now()
    cursor = conn.execute(
        "INSERT INTO employees (employee_no, name, sex, department, role, site, active, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
        (
            employee_no,
            who.get("name") or employee_no,
            who.get("sex") if who.get("sex") in ("female", "male") else "male",
            who.get("department") or "",
            who.get("role") or "",
            who.get("site") or "",
            stamp,
            stamp,
        ),
    )
    return cursor.lastrowid


def _materialise(conn: sqlite3.Connection, t: _Tables, doc: Document, site: str) -> None:
    """Write a document's line-up into the ordinary tables (replacing an earlier version)."""
    import json

    content = json.loads(doc.content)
    people = json.loads(doc.people or "{}")
    header = content["lineup"]
    values = [header.get(c) for c in t.lineups]
    row = conn.execute("SELECT id FROM lineups WHERE global_id = ?", (doc.record_id,)).fetchone()
    if row is None:
        cursor = conn.execute(
            f"INSERT INTO lineups ({', '.join(t.lineups)}, global_id, origin_site) "
            f"VALUES ({', '.join('?' * len(t.lineups))}, ?, ?)",
            (*values, doc.record_id, site),
        )
        lineup_id = cursor.lastrowid
    else:
        lineup_id = row[0]
        conn.execute(
            f"UPDATE lineups SET {', '.join(f'{c} = ?' for c in t.lineups)} WHERE id = ?",
            (*values, lineup_id),
        )
    version_ids = {h: i for h, i in conn.execute("SELECT content_hash, id FROM checklist_versions")}
    conn.executemany(
        "INSERT OR IGNORE INTO lineup_checklists (lineup_id, checklist_version_id) VALUES (?, ?)",
        [(lineup_id, version_ids[c["content_hash"]]) for c in content["checklists"]],
    )
    # Inspections: matched by position (stable within a line-up).
    existing = {
        pos: iid
        for pos, iid in conn.execute(
            "SELECT position, id FROM inspections WHERE lineup_id = ?", (lineup_id,)
        )
    }
    local_of: dict[int, int] = {}  # the origin's inspection id -> ours
    for inspection in content["inspections"]:
        employee_id = _employee_id(conn, inspection["employee_no"], people)
        cols = list(t.inspections)
        vals = [inspection.get(c) for c in cols]
        if t.identities:  # the identity the origin judged the person with, as it sealed it
            cols.append("identity_id")
            vals.append(_identity_id(conn, employee_id, inspection))
        position = inspection["position"]
        if position in existing:
            conn.execute(
                f"UPDATE inspections SET {', '.join(f'{c} = ?' for c in cols)}, employee_id = ? "
                "WHERE id = ?",
                (*vals, employee_id, existing[position]),
            )
            local_of[inspection["id"]] = existing[position]
        else:
            cursor = conn.execute(
                f"INSERT INTO inspections (lineup_id, employee_id, {', '.join(cols)}) "
                f"VALUES (?, ?, {', '.join('?' * len(cols))})",
                (lineup_id, employee_id, *vals),
            )
            local_of[inspection["id"]] = cursor.lastrowid
    if existing:
        conn.execute(
            "DELETE FROM marks WHERE inspection_id IN "
            "(SELECT id FROM inspections WHERE lineup_id = ?)",
            (lineup_id,),
        )
    conn.executemany(
        f"INSERT INTO marks (inspection_id, checklist_version_id, {', '.join(t.marks)}) "
        f"VALUES (?, ?, {', '.join('?' * len(t.marks))})",
        [
            (
                local_of[m["inspection_id"]],
                version_ids[m["checklist_hash"]],
                *[m.get(c) for c in t.marks],
            )
            for m in content["marks"]
        ],
    )
    _add_follow_ups(conn, lineup_id, local_of, content.get("follow_ups", []), after_finish=0)
    known = conn.execute(
        "SELECT count(*) FROM change_log WHERE lineup_id = ?", (lineup_id,)
    ).fetchone()[0]
    conn.executemany(
        f"INSERT INTO change_log (lineup_id, inspection_id, {', '.join(t.changes)}) "
        f"VALUES (?, ?, {', '.join('?' * len(t.changes))})",
        [
            (lineup_id, local_of.get(c["inspection_id"]), *[c.get(k) for k in t.changes])
            for c in content["changes"][known:]
        ],
    )


_FOLLOW_UP_FIELDS = ("item_id", "event", "outcome", "checked_by", "note", "recorded_at")


def _add_follow_ups(
    conn: sqlite3.Connection,
    lineup_id: int,
    local_of: dict[int, int],
    follow_ups: Sequence[dict],
    *,
    after_finish: int,
) -> None:
    """Append the follow-ups of a pulled document not here yet (they are append-only: the
    ones already written are the first ones of the list)."""
    if not follow_ups:
        return
    known = conn.execute(
        "SELECT count(*) FROM follow_ups f JOIN inspections i ON i.id = f.inspection_id "
        "WHERE i.lineup_id = ? AND f.after_finish = ?",
        (lineup_id, after_finish),
    ).fetchone()[0]
    conn.executemany(
        f"INSERT INTO follow_ups (inspection_id, after_finish, {', '.join(_FOLLOW_UP_FIELDS)}) "
        f"VALUES (?, ?, {', '.join('?' * len(_FOLLOW_UP_FIELDS))})",
        [
            (local_of[f["inspection_id"]], after_finish, *[f.get(k) for k in _FOLLOW_UP_FIELDS])
            for f in follow_ups[known:]
        ],
    )


def _materialise_follow_up(conn: sqlite3.Connection, doc: Document) -> None:
    """Write a pulled re-check (recorded after its line-up was finished) beside that line-up,
    so that HR's figures count it."""
    import json

    follow_up = json.loads(doc.content or "{}").get("follow_up") or {}
    row = conn.execute(
        "SELECT i.id, i.lineup_id FROM inspections i JOIN lineups l ON l.id = i.lineup_id "
        "WHERE l.global_id = ? AND i.position = ?",
        (doc.record_id, follow_up.get("position")),
    ).fetchone()
    if row is None:  # its line-up did not come with this copy: the document is kept anyway
        return
    conn.execute(
        f"INSERT INTO follow_ups (inspection_id, after_finish, {', '.join(_FOLLOW_UP_FIELDS)}) "
        f"VALUES (?, 1, {', '.join('?' * len(_FOLLOW_UP_FIELDS))})",
        (row[0], *[follow_up.get(k) for k in _FOLLOW_UP_FIELDS]),
    )


# -- verifying what was pulled ------------------------------------------------------------------


def portable(content: dict) -> dict:
    """A line-up's content without the local ids of the database it sits in.

    Inspections are known by their position, employees by their number, checklist versions by
    their hash, changes by their order: the same record in two databases has the same form.
    """
    position = {i["id"]: i["position"] for i in content.get("inspections", [])}
    out = {k: v for k, v in content.items() if k not in ("lineup", "inspections", "marks")}
    out["lineup"] = {k: v for k, v in (content.get("lineup") or {}).items() if k != "id"}
    out["inspections"] = sorted(
        (
            {k: v for k, v in i.items() if k not in ("id", "employee_id")}
            for i in content.get("inspections", [])
        ),
        key=lambda i: i["position"],
    )
    out["marks"] = sorted(
        (
            {
                **{
                    k: v for k, v in m.items() if k not in ("inspection_id", "checklist_version_id")
                },
                "position": position.get(m["inspection_id"]),
            }
            for m in content.get("marks", [])
        ),
        key=lambda m: (m["position"], m["item_id"]),
    )
    out["changes"] = [
        {
            **{k: v for k, v in c.items() if k not in ("id", "inspection_id")},
            "position": position.get(c["inspection_id"]),
        }
        for c in content.get("changes", [])
    ]
    if "follow_ups" in content:
        out["follow_ups"] = [
            {
                **{k: v for k, v in f.items() if k not in ("id", "inspection_id")},
                "position": position.get(f["inspection_id"]),
            }
            for f in content["follow_ups"]
        ]
    return out


def _matches(here: object, sealed: object) -> bool:
    """Whether this copy's record says everything the sealed document says, the same way.

    Fields the document does not have (a document sealed in an older canonical form) are not
    compared; every field it has must be equal, and lists must have the same length.
    """
    if isinstance(sealed, dict):
        return isinstance(here, dict) and all(
            _matches(here.get(key), value) for key, value in sealed.items()
        )
    if isinstance(sealed, list):
        return (
            isinstance(here, list)
            and len(here) == len(sealed)
            and all(_matches(a, b) for a, b in zip(here, sealed, strict=True))
        )
    return here == sealed


def verify_pulled(conn: sqlite3.Connection) -> list[tuple[int | None, str]]:
    """(line-up id, message) for every pulled document or line-up that no longer checks out."""
    import json

    if not _has_table(conn, "hub_documents"):
        return []
    problems: list[tuple[int | None, str]] = []
    names = {s.site_id: s.name for s in site_cursors(conn).values()}
    local_ids = {
        gid: lid
        for gid, lid in conn.execute(
            "SELECT global_id, id FROM lineups WHERE origin_site IS NOT NULL"
        )
    }
    prev: dict[str, str] = {}
    latest: dict[str, Document] = {}
    for row in dict_rows(conn, "SELECT * FROM hub_documents ORDER BY site_id, seq"):
        row.pop("received_at")
        doc = Document(**row, people="")
        problem = document_problem(doc, prev.get(doc.site_id, seal.GENESIS), names[doc.site_id])
        if problem:
            problems.append((local_ids.get(doc.record_id), problem))
        prev[doc.site_id] = doc.chain_hash
        if doc.content is not None and doc.kind != "recheck":
            latest[doc.record_id] = doc
    for record_id, lineup_id in sorted(local_ids.items(), key=lambda kv: kv[1]):
        doc = latest.get(record_id)
        if doc is None:
            problems.append(
                (
                    lineup_id,
                    f"Line-up {lineup_id} was pulled from the hub but its document is gone.",
                )
            )
            continue
        sealed = json.loads(doc.content)
        version = int(sealed.get("content_version") or 1)
        here = portable(seal.lineup_content(conn, lineup_id, version))
        if not _matches(here, portable(sealed)):
            problems.append(
                (
                    lineup_id,
                    f"Line-up {lineup_id} ({doc.label[len('line-up ') :]}, from site "
                    f"{names[doc.site_id]}) no longer matches the document its site sealed "
                    f"{seal.short_form(doc.chain_hash)}: it was changed in this copy.",
                )
            )
    return problems


# -- the roster -----------------------------------------------------------------------------------


@on_store
def local_roster(conn: sqlite3.Connection) -> list[RosterEntry]:
    return [
        from_row(RosterEntry, r, active=bool)
        for r in dict_rows(
            conn,
            "SELECT employee_no, name, sex, department, role, site, active FROM employees "
            "ORDER BY employee_no",
        )
    ]


@dataclass(frozen=True, slots=True)
class RosterMerge:
    added: int
    updated: int
    conflicts: list[RosterConflict]


def _employee_values(entry: RosterEntry, stamp: str) -> dict[str, object]:
    """The named parameters of an employees row written from the master roster at ``stamp``."""
    return {**asdict(entry), "active": int(entry.active), "stamp": stamp}


@on_store
def merge_roster(
    conn: sqlite3.Connection, master: Iterable[RosterEntry], *, take_master: bool = False
) -> RosterMerge:
    """Bring the master roster in without losing a local edit (caller's transaction).

    Three-way, against the master as last pulled (``hub_roster_base``, first the roster as it was
    at ``hub connect``): an employee not edited here since then takes the master's values; one edited here that the master has otherwise
    is a conflict, listed and kept as it is here (unless ``take_master``).
    """
    local = {e.employee_no: e for e in local_roster(conn)}
    base = dict(conn.execute("SELECT employee_no, fingerprint FROM hub_roster_base"))
    added = updated = 0
    conflicts: list[RosterConflict] = []
    stamp = _now()
    for entry in master:
        mine = local.get(entry.employee_no)
        if mine is None:
            conn.execute(
                "INSERT INTO employees (employee_no, name, sex, department, role, site, active, "
                "created_at, updated_at) VALUES (:employee_no, :name, :sex, :department, :role, "
                ":site, :active, :stamp, :stamp)",
                _employee_values(entry, stamp),
            )
            added += 1
        elif mine.fingerprint != entry.fingerprint:
            edited_here = base.get(entry.employee_no) != mine.fingerprint
            if edited_here and not take_master:
                conflicts.append(RosterConflict(entry.employee_no, mine, entry))
                continue
            conn.execute(
                "UPDATE employees SET name = :name, sex = :sex, department = :department, "
                "role = :role, site = :site, active = :active, updated_at = :stamp "
                "WHERE employee_no = :employee_no",
                _employee_values(entry, stamp),
            )
            updated += 1
        conn.execute(
            "INSERT INTO hub_roster_base (employee_no, fingerprint) VALUES (?, ?) "
            "ON CONFLICT (employee_no) DO UPDATE SET fingerprint = excluded.fingerprint",
            (entry.employee_no, entry.fingerprint),
        )
    return RosterMerge(added, updated, conflicts)


@on_store
def snapshot_roster_base(conn: sqlite3.Connection) -> None:
    """At connect: the roster as it is now is the base, so later edits here count as local."""
    conn.executemany(
        "INSERT OR IGNORE INTO hub_roster_base (employee_no, fingerprint) VALUES (?, ?)",
        [(e.employee_no, e.fingerprint) for e in local_roster(conn)],
    )


@on_store
def mark_roster_published(conn: sqlite3.Connection, entries: Iterable[RosterEntry]) -> None:
    """What HR published is the base its copy merges against later."""
    conn.executemany(
        "INSERT INTO hub_roster_base (employee_no, fingerprint) VALUES (?, ?) "
        "ON CONFLICT (employee_no) DO UPDATE SET fingerprint = excluded.fingerprint",
        [(e.employee_no, e.fingerprint) for e in entries],
    )
