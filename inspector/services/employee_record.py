"""One employee's record over a period: every inspection, the faults with their repeat counts,
the absences and the figures of each month.

This is the one computation of a record: the employee screen shows it and the employee record
PDF prints it (``services.report_jobs.build_employee_record``), so the two always agree. The
figures come from ``storage.report_queries.employee_record_data``, which counts as inspected
only what ``domain.attendance.counts_as_inspected`` does: the marks of a person marked absent or
on leave are never listed and never count as a fault.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from inspector.domain.checklist import Catalogue
from inspector.domain.reports import EmployeeRecordData, FaultCount
from inspector.domain.text import Text

if TYPE_CHECKING:
    from inspector.storage.store import Store


def role_names(catalogue: Catalogue) -> dict[str, Text]:
    """Role id -> the role's name, from the checklists in force (printed on the record)."""
    return {role.id: role.name for role in catalogue.roles}


def employee_record(
    store: Store,
    employee_no: str,
    start: date,
    end: date,
    *,
    roles: Mapping[str, Text] | None = None,
) -> EmployeeRecordData:
    """The record of the employee with number ``employee_no`` from ``start`` to ``end`` (both
    included), oldest line-up first. ``NoReportData`` for an unknown employee or a period that
    ends before it starts. Without ``roles`` the job role is shown by its id.

    Faults are counted by the reason in force (``Catalogue.canonical_reason`` of the newest
    checklist versions in the database): a period spanning a change of version counts an old
    item's faults under the reason that replaced it. The person's floor observations come
    with the record, apart from the line-up figures."""
    from inspector.services.observation_session import employee_observations
    from inspector.storage import report_queries  # loaded when a record is first shown

    data = report_queries.employee_record_data(store, employee_no, start, end, roles=roles)
    catalogue, _ = report_queries.stored_catalogue(store)
    observed = employee_observations(store, data.employee.id, start, end)
    return dataclasses.replace(
        data, faults=count_under_reasons(data.faults, catalogue), observations=observed
    )


def count_under_reasons(faults: tuple[FaultCount, ...], catalogue: Catalogue) -> tuple:
    """Faults with earlier versions' items merged into the reason that replaces them, most
    frequent first, worded as the reason in force."""
    merged: dict[str, FaultCount] = {}
    for fault in faults:
        reason = catalogue.canonical_reason(fault.item_id)
        if reason != fault.item_id:
            item = catalogue.item(reason)
            fault = dataclasses.replace(
                fault, item_id=reason, text=item.text, severity=item.severity.value
            )
        before = merged.get(reason)
        if before is not None:
            days = [d for d in (before.last_day, fault.last_day) if d is not None]
            fault = dataclasses.replace(
                before,
                count=before.count + fault.count,
                people=max(before.people, fault.people),
                last_day=max(days) if days else None,
            )
        merged[reason] = fault
    return tuple(
        sorted(merged.values(), key=lambda f: (-f.count, -(f.last_day or date.min).toordinal()))
    )
