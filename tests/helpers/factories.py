"""Test data built in one place: a checklist set, a roster, a finished line-up.

Subprocess scripts import these too (their PYTHONPATH includes ``tests/``), so a crash or
concurrency child builds the same set as the test that reads its database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from inspector.domain.checklist import (
    AppliesTo,
    ChecklistItem,
    ChecklistSet,
    InspectionType,
    ItemKind,
    Severity,
    Source,
)
from inspector.domain.lineup import Result
from inspector.domain.people import Employee, Sex
from inspector.domain.text import Text
from inspector.storage import Store

GROOMING = Text("仪容", "Grooming")


def make_item(
    item_id: str,
    text: Text,
    *,
    applies_to: AppliesTo = AppliesTo.EVERYONE,
    severity: Severity = Severity.MINOR,
    weight: int = 1,
    source: str = "test.toml",
    exempt_roles: Iterable[str] = (),
) -> ChecklistItem:
    """One required item."""
    return ChecklistItem(
        id=item_id,
        kind=ItemKind.REQUIRED,
        text=text,
        applies_to=applies_to,
        severity=severity,
        weight=weight,
        source=Source(source, "1"),
        exempt_roles=frozenset(exempt_roles),
    )


def make_set(
    prefix: str,
    n: int,
    *,
    set_id: str | None = None,
    area: str = "grooming",
    title: Text = GROOMING,
    major_first: bool = False,
) -> ChecklistSet:
    """A line-up set ``{prefix}-set`` of ``n`` minor items ``{prefix}.item-0`` ... (weight 1,
    for everyone); ``major_first`` makes item 0 major with weight 2."""
    items = tuple(
        make_item(
            f"{prefix}.item-{k}",
            Text(f"要求{k}", f"rule {k}"),
            severity=Severity.MAJOR if major_first and k == 0 else Severity.MINOR,
            weight=2 if major_first and k == 0 else 1,
            source=f"{prefix}.toml",
        )
        for k in range(n)
    )
    return ChecklistSet(
        id=set_id or f"{prefix}-set",
        version=1,
        inspection_type=InspectionType.LINEUP,
        area=area,
        title=title,
        items=items,
    )


def make_roster(
    prefix: str,
    n: int,
    *,
    department: str = "前厅",
    role: str = "waiter",
    sex: Sex | None = None,
    digits: int = 3,
) -> list[Employee]:
    """``n`` people numbered ``{prefix}000`` ... named 员工0 ...; ``sex=None`` alternates
    (even numbers men, odd women)."""
    return [
        Employee(
            f"{prefix}{i:0{digits}}",
            f"员工{i}",
            sex or (Sex.FEMALE if i % 2 else Sex.MALE),
            department,
            role,
        )
        for i in range(n)
    ]


@dataclass(frozen=True, slots=True)
class Fail:
    """A failed item for the ``person``-th inspection of a line-up."""

    person: int
    item: str
    note: str = ""
    photo: str = ""


def finished_lineup(
    store: Store,
    sets: Sequence[ChecklistSet],
    people: Sequence[Employee],
    *,
    day: date = date(2025, 3, 4),
    fails: Iterable[Fail] = (),
    shift: str = "早班",
    site: str = "总店",
    supervisor: str = "王经理",
    department: str | None = None,
) -> int:
    """Save ``people``, run a line-up over them in ``department`` (by default their first
    person's) with ``fails`` marked, complete everyone, finish it; returns the line-up id."""
    employees = [store.save_employee(person) for person in people]
    lineup = store.start_lineup(
        day=day,
        shift=shift,
        site=site,
        department=employees[0].department if department is None else department,
        supervisor=supervisor,
        sets=list(sets),
        employees=employees,
    )
    inspections = store.inspections_for(lineup.id)
    for fail in fails:
        store.set_mark(
            inspections[fail.person].id, fail.item, Result.FAIL, note=fail.note, photo=fail.photo
        )
    for inspection in inspections:
        store.complete_inspection(inspection.id)
    store.finish_lineup(lineup.id)
    return lineup.id
