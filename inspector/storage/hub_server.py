"""The company hub's PostgreSQL side (psycopg 3): connecting, the schema, sending, fetching.

The password never passes through Inspector: the URL is stored without one and libpq finds it
the usual ways (``~/.pgpass`` or ``PGPASSFILE``, ``PGPASSWORD``, a service file with
``service=NAME``); TLS is the URL's ``sslmode``. Every error of the network or the login
becomes a ``HubUnavailableError`` with one line that names the hub (never the password).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from inspector.domain.errors import UserError
from inspector.storage import hub_schema
from inspector.storage.hub_local import ChecklistVersion, Document, RosterEntry

S = hub_schema.SCHEMA
CONNECT_TIMEOUT_S = 5


class HubUnavailableError(UserError):
    """The hub cannot be reached, refuses the login, or the connection dropped."""


class HubRefusedError(UserError):
    """The hub refused a document or an action (its message names the site and the line-up)."""


class HubNotSetUpError(UserError):
    """The database has no hub schema (or an older one): IT runs ``inspector hub init``."""


def without_password(url: str) -> str:
    """The URL as it may be stored and shown: any password taken out."""
    url = url.strip()
    if re.match(r"^postgres(ql)?://", url):
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, host = netloc.rsplit("@", 1)
            netloc = f"{userinfo.split(':', 1)[0]}@{host}"
        query = "&".join(
            p for p in parts.query.split("&") if p and not p.lower().startswith("password=")
        )
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise HubUnavailableError(f"The hub address is not valid: {_first_line(exc)}") from None
    params.pop("password", None)
    return make_conninfo(**params)


def has_password(url: str) -> bool:
    return without_password(url) != url.strip()


def describe(url: str) -> str:
    """The hub in words for messages: user@host:port/dbname."""
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return without_password(url)
    if "service" in params and "host" not in params:
        return f"service {params['service']}"
    user = params.get("user", "")
    host = params.get("host", "localhost")
    port = params.get("port", "5432")
    return f"{user + '@' if user else ''}{host}:{port}/{params.get('dbname', '')}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (
        (text[-1] if text and text[0].startswith("connection failed") else text[0]) if text else ""
    )


def _reason(exc: BaseException) -> str:
    """libpq's message, cut to its most telling line."""
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    for line in lines:
        if "FATAL:" in line or "password" in line or "refused" in line or "timeout" in line:
            return line.split("FATAL:", 1)[-1].strip()
    return lines[-1] if lines else type(exc).__name__


