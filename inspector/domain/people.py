from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from inspector.domain.text import Text


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


@dataclass(frozen=True, slots=True)
class UniformPart:
    """One thing a role's uniform may have (a tie, a neck bow, pool footwear ...)."""

    id: str
    name: Text


@dataclass(frozen=True, slots=True)
class Uniform:
    """What a role's uniform has: parts worn by everyone in the role, and by women or men only
    (a receptionist: shirt and jacket; women a neck bow and a skirt, men a tie)."""

    common: frozenset[str] = frozenset()
    female: frozenset[str] = frozenset()
    male: frozenset[str] = frozenset()

    def parts_for(self, sex: Sex) -> frozenset[str]:
        return self.common | (self.female if sex is Sex.FEMALE else self.male)

    @property
    def all_parts(self) -> frozenset[str]:
        return self.common | self.female | self.male

    def to_dict(self) -> dict:
        data = {"common": sorted(self.common)}
        if self.female:
            data["female"] = sorted(self.female)
        if self.male:
            data["male"] = sorted(self.male)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Uniform:
        return cls(
            common=frozenset(data.get("common", ())),
            female=frozenset(data.get("female", ())),
            male=frozenset(data.get("male", ())),
        )


@dataclass(frozen=True, slots=True)
class Role:
    """A job role (岗位) and its uniform. Checklist reasons apply by what the uniform has, e.g.
    the tie rules only to roles with a tie, none of the leather-shoe rules to pool lifeguards."""

    id: str
    name: Text
    uniform: Uniform = Uniform()
    aliases: tuple[str, ...] = ()  # other titles a roster may use for this role


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
