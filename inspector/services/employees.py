"""Editing the roster one person at a time (the employee dialog and the roster screen's
activate/deactivate); whole files go through ``roster_import``."""

from __future__ import annotations

from inspector.domain.people import Employee
from inspector.storage.store import Store


def save_employee(store: Store, employee: Employee) -> Employee:
    """Add or update one employee (matched by employee number); returns it with its id."""
    return store.save_employee(employee)


def set_active(store: Store, employee_id: int, active: bool) -> None:
    """Call the person to line-ups again (``active``) or no longer; their records stay."""
    store.set_employee_active(employee_id, active)
