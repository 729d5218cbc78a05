"""A full disk for a test: the database may not grow, and the room left in its marks is used."""

from __future__ import annotations

import pytest

from inspector.storage import Store
from inspector.storage.errors import DiskFullError


def fill_the_disk(store: Store, inspection_id: int) -> None:
    """After this, the next new mark really cannot be written (SQLITE_FULL): the file may not
    grow by a page (``max_page_count``) and filler marks on ``inspection_id`` take the room
    left in the pages of the marks."""
    conn = store.db.conn  # the disk, not the app: the one way a test can fill it
    version = conn.execute("SELECT id FROM checklist_versions LIMIT 1").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    n = 0
    for size in (2000, 200, 20, 1):
        with pytest.raises(DiskFullError):
            while True:
                n += 1
                with store.write() as db:
                    db.execute(
                        "INSERT INTO marks (inspection_id, item_id, checklist_version_id, result, "
                        "note, photo, marked_at) VALUES (?, ?, ?, 'pass', ?, '', "
                        "'2026-12-01 07:00:00')",
                        (inspection_id, f"filler-{n}", version, "x" * size),
                    )
