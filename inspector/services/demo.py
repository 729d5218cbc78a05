"""Demo data: a made-up property-management company with a plausible inspection history.

The roster has Chinese names, the departments of a property-management company (客服部,
秩序维护部, 工程部, 环境部, 行政人事部, 会所), both sexes, roles that fit the departments
(with at least one pool lifeguard in the clubhouse) and one to three sites. The history has
one morning line-up per working day (Sundays off) per site, or per site and department when a
site is large; a few people are absent, on leave or late; faults are found on a small share of
inspections, where they really occur (shoes, shave, nails, the name badge, socks ...), a few
people fail the same reason again and again, and critical faults are rare. Some faults are
fixed on the spot, most others re-checked the same day (services/demo_follow_ups.py). Faults are drawn only
from the reasons that apply to the person's sex and role's uniform.

Everything follows from the seed: the same seed, sizes and day give the same data. The
history is written with ``storage.bulk.bulk_insert_history`` so that thousands of people over a
month take seconds.
"""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from inspector import paths
from inspector.domain.checklist import Catalogue, ChecklistItem, ChecklistSet, InspectionType
from inspector.domain.errors import UserError
from inspector.domain.lineup import Attendance, Result
from inspector.domain.people import Employee, Sex
from inspector.services.demo_follow_ups import add_rechecks, with_spot_fixes
from inspector.storage.bulk import BulkInspection, BulkLineup, BulkMark, bulk_insert_history
from inspector.storage.opening import open_database
from inspector.storage.store import Store

DEFAULT_EMPLOYEES = 60
DEFAULT_DAYS = 66  # about three months of working days
DEFAULT_SEED = 1
MIN_EMPLOYEES = 5
SHIFT = "早班"
SPLIT_AT = 40  # a site with more people than this lines up by department

COMPANY_NAME = "翠湖物业服务有限公司"
COMPANY_NAME_EN = "Cuihu Property Services Co., Ltd."

SITES = ("翠湖花园", "滨江国际", "锦绣华庭")
SITE_SHARES = ((1.0,), (0.6, 0.4), (0.45, 0.33, 0.22))
CLUBHOUSE = "会所"


@dataclass(frozen=True, slots=True)
class _Department:
    name: str
    share: float
    roles: tuple[tuple[str, float, float], ...]  # (role id, weight, share of women)
    head: str = "supervisor"  # the role of the first person of the department at a site


DEPARTMENTS = (
    _Department("秩序维护部", 0.30, (("security", 1.0, 0.12),)),
    _Department("环境部", 0.24, (("cleaner", 0.7, 0.75), ("gardener", 0.3, 0.35))),
    _Department(
        "客服部",
        0.18,
        (
            ("customer-service", 0.55, 0.8),
            ("receptionist", 0.3, 0.85),
            ("customer-manager", 0.15, 0.6),
        ),
    ),
    _Department("工程部", 0.14, (("engineer", 1.0, 0.08),)),
    _Department(CLUBHOUSE, 0.08, (("lifeguard", 0.7, 0.3), ("receptionist", 0.3, 0.85))),
    _Department("行政人事部", 0.06, (("administrator", 1.0, 0.65),), head="manager"),
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
)
MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋峰建国志文海东亮成振鸿"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀英玲桂兰燕萍红琳婷雪慧倩颖洁梅琴云莉丹蓉欣怡佳悦晶萱"

