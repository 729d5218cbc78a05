"""Faults as the reports word and count them, alike for line-ups and floor observations: one
mark in the words of the checklist version it was judged against, and how often an item
failed. The severity is the checklist's word for it (``Severity`` values: "minor", "major",
"critical"), as the report queries read it from the stored version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inspector.domain.lineup import Result
from inspector.domain.text import Text


@dataclass(frozen=True, slots=True)
class MarkLine:
    """One explicit mark, worded as in the checklist version it was judged against."""

    item_id: str
    text: Text
    severity: str
    result: Result
    note: str = ""


@dataclass(frozen=True, slots=True)
class FaultCount:
    """How often one item failed (in a month, or for one employee in a period) and by how many
    people."""

    item_id: str
    text: Text
    severity: str
    count: int
    people: int = 1
    last_day: date | None = None
