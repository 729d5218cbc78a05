"""Reading rows from SQLite: what the storage modules share to query with."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date


def fetch_dicts(conn: sqlite3.Connection, sql: str, params: Sequence = ()) -> list[dict]:
    """The rows of a query as dicts by column name (whatever the connection's row factory)."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# Line-ups (``l``) of a period, both ends included; an end that is NULL leaves it open.
IN_PERIOD = "(:start IS NULL OR l.day >= :start) AND (:end IS NULL OR l.day <= :end)"


def period(start: date | None, end: date | None) -> dict[str, str | None]:
    """The ``:start`` and ``:end`` parameters of :data:`IN_PERIOD`."""
    return {"start": start and start.isoformat(), "end": end and end.isoformat()}