# Faults a supervisor finds at a morning line-up, where they really occur: (reason id, weight,
# notes). The weights are how often each is found; a reason that does not apply to a person
# (a tie for a cleaner, socks for a lifeguard) is never drawn for them.
FAULTS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("shoes.shoes.dusty", 10, ("鞋面有灰尘", "鞋侧有泥", "")),
    ("face.shave.not-shaved", 9, ("胡子未刮", "胡茬明显", "")),
    ("hands.nails.too-long", 7, ("指甲过长", "")),
    ("accessories.accessories.badge-or-pin", 7, ("未戴工牌", "工牌戴歪", "")),
    ("shoes.shoes.not-polished", 6, ("皮鞋未擦亮", "")),
    ("socks.socks.wrong-socks", 6, ("穿白色袜子", "袜子颜色不符", "")),
    ("hair.hair.messy", 5, ("头发凌乱", "未盘发", "")),
    ("hands.nails.dirty", 5, ("指甲缝有污垢", "")),
    ("upper-body.clean.creased", 5, ("制服有褶皱", "")),
    ("hands.nails.polish", 4, ("涂彩色指甲油", "")),
    ("upper-body.neckwear.tie-crooked", 4, ("领带歪斜", "领带未系紧", "")),
    ("upper-body.top.jacket-open", 4, ("外套未扣好", "")),
    ("hair.hair.front", 3, ("刘海过眉", "")),
    ("accessories.accessories.pockets", 3, ("口袋鼓起", "口袋内放手机")),
    ("upper-body.top.collar-cuffs", 3, ("领口未翻好", "")),
    ("overall.stance.slouching", 3, ("站姿松垮", "")),
    ("lower-body.lower.no-crease", 3, ("裤线不清",)),
    ("socks.socks.no-stockings", 2, ("未穿丝袜", "")),
    ("upper-body.neckwear.neck-bow", 2, ("领花歪斜",)),
    ("hair.hair.sides", 2, ("鬓角过长",)),
    ("face.make-up.heavy", 2, ("妆容过浓",)),
    ("accessories.accessories.jewellery", 2, ("佩戴夸张耳饰", "手链过多")),
    ("upper-body.clean.stained", 2, ("衣袖有油渍", "前襟有污渍")),
    ("overall.hands-arms.pockets", 2, ("手插口袋",)),
    ("shoes.forbidden.trainers", 2, ("穿运动鞋上岗",)),
    ("upper-body.repair.button-missing", 1, ("袖扣脱落",)),
    ("overall.uniform.seasons-mixed", 1, ("夏装配冬季外套",)),
)
# What repeat offenders keep getting wrong.
HABITS = (
    "face.shave.not-shaved",
    "upper-body.neckwear.tie-crooked",
    "shoes.shoes.dusty",
    "hands.nails.polish",
    "hair.hair.messy",
    "hands.nails.too-long",
    "socks.socks.wrong-socks",
)
CRITICAL = ("overall.uniform.not-prescribed", ("未穿工服", "穿便装上岗"))

P_ABSENT, P_LEAVE, P_LATE = 0.03, 0.02, 0.02
P_FAULT = 0.06  # share of inspected people with a (random) fault
P_SECOND_FAULT = 0.15
P_HABIT = 0.3  # a repeat offender fails their habit item on this share of days
P_CRITICAL = 0.001


@dataclass(frozen=True)
class DemoSummary:
    employees: int
    lineups: int
    inspections: int
    faults: int  # failed marks
    repeat_offenders: tuple[str, ...] = field(default=())  # employee numbers


class DemoRefused(UserError):
    """The database already holds employees (the demo adds to it only when forced)."""


# -- roster ----------------------------------------------------------------------------------


def _allocate(total: int, shares: Sequence[float], minimum: Sequence[int]) -> list[int]:
    """Split ``total`` by ``shares`` (largest remainder), giving each part at least ``minimum``."""
    counts = list(minimum)
    rest = total - sum(counts)
    if rest <= 0:
        return counts
    weight = sum(shares)
    exact = [rest * s / weight for s in shares]
    floors = [int(x) for x in exact]
    left = rest - sum(floors)
    order = sorted(range(len(shares)), key=lambda i: (floors[i] - exact[i], i))
    for i in order[:left]:
        floors[i] += 1
    return [c + f for c, f in zip(counts, floors, strict=True)]


def _name(rng: random.Random, sex: Sex) -> str:
    chars = MALE_CHARS if sex is Sex.MALE else FEMALE_CHARS
    given = "".join(rng.sample(chars, 2)) if rng.random() < 0.7 else rng.choice(chars)
    return rng.choice(SURNAMES) + given


def _sex(rng: random.Random, female_share: float) -> Sex:
    return Sex.FEMALE if rng.random() < female_share else Sex.MALE


def sites_for(count: int) -> tuple[str, ...]:
    return SITES[: 1 if count < 30 else 2 if count < 150 else 3]


def site_prefix(site: str) -> str:
    """Employee numbers unique to one site: its name in plain letters, or a short hash of it."""
    import hashlib

    letters = "".join(ch for ch in site.upper() if ch.isascii() and ch.isalnum())[:6]
    return letters or "S" + hashlib.sha256(site.encode("utf-8")).hexdigest()[:5].upper()


