"""Floor observations: the situations an observer watches, and a month's observation figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inspector.domain.faults import FaultCount, MarkLine
from inspector.domain.figures import pass_rate
from inspector.domain.text import Text


@dataclass(frozen=True, slots=True)
class Situation:
    """Something an observer watches (a phone call, a complaint ...) and the observation sets it
    is judged by. A set may serve several situations; an observation of several shows it once."""

    id: str
    text: Text
    sets: tuple[str, ...]


SITUATIONS: tuple[Situation, ...] = (
    Situation("phone", Text("电话", "Phone call"), ("phone",)),
    Situation(
        "reception",
        Text("前台接待/来访", "Reception desk / visitor"),
        ("reception", "service-language", "conversation-taboos"),
    ),
    Situation(
        "complaint", Text("处理投诉", "Complaint"), ("complaint-handling", "service-language")
    ),
    Situation(
        "visit", Text("拜访客户", "Visit to a customer"), ("visiting", "conversation-taboos")
    ),
    Situation("walking", Text("行走与指引", "Walking and pointing the way"), ("walking",)),
    Situation("seated", Text("坐姿工作", "Seated work"), ("posture-sitting",)),
    Situation(
        "handshake-cards",
        Text("握手与名片", "Handshake and cards"),
        ("introductions", "handshake", "business-card"),
    ),
)
SITUATION_BY_ID = {s.id: s for s in SITUATIONS}


def situation_text(situation_id: str) -> Text:
    found = SITUATION_BY_ID.get(situation_id)
    return found.text if found else Text(situation_id, situation_id)


@dataclass(frozen=True, slots=True)
class ObservationTally:
    """Observations of a group (a department, a situation): how many, how many with no fault."""

    key: str  # the department, or the situation id
    observations: int
    passed: int
    faults: int

    @property
    def with_faults(self) -> int:
        return self.observations - self.passed

    @property
    def rate(self) -> float | None:
        return pass_rate(self.passed, self.observations)


@dataclass(frozen=True, slots=True)
class ObservedPerson:
    """Someone observed with faults in the month."""

    employee_no: str
    name: str
    department: str
    observations: int
    with_faults: int
    faults: int
    last_day: date


@dataclass(frozen=True, slots=True)
class ObservationMonth:
    """The observation figures of one month (and department) for the monthly pack."""

    month: date
    department: str | None
    observations: int
    people: int  # distinct people observed
    passed: int  # observations with no fault
    observers: int
    departments: tuple[ObservationTally, ...]
    situations: tuple[ObservationTally, ...]  # in SITUATIONS order
    faults: tuple[FaultCount, ...]  # most frequent first
    people_with_faults: tuple[ObservedPerson, ...]  # most often with faults first

    @property
    def rate(self) -> float | None:
        return pass_rate(self.passed, self.observations)


@dataclass(frozen=True, slots=True)
class ObservationEntry:
    """One observation as the reports print it (the sheet, the employee record)."""

    id: int
    day: date
    time: str  # HH:MM it started
    observer: str
    employee_no: str
    name: str
    department: str
    site: str
    situations: tuple[str, ...]
    observed: int  # behaviours judged
    faults: tuple[MarkLine, ...]  # failed marks (behaviour faults), worded as judged
    fault_points: int
    saved: bool
    changes: int = 0  # amendments after saving

    @property
    def passed(self) -> bool:
        return self.saved and not self.faults


@dataclass(frozen=True, slots=True)
class ObservationSheetData:
    """One observation, or the observations of one day, to print and file."""

    company: Text
    day: date | None  # the day, for a day's sheet; None for one observation
    entries: tuple[ObservationEntry, ...]