def _is_login_problem(text: str) -> bool:
    text = text.lower()
    return any(
        word in text
        for word in ("password", "authentication", "role", "no pg_hba.conf", "permission denied")
    )


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the login is on the hub: a site (its name and UUID, if claimed) or HR or IT."""

    user: str
    kind: str  # "site", "hr" or "admin"
    site_name: str | None
    site_id: str | None


@dataclass(frozen=True, slots=True)
class SiteHead:
    name: str
    site_id: str
    head_seq: int
    head_hash: str


class Hub:
    """One connection to the hub. Use as a context manager; each public call is one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.where = describe(url)
        try:
            self.conn = psycopg.connect(
                url,
                connect_timeout=CONNECT_TIMEOUT_S,
                application_name="inspector",
                autocommit=False,
            )
        except psycopg.OperationalError as exc:
            reason = _reason(exc)
            if _is_login_problem(reason):
                raise HubUnavailableError(
                    f"The hub {self.where} refused the login: {reason}"
                ) from None
            raise HubUnavailableError(f"The hub {self.where} cannot be reached: {reason}") from None

    @property
    def database_name(self) -> str:
        """The hub's PostgreSQL database name (site logins are named after it)."""
        return self.conn.info.dbname

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Hub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Cursor]:
        """One transaction; psycopg errors become the hub's typed errors."""
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                yield cur
        except psycopg.errors.RaiseException as exc:
            raise HubRefusedError(exc.diag.message_primary or _first_line(exc)) from None
        except psycopg.errors.InsufficientPrivilege as exc:
            raise HubRefusedError(
                f"The hub {self.where} refused this for the login {self.conn.info.user}: "
                f"{exc.diag.message_primary}"
            ) from None
        except psycopg.errors.UndefinedTable as exc:
            raise HubNotSetUpError(
                f"The hub {self.where} has no Inspector schema (or an older one): IT runs "
                f"'inspector hub init' first ({exc.diag.message_primary})."
            ) from None
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            raise HubUnavailableError(
                f"The connection to the hub {self.where} was lost: {_reason(exc)}"
            ) from None

    # -- set-up (IT) ------------------------------------------------------------------------

    def schema_version(self) -> int:
        with self.transaction() as cur:
            cur.execute("SELECT to_regclass(%s)", (f"{S}.schema_version",))
            if cur.fetchone()[0] is None:
                return 0
            cur.execute(f"SELECT coalesce(max(version), 0) FROM {S}.schema_version")
            return cur.fetchone()[0]

    def init_schema(self) -> list[int]:
        """Create or bring the schema up to date; returns the steps applied (none: up to date)."""
        applied = []
        with self.transaction() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext('inspector_hub.init'))")
            cur.execute(hub_schema.ROLES)
            cur.execute(hub_schema.VERSION_TABLE)
            cur.execute(f"SELECT coalesce(max(version), 0) FROM {S}.schema_version")
            current = cur.fetchone()[0]
            for version, step in hub_schema.STEPS:
                if version <= current:
                    continue
                cur.execute(step)
                cur.execute(f"INSERT INTO {S}.schema_version (version) VALUES (%s)", (version,))
                applied.append(version)
            cur.execute(f"REVOKE ALL ON {S}.schema_version FROM PUBLIC")
            cur.execute(
                f"GRANT SELECT ON {S}.schema_version TO {hub_schema.SITE_GROUP}, "
                f"{hub_schema.HR_GROUP}"
            )
        return applied

    def _login_role(self, cur: psycopg.Cursor, role: str, group: str) -> str:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        if cur.fetchone():
            raise HubRefusedError(f"The hub {self.where} already has a login named {role}.")
        password = secrets.token_urlsafe(18)
        cur.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(role), sql.Literal(password), sql.Identifier(group)
            )
        )
        cur.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                sql.Identifier(self.conn.info.dbname), sql.Identifier(role)
            )
        )
        return password

    def add_site(self, name: str, role: str) -> str:
        """A site and its login role; returns the role's new password (shown once, never kept)."""
        with self.transaction() as cur:
            cur.execute(f"SELECT role_name FROM {S}.sites WHERE name = %s", (name,))
            row = cur.fetchone()
            if row is not None and row[0] is not None:
                raise HubRefusedError(
                    f"The hub {self.where} already has a site named {name} (login {row[0]})."
                )
            password = self._login_role(cur, role, hub_schema.SITE_GROUP)
            cur.execute(
                f"INSERT INTO {S}.sites (name, role_name) VALUES (%s, %s) "
                "ON CONFLICT (name) DO UPDATE SET role_name = excluded.role_name",
                (name, role),
            )
        return password

    def add_hr(self, role: str) -> str:
        with self.transaction() as cur:
            return self._login_role(cur, role, hub_schema.HR_GROUP)

    # -- who am I ---------------------------------------------------------------------------

    def identity(self) -> Identity:
        with self.transaction() as cur:
            user = self.conn.info.user
            cur.execute(
                "SELECT pg_has_role(current_user, %s, 'MEMBER'), "
                "pg_has_role(current_user, %s, 'MEMBER')",
                (hub_schema.SITE_GROUP, hub_schema.HR_GROUP),
            )
            is_site, is_hr = cur.fetchone()
            if is_site:
                cur.execute(f"SELECT name, site_id FROM {S}.sites WHERE role_name = session_user")
                row = cur.fetchone()
                if row is None:
                    raise HubRefusedError(
                        f"The login {user} is not a site of the hub {self.where}."
                    )
                return Identity(user, "site", row[0], str(row[1]) if row[1] else None)
            return Identity(user, "hr" if is_hr else "admin", None, None)

    def claim_site(self, site_id: str) -> str:
        with self.transaction() as cur:
            cur.execute(f"SELECT {S}.claim_site(%s)", (site_id,))
            return cur.fetchone()[0]

    def register_site(self, site_id: str, name: str) -> str:
        with self.transaction() as cur:
            cur.execute(f"SELECT {S}.register_site(%s, %s)", (site_id, name))
            return cur.fetchone()[0]

    def sites(self) -> list[SiteHead]:
        with self.transaction() as cur:
            cur.execute(
                f"SELECT name, site_id, head_seq, head_hash FROM {S}.sites "
                "WHERE site_id IS NOT NULL ORDER BY name"
            )
            return [SiteHead(r[0], str(r[1]), r[2], r[3]) for r in cur.fetchall()]

    def site_head(self, site_id: str) -> SiteHead | None:
        with self.transaction() as cur:
            cur.execute(
                f"SELECT name, site_id, head_seq, head_hash FROM {S}.sites WHERE site_id = %s",
                (site_id,),
            )
            row = cur.fetchone()
        return SiteHead(row[0], str(row[1]), row[2], row[3]) if row else None

    # -- checklists -------------------------------------------------------------------------

    def missing_checklists(self, hashes: Iterable[str]) -> set[str]:
        wanted = sorted(set(hashes))
        if not wanted:
            return set()
        with self.transaction() as cur:
            cur.execute(
                f"SELECT content_hash FROM {S}.checklist_versions WHERE content_hash = ANY(%s)",
                (wanted,),
            )
            have = {r[0] for r in cur.fetchall()}
        return set(wanted) - have

    def add_checklists(self, versions: Sequence[ChecklistVersion]) -> None:
        if not versions:
            return
        with self.transaction() as cur:
            cur.executemany(
                f"INSERT INTO {S}.checklist_versions (content_hash, set_id, version, content) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (content_hash) DO NOTHING",
                [(v.content_hash, v.set_id, v.version, v.content) for v in versions],
            )

    def checklist_hashes(self) -> set[str]:
        with self.transaction() as cur:
            cur.execute(f"SELECT content_hash FROM {S}.checklist_versions")
            return {r[0] for r in cur.fetchall()}

    def checklists(self, hashes: Iterable[str]) -> list[ChecklistVersion]:
        wanted = sorted(set(hashes))
        if not wanted:
            return []
        with self.transaction() as cur:
            cur.execute(
                f"SELECT content_hash, set_id, version, content FROM {S}.checklist_versions "
                "WHERE content_hash = ANY(%s)",
                (wanted,),
            )
            return [ChecklistVersion(*r) for r in cur.fetchall()]

    # -- documents --------------------------------------------------------------------------

    _COLUMNS = (
        "global_id, site_id, seq, kind, record_id, label, content, people, content_hash, "
        "prev_hash, chain_hash, sealed_at"
    )

    def add_documents(self, documents: Sequence[Document]) -> int:
        """Add documents in one transaction (all or none); returns how many were new."""
        if not documents:
            return 0
        with self.transaction() as cur:
            cur.execute(f"SELECT count(*) FROM {S}.sites")  # the schema is there
            added = 0
            for doc in documents:
                cur.execute(
                    f"INSERT INTO {S}.documents ({self._COLUMNS}) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    (
                        doc.global_id,
                        doc.site_id,
                        doc.seq,
                        doc.kind,
                        doc.record_id,
                        doc.label,
                        doc.content,
                        doc.people,
                        doc.content_hash,
                        doc.prev_hash,
                        doc.chain_hash,
                        doc.sealed_at,
                    ),
                )
                added += cur.rowcount
        return added

    def documents(self, site_id: str, after: int, limit: int) -> list[Document]:
        with self.transaction() as cur:
            cur.execute(
                f"SELECT {self._COLUMNS} FROM {S}.documents WHERE site_id = %s AND seq > %s "
                "ORDER BY seq LIMIT %s",
                (site_id, after, limit),
            )
            rows = cur.fetchall()
        return [
            Document(
                global_id=str(r[0]),
                site_id=str(r[1]),
                seq=r[2],
                kind=r[3],
                record_id=str(r[4]),
                label=r[5],
                content=r[6],
                people=r[7],
                content_hash=r[8],
                prev_hash=r[9],
                chain_hash=r[10],
                sealed_at=r[11].isoformat(sep=" "),
            )
            for r in rows
        ]

    # -- roster -----------------------------------------------------------------------------

    def publish_roster(self, entries: Sequence[RosterEntry]) -> int:
        """Add or update the master roster; returns how many rows changed."""
        with self.transaction() as cur:
            changed = 0
            cur.executemany(
                f"INSERT INTO {S}.roster AS r (employee_no, name, sex, department, role, site, "
                "active) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (employee_no) DO UPDATE "
                "SET name = excluded.name, sex = excluded.sex, department = excluded.department, "
                "role = excluded.role, site = excluded.site, active = excluded.active, "
                "updated_by = session_user, updated_at = now() "
                "WHERE (r.name, r.sex, r.department, r.role, r.site, r.active) IS DISTINCT FROM "
                "(excluded.name, excluded.sex, excluded.department, excluded.role, "
                "excluded.site, excluded.active)",
                [
                    (e.employee_no, e.name, e.sex, e.department, e.role, e.site, e.active)
                    for e in entries
                ],
                returning=False,
            )
            changed = cur.rowcount
        return max(changed, 0)

    def roster(self) -> list[RosterEntry]:
        with self.transaction() as cur:
            cur.execute(
                f"SELECT employee_no, name, sex, department, role, site, active FROM {S}.roster "
                "ORDER BY employee_no"
            )
            return [RosterEntry(*r) for r in cur.fetchall()]


