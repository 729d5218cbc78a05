"""The company's settings that the reports (and backups, photos) use: typed, with defaults and
one validation rule each. The GUI's Settings dialog and ``inspector settings`` both go through
here; the values live in the database's ``settings`` table as text.

A bad value raises ``SettingError`` (a ``UserError``) whose message names the key and the values
it takes, e.g. ``scoring_profile: "points" is not allowed (allowed: pass-rate, deduction)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from inspector.domain.errors import UserError
from inspector.domain.figures import (
    DEFAULT_DEDUCTIONS,
    DEFAULT_LADDER,
    DEFAULT_REPEAT_THRESHOLD,
    LadderStep,
    ScoringRules,
)
from inspector.domain.text import Text

if TYPE_CHECKING:
    from inspector.storage.store import Store

PASS_RATE = "pass-rate"
DEDUCTION = "deduction"
SCORING_PROFILES = (PASS_RATE, DEDUCTION)
DEFAULT_RETENTION_DAYS = 180  # as storage.photos
DEFAULT_BACKUP_KEEP = 14  # as storage.backup
_TRUE = ("yes", "true", "1", "on")
_FALSE = ("no", "false", "0", "off")


class SettingError(UserError):
    """A setting that does not exist or a value it does not take; ``str()`` is the English
    message (the command line), ``text("zh")`` the Chinese one (the GUI)."""

    def __init__(self, words: Text) -> None:
        super().__init__(words.en)
        self.words = words

    def text(self, lang: str = "en") -> str:
        return self.words.zh if lang == "zh" else self.words.en


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    allowed: str  # the values it takes, in words (printed with a bad value)
    description: Text
    parse: Callable[[str], Any]  # text -> value; ValueError for a bad value
    show: Callable[[Any], str] = str  # value -> text (as stored and printed)
    choices: tuple[str, ...] = field(default=())
    allowed_zh: str = ""  # the values it takes, in Chinese


def _text(raw: str) -> str:
    value = raw.strip()
    if "\n" in value or len(value) > 120:
        raise ValueError
    return value


def _int_between(low: int, high: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        value = int(raw.strip())
        if not low <= value <= high:
            raise ValueError
        return value

    return parse


def _choice(choices: tuple[str, ...]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        value = raw.strip().lower()
        if value not in choices:
            raise ValueError
        return value

    return parse


def _bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError


def _show_bool(value: bool) -> str:
    return "yes" if value else "no"


def parse_ladder(raw: str) -> tuple[LadderStep, ...]:
    """'3=口头提醒/Verbal reminder; 5=书面警告/Written warning' -> the steps, fewest first.
    Counts are whole numbers from 2 to 99, each used once; the English name is optional."""
    steps: list[LadderStep] = []
    for part in raw.replace("；", ";").split(";"):
        if not part.strip():
            continue
        count_text, sep, names = part.partition("=")
        if not sep:
            raise ValueError
        count = int(count_text.strip())
        zh, _, en = names.partition("/")
        if not 2 <= count <= 99 or not zh.strip():
            raise ValueError
        steps.append(LadderStep(count, Text(zh.strip(), en.strip() or zh.strip())))
    counts = [s.count for s in steps]
    if not steps or len(set(counts)) != len(counts):
        raise ValueError
    return tuple(sorted(steps, key=lambda s: s.count))


def show_ladder(steps: tuple[LadderStep, ...]) -> str:
    return "; ".join(
        f"{s.count}={s.name.zh}" + (f"/{s.name.en}" if s.name.en != s.name.zh else "")
        for s in steps
    )


def _deduction(severity: str, zh: str, en: str) -> Setting:
    return Setting(
        f"deduction_{severity}",
        DEFAULT_DEDUCTIONS[severity],
        "a whole number from 0 to 100",
        Text(
            f"扣分制下每个{zh}问题扣的分（检查项可另定）",
            f"Points off for a {en} fault under deduction scoring (an item may set its own)",
        ),
        _int_between(0, 100),
        allowed_zh="0 到 100 的整数",
    )


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "company_name",
        "",
        "the company's name in Chinese (up to 120 characters)",
        Text("公司名称（中文），印在每份报告的页眉", "Company name in Chinese, on every report"),
        _text,
        allowed_zh="公司中文名称（不超过 120 个字符）",
    ),
    Setting(
        "company_name_en",
        "",
        "the company's name in English (up to 120 characters)",
        Text("公司名称（英文）", "Company name in English"),
        _text,
        allowed_zh="公司英文名称（不超过 120 个字符）",
    ),
    Setting(
        "scoring_profile",
        PASS_RATE,
        ", ".join(SCORING_PROFILES),
        Text("计分方式：合格率 pass-rate 或 扣分制 deduction", "Scoring: pass-rate or deduction"),
        _choice(SCORING_PROFILES),
        choices=SCORING_PROFILES,
        allowed_zh="pass-rate（合格率）或 deduction（扣分制）",
    ),
    _deduction("minor", "一般", "minor"),
    _deduction("major", "较重", "major"),
    _deduction("critical", "严重", "critical"),
    Setting(
        "critical_zeroes",
        False,
        "yes or no",
        Text(
            "扣分制下严重问题使该次检查扣满 100 分",
            "Under deduction scoring a critical fault takes the whole 100 points",
        ),
        _bool,
        _show_bool,
        choices=("yes", "no"),
        allowed_zh="yes（是）或 no（否）",
    ),
    Setting(
        "ladder",
        DEFAULT_LADDER,
        "steps as COUNT=中文/English separated by ';', e.g. 3=口头提醒/Verbal reminder; "
        "5=书面警告/Written warning (counts 2 to 99, each once)",
        Text(
            "屡犯阶梯：同一问题 30 天内出现的次数 → 处理建议",
            "Repeat-offences ladder: the same fault within 30 days, times -> step",
        ),
        parse_ladder,
        show_ladder,
        allowed_zh="阶梯写作 次数=中文/English，以“;”分隔，例如 3=口头提醒/Verbal reminder; "
        "5=书面警告/Written warning（次数 2 到 99，各不相同）",
    ),
    Setting(
        "repeat_threshold",
        DEFAULT_REPEAT_THRESHOLD,
        "a whole number from 2 to 99",
        Text("员工记录中标为“重复”的次数", "Times that mark a fault as repeated on the record"),
        _int_between(2, 99),
        allowed_zh="2 到 99 的整数",
    ),
    Setting(
        "photo_retention_days",
        DEFAULT_RETENTION_DAYS,
        "a whole number of days from 0 to 3650",
        Text("照片保留天数", "Days photos are kept"),
        _int_between(0, 3650),
        allowed_zh="0 到 3650 的整数（天）",
    ),
    Setting(
        "backup_keep",
        DEFAULT_BACKUP_KEEP,
        "a whole number from 1 to 365",
        Text("保留的每日备份份数", "Daily backups kept"),
        _int_between(1, 365),
        allowed_zh="1 到 365 的整数",
    ),
)
BY_KEY: Mapping[str, Setting] = {s.key: s for s in SETTINGS}


def setting(key: str) -> Setting:
    try:
        return BY_KEY[key]
    except KeyError:
        known = ", ".join(BY_KEY)
        raise SettingError(
            Text(
                f"没有设置项 {key!r}（设置项：{known}）",
                f"there is no setting {key!r} (settings: {known})",
            )
        ) from None


def parse(key: str, raw: str) -> Any:
    """The value of ``raw`` for ``key``; SettingError naming the key and the allowed values."""
    definition = setting(key)
    try:
        return definition.parse(raw)
    except (ValueError, TypeError):
        value = raw.strip()
        raise SettingError(
            Text(
                f"{key}：不能设为 {value!r}（可用：{definition.allowed_zh or definition.allowed}）",
                f"{key}: {value!r} is not allowed (allowed: {definition.allowed})",
            )
        ) from None


@dataclass(frozen=True)
class Settings:
    """Every setting's value (defaults where nothing valid is stored)."""

    values: Mapping[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def company(self) -> Text:
        zh, en = self.values["company_name"], self.values["company_name_en"]
        return Text(zh or en, en or zh)

    @property
    def scoring_profile(self) -> str:
        return self.values["scoring_profile"]

    @property
    def deduction_scoring(self) -> bool:
        return self.values["scoring_profile"] == DEDUCTION

    @property
    def deductions(self) -> dict[str, int]:
        return {s: self.values[f"deduction_{s}"] for s in DEFAULT_DEDUCTIONS}

    @property
    def critical_zeroes(self) -> bool:
        return self.values["critical_zeroes"]

    @property
    def ladder(self) -> tuple[LadderStep, ...]:
        return self.values["ladder"]

    @property
    def repeat_threshold(self) -> int:
        return self.values["repeat_threshold"]

    @property
    def rules(self) -> ScoringRules:
        """What the report queries need to score (they cannot read the settings themselves)."""
        return ScoringRules(
            deduction_scoring=self.deduction_scoring,
            deductions=self.deductions,
            critical_zeroes=self.critical_zeroes,
            ladder=self.ladder,
            repeat_threshold=self.repeat_threshold,
        )


def from_stored(stored: Mapping[str, str]) -> Settings:
    """Settings from the stored text; a missing or invalid value gives the default (a value
    stored by hand or by an older version never stops a report)."""
    values = {}
    for definition in SETTINGS:
        raw = stored.get(definition.key)
        try:
            values[definition.key] = definition.default if raw is None else definition.parse(raw)
        except (ValueError, TypeError):
            values[definition.key] = definition.default
    return Settings(values)


def load(store: Store) -> Settings:
    return from_stored(store.settings())


def get(store: Store, key: str) -> Any:
    setting(key)
    return load(store)[key]


def shown(key: str, value: Any) -> str:
    """A value as text, as stored and printed."""
    return setting(key).show(value)


def set_value(store: Store, key: str, raw: str) -> Any:
    """Check ``raw`` and store it; returns the value. SettingError for a bad key or value."""
    value = parse(key, raw)
    store.set_setting(key, shown(key, value))
    return value


def set_values(store: Store, raws: Mapping[str, str]) -> None:
    """Check every value first, then store them all (none stored when one is bad)."""
    parsed = {key: parse(key, raw) for key, raw in raws.items()}
    for key, value in parsed.items():
        store.set_setting(key, shown(key, value))


def needs_company_name(store: Store) -> bool:
    """The first start of a real (non-demo) database: no company name and no line-up yet, so
    the app asks for the name before the first sheet is printed (later: File → Settings…)."""
    stored = store.settings()
    if stored.get("demo") == "1":
        return False
    if stored.get("company_name", "").strip() or stored.get("company_name_en", "").strip():
        return False
    return not store.list_lineups(limit=1)


def listing(store: Store) -> list[dict[str, Any]]:
    """Every setting: key, value (as text), default, allowed values and description."""
    current = load(store)
    return [
        {
            "key": s.key,
            "value": s.show(current[s.key]),
            "default": s.show(s.default),
            "allowed": s.allowed,
            "description": s.description.to_dict(),
        }
        for s in SETTINGS
    ]
