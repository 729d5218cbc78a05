"""Reading rows, the one way every storage module does it: a query's rows as dicts of column
name -> value, records (dataclasses) made from such rows, and the parameters of a period
filter."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import MISSING, fields
from datetime import date
from functools import cache
from typing import Any, TypeVar

Record = TypeVar("Record")


def dict_rows(conn: sqlite3.Connection, sql: str, params: Sequence | Mapping = ()) -> list[dict]:
    """The rows of a query, each as a dict of column name -> value."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@cache
def _fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """(name, whether it has a default) of each field of a dataclass."""
    return tuple(
        (f.name, f.default is not MISSING or f.default_factory is not MISSING) for f in fields(cls)
    )


def from_row(cls: type[Record], row: Mapping[str, Any], **convert: Callable[[Any], Any]) -> Record:
    """A dataclass from a row whose columns bear its field names; ``convert`` turns a column
    (by field name) into the field's type. A field with a default may have no column (a
    database from before the column was added)."""
    values = {}
    for name, optional in _fields(cls):
        if optional and name not in row:
            continue
        value = row[name]
        change = convert.get(name)
        values[name] = change(value) if change else value
    return cls(**values)


def period(start: date | None, end: date | None) -> dict[str, str | None]:
    """The ``:start`` and ``:end`` parameters of a period filter (None: open at that end)."""
    return {"start": start and start.isoformat(), "end": end and end.isoformat()}
