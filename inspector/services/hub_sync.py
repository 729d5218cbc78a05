"""The company hub's use cases, for the CLI and the GUI alike (no Qt).

A site pushes its sealed documents to the hub; HR's copy pulls every site's documents and
prints the company's reports; every copy pulls the master roster. Both directions are
idempotent and resumable: the hub keeps each site's chain head, a push starts after it, a pull
after what this copy already has of each site, and each batch is one transaction on either side.
Nothing here ever writes a password: the stored URL has none (see ``storage.hub_server``).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from inspector.domain.errors import UserError
from inspector.storage import Store, hub_local, hub_schema, seal
from inspector.storage.hub_local import Document, RosterConflict
from inspector.storage.hub_server import (
    Hub,
    HubNotSetUpError,
    HubRefusedError,
    HubUnavailableError,
    has_password,
    pgpass_line,
    site_role_name,
    with_user,
    without_password,
)

__all__ = [
    "HubNotSetUpError",
    "HubRefusedError",
    "HubUnavailableError",
    "NotConnectedError",
]

PUSH_BATCH = 200
PULL_BATCH = 500
EXPORT_FORMAT = "inspector-hub-documents"
EXPORT_VERSION = 1

Progress = Callable[[int], None]  # documents done so far


class NotConnectedError(UserError):
    """This copy has no hub URL yet."""


class BadExportFileError(UserError):
    pass


def _now() -> str:
    return datetime.now().replace(microsecond=0).isoformat(sep=" ")


def _latest_version() -> int:
    return max(v for v, _ in hub_schema.STEPS)


def _open(store: Store) -> Hub:
    url = store.get_setting(hub_local.URL)
    if not url:
        raise NotConnectedError(
            "This copy is not connected to a company hub: run 'inspector hub connect URL' first."
        )
    hub = Hub(url)
    try:
        version = hub.schema_version()
    except BaseException:
        hub.close()
        raise
    if version < _latest_version():
        hub.close()
        raise HubNotSetUpError(
            f"The hub {hub.where} is not set up for this version of Inspector (schema "
            f"{version}, needs {_latest_version()}): IT runs 'inspector hub init'."
        )
    return hub


# -- IT: setting up the hub ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InitResult:
    where: str
    applied: list[int]
    version: int


def init_hub(url: str) -> InitResult:
    """Create the hub schema, or bring it up to date; running it again changes nothing."""
    with Hub(url) as hub:
        applied = hub.init_schema()
        return InitResult(hub.where, applied, _latest_version())


@dataclass(frozen=True, slots=True)
class Credentials:
    """What IT hands to a site or to HR: the URL to connect with and the password line."""

    role: str
    password: str
    connect_url: str
    pgpass: str


def add_site(url: str, name: str, role: str | None = None) -> Credentials:
    name = name.strip()
    if not name:
        raise UserError("A site needs a name.")
    with Hub(url) as hub:
        login = role or site_role_name(hub.database_name, name)
        password = hub.add_site(name, login)
        return Credentials(
            login, password, with_user(url, login), pgpass_line(url, login, password)
        )


def add_hr(url: str, role: str) -> Credentials:
    with Hub(url) as hub:
        password = hub.add_hr(role)
        return Credentials(role, password, with_user(url, role), pgpass_line(url, role, password))


# -- connecting a copy ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConnectResult:
    where: str
    kind: str  # "site", "hr" or "admin"
    site_name: str | None
    site_id: str
    password_dropped: bool


def connect(store: Store, url: str) -> ConnectResult:
    """Check the login and remember the hub (URL without password) for push and pull."""
    clean = without_password(url)
    with Hub(url) as hub:
        version = hub.schema_version()
        if version < _latest_version():
            raise HubNotSetUpError(
                f"The hub {hub.where} is not set up yet (schema {version}): IT runs "
                "'inspector hub init' first."
            )
        identity = hub.identity()
        with store.write():
            my = hub_local.ensure_site_id(store)
            hub_local.snapshot_roster_base(store)
        name = None
        if identity.kind == "site":
            name = hub.claim_site(my)
        where = hub.where
    for key, value in (
        (hub_local.URL, clean),
        (hub_local.ROLE, identity.kind),
        (hub_local.SITE_NAME, name or ""),
    ):
        store.set_setting(key, value)
    return ConnectResult(where, identity.kind, name, my, has_password(url))


# -- push -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PushResult:
    sent: int
    head_seq: int
    skipped_reason: str = ""  # why nothing was pushed (HR's copy has no site)


def _send(hub: Hub, store: Store, documents: list[Document]) -> int:
    """Send one batch; if the hub refuses it, send one by one to keep the good ones before."""
    versions = hub_local.checklists_of(store, documents)
    missing = hub.missing_checklists(v.content_hash for v in versions)
    hub.add_checklists([v for v in versions if v.content_hash in missing])
    try:
        return hub.add_documents(documents)
    except HubRefusedError:
        added = 0
        for doc in documents:
            try:
                added += hub.add_documents([doc])
            except HubRefusedError:
                store.set_setting(hub_local.PUSHED_SEQ, str(doc.seq - 1))
                raise
        return added


def push(
    store: Store, *, batch_size: int = PUSH_BATCH, progress: Progress | None = None
) -> PushResult:
    """Send every sealed document of this site that the hub does not have yet.

    Each batch is one transaction on the hub; after a dropped connection the next push starts
    after the hub's head, so nothing is sent twice and nothing is lost.
    """
    with _open(store) as hub:
        identity = hub.identity()
        if identity.kind != "site":
            return PushResult(0, 0, f"this copy is connected as {identity.kind}, not a site")
        my = hub_local.site_id(store)
        if identity.site_id != my:
            raise HubRefusedError(
                f"The hub login {identity.user} belongs to another site database: run "
                "'inspector hub connect' again with this site's login."
            )
        head = hub.site_head(my)
        after = head.head_seq if head else 0
        if hub_local.chain_hash_at(store, after) != (head.head_hash if head else seal.GENESIS):
            raise HubRefusedError(
                f"The hub holds seal {after} of site {identity.site_name} differently from "
                "this database (was it restored from an older backup?): nothing was sent. "
                "Ask IT; the hub keeps what it has."
            )
        sent = 0
        while True:
            documents = hub_local.outbox(store, after, batch_size)
            if not documents:
                break
            sent += _send(hub, store, documents)
            after = documents[-1].seq
            store.set_setting(hub_local.PUSHED_SEQ, str(after))
            if progress:
                progress(sent)
    store.set_setting(hub_local.PUSHED_SEQ, str(after))
    store.set_setting(hub_local.LAST_PUSH, _now())
    return PushResult(sent, after)


# -- pull -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PullResult:
    documents: int
    lineups: int
    sites: list[str]
    roster_added: int
    roster_updated: int
    conflicts: list[RosterConflict] = field(default_factory=list)


def _needed_checklists(documents: list[Document]) -> set[str]:
    needed = set()
    for doc in documents:
        if doc.content is not None:
            needed |= {c["content_hash"] for c in json.loads(doc.content).get("checklists", [])}
    return needed


def pull(
    store: Store,
    *,
    batch_size: int = PULL_BATCH,
    take_master_roster: bool = False,
    progress: Progress | None = None,
) -> PullResult:
    """Bring in what the hub has and this copy does not: the roster, other sites' documents."""
    with _open(store) as hub:
        identity = hub.identity()
        my = hub_local.site_id(store)
        master = hub.roster()
        if identity.kind == "site":
            mine = {e.employee_no for e in hub_local.local_roster(store)}
            master = [e for e in master if e.employee_no in mine or e.site == identity.site_name]
        with store.write():
            merged = hub_local.merge_roster(store, master, take_master=take_master_roster)
        total = lineups = 0
        sites: list[str] = []
        cursors = hub_local.site_cursors(store)
        for head in hub.sites() if identity.kind != "site" else []:
            if head.site_id == my:
                continue
            after = cursors[head.site_id].pulled_seq if head.site_id in cursors else 0
            if head.head_seq <= after:
                continue
            sites.append(head.name)
            while True:
                documents = hub.documents(head.site_id, after, batch_size)
                if not documents:
                    break
                needed = _needed_checklists(documents) - hub_local.checklist_hashes(store)
                versions = hub.checklists(needed)
                with store.write():
                    hub_local.add_checklist_versions(store, versions)
                    touched = hub_local.add_pulled(store, head.name, documents)
                total += len(documents)
                lineups += len(set(touched))
                after = documents[-1].seq
                if progress:
                    progress(total)
    store.set_setting(hub_local.LAST_PULL, _now())
    return PullResult(total, lineups, sites, merged.added, merged.updated, merged.conflicts)