def generate_roster(
    count: int = DEFAULT_EMPLOYEES, seed: int = DEFAULT_SEED, site: str | None = None
) -> list[Employee]:
    """A made-up roster of ``count`` employees (at least MIN_EMPLOYEES), the same for a seed.

    With ``site`` everyone works at that one site and employee numbers carry its prefix, so
    that several demo sites make one company.
    """
    if count < MIN_EMPLOYEES:
        raise ValueError(f"the demo needs at least {MIN_EMPLOYEES} employees")
    rng = random.Random(f"roster:{seed}" if site is None else f"roster:{seed}:{site}")
    sites = sites_for(count) if site is None else (site,)
    number_prefix = "CH" if site is None else f"{site_prefix(site)}-"
    per_site = _allocate(count, SITE_SHARES[len(sites) - 1], [0] * len(sites))
    employees: list[Employee] = []
    for site_index, (site, headcount) in enumerate(zip(sites, per_site, strict=True)):
        departments = [d for d in DEPARTMENTS if d.name != CLUBHOUSE or site_index == 0]
        minimum = [1 if d.name == CLUBHOUSE else 0 for d in departments]
        for department, size in zip(
            departments, _allocate(headcount, [d.share for d in departments], minimum), strict=True
        ):
            for index in range(size):
                if index == 0 and (size >= 6 or department.head == "manager"):
                    role, female_share = department.head, 0.4
                elif department.name == CLUBHOUSE and index <= 1:
                    role, female_share = "lifeguard", 0.3  # the pool always has a lifeguard
                else:
                    role, _, female_share = rng.choices(
                        department.roles, weights=[w for _, w, _ in department.roles]
                    )[0]
                sex = _sex(rng, female_share)
                employees.append(
                    Employee(
                        employee_no=f"{number_prefix}{10001 + len(employees)}",
                        name=_name(rng, sex),
                        sex=sex,
                        department=department.name,
                        role=role,
                        site=site,
                        # about 2% have left the company (kept for their history)
                        active=not (index > 1 and rng.random() < 0.02),
                    )
                )
    sexes = {e.sex for e in employees}
    if len(sexes) == 1:  # tiny rosters: make sure both sexes are there
        last = employees[-1]
        other = Sex.FEMALE if last.sex is Sex.MALE else Sex.MALE
        employees[-1] = replace(last, sex=other, name=_name(rng, other))
    return employees


# -- history ---------------------------------------------------------------------------------


def working_days(count: int, today: date) -> list[date]:
    """The last ``count`` working days (Monday to Saturday) before ``today``, oldest first."""
    days: list[date] = []
    day = today
    while len(days) < count:
        day -= timedelta(days=1)
        if day.weekday() != 6:
            days.append(day)
    return days[::-1]


def _groups(employees: Sequence[Employee]) -> list[tuple[str, str, list[Employee]]]:
    """(site, department or "", people) for each daily line-up, in roster order."""
    order = {d.name: i for i, d in enumerate(DEPARTMENTS)}
    active = sorted(
        (e for e in employees if e.active),
        key=lambda e: (e.site, order.get(e.department, 99), e.employee_no),
    )
    groups: list[tuple[str, str, list[Employee]]] = []
    for site in dict.fromkeys(e.site for e in active):
        people = [e for e in active if e.site == site]
        if len(people) <= SPLIT_AT:
            groups.append((site, "", people))
            continue
        for department in dict.fromkeys(e.department for e in people):
            groups.append((site, department, [e for e in people if e.department == department]))
    return groups


def _site_supervisors(
    groups: Sequence[tuple[str, str, list[Employee]]], seed: int
) -> dict[str, list[str]]:
    """One to three regular supervisors per site, chosen among its supervisors and managers
    (a made-up name when it has none): they take turns running the site's line-ups."""
    rng = random.Random(f"supervisors:{seed}")
    pools: dict[str, list[str]] = {}
    for site in dict.fromkeys(site for site, _, _ in groups):
        people = [e for place, _, group in groups if place == site for e in group]
        heads = sorted({e.name for e in people if e.role in ("supervisor", "manager")})
        if not heads:
            heads = [_name(rng, _sex(rng, 0.4))]
        pools[site] = rng.sample(heads, k=rng.randint(1, min(3, len(heads))))
    return pools


