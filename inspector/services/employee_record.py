"""One employee's record over a period: every inspection, the faults with their repeat counts,
the absences and the figures of each month.

This is the one computation of a record: the employee screen shows it and the employee record
PDF prints it (``services.report_jobs.build_employee_record``), so the two always agree. The
figures come from ``storage.report_queries.employee_record_data``, which counts as inspected
only what ``domain.attendance.counts_as_inspected`` does: the marks of a person marked absent or
on leave are never listed and never count as a fault.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from inspector.domain.checklist import Catalogue
from inspector.domain.reports import EmployeeRecordData
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
    ends before it starts. Without ``roles`` the job role is shown by its id."""
    from inspector.services.observation_session import employee_observations
    from inspector.storage import report_queries  # loaded when a record is first shown

    data = report_queries.employee_record_data(store, employee_no, start, end, roles=roles)
    observed = employee_observations(store, data.employee.id, start, end)
    return replace(data, observations=observed)
