"""Demo floor observations: a few a day, across the situations, by two or three observers.

Each situation is observed in the people whose work it is (the phone in customer service and
at the front desk, visits in the customer managers, walking and pointing the way in security
and customer service ...). About a third of the observations find a fault, drawn from the
behaviours that apply to the person; the typical ones (a commanding tone on the phone, a cold
voice at a complaint, slouching at the desk) come up most. Follows from the seed, as the rest
of the demo.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from inspector.domain.checklist import Catalogue, ChecklistSet, InspectionType
from inspector.domain.lineup import Attendance, Result
from inspector.domain.observations import SITUATION_BY_ID
from inspector.domain.people import Employee
from inspector.storage.bulk import BulkInspection, BulkLineup, BulkMark, bulk_insert_history
from inspector.storage.store import Store

OBSERVERS = ("质检专员 林晓", "品质主管 郑凯", "客服经理 许宁")
PER_DAY = (2, 5)  # observations a working day, at least and at most
P_FAULT = 0.35
P_SECOND_SITUATION = 0.15

# situation -> (the roles observed in it, the weight of the situation)
WHO: dict[str, tuple[tuple[str, ...], int]] = {
    "phone": (("customer-service", "receptionist", "customer-manager", "administrator"), 5),
    "reception": (("receptionist", "customer-service"), 4),
    "complaint": (("customer-service", "customer-manager", "receptionist"), 3),
    "visit": (("customer-manager",), 1),
    "walking": (("security", "customer-service", "receptionist", "cleaner"), 3),
    "seated": (("receptionist", "administrator", "customer-service"), 3),
    "handshake-cards": (("customer-manager", "administrator", "manager"), 1),
}
# Faults seen most on the floor, and the notes an observer writes for them.
TYPICAL: dict[str, tuple[str, ...]] = {
    "phone.commanding-tone": ("“你等一下”", "语气生硬"),
    "phone.answer-within-three-rings": ("响了五声才接",),
    "phone.ends-call-politely": ("直接挂断",),
    "complaint-handling.cold-voice": ("语气冷淡",),
    "complaint-handling.rushes-to-close": ("客户还没说完就结束",),
    "complaint-handling.shows-understanding": ("",),
    "reception.greets-visitor": ("访客到前台未起身招呼",),
    "service-language.desk-greeting": ("",),
    "posture-sitting.slouching": ("靠在椅背上",),
    "posture-sitting.legs-crossed": ("",),
    "walking.hands-in-pockets": ("巡逻时手插口袋",),
    "walking.point-one-finger": ("用一个手指指路",),
    "conversation-taboos.arms-folded": ("",),
    "visiting.arrives-early": ("迟到5分钟",),
    "business-card.both-hands": ("单手递名片",),
}


def demo_observations(
    employees: Sequence[Employee],
    catalogue: Catalogue,
    days: Sequence[date],
    seed: int,
) -> dict[tuple[str, ...], list[BulkLineup]]:
    """The observations of ``days``, grouped by their situations (each group is judged by
    the sets of its situations)."""
    rng = random.Random(f"observations:{seed}")
    sets = {s.id: s for s in catalogue.sets_for(InspectionType.OBSERVATION)}
    situations = [s for s in WHO if all(x in sets for x in SITUATION_BY_ID[s].sets)]
    if not situations:
        return {}
    weights = [WHO[s][1] for s in situations]
    active = [e for e in employees if e.active]
    by_role: dict[str, list[Employee]] = {}
    for e in active:
        by_role.setdefault(e.role, []).append(e)
    groups: dict[tuple[str, ...], list[BulkLineup]] = {}
    for day in days:
        clock = datetime.combine(day, time(9, 0))
        for _ in range(rng.randint(*PER_DAY)):
            clock += timedelta(minutes=rng.randint(40, 120))
            if clock.hour >= 18:
                break
            first = rng.choices(situations, weights=weights)[0]
            people = [e for r in WHO[first][0] for e in by_role.get(r, ())] or active
            if not people:
                return groups
            employee = rng.choice(people)
            chosen = [first]
            if rng.random() < P_SECOND_SITUATION:
                other = rng.choice([s for s in situations if s != first])
                chosen.append(other)
            judged = _sets_of(chosen, sets)
            applicable = [item for s in judged for item in s.applicable(employee)]
            marks: dict[str, BulkMark] = {}
            if applicable and rng.random() < P_FAULT:
                typical = [i for i in applicable if i.id in TYPICAL]
                for _fault in range(2 if rng.random() < 0.2 else 1):
                    pool = typical if typical and rng.random() < 0.7 else applicable
                    item = rng.choice(pool)
                    note = rng.choice(TYPICAL.get(item.id, ("",)))
                    marks[item.id] = BulkMark(item.id, Result.FAIL, note)
            done = clock + timedelta(minutes=rng.randint(3, 12))
            groups.setdefault(tuple(chosen), []).append(
                BulkLineup(
                    day=day,
                    shift=",".join(chosen),
                    site=employee.site,
                    department=employee.department,
                    supervisor=rng.choice(OBSERVERS),
                    started_at=clock,
                    finished_at=done,
                    inspections=(
                        BulkInspection(
                            employee.id, Attendance.PRESENT, done, tuple(marks.values())
                        ),
                    ),
                    inspection_type=InspectionType.OBSERVATION,
                )
            )
    return groups


def _sets_of(situations: Sequence[str], sets: dict[str, ChecklistSet]) -> list[ChecklistSet]:
    wanted = dict.fromkeys(x for s in situations for x in SITUATION_BY_ID[s].sets)
    return [sets[x] for x in wanted if x in sets]


def add_demo_observations(
    store: Store,
    catalogue: Catalogue,
    employees: Sequence[Employee],
    days: Sequence[date],
    seed: int,
) -> int:
    """Write the demo observations of ``days``; returns how many."""
    sets = {s.id: s for s in catalogue.sets_for(InspectionType.OBSERVATION)}
    count = 0
    for situations, lineups in demo_observations(employees, catalogue, days, seed).items():
        count += bulk_insert_history(store, _sets_of(situations, sets), lineups)
    return count