class _Picker:
    """Chooses realistic faults among the items that apply to each person."""

    def __init__(self, catalogue: Catalogue, sets: Sequence[ChecklistSet]) -> None:
        in_force = {item.id: item for s in sets for item in s.items}
        self._set_of = {item.id: s for s in sets for item in s.items}
        self.faults = [(in_force[i], w, notes) for i, w, notes in FAULTS if i in in_force]
        self.habits = [in_force[i] for i in HABITS if i in in_force]
        critical = in_force.get(CRITICAL[0])
        self.critical = critical
        self.fallback = [i for i in in_force.values() if i.severity.value == "minor"]
        self._cache: dict[tuple, tuple] = {}

    def _applies(self, item: ChecklistItem, employee: Employee) -> bool:
        """By sex, role and the role's uniform, as the set the item belongs to says."""
        return item.applies(employee, self._set_of[item.id].worn_by(employee))

    def options(self, employee: Employee) -> tuple[list, list[int]]:
        key = (employee.sex, employee.role)
        if key not in self._cache:
            fitting = [(i, w, notes) for i, w, notes in self.faults if self._applies(i, employee)]
            options = [(item, notes) for item, _, notes in fitting]
            weights = [w for _, w, _ in fitting]
            if not options:
                options = [(i, ("",)) for i in self.fallback if self._applies(i, employee)]
                weights = [1] * len(options)
            self._cache[key] = (options, weights)
        return self._cache[key]

    def habit(self, employee: Employee, rng: random.Random) -> ChecklistItem | None:
        fitting = [i for i in self.habits if self._applies(i, employee)]
        return rng.choice(fitting) if fitting else None


def _history(
    employees: Sequence[Employee],
    catalogue: Catalogue,
    days: int,
    seed: int,
    today: date,
) -> tuple[list[BulkLineup], list[str]]:
    rng = random.Random(f"history:{seed}")
    sets = catalogue.sets_for(InspectionType.LINEUP)
    picker = _Picker(catalogue, sets)
    groups = _groups(employees)
    supervisors = _site_supervisors(groups, seed)
    turns = random.Random(f"turns:{seed}")
    active = [e for e in employees if e.active]
    offenders = rng.sample(active, k=min(len(active), max(2, round(len(active) * 0.03))))
    habits = {e.id: picker.habit(e, rng) for e in offenders}
    lineups: list[BulkLineup] = []
    for day in working_days(days, today):
        for group_index, (site, department, people) in enumerate(groups):
            start = datetime.combine(day, time(7, 45)) + timedelta(
                minutes=group_index % 4 * 3 + rng.randint(0, 8)
            )
            clock = start
            inspections: list[BulkInspection] = []
            for person in people:
                clock += timedelta(seconds=rng.randint(15, 40))
                roll = rng.random()
                if roll < P_ABSENT:
                    attendance = Attendance.ABSENT
                elif roll < P_ABSENT + P_LEAVE:
                    attendance = Attendance.LEAVE
                elif roll < P_ABSENT + P_LEAVE + P_LATE:
                    attendance = Attendance.LATE
                else:
                    attendance = Attendance.PRESENT
                marks: dict[str, BulkMark] = {}
                if attendance.inspected:
                    habit = habits.get(person.id)
                    if habit is not None and rng.random() < P_HABIT:
                        marks[habit.id] = BulkMark(habit.id, Result.FAIL, "屡次未改正")
                    if rng.random() < P_FAULT:
                        options, weights = picker.options(person)
                        for _ in range(2 if rng.random() < P_SECOND_FAULT else 1):
                            item, notes = rng.choices(options, weights=weights)[0]
                            marks.setdefault(
                                item.id, BulkMark(item.id, Result.FAIL, rng.choice(notes))
                            )
                    if picker.critical is not None and rng.random() < P_CRITICAL:
                        marks[picker.critical.id] = BulkMark(
                            picker.critical.id, Result.FAIL, rng.choice(CRITICAL[1])
                        )
                inspections.append(
                    BulkInspection(
                        employee_id=person.id,
                        attendance=attendance,
                        completed_at=clock,
                        marks=tuple(marks[k] for k in sorted(marks)),
                    )
                )
            lineups.append(
                BulkLineup(
                    day=day,
                    shift=SHIFT,
                    site=site,
                    department=department,
                    supervisor=turns.choice(supervisors[site]),
                    started_at=start,
                    finished_at=clock + timedelta(minutes=rng.randint(1, 3)),
                    inspections=tuple(inspections),
                )
            )
    lineups = _ensure_critical(lineups, picker, rng)
    return lineups, sorted(e.employee_no for e in offenders if habits[e.id] is not None)