# -- roster -----------------------------------------------------------------------------------------


def publish_roster(store: Store) -> int:
    """HR: the local roster becomes the company's master roster; returns the rows changed."""
    entries = hub_local.local_roster(store)
    with _open(store) as hub:
        identity = hub.identity()
        if identity.kind == "site":
            raise HubRefusedError(
                f"The master roster is HR's: the site login {identity.user} cannot publish it."
            )
        changed = hub.publish_roster(entries)
    with store.write():
        hub_local.mark_roster_published(store, entries)
    return changed


# -- status -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HubStatus:
    connected: bool
    url: str
    role: str
    site_id: str
    site_name: str
    last_push: str
    last_pull: str
    waiting: int
    pulled_sites: int
    pulled_documents: int

    def as_dict(self) -> dict:
        return asdict(self)


def status(store: Store) -> HubStatus:
    """What this copy knows of the hub, without contacting it."""
    settings = store.settings()
    pulled = hub_local.pulled_counts(store)
    return HubStatus(
        connected=bool(settings.get(hub_local.URL)),
        url=settings.get(hub_local.URL, ""),
        role=settings.get(hub_local.ROLE, ""),
        site_id=settings.get(hub_local.SITE_ID, ""),
        site_name=settings.get(hub_local.SITE_NAME, ""),
        last_push=settings.get(hub_local.LAST_PUSH, ""),
        last_pull=settings.get(hub_local.LAST_PULL, ""),
        waiting=hub_local.waiting(store),
        pulled_sites=pulled[0],
        pulled_documents=pulled[1],
    )


