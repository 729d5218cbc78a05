"""Changes to finished line-ups, worded for people (``domain.changes``): the review screen and
the summary show them, ``inspector lineup show`` prints them, and the day's sheet and the
employee record list them (``storage.report_queries.change_lines``, the one wording)."""

from __future__ import annotations

from collections.abc import Iterable

from inspector.domain.changes import ChangeLine
from inspector.storage import Store


def lineup_changes(store: Store, lineup_id: int) -> tuple[ChangeLine, ...]:
    """Every change to one line-up after it was finished, oldest first."""
    from inspector.storage.report_queries import change_lines

    return change_lines(store, store.change_log(lineup_id))


def by_inspection(lines: Iterable[ChangeLine]) -> dict[int, tuple[ChangeLine, ...]]:
    """The changes grouped by the inspection (the person) they changed."""
    grouped: dict[int, list[ChangeLine]] = {}
    for line in lines:
        if line.inspection_id is not None:
            grouped.setdefault(line.inspection_id, []).append(line)
    return {key: tuple(value) for key, value in grouped.items()}