def _ensure_critical(
    lineups: list[BulkLineup], picker: _Picker, rng: random.Random
) -> list[BulkLineup]:
    """Rare is not never: a history of some length shows at least one critical fault."""
    critical = picker.critical
    if critical is None or not lineups:
        return lineups
    if any(m.item_id == critical.id for lu in lineups for i in lu.inspections for m in i.marks):
        return lineups
    index = len(lineups) // 2
    lineup = lineups[index]
    people = [
        n for n, i in enumerate(lineup.inspections) if i.attendance and i.attendance.inspected
    ]
    if not people:
        return lineups
    n = rng.choice(people)
    person = lineup.inspections[n]
    mark = BulkMark(critical.id, Result.FAIL, CRITICAL[1][0])
    marks = tuple(sorted((*person.marks, mark), key=lambda m: m.item_id))
    inspections = list(lineup.inspections)
    inspections[n] = replace(person, marks=marks)
    lineups[index] = replace(lineup, inspections=tuple(inspections))
    return lineups


# -- filling a database ----------------------------------------------------------------------


def fill_demo(
    store: Store,
    catalogue: Catalogue,
    *,
    employees: int = DEFAULT_EMPLOYEES,
    days: int = DEFAULT_DAYS,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    force: bool = False,
    site: str | None = None,
    observations: bool = True,
) -> DemoSummary:
    """Add the demo roster and ``days`` working days of line-ups before ``today`` (and of floor
    observations, unless ``observations`` is False).

    Refuses (DemoRefused) when the database already has employees, unless ``force``: then the
    demo is added to what is there (employees with the same numbers are updated).
    """
    existing = store.employee_count()
    if existing and not force:
        raise DemoRefused(
            f"the database {store.path} already has {existing} employees: the demo would mix "
            "made-up people and line-ups with them. Choose another --db, or use --force to "
            "add the demo data anyway."
        )
    roster = generate_roster(employees, seed, site)
    store.upsert_employees(roster)
    by_no = {e.employee_no: e for e in store.list_employees()}
    stored = [by_no[e.employee_no] for e in roster]
    lineups, offenders = _history(stored, catalogue, days, seed, today or date.today())
    lineups = with_spot_fixes(lineups, seed)
    bulk_insert_history(store, catalogue.sets_for(InspectionType.LINEUP), lineups)
    add_rechecks(store, seed, today or date.today())
    if observations:
        _add_observations(store, catalogue, stored, days, seed, today or date.today())
    store.set_setting("company_name", COMPANY_NAME)
    store.set_setting("company_name_en", COMPANY_NAME_EN)
    store.set_setting("demo", "1")
    return DemoSummary(
        employees=len(roster),
        lineups=len(lineups),
        inspections=sum(len(lu.inspections) for lu in lineups),
        faults=sum(
            1 for lu in lineups for i in lu.inspections for m in i.marks if m.result is Result.FAIL
        ),
        repeat_offenders=tuple(offenders),
    )


def _add_observations(
    store: Store, catalogue: Catalogue, stored: list[Employee], days: int, seed: int, today: date
) -> None:
    """Floor observations on the same working days (services/demo_observations.py)."""
    from inspector.services.demo_observations import add_demo_observations

    add_demo_observations(store, catalogue, stored, working_days(days, today), seed)


def ensure_demo_database(path: Path | None = None, *, catalogue: Catalogue | None = None) -> Path:
    """The demo database (``paths.demo_db_path()`` unless given), created and filled on first use.

    It is built in a file beside the target and moved in place, so an interrupted first start
    never leaves half a demo behind.
    """
    path = Path(path) if path is not None else paths.demo_db_path()
    _remove_killed_builds(path)
    if path.exists():
        with open_database(path) as store:
            if store.employee_count():
                return path
    if catalogue is None:
        from inspector.files.checklists import load_catalogue

        catalogue = load_catalogue()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.stem}-{os.getpid()}.building{path.suffix}")
    _remove_database(temp)
    try:
        with Store(temp, shown_as=path) as store:  # messages name the demo, not the temp
            fill_demo(store, catalogue)
        _remove_database(path)
        os.replace(temp, path)
    finally:
        _remove_database(temp)
    return path


STALE_BUILD_SECONDS = 3600  # a demo builds in seconds; an hour-old build was killed


def _remove_killed_builds(path: Path) -> None:
    """Remove the half-built demos left by processes killed while building one."""
    if not path.parent.is_dir():
        return
    for temp in path.parent.glob(f".{path.stem}-*.building{path.suffix}"):
        try:
            stale = datetime.now().timestamp() - temp.stat().st_mtime > STALE_BUILD_SECONDS
        except OSError:
            continue
        if stale:
            _remove_database(temp)


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
