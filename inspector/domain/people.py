from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from inspector.domain.text import Text


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


@dataclass(frozen=True, slots=True)
class Role:
    """A job role (岗位). Checklist items can exempt roles, e.g. pool lifeguards from the shoes rule."""

    id: str
    name: Text


@dataclass(frozen=True, slots=True)
class Employee:
    employee_no: str
    name: str
    sex: Sex
    department: str
    role: str  # a Role id
    site: str = ""
    active: bool = True
    id: int | None = None  # the database row id, once stored
