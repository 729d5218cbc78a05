"""Rows read from SQLite, and records made of them: what every storage module reads with."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from datetime import date
from functools import cache
from typing import Any, TypeVar

Record = TypeVar("Record")


def fetch_dicts(conn: sqlite3.Connection, sql: str, params: Sequence = ()) -> list[dict]:
    """The rows of a query as dicts by column name (whatever the connection's row factory)."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def from_row(cls: type[Record], row: Mapping[str, Any], **convert: Callable[[Any], Any]) -> Record:
    """A dataclass from a row whose columns bear its field names; ``convert`` turns a column
    (by field name) into the field's type."""
    values = {}
    for name in _field_names(cls):
        value = row[name]
        change = convert.get(name)
        values[name] = change(value) if change else value
    return cls(**values)


# Line-ups (``l``) of a period, both ends included; an end that is NULL leaves it open.
IN_PERIOD = "(:start IS NULL OR l.day >= :start) AND (:end IS NULL OR l.day <= :end)"


def period(start: date | None, end: date | None) -> dict[str, str | None]:
    """The ``:start`` and ``:end`` parameters of :data:`IN_PERIOD`."""
    return {"start": start and start.isoformat(), "end": end and end.isoformat()}