def site_role_name(dbname: str, site: str) -> str:
    """A login role name for a site: the hub database's name and the site's, in plain letters."""
    import hashlib

    slug = re.sub(r"[^a-z0-9]+", "_", site.lower()).strip("_")
    if not slug:
        slug = "site_" + hashlib.sha256(site.encode("utf-8")).hexdigest()[:8]
    return f"{dbname}_{slug}"[:63]


def with_user(url: str, user: str) -> str:
    """The same hub for another login (no password): what a new site or HR enters."""
    clean = without_password(url)
    if re.match(r"^postgres(ql)?://", clean):
        parts = urlsplit(clean)
        host = parts.netloc.rsplit("@", 1)[-1]
        from urllib.parse import quote

        return urlunsplit(
            (parts.scheme, f"{quote(user, safe='')}@{host}", parts.path, parts.query, "")
        )
    params = conninfo_to_dict(clean)
    params["user"] = user
    return make_conninfo(**params)


def pgpass_line(url: str, user: str, password: str) -> str:
    """The ~/.pgpass line for a login on this hub (host:port:database:user:password)."""
    params = conninfo_to_dict(url)

    def esc(value: str) -> str:
        return value.replace("\\", "\\\\").replace(":", "\\:")

    host = params.get("host", "localhost")
    return ":".join(
        esc(v)
        for v in (host, params.get("port", "5432"), params.get("dbname", "*"), user, password)
    )