# -- offline: a file instead of the network ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    documents: int
    site_name: str


def export_file(store: Store, path: Path, site_name: str | None = None) -> ExportResult:
    """Write every sealed document of this site, with its checklists, to one file."""
    with store.write():
        my = hub_local.ensure_site_id(store)
    name = site_name or store.get_setting(hub_local.SITE_NAME) or ""
    if not name:
        sites = hub_local.own_sites(store)
        if len(sites) != 1:
            raise UserError(
                "Name the site this database belongs to with --site NAME (it has line-ups of "
                f"{len(sites)} sites)."
            )
        name = sites[0]
    documents = hub_local.outbox(store, 0, hub_local.last_seal_id(store) + 1)
    data = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "site": {"id": my, "name": name},
        "exported_at": _now(),
        "documents": [d.as_dict() for d in documents],
        "checklists": [asdict(v) for v in hub_local.checklists_of(store, documents)],
    }
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"Cannot write {path}: {exc.strerror or exc}") from None
    return ExportResult(path, len(documents), name)


@dataclass(frozen=True, slots=True)
class ImportResult:
    site_name: str
    added: int
    already: int


def _read_export(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadExportFileError(f"Cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadExportFileError(
            f"{path} is not a file written by 'inspector hub export'."
        ) from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise BadExportFileError(f"{path} is not a file written by 'inspector hub export'.")
    if data.get("version", 0) > EXPORT_VERSION:
        raise BadExportFileError(f"{path} was written by a newer Inspector: update this copy.")
    return data


def import_file(store: Store, path: Path) -> ImportResult:
    """Add an exported file's documents to the hub, with the hub's usual checks."""
    from inspector.storage.hub_local import ChecklistVersion

    data = _read_export(path)
    try:
        site = data["site"]
        documents = [Document.from_dict(d) for d in data["documents"]]
        versions = [ChecklistVersion(**v) for v in data["checklists"]]
    except (KeyError, TypeError):
        raise BadExportFileError(f"{path} is damaged: parts of it are missing.") from None
    if any(d.site_id != site["id"] for d in documents):
        raise BadExportFileError(f"{path} mixes documents of several sites.")
    with _open(store) as hub:
        identity = hub.identity()
        if identity.kind == "site":
            if identity.site_id != site["id"]:
                raise HubRefusedError(
                    f"{path} holds the records of site {site['name']}: a site login adds only "
                    "its own site's documents. Import it on HR's copy."
                )
            name = identity.site_name or site["name"]
        else:
            name = hub.register_site(site["id"], site["name"])
        head = hub.site_head(site["id"])
        after = head.head_seq if head else 0
        new = sorted((d for d in documents if d.seq > after), key=lambda d: d.seq)
        needed = {v.content_hash for v in versions}
        missing = hub.missing_checklists(needed)
        hub.add_checklists([v for v in versions if v.content_hash in missing])
        added = 0
        for start in range(0, len(new), PUSH_BATCH):
            batch = new[start : start + PUSH_BATCH]
            try:
                added += hub.add_documents(batch)
            except HubRefusedError:
                for doc in batch:
                    added += hub.add_documents([doc])
    return ImportResult(name, added, len(documents) - added)
