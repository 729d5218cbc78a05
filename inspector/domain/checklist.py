"""Checklists: the company standards as data (see checklists/*.toml)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from inspector.domain.people import Employee, Role, Sex
from inspector.domain.text import Text


class ItemKind(StrEnum):
    REQUIRED = "required"  # 标准要求
    PROHIBITED = "prohibited"  # 禁止事宜 / 禁止事项


class AppliesTo(StrEnum):
    FEMALE = "female"
    MALE = "male"
    EVERYONE = "everyone"

    def covers(self, sex: Sex) -> bool:
        return self is AppliesTo.EVERYONE or self.value == sex.value


class Severity(StrEnum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


class InspectionType(StrEnum):
    LINEUP = "lineup"  # the morning line-up: grooming, uniform, hands, shoes and socks, standing
    OBSERVATION = "observation"  # behaviours a supervisor observes on the floor


@dataclass(frozen=True, slots=True)
class Source:
    file: str
    section: str


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str  # stable and unique across all sets, e.g. "grooming.f.hair-clean"
    kind: ItemKind
    text: Text
    applies_to: AppliesTo
    severity: Severity
    weight: int
    source: Source
    exempt_roles: frozenset[str] = frozenset()
    deduction: int | None = None  # points off under 扣分制; None: the severity's default

    def applies(self, employee: Employee) -> bool:
        """Whether a supervisor judges this employee on this item (by sex and job role)."""
        return self.applies_to.covers(employee.sex) and employee.role not in self.exempt_roles

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "text": self.text.to_dict(),
            "applies_to": self.applies_to.value,
            "severity": self.severity.value,
            "weight": self.weight,
            "source": {"file": self.source.file, "section": self.source.section},
            "exempt_roles": sorted(self.exempt_roles),
            # Only when set, so that the content hash of a set without deductions is unchanged.
            **({"deduction": self.deduction} if self.deduction is not None else {}),
        }

    @classmethod
    def from_dict(cls, data: dict) -> ChecklistItem:
        return cls(
            id=data["id"],
            kind=ItemKind(data["kind"]),
            text=Text(**data["text"]),
            applies_to=AppliesTo(data["applies_to"]),
            severity=Severity(data["severity"]),
            weight=int(data["weight"]),
            source=Source(**data["source"]),
            exempt_roles=frozenset(data.get("exempt_roles", ())),
            deduction=int(data["deduction"]) if data.get("deduction") is not None else None,
        )


@dataclass(frozen=True, slots=True)
class ChecklistSet:
    """One versioned set of items for one area (e.g. female grooming, version 1)."""

    id: str  # e.g. "grooming-female"
    version: int
    inspection_type: InspectionType
    area: str  # an Area id; sets of the same area are shown together
    title: Text
    items: tuple[ChecklistItem, ...]
    order: int = 0
    origin: str = ""  # the file it was loaded from, for messages

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "version": self.version,
            "inspection_type": self.inspection_type.value,
            "area": self.area,
            "title": self.title.to_dict(),
            "order": self.order,
            "items": [item.to_dict() for item in self.items],
        }

    @classmethod
    def from_dict(cls, data: dict, origin: str = "") -> ChecklistSet:
        return cls(
            id=data["id"],
            version=int(data["version"]),
            inspection_type=InspectionType(data["inspection_type"]),
            area=data["area"],
            title=Text(**data["title"]),
            order=int(data.get("order", 0)),
            items=tuple(ChecklistItem.from_dict(i) for i in data["items"]),
            origin=origin,
        )

    def content_hash(self) -> str:
        """A hash of the exact content: two sets with the same hash were judged by the same words."""
        canonical = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Area:
    id: str  # grooming, uniform, hands, shoes-socks, posture, ...
    name: Text
    order: int


@dataclass(frozen=True)
class Catalogue:
    """Everything loaded from the checklist folders: sets, areas and job roles."""

    sets: tuple[ChecklistSet, ...]
    roles: tuple[Role, ...]
    areas: tuple[Area, ...]
    _item_index: dict[str, tuple[ChecklistSet, ChecklistItem]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        for checklist in self.sets:
            for item in checklist.items:
                self._item_index[item.id] = (checklist, item)

    def sets_for(self, inspection_type: InspectionType) -> tuple[ChecklistSet, ...]:
        area_order = {a.id: a.order for a in self.areas}
        chosen = [s for s in self.sets if s.inspection_type == inspection_type]
        return tuple(sorted(chosen, key=lambda s: (area_order.get(s.area, 999), s.order, s.id)))

    def item(self, item_id: str) -> ChecklistItem:
        return self._item_index[item_id][1]

    def set_of(self, item_id: str) -> ChecklistSet:
        return self._item_index[item_id][0]

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def find_role(self, name: str) -> Role | None:
        """A role by id, Chinese or English name (case-insensitive), as a roster file spells it."""
        wanted = name.strip().casefold()
        for role in self.roles:
            if wanted in (role.id.casefold(), role.name.zh.casefold(), role.name.en.casefold()):
                return role
        return None


def applicable_items(
    sets: Iterable[ChecklistSet], employee: Employee
) -> list[tuple[ChecklistSet, ChecklistItem]]:
    """The items a supervisor judges for this employee, in display order."""
    return [(s, item) for s in sets for item in s.items if item.applies(employee)]
