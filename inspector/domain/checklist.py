"""Checklists: the company standards as data (see checklists/*.toml)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from inspector.domain.people import Employee, Role, Sex, Uniform, UniformPart
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
    """One thing a supervisor marks. In a line-up set it is a fault reason under a point (nails:
    too long, dirty, coloured polish); marks, scores and reports all count by this id."""

    id: str  # stable and unique across all sets, e.g. "hands.nails.polish"
    kind: ItemKind
    text: Text
    applies_to: AppliesTo
    severity: Severity
    weight: int
    source: Source
    exempt_roles: frozenset[str] = frozenset()
    point: str = ""  # the Point id it is a reason of ("" in sets without points)
    applies_when: frozenset[str] = frozenset()  # uniform parts: applies if the role wears any
    exempt_when: frozenset[str] = frozenset()  # uniform parts that make the rule meaningless
    exempt_source: str = ""  # the line of the standard the exemption rests on
    replaces: tuple[str, ...] = ()  # ids of earlier versions' items that this one counts for
    deduction: int | None = None  # points off under 扣分制; None: the severity's default

    def applies(self, employee: Employee, worn: frozenset[str] | None = None) -> bool:
        """Whether a supervisor judges this employee on this item: by sex, job role and what
        the role's uniform has (``worn``: its parts for the employee's sex; None = nothing)."""
        if not self.applies_to.covers(employee.sex) or employee.role in self.exempt_roles:
            return False
        if self.applies_when or self.exempt_when:
            parts = worn or frozenset()
            if self.applies_when and not self.applies_when & parts:
                return False
            if self.exempt_when & parts:
                return False
        return True

    def to_dict(self) -> dict:
        data = {
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
        # Written only when set, so that the content (and hash) of older sets stays the same.
        if self.point:
            data["point"] = self.point
        if self.applies_when:
            data["applies_when"] = sorted(self.applies_when)
        if self.exempt_when:
            data["exempt_when"] = sorted(self.exempt_when)
            data["exempt_source"] = self.exempt_source
        if self.replaces:
            data["replaces"] = list(self.replaces)
        return data

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
            point=data.get("point", ""),
            applies_when=frozenset(data.get("applies_when", ())),
            exempt_when=frozenset(data.get("exempt_when", ())),
            exempt_source=data.get("exempt_source", ""),
            replaces=tuple(data.get("replaces", ())),
            deduction=int(data["deduction"]) if data.get("deduction") is not None else None,
        )


@dataclass(frozen=True, slots=True)
class Point:
    """One thing judged at a glance at a line-up (nails, shoes, shave ...), with the fault
    reasons it can fail for, in picker order. Marks are on the reasons, never on the point."""

    id: str  # e.g. "hands.nails"
    text: Text
    reasons: tuple[ChecklistItem, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "text": self.text.to_dict(), "reasons": [r.id for r in self.reasons]}


@dataclass(frozen=True, slots=True)
class ChecklistSet:
    """One versioned set of items for one area (e.g. the hands at a line-up, version 2).

    A line-up set groups its items (the fault reasons) under points; ``items`` is the flat tuple
    of every reason in display order, which is what marks, scores and the store work on.
    ``uniforms`` holds the uniform of each role as the set was loaded, so that a set kept in the
    database decides who a reason applies to exactly as it did on the day.
    """

    id: str  # e.g. "hands"
    version: int
    inspection_type: InspectionType
    area: str  # an Area id; sets of the same area are shown together
    title: Text
    items: tuple[ChecklistItem, ...]
    order: int = 0
    origin: str = ""  # the file it was loaded from, for messages
    points: tuple[Point, ...] = ()
    uniforms: tuple[tuple[str, Uniform], ...] = ()  # (role id, uniform), by role id

    def worn_by(self, employee: Employee) -> frozenset[str]:
        """The uniform parts this employee wears, as the set knows the roles (none if unknown)."""
        for role_id, uniform in self.uniforms:
            if role_id == employee.role:
                return uniform.parts_for(employee.sex)
        return frozenset()

    def applicable(self, employee: Employee) -> tuple[ChecklistItem, ...]:
        worn = self.worn_by(employee)
        return tuple(item for item in self.items if item.applies(employee, worn))

    def display_points(self) -> tuple[Point, ...]:
        """The points to show: a set without points (an older version, an observation set)
        shows each item as a point of its own."""
        if self.points:
            return self.points
        return tuple(Point(item.id, item.text, (item,)) for item in self.items)

    def to_dict(self) -> dict:
        data = {
            "id": self.id,
            "version": self.version,
            "inspection_type": self.inspection_type.value,
            "area": self.area,
            "title": self.title.to_dict(),
            "order": self.order,
            "items": [item.to_dict() for item in self.items],
        }
        if self.points:
            data["points"] = [point.to_dict() for point in self.points]
        if self.uniforms:
            data["uniforms"] = {role: uniform.to_dict() for role, uniform in self.uniforms}
        return data

    @classmethod
    def from_dict(cls, data: dict, origin: str = "") -> ChecklistSet:
        items = tuple(ChecklistItem.from_dict(i) for i in data["items"])
        by_id = {item.id: item for item in items}
        points = tuple(
            Point(p["id"], Text(**p["text"]), tuple(by_id[r] for r in p["reasons"]))
            for p in data.get("points", ())
        )
        uniforms = tuple(
            (role, Uniform.from_dict(u)) for role, u in sorted(data.get("uniforms", {}).items())
        )
        return cls(
            id=data["id"],
            version=int(data["version"]),
            inspection_type=InspectionType(data["inspection_type"]),
            area=data["area"],
            title=Text(**data["title"]),
            order=int(data.get("order", 0)),
            items=items,
            origin=origin,
            points=points,
            uniforms=uniforms,
        )

    def content_hash(self) -> str:
        """A hash of the exact content: two sets with the same hash were judged by the same words."""
        canonical = json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Area:
    id: str  # overall, hair, face, ..., shoes for the line-up; walking, phone ... on the floor
    name: Text
    order: int
    key: str = ""  # the digit that jumps to this body area on the line-up screen ("" for none)


MAX_KEYS = 9  # digits 1-9: at most nine body areas, at most nine reasons under a point


@dataclass(frozen=True, slots=True)
class LineupPoint:
    point: Point
    reasons: tuple[ChecklistItem, ...]  # the reasons that apply to the person, in picker order


@dataclass(frozen=True, slots=True)
class LineupArea:
    area: Area
    points: tuple[LineupPoint, ...]


@dataclass(frozen=True)
class Catalogue:
    """Everything loaded from the checklist folders: sets, areas, job roles and uniform parts."""

    sets: tuple[ChecklistSet, ...]
    roles: tuple[Role, ...]
    areas: tuple[Area, ...]
    parts: tuple[UniformPart, ...] = ()
    _item_index: dict[str, tuple[ChecklistSet, ChecklistItem]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _replaced_by: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for checklist in self.sets:
            for item in checklist.items:
                self._item_index[item.id] = (checklist, item)
                for old_id in item.replaces:
                    self._replaced_by.setdefault(old_id, item.id)

    def sets_for(self, inspection_type: InspectionType) -> tuple[ChecklistSet, ...]:
        area_order = {a.id: a.order for a in self.areas}
        chosen = [s for s in self.sets if s.inspection_type == inspection_type]
        return tuple(sorted(chosen, key=lambda s: (area_order.get(s.area, 999), s.order, s.id)))

    def item(self, item_id: str) -> ChecklistItem:
        return self._item_index[item_id][1]

    def set_of(self, item_id: str) -> ChecklistSet:
        return self._item_index[item_id][0]

    def canonical_reason(self, item_id: str) -> str:
        """The reason in force that counts the same fault as ``item_id``, an item of an earlier
        version (``uniform.stained`` -> ``upper-body.clean.stained``); an id in force, or one
        nothing replaces, is its own answer. A month or a person's record that spans a change
        of version counts each fault under this id."""
        seen = {item_id}
        current = item_id
        while current not in self._item_index and current in self._replaced_by:
            current = self._replaced_by[current]
            if current in seen:
                break
            seen.add(current)
        return current

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def part(self, part_id: str) -> UniformPart | None:
        return next((p for p in self.parts if p.id == part_id), None)

    def find_role(self, name: str) -> Role | None:
        """A role by id, Chinese or English name or another title it is known by
        (case-insensitive), as a roster file spells it."""
        wanted = name.strip().casefold()
        for role in self.roles:
            names = (role.id, role.name.zh, role.name.en, *role.aliases)
            if wanted in (n.casefold() for n in names):
                return role
        return None

    def lineup_for(self, employee: Employee) -> tuple[LineupArea, ...]:
        """The line-up as a supervisor walks it for this person: body areas head to toe, each
        with the points that apply and each point's applicable reasons. Points with no reason
        for this person (a tie for a cleaner) and areas with no points are left out."""
        return lineup_view(self.sets_for(InspectionType.LINEUP), self.areas, employee)


def lineup_view(
    sets: Iterable[ChecklistSet], areas: Iterable[Area], employee: Employee
) -> tuple[LineupArea, ...]:
    """See Catalogue.lineup_for; ``sets`` in display order (e.g. a line-up's recorded sets)."""
    known = {a.id: a for a in areas}
    grouped: dict[str, list[LineupPoint]] = {}
    for checklist in sets:
        applicable = {item.id for item in checklist.applicable(employee)}
        for point in checklist.display_points():
            reasons = tuple(r for r in point.reasons if r.id in applicable)
            if reasons:
                grouped.setdefault(checklist.area, []).append(LineupPoint(point, reasons))
    return tuple(
        LineupArea(known.get(area_id) or Area(area_id, Text(area_id, area_id), 999), tuple(points))
        for area_id, points in grouped.items()
    )


def applicable_items(
    sets: Iterable[ChecklistSet], employee: Employee
) -> list[tuple[ChecklistSet, ChecklistItem]]:
    """The items a supervisor judges for this employee, in display order."""
    return [(s, item) for s in sets for item in s.applicable(employee)]
