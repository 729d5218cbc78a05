"""Photo evidence: optional, private to the user, and deleted after the retention period.

Photos live in ``paths.photos_dir(db)`` (folder 0o700, files 0o600). A photo's name is the
SHA-256 of its bytes plus its extension, so the name a mark stores (and its seal covers) also
proves the picture was not swapped. :func:`purge_photos` clears the photo of marks older than the
retention (setting ``photo_retention_days``, default 180) and deletes the files no mark still
uses; on a finished line-up the clearing is an amendment with the reason "photo retention", so it
is in the change log and extends the seal chain like any other change.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.paths import photos_dir, private_folder
from inspector.storage.errors import StorageError

if TYPE_CHECKING:
    from inspector.storage.store import Store

RETENTION_SETTING = "photo_retention_days"
DEFAULT_RETENTION_DAYS = 180
PURGE_REASON = "photo retention"
PURGED_BY = "Inspector (photo retention)"
EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".heic", ".webp", ".bmp", ".gif"})
MAX_BYTES = 50 * 1024 * 1024


class PhotoError(StorageError):
    """A photo that cannot be stored (not a picture, too large, unreadable)."""


@dataclass(frozen=True, slots=True)
class PurgeSummary:
    marks_cleared: int
    files_deleted: int
    cutoff: date


def private_photos_dir(db_path: Path | str) -> Path:
    return private_folder(photos_dir(Path(db_path)))


def store_photo(db_path: Path | str, source_file: Path | str) -> str:
    """Copy a photo into the database's private photo folder; returns the name to put on a mark."""
    source = Path(source_file)
    suffix = source.suffix.lower()
    if suffix not in EXTENSIONS:
        raise PhotoError(
            source,
            f"{source} is not a photo Inspector keeps (use {', '.join(sorted(EXTENSIONS))}).",
        )
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise PhotoError(
                source, f"{source} is larger than {MAX_BYTES // (1024 * 1024)} MB: resize it first."
            )
        digest = hashlib.sha256()
        with open(source, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise PhotoError(source, f"Cannot read the photo {source}: {exc.strerror or exc}.") from exc
    name = digest.hexdigest() + suffix
    folder = private_photos_dir(db_path)
    target = folder / name
    if target.exists():
        return name
    partial = folder / f".{name}.{os.getpid()}.partial"
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, open(source, "rb") as handle:
            shutil.copyfileobj(handle, out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(partial, 0o600)
        os.replace(partial, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise PhotoError(
            target, f"Cannot save the photo in {folder}: {exc.strerror or exc}."
        ) from exc
    return name


def photo_path(db_path: Path | str, name: str) -> Path:
    """Where a stored photo is. Refuses a name that could point outside the photo folder."""
    if (
        not name
        or name != Path(name).name
        or name.startswith(".")
        or any(c in name for c in "/\\:\x00")
    ):
        raise ValueError(f"not a stored photo name: {name!r}")
    return photos_dir(Path(db_path)) / name


def retention_days(store: Store) -> int:
    raw = store.get_setting(RETENTION_SETTING, str(DEFAULT_RETENTION_DAYS))
    try:
        days = int(raw.strip())
    except ValueError:
        return DEFAULT_RETENTION_DAYS
    return max(0, days)


def purge_photos(
    store: Store, older_than_days: int | None = None, *, today: date | None = None
) -> PurgeSummary:
    """Clear the photos of marks on line-ups older than the retention and delete the files.

    A mark on a finished line-up is cleared by an amendment (reason "photo retention"), so the
    seal chain records it; files that no mark refers to any more are deleted, as are stray files
    in the folder older than the retention.
    """
    days = retention_days(store) if older_than_days is None else max(0, int(older_than_days))
    cutoff = (today or date.today()) - timedelta(days=days)
    rows = store.query(
        "SELECT m.inspection_id, m.item_id, m.photo, l.finished_at FROM marks m "
        "JOIN inspections i ON i.id = m.inspection_id JOIN lineups l ON l.id = i.lineup_id "
        "WHERE m.photo != '' AND l.day < ? AND l.origin_site IS NULL "  # pulled: not ours
        "ORDER BY l.id, m.inspection_id, m.item_id",
        (cutoff.isoformat(),),
    )
    cleared = 0
    candidates: set[str] = set()
    for row in rows:
        candidates.add(row["photo"])
        if row["finished_at"] is not None:
            store.amend_mark(
                row["inspection_id"],
                row["item_id"],
                None,
                photo="",
                reason=PURGE_REASON,
                changed_by=PURGED_BY,
            )
        else:
            store.set_mark(row["inspection_id"], row["item_id"], None, photo="")
        cleared += 1
    still_used = {
        r["photo"] for r in store.query("SELECT DISTINCT photo FROM marks WHERE photo != ''")
    }
    deleted = 0
    folder = photos_dir(store.path)
    if folder.is_dir():
        limit = time.time() - days * 86400
        for path in folder.iterdir():
            if not path.is_file() or path.name in still_used:
                continue
            stray = path.stat().st_mtime < limit
            if path.name in candidates or stray:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    deleted += 1
    return PurgeSummary(cleared, deleted, cutoff)
