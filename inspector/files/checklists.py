"""Load and check the checklist files (``checklists/*.toml``) that make up the Catalogue.

Folders are read in this order: the checklists shipped with the app, the user's checklist
folder (if it exists), then any extra folders. A later file with the same set id replaces the
earlier set: that is how a company overrides a shipped standard. Roles and areas from later
folders add to or replace earlier ones by id.

Checking never stops at the first problem: every file is read and every problem collected, so
one run of ``inspector checklists validate`` lists everything to fix. A broken file never ends
in a traceback: unreadable files, text that is not UTF-8 and TOML syntax errors are problems
like any other.

File format (one set per file; roles and areas usually in ``roles.toml`` and ``areas.toml``)::

    [set]                      # required: id, version, inspection_type, area, zh, en
    id = "hands"
    version = 1                # a positive whole number
    inspection_type = "lineup" # lineup | observation
    area = "hands"             # an [[area]] id
    order = 10                 # optional: the order within the area
    zh = "手部"
    en = "Hands"
    applies_to = "everyone"    # optional default for the items: female | male | everyone
    source_file = "001_2d8fab767d16ad65.txt"  # optional default for the items

    [[item]]                   # required: id, kind, zh, en, severity, weight, section
    id = "hands.nails-short"   # the set id, a dot, then the item's own name
    kind = "required"          # required (标准要求) | prohibited (禁止事宜)
    zh = "指甲长度不超过指尖2毫米"
    en = "Nails no more than 2 mm past the fingertip"
    severity = "minor"         # minor | major | critical
    weight = 2                 # 1 to 10
    section = "五、员工手部要求 · 标准要求 1"
    # optional: applies_to, exempt_roles = ["lifeguard"], source_file,
    # deduction = 5            # points off under 扣分制, 0 to 100 (default: by severity)

A line-up set groups its items (the fault reasons) under points, judged at a glance::

    [[point]]                  # id, zh, en: the set id, a dot, then the point's own name
    id = "hands.nails"
    zh = "指甲（双手伸出）"
    en = "Nails (hands held out)"

    [[item]]                   # as above, plus:
    point = "hands.nails"      # the point it is a reason of (every item, once a set has points)
    applies_when = ["tie"]     # optional: only for roles whose uniform has any of these parts
    exempt_when = ["pool-footwear"]  # optional: not for roles wearing any of these, with
    exempt_source = "六、鞋袜要求 · 禁止事宜 · 鞋子 2（泳池救生员除外）"  # the line it rests on
    replaces = ["hands.nail-polish"]  # optional: the earlier versions' items it counts for

    [[part]]                   # id, zh, en: a uniform part a role may have
    [[role]]                   # id, zh, en; optional: uniform, uniform_female, uniform_male
                               # (lists of part ids), aliases (other titles, for rosters)
    [[area]]                   # id, zh, en, order; optional: key (1-9, the line-up jump digit)
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from inspector import paths
from inspector.domain.checklist import (
    MAX_KEYS,
    AppliesTo,
    Area,
    Catalogue,
    ChecklistItem,
    ChecklistSet,
    InspectionType,
    ItemKind,
    Point,
    Severity,
    Source,
)
from inspector.domain.errors import UserError
from inspector.domain.people import Employee, Role, Sex, Uniform, UniformPart
from inspector.domain.text import Text

__all__ = ["ChecklistError", "Problem", "load_catalogue", "validate_dirs"]

SET_KEYS = frozenset(
    {"id", "version", "inspection_type", "area", "order", "zh", "en", "applies_to", "source_file"}
)
SET_REQUIRED = ("id", "version", "inspection_type", "area")
ITEM_KEYS = frozenset(
    {
        "id",
        "kind",
        "zh",
        "en",
        "severity",
        "weight",
        "section",
        "applies_to",
        "exempt_roles",
        "source_file",
        "point",
        "applies_when",
        "exempt_when",
        "exempt_source",
        "replaces",
        "deduction",
    }
)
ITEM_REQUIRED = ("id", "kind", "severity", "weight", "section")
UNIFORM_KEYS = ("uniform", "uniform_female", "uniform_male")
ROLE_KEYS = frozenset({"id", "zh", "en", "aliases", *UNIFORM_KEYS})
AREA_KEYS = frozenset({"id", "zh", "en", "order", "key"})
POINT_KEYS = frozenset({"id", "zh", "en"})
PART_KEYS = frozenset({"id", "zh", "en"})
TOP_LEVEL_KEYS = ("set", "point", "item", "role", "area", "part")
MIN_WEIGHT, MAX_WEIGHT = 1, 10
MAX_DEDUCTION = 100

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")  # set, role and area ids
_ITEM_SUFFIX_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")  # the part of an item id after "set."
_LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}

E = TypeVar("E", bound=StrEnum)
_T = TypeVar("_T")


# --- problems ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a checklist file, located as precisely as the file allows."""

    path: Path
    line: int | None
    item_id: str | None
    message: str

    def __str__(self) -> str:
        where = _display_path(self.path)
        if self.line is not None:
            where += f":{self.line}"
        what = f"item {self.item_id}: " if self.item_id else ""
        return f"{where}: {what}{self.message}"


class ChecklistError(UserError):
    """The checklist files have problems; ``problems`` lists every one of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        count = len(self.problems)
        heading = f"the checklist files have {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([heading, *(f"  {p}" for p in self.problems)]))


def _display_path(path: Path) -> str:
    """The path relative to the current folder when it lies inside it, else as given."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


# --- public API -------------------------------------------------------------------------------


def load_catalogue(
    extra_dirs: Sequence[Path] = (),
    *,
    include_shipped: bool = True,
    include_user: bool | None = None,
) -> Catalogue:
    """The catalogue from the shipped checklists, the user's folder and ``extra_dirs``.

    ``include_user`` defaults to ``include_shipped``: without the shipped standards only the
    given folders are read. Raises ChecklistError listing every problem found.
    """
    scan = _scan(_folders(extra_dirs, include_shipped, include_user))
    if scan.problems:
        raise ChecklistError(scan.problems)
    return scan.catalogue()


def validate_dirs(
    dirs: Sequence[Path],
    *,
    include_shipped: bool = True,
    include_user: bool | None = None,
) -> list[Problem]:
    """Every problem in the checklist files of ``dirs`` (after the shipped and user folders,
    as for load_catalogue), in file and line order. An empty list means they load cleanly."""
    return _scan(_folders(dirs, include_shipped, include_user)).problems


# --- folders ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Folder:
    path: Path | None  # None when the shipped folder could not be found
    must_exist: bool  # folders named by the user must exist and hold checklist files
    error: str = ""


def _folders(
    extra_dirs: Sequence[Path], include_shipped: bool, include_user: bool | None
) -> list[_Folder]:
    folders: list[_Folder] = []
    if include_shipped:
        try:
            folders.append(_Folder(paths.shipped_checklists_dir(), must_exist=True))
        except FileNotFoundError as exc:
            folders.append(_Folder(None, must_exist=True, error=str(exc)))
    if include_shipped if include_user is None else include_user:
        user_dir = paths.user_checklists_dir()
        if user_dir.is_dir():
            folders.append(_Folder(user_dir, must_exist=False))
    folders.extend(_Folder(Path(d), must_exist=True) for d in extra_dirs)
    # The same folder twice (e.g. the shipped folder given again) is read once, where first seen.
    unique: list[_Folder] = []
    seen: set[Path] = set()
    for folder in folders:
        key = folder.path.resolve() if folder.path is not None else None
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        unique.append(folder)
    return unique


# --- locating lines ---------------------------------------------------------------------------

_TABLE_RE = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY_RE = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=(.*)$""")


class _Lines:
    """Where each table and key begins in a file's text.

    tomllib returns plain dicts and lists with no positions, so problems are placed by a simple
    scan of the text. Checklist files are flat: tables ``[set]``, ``[[item]]``, ``[[role]]`` and
    ``[[area]]`` with one ``key = value`` per line, which this scan follows (multi-line strings
    are skipped). Anything it cannot place is reported without a line number rather than with a
    wrong one.
    """

    def __init__(self, text: str) -> None:
        self.tables: dict[tuple[str, int], int] = {}
        self.keys: dict[tuple[str, int], dict[str, int]] = {("", 0): {}}
        counts: dict[str, int] = {}
        current = ("", 0)
        closing: str | None = None  # the delimiter of an open multi-line string
        for number, line in enumerate(text.split("\n"), start=1):
            if closing is not None:
                if line.count(closing) % 2 == 1:
                    closing = None
                continue
            table = _TABLE_RE.match(line)
            if table:
                name = table.group(2).strip().strip("\"'")
                if table.group(1) == "[[":
                    index = counts.get(name, 0)
                    counts[name] = index + 1
                else:
                    index = 0
                current = (name, index)
                self.tables.setdefault(current, number)
                self.keys.setdefault(current, {})
                continue
            key = _KEY_RE.match(line)
            if key:
                self.keys[current].setdefault(key.group(1).strip("\"'"), number)
                for delimiter in ('"""', "'''"):
                    if key.group(2).count(delimiter) % 2 == 1:
                        closing = delimiter

    def of(self, table: str, index: int, key: str | None = None) -> int | None:
        """The line of ``key`` in the ``index``-th ``table`` (else of the table's header)."""
        if key is not None:
            line = self.keys.get((table, index), {}).get(key)
            if line is not None:
                return line
        return self.tables.get((table, index))

    def top_level(self, key: str) -> int | None:
        return self.keys[("", 0)].get(key) or self.tables.get((key, 0))


# --- one file ---------------------------------------------------------------------------------


@dataclass
class _ItemRecord:
    id: str | None
    line: int | None
    exempt_roles: list[tuple[str, int | None]]
    built: ChecklistItem | None
    parts: list[tuple[str, int | None]] = field(default_factory=list)  # applies/exempt_when
    replaces: list[tuple[str, int | None]] = field(default_factory=list)
    point: str | None = None  # as written, even when the item is unusable


@dataclass
class _PointRecord:
    id: str
    line: int | None
    text: Text | None


@dataclass
class _Named:
    """A role or area read from a file."""

    id: str
    line: int | None
    built: Role | Area | UniformPart | None
    parts: list[tuple[str, int | None]] = field(default_factory=list)  # a role's uniform
    key_line: int | None = None  # an area's key


@dataclass
class _FileResult:
    path: Path
    problems: list[Problem] = field(default_factory=list)
    set_id: str | None = None
    set_line: int | None = None
    set_area: str | None = None
    set_area_line: int | None = None
    set_fields: dict[str, Any] | None = None  # when the [set] table itself is valid
    set_defaults: dict[str, Any] = field(default_factory=dict)  # what the items inherit
    items: list[_ItemRecord] = field(default_factory=list)
    points: list[_PointRecord] = field(default_factory=list)
    roles: list[_Named] = field(default_factory=list)
    areas: list[_Named] = field(default_factory=list)
    parts: list[_Named] = field(default_factory=list)

    def report(self, line: int | None, message: str, item_id: str | None = None) -> None:
        self.problems.append(Problem(self.path, line, item_id, message))

    def built_set(self) -> ChecklistSet | None:
        if self.set_fields is None or not self.items:
            return None
        if any(record.built is None for record in self.items):
            return None
        if any(point.text is None for point in self.points):
            return None
        items = [record.built for record in self.items if record.built is not None]
        points: list[Point] = []
        for point in self.points:
            reasons = tuple(item for item in items if item.point == point.id)
            points.append(Point(point.id, point.text, reasons))  # type: ignore[arg-type]
        if points:  # the flat tuple in display order: point by point
            items = [reason for point in points for reason in point.reasons]
        return ChecklistSet(
            items=tuple(items),
            origin=str(self.path),
            points=tuple(points),
            **self.set_fields,
        )


Report = Callable[[int | None, str], None]


def _read_file(path: Path) -> _FileResult:
    result = _FileResult(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        result.report(None, f"cannot read the file: {exc.strerror or exc}")
        return result
    try:
        # utf-8-sig: files saved by Windows editors often start with a byte-order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        result.report(
            line,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
        )
        return result
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, message = _toml_error_position(exc)
        result.report(line, f"invalid TOML: {message}")
        return result
    except RecursionError:
        result.report(
            None,
            "invalid TOML: lists or tables nested too deeply to read "
            "(a checklist file needs no nesting beyond [[item]] tables)",
        )
        return result
    try:
        _check_document(result, document, _Lines(text))
    except RecursionError:
        result.report(None, "values nested too deeply to check: not a checklist file")
    return result


def _toml_error_position(exc: tomllib.TOMLDecodeError) -> tuple[int | None, str]:
    """tomllib puts the position in the message, "(at line 3, column 7)"; newer Pythons also
    give ``lineno``. Returns the line and the message without the line."""
    message = str(exc.args[0]) if exc.args else str(exc)
    line = getattr(exc, "lineno", None)
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)", message)
    if match:
        line = line or int(match.group(1))
        message = f"{message[: match.start()]} (column {match.group(2)})"
    elif "(at end of document)" in message:
        message = message.replace("(at end of document)", "(at the end of the file)")
    return line, message


def _check_document(result: _FileResult, document: dict[str, Any], lines: _Lines) -> None:
    for key in document:
        if key not in TOP_LEVEL_KEYS:
            result.report(
                lines.top_level(key),
                f"unknown key '{key}' at the top of the file{_did_you_mean(key, TOP_LEVEL_KEYS)}"
                " (a checklist file holds [set], [[point]] and [[item]], [[role]], [[area]] or "
                "[[part]] tables)",
            )
    if not any(key in document for key in TOP_LEVEL_KEYS):
        result.report(
            None,
            "no [set], [[point]], [[item]], [[role]], [[area]] or [[part]] tables: "
            "not a checklist file",
        )
        return

    set_table = document.get("set")
    if set_table is not None:
        if isinstance(set_table, dict):
            _check_set(result, set_table, lines)
        else:
            result.report(lines.of("set", 0), "write the set's header as [set], not [[set]]")

    points = _table_list(result, document, "point", lines)
    if points is not None:
        if set_table is None:
            result.report(lines.of("point", 0), "[[point]] tables without a [set] table")
        _check_points(result, points, lines)
    items = _table_list(result, document, "item", lines)
    if items is not None:
        if set_table is None:
            result.report(lines.of("item", 0), "[[item]] tables without a [set] table")
        _check_items(result, items, lines)
    _check_point_reasons(result)
    if isinstance(set_table, dict) and not items:
        result.report(lines.of("set", 0), f"set '{result.set_id or '?'}' has no items")

    roles = _table_list(result, document, "role", lines)
    for index, table in enumerate(roles or ()):
        named = _check_named(result, table, "role", index, lines)
        if named is not None:
            result.roles.append(named)
    areas = _table_list(result, document, "area", lines)
    for index, table in enumerate(areas or ()):
        named = _check_named(result, table, "area", index, lines)
        if named is not None:
            result.areas.append(named)
    parts = _table_list(result, document, "part", lines)
    for index, table in enumerate(parts or ()):
        named = _check_named(result, table, "part", index, lines)
        if named is not None:
            result.parts.append(named)


def _table_list(
    result: _FileResult, document: dict[str, Any], name: str, lines: _Lines
) -> list[dict[str, Any]] | None:
    value = document.get(name)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        result.report(
            lines.top_level(name) or lines.of(name, 0),
            f"write each {name} as an array table, [[{name}]]",
        )
        return None
    return value


def _check_set(result: _FileResult, table: dict[str, Any], lines: _Lines) -> None:
    def at(key: str | None = None) -> int | None:
        return lines.of("set", 0, key)

    def report(line: int | None, message: str) -> None:
        result.report(line, message)

    result.set_line = at()
    _check_unknown_keys(table, SET_KEYS, "[set]", at, report)
    _check_missing_keys(table, SET_REQUIRED, "[set]", at, report)

    set_id = _get_id(table, "id", at, report)
    result.set_id = set_id
    result.set_line = at("id") or at()
    version = _get_int(table, "version", at, report, minimum=1, what="a positive whole number")
    inspection_type = _get_enum(table, "inspection_type", InspectionType, at, report)
    area = _get_text(table, "area", at, report)
    result.set_area, result.set_area_line = area, at("area")
    order = _get_int(table, "order", at, report, default=0)
    title = _get_translations(table, at, report)
    applies_to = _get_enum(table, "applies_to", AppliesTo, at, report, default=AppliesTo.EVERYONE)
    source_file = _get_text(table, "source_file", at, report, required=False)

    fields = {
        "id": set_id,
        "version": version,
        "inspection_type": inspection_type,
        "area": area,
        "order": order,
        "title": title,
    }
    result.set_defaults = {"applies_to": applies_to, "source_file": source_file}
    if all(value is not None for value in fields.values()) and applies_to is not None:
        result.set_fields = fields


def _check_items(result: _FileResult, items: list[dict[str, Any]], lines: _Lines) -> None:
    defaults = result.set_defaults or {"applies_to": AppliesTo.EVERYONE}
    seen: dict[str, int | None] = {}
    for index, table in enumerate(items):
        raw_id = table.get("id")
        item_id = raw_id.strip() if isinstance(raw_id, str) and raw_id.strip() else None

        def at(key: str | None = None, index: int = index) -> int | None:
            # Problems point at the key concerned, else at the item's id line, else its header.
            return lines.of("item", index, key) if key else lines.of("item", index, "id")

        def report(line: int | None, message: str, item_id: str | None = item_id) -> None:
            result.report(line, message, item_id)

        _check_unknown_keys(table, ITEM_KEYS, "[[item]]", at, report)
        _check_missing_keys(table, ITEM_REQUIRED, "[[item]]", at, report)
        if "id" in table and item_id is None:
            report(at("id"), "the item id must be non-empty text")
        if item_id is not None:
            _check_item_id(item_id, result.set_id, at, report)
            if item_id in seen:
                report(
                    at("id"),
                    f"duplicate item id: also defined at line {seen[item_id]} of this file",
                )
            else:
                seen[item_id] = at("id")

        kind = _get_enum(table, "kind", ItemKind, at, report)
        text = _get_translations(table, at, report)
        severity = _get_enum(table, "severity", Severity, at, report)
        weight = _get_int(
            table,
            "weight",
            at,
            report,
            minimum=MIN_WEIGHT,
            maximum=MAX_WEIGHT,
            what=f"a whole number from {MIN_WEIGHT} to {MAX_WEIGHT}",
        )
        section = _get_text(table, "section", at, report)
        applies_to = _get_enum(
            table, "applies_to", AppliesTo, at, report, default=defaults.get("applies_to")
        )
        source_file = _get_text(table, "source_file", at, report, required=False)
        if source_file is None and "source_file" not in table:
            source_file = defaults.get("source_file")
            if source_file is None:
                report(
                    at(),
                    "no source_file: give it on the item or as the set's default in [set]",
                )
        exempt = _get_exempt_roles(table, at, report)
        deduction = _get_int(
            table,
            "deduction",
            at,
            report,
            minimum=0,
            maximum=MAX_DEDUCTION,
            what=f"a whole number from 0 to {MAX_DEDUCTION}",
        )
        bad_deduction = "deduction" in table and deduction is None
        point = _get_text(table, "point", at, report, required=False)
        if point is not None and point not in {p.id for p in result.points}:
            report(at("point"), f"unknown point '{point}'{_known_points(result)}")
            point = None
        elif point is None and "point" not in table and result.points:
            report(at(), "no point: in a set with [[point]] tables every item names its point")
        applies_when = _get_id_list(table, "applies_when", at, report, 'e.g. ["tie"]')
        exempt_when = _get_id_list(table, "exempt_when", at, report, 'e.g. ["pool-footwear"]')
        exempt_source = _get_text(table, "exempt_source", at, report, required=False)
        if exempt_when and exempt_source is None and "exempt_source" not in table:
            report(
                at("exempt_when"),
                "an exemption needs its source: add exempt_source = the line of the standard "
                "it rests on",
            )
            exempt_source = None
        elif exempt_source is not None and not exempt_when and "exempt_when" not in table:
            report(at("exempt_source"), "exempt_source without exempt_when")
        replaces = _get_id_list(table, "replaces", at, report, 'e.g. ["hands.nails-short"]')

        built = None
        values = (
            item_id,
            kind,
            text,
            severity,
            weight,
            section,
            applies_to,
            source_file,
            exempt,
            applies_when,
            exempt_when,
            replaces,
        )
        if (
            all(value is not None for value in values)
            and ("point" not in table or point is not None)
            and not bad_deduction
        ):
            built = ChecklistItem(
                id=item_id,  # type: ignore[arg-type]
                kind=kind,  # type: ignore[arg-type]
                text=text,  # type: ignore[arg-type]
                applies_to=applies_to,  # type: ignore[arg-type]
                severity=severity,  # type: ignore[arg-type]
                weight=weight,  # type: ignore[arg-type]
                source=Source(file=source_file, section=section),  # type: ignore[arg-type]
                exempt_roles=frozenset(role for role, _ in exempt or ()),
                point=point or "",
                applies_when=frozenset(applies_when or ()),
                exempt_when=frozenset(exempt_when or ()),
                exempt_source=exempt_source or "",
                replaces=tuple(replaces or ()),
                deduction=deduction,
            )
        parts = [(part, at("applies_when")) for part in applies_when or ()]
        parts += [(part, at("exempt_when")) for part in exempt_when or ()]
        old_ids = [(old, at("replaces")) for old in replaces or ()]
        raw_point = table.get("point") if isinstance(table.get("point"), str) else None
        result.items.append(
            _ItemRecord(item_id, at(), exempt or [], built, parts, old_ids, raw_point)
        )


def _known_points(result: _FileResult) -> str:
    if not result.points:
        return " (this set has no [[point]] tables)"
    return f" (points of this set: {', '.join(p.id for p in result.points)})"


def _check_points(result: _FileResult, points: list[dict[str, Any]], lines: _Lines) -> None:
    seen: dict[str, int | None] = {}
    for index, table in enumerate(points):

        def at(key: str | None = None, index: int = index) -> int | None:
            return lines.of("point", index, key) if key else lines.of("point", index, "id")

        raw_id = table.get("id")
        label = f"point '{raw_id}'" if isinstance(raw_id, str) and raw_id.strip() else "point"

        def report(line: int | None, message: str, label: str = label) -> None:
            result.report(line, f"{label}: {message}")

        _check_unknown_keys(table, POINT_KEYS, "[[point]]", at, report)
        _check_missing_keys(table, ("id",), "[[point]]", at, report)
        point_id = _get_text(table, "id", at, report)
        text = _get_translations(table, at, report)
        if point_id is None:
            continue
        if result.set_id is not None:
            prefix = f"{result.set_id}."
            suffix = point_id[len(prefix) :]
            if not point_id.startswith(prefix) or not _ID_RE.match(suffix):
                report(
                    at("id"),
                    f"a point id is the set id, a dot and a name of lowercase letters, digits, "
                    f"'-' and '_': '{prefix}…'",
                )
        if point_id in seen:
            report(at("id"), f"duplicate point id: also defined at line {seen[point_id]}")
            continue
        seen[point_id] = at("id")
        result.points.append(_PointRecord(point_id, at("id"), text))


def _check_point_reasons(result: _FileResult) -> None:
    """Every point has at least one reason, at most nine (the picker keys 1-9)."""
    for point in result.points:
        if not any((r.point or "").strip() == point.id for r in result.items):
            result.report(
                point.line,
                f"point '{point.id}' has no reasons: add [[item]] tables with "
                f'point = "{point.id}", or remove the point',
            )


def _get_id_list(
    table: dict[str, Any], key: str, at: Callable, report: Report, example: str
) -> list[str] | None:
    """A list of ids (uniform parts, item ids); [] when the key is absent, None when unusable."""
    if key not in table:
        return []
    value = table[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        report(at(key), f"{key} must be a list of ids, {example}")
        return None
    return [v.strip() for v in value]


def _check_item_id(item_id: str, set_id: str | None, at: Callable, report: Report) -> None:
    if set_id is None:
        return
    prefix = f"{set_id}."
    if not item_id.startswith(prefix) or not item_id[len(prefix) :]:
        report(at("id"), f"the item id must start with the set id: '{prefix}…'")
    elif not _ITEM_SUFFIX_RE.match(item_id[len(prefix) :]):
        report(
            at("id"),
            "after the set id, an item id may hold only lowercase letters, digits, "
            "'-', '_' and '.'",
        )


def _check_named(
    result: _FileResult, table: dict[str, Any], kind: str, index: int, lines: _Lines
) -> _Named | None:
    keys = {"role": ROLE_KEYS, "area": AREA_KEYS, "part": PART_KEYS}[kind]
    raw_id = table.get("id")
    label = f"{kind} '{raw_id}'" if isinstance(raw_id, str) and raw_id else kind

    def at(key: str | None = None) -> int | None:
        return lines.of(kind, index, key) if key else lines.of(kind, index, "id")

    def report(line: int | None, message: str) -> None:
        result.report(line, f"{label}: {message}")

    _check_unknown_keys(table, keys, f"[[{kind}]]", at, report)
    required = ("id", "order") if kind == "area" else ("id",)
    _check_missing_keys(table, required, f"[[{kind}]]", at, report)
    named_id = _get_id(table, "id", at, report)
    name = _get_translations(table, at, report)
    built: Role | Area | UniformPart | None = None
    parts: list[tuple[str, int | None]] = []
    if kind == "role":
        lists = {key: _get_id_list(table, key, at, report, 'e.g. ["tie"]') for key in UNIFORM_KEYS}
        aliases = _get_id_list(table, "aliases", at, report, 'e.g. ["保安"]')
        for key, value in lists.items():
            parts += [(part, at(key)) for part in value or ()]
        usable = all(value is not None for value in lists.values()) and aliases is not None
        if named_id is not None and name is not None and usable:
            uniform = Uniform(
                common=frozenset(lists["uniform"] or ()),
                female=frozenset(lists["uniform_female"] or ()),
                male=frozenset(lists["uniform_male"] or ()),
            )
            built = Role(id=named_id, name=name, uniform=uniform, aliases=tuple(aliases or ()))
    elif kind == "part":
        if named_id is not None and name is not None:
            built = UniformPart(id=named_id, name=name)
    else:
        order = _get_int(table, "order", at, report)
        key = _get_int(
            table, "key", at, report, minimum=1, maximum=MAX_KEYS, what="a digit from 1 to 9"
        )
        if "key" in table and key is None:
            order = None  # reported; the area is not usable
        if named_id is not None and name is not None and order is not None:
            built = Area(id=named_id, name=name, order=order, key=str(key) if key else "")
    if named_id is None:
        return None
    return _Named(named_id, at("id"), built, parts, at("key") if "key" in table else None)


# --- field readers: each reports its own problems and returns None when the value is unusable --


def _did_you_mean(key: str, allowed: Sequence[str] | frozenset[str]) -> str:
    close = difflib.get_close_matches(key, sorted(allowed), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _check_unknown_keys(
    table: dict[str, Any], allowed: frozenset[str], where: str, at: Callable, report: Report
) -> None:
    for key in table:
        if key not in allowed:
            report(at(key), f"unknown key '{key}' in {where}{_did_you_mean(key, allowed)}")


def _check_missing_keys(
    table: dict[str, Any], required: Sequence[str], where: str, at: Callable, report: Report
) -> None:
    for key in required:
        if key not in table:
            why = _WHY_REQUIRED.get(key, "")
            report(at(), f"missing required key '{key}' in {where}{why}")


_WHY_REQUIRED = {
    "section": " (no source: every item names the section of the standard it comes from)"
}


def _type_name(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _toml_value(value: Any) -> str:
    """A value as it is written in TOML, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def _get_text(
    table: dict[str, Any], key: str, at: Callable, report: Report, *, required: bool = True
) -> str | None:
    if key not in table:
        return None  # a missing required key is reported once, by _check_missing_keys
    value = table[key]
    if not isinstance(value, str):
        report(at(key), f"'{key}' must be text, not {_type_name(value)}")
        return None
    if not value.strip():
        report(at(key), f"'{key}' is empty")
        return None
    return value.strip()


def _get_id(table: dict[str, Any], key: str, at: Callable, report: Report) -> str | None:
    value = _get_text(table, key, at, report)
    if value is not None and not _ID_RE.match(value):
        report(
            at(key),
            f"id '{value}' may hold only lowercase letters, digits, '-' and '_'",
        )
        return None
    return value


def _get_translations(table: dict[str, Any], at: Callable, report: Report) -> Text | None:
    texts: dict[str, str] = {}
    for lang in ("zh", "en"):
        language = _LANGUAGE_NAMES[lang]
        value = table.get(lang)
        if lang not in table:
            report(at(), f"missing {language} text ({lang})")
        elif not isinstance(value, str):
            report(at(lang), f"{language} text ({lang}) must be text, not {_type_name(value)}")
        elif not value.strip():
            report(at(lang), f"empty {language} text ({lang})")
        else:
            texts[lang] = value.strip()
    if len(texts) != 2:
        return None
    return Text(zh=texts["zh"], en=texts["en"])


def _get_int(
    table: dict[str, Any],
    key: str,
    at: Callable,
    report: Report,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    what: str = "a whole number",
    default: int | None = None,
) -> int | None:
    if key not in table:
        return default
    value = table[key]
    # bool is a subclass of int in Python, but `weight = true` is a mistake, not 1.
    in_range = (
        isinstance(value, int)
        and not isinstance(value, bool)
        and (minimum is None or value >= minimum)
        and (maximum is None or value <= maximum)
    )
    if not in_range:
        report(at(key), f"{key} must be {what}, not {_toml_value(value)}")
        return None
    return value


def _get_enum(
    table: dict[str, Any],
    key: str,
    enum: type[E],
    at: Callable,
    report: Report,
    *,
    default: E | None = None,
) -> E | None:
    if key not in table:
        return default
    value = table[key]
    choices = [member.value for member in enum]
    expected = ", ".join(choices[:-1]) + f" or {choices[-1]}"
    if isinstance(value, str):
        try:
            return enum(value.strip())
        except ValueError:
            pass
    report(at(key), f"unknown {key} {_toml_value(value)} (expected {expected})")
    return None


def _get_exempt_roles(
    table: dict[str, Any], at: Callable, report: Report
) -> list[tuple[str, int | None]] | None:
    if "exempt_roles" not in table:
        return []
    value = table["exempt_roles"]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        report(at("exempt_roles"), 'exempt_roles must be a list of role ids, e.g. ["lifeguard"]')
        return None
    return [(role.strip(), at("exempt_roles")) for role in value]


# --- all folders ------------------------------------------------------------------------------


@dataclass
class _Scan:
    problems: list[Problem]
    sets: dict[str, ChecklistSet]
    roles: dict[str, Role]
    areas: dict[str, Area]
    parts: dict[str, UniformPart] = field(default_factory=dict)

    def catalogue(self) -> Catalogue:
        return Catalogue(
            sets=tuple(self.sets.values()),
            roles=tuple(self.roles.values()),
            areas=tuple(self.areas.values()),
            parts=tuple(self.parts.values()),
        )


def _checklist_files(folder: _Folder, problems: list[Problem]) -> list[Path]:
    if folder.path is None:
        problems.append(Problem(Path("checklists"), None, None, folder.error))
        return []
    if not folder.path.exists():
        if folder.must_exist:
            problems.append(Problem(folder.path, None, None, "folder not found"))
        return []
    if not folder.path.is_dir():
        problems.append(Problem(folder.path, None, None, "not a folder"))
        return []
    try:
        files = sorted(
            p for p in folder.path.glob("*.toml") if p.is_file() and not p.name.startswith(".")
        )
    except OSError as exc:
        problems.append(Problem(folder.path, None, None, f"cannot list the folder: {exc}"))
        return []
    if not files and folder.must_exist:
        problems.append(Problem(folder.path, None, None, "no checklist files (*.toml) here"))
    return files


def _where(path: Path, line: int | None) -> str:
    return _display_path(path) + (f":{line}" if line is not None else "")


def _scan(folders: Sequence[_Folder]) -> _Scan:
    problems: list[Problem] = []
    by_folder: list[list[_FileResult]] = []
    for folder in folders:
        results = [_read_file(path) for path in _checklist_files(folder, problems)]
        for result in results:
            problems.extend(result.problems)
        by_folder.append(results)

    # Sets: duplicates within one folder are mistakes; a later folder overrides an earlier one.
    effective: dict[str, _FileResult] = _merge_by_id(
        by_folder,
        "set",
        lambda result: [] if result.set_id is None else [(result.set_id, result.set_line, result)],
        problems,
    )

    roles = _merge_named(by_folder, "role", problems)
    areas = _merge_named(by_folder, "area", problems)
    parts = _merge_named(by_folder, "part", problems)

    # References: every file's areas, parts and exempt roles, against the merged definitions.
    for results in by_folder:
        for result in results:
            problems.extend(_unknown_references(result, roles=roles, areas=areas, parts=parts))

    # Item ids are unique across the sets in force (an override reuses its set's ids).
    owners: dict[str, tuple[Path, int | None]] = {}
    for result in effective.values():
        for record in result.items:
            if record.id is None:
                continue
            owner = owners.get(record.id)
            if owner is None:
                owners[record.id] = (result.path, record.line)
            elif owner[0] != result.path:  # duplicates within a file are reported per file
                problems.append(
                    Problem(
                        result.path,
                        record.line,
                        record.id,
                        f"duplicate item id: also defined in {_where(*owner)}",
                    )
                )

    _check_replaces(effective, owners, problems)
    _check_area_keys(by_folder, areas, problems)

    built_roles = {k: v for k, v in roles.items() if isinstance(v, Role)}
    uniforms = tuple(sorted((role.id, role.uniform) for role in built_roles.values()))
    sets: dict[str, ChecklistSet] = {}
    for set_id, result in effective.items():
        built = result.built_set()
        if built is None:
            continue
        if any(item.applies_when or item.exempt_when for item in built.items):
            # The set keeps the uniforms it was judged by (see ChecklistSet).
            built = replace(built, uniforms=uniforms)
        sets[set_id] = built
        _check_picker_limits(result, built, built_roles, problems)
    _check_lineup_areas(effective, sets, areas, problems)

    order = {result.path: n for n, result in enumerate(r for rs in by_folder for r in rs)}
    problems.sort(key=lambda p: (order.get(p.path, -1), p.line or 0))
    return _Scan(
        problems=problems,
        sets=sets,
        roles=built_roles,
        areas={k: v for k, v in areas.items() if isinstance(v, Area)},
        parts={k: v for k, v in parts.items() if isinstance(v, UniformPart)},
    )


def _check_replaces(
    effective: dict[str, _FileResult],
    owners: dict[str, tuple[Path, int | None]],
    problems: list[Problem],
) -> None:
    """An old item is replaced by one reason only, and never by one still in force."""
    replaced: dict[str, tuple[str | None, Path, int | None]] = {}
    for result in effective.values():
        for record in result.items:
            for old_id, line in record.replaces:
                if old_id in owners:
                    problems.append(
                        Problem(
                            result.path,
                            line,
                            record.id,
                            f"replaces '{old_id}', an item still in force: replace only the "
                            "items of earlier versions",
                        )
                    )
                    continue
                first = replaced.get(old_id)
                if first is not None and first[0] != record.id:
                    problems.append(
                        Problem(
                            result.path,
                            line,
                            record.id,
                            f"'{old_id}' is already replaced by {first[0]} "
                            f"({_where(first[1], first[2])}): an old item counts for one "
                            "reason only",
                        )
                    )
                    continue
                replaced[old_id] = (record.id, result.path, line)


def _check_area_keys(
    by_folder: list[list[_FileResult]],
    areas: dict[str, Role | Area | UniformPart | None],
    problems: list[Problem],
) -> None:
    """Two body areas in force cannot share a jump key."""
    where = {
        named.id: (result.path, named.key_line)
        for results in by_folder
        for result in results
        for named in result.areas
    }
    by_key: dict[str, str] = {}
    for area in areas.values():
        if not isinstance(area, Area) or not area.key:
            continue
        other = by_key.get(area.key)
        if other is not None:
            path, line = where[area.id]
            problems.append(
                Problem(
                    path,
                    line,
                    None,
                    f"area '{area.id}': key {area.key} is also the key of area '{other}'",
                )
            )
        else:
            by_key[area.key] = area.id


def _check_picker_limits(
    result: _FileResult,
    checklist: ChecklistSet,
    roles: dict[str, Role],
    problems: list[Problem],
) -> None:
    """No person sees more than nine reasons under a point: the picker's keys are 1-9."""
    lines = {point.id: point.line for point in result.points}
    for point in checklist.points:
        for role_id in sorted(roles) or [""]:
            for sex in Sex:
                person = Employee("", "", sex, "", role_id)
                worn = checklist.worn_by(person)
                count = sum(1 for r in point.reasons if r.applies(person, worn))
                if count > MAX_KEYS:
                    problems.append(
                        Problem(
                            result.path,
                            lines.get(point.id),
                            None,
                            f"point '{point.id}' has {count} reasons for a {sex.value} "
                            f"'{role_id}': at most {MAX_KEYS} fit the picker's keys 1-9; "
                            "split the point",
                        )
                    )
                    return


def _check_lineup_areas(
    effective: dict[str, _FileResult],
    sets: dict[str, ChecklistSet],
    areas: dict[str, Role | Area | UniformPart | None],
    problems: list[Problem],
) -> None:
    """At most nine body areas in a line-up, each with its jump key."""
    lineup = [s for s in sets.values() if s.inspection_type is InspectionType.LINEUP]
    used = list(dict.fromkeys(s.area for s in lineup))
    for checklist in lineup:
        area = areas.get(checklist.area)
        if checklist.points and isinstance(area, Area) and not area.key:
            result = effective[checklist.id]
            problems.append(
                Problem(
                    result.path,
                    result.set_area_line,
                    None,
                    f"area '{checklist.area}' of a line-up set with points has no key: give "
                    "it key = 1 to 9 in its [[area]] table (the digit that jumps to it)",
                )
            )
    if len(used) > MAX_KEYS:
        last = effective[next(s.id for s in lineup if s.area == used[MAX_KEYS])]
        problems.append(
            Problem(
                last.path,
                last.set_area_line,
                None,
                f"the line-up has {len(used)} body areas: at most {MAX_KEYS} fit the digits "
                f"1-9 ({', '.join(used)})",
            )
        )


def _unknown_references(
    result: _FileResult, *, roles: dict[str, Any], areas: dict[str, Any], parts: dict[str, Any]
) -> list[Problem]:
    """The areas, uniform parts and exempt roles a file names that no folder in force defines,
    in the order the file names them."""
    # (the id named, the ids in force, what they are called, line, item id, the problem)
    named: list[tuple[str, dict[str, Any], str, int | None, str | None, str]] = []
    if result.set_area is not None:
        area = result.set_area
        named.append((area, areas, "areas", result.set_area_line, None, f"unknown area '{area}'"))
    for role in result.roles:
        named += [
            (
                part,
                parts,
                "uniform parts",
                line,
                None,
                f"role '{role.id}': unknown uniform part '{part}'",
            )
            for part, line in role.parts
        ]
    for record in result.items:
        named += [
            (part, parts, "uniform parts", line, record.id, f"unknown uniform part '{part}'")
            for part, line in record.parts
        ]
        named += [
            (role_id, roles, "roles", line, record.id, f"unknown role '{role_id}' in exempt_roles")
            for role_id, line in record.exempt_roles
        ]
    return [
        Problem(result.path, line, item_id, words + _known(known, what))
        for value, known, what, line, item_id, words in named
        if value not in known
    ]


def _merge_named(
    by_folder: list[list[_FileResult]], kind: str, problems: list[Problem]
) -> dict[str, Role | Area | UniformPart | None]:
    """Roles or areas by id: later folders override, duplicates within a folder are problems."""

    def named_in(result: _FileResult) -> list[tuple[str, int | None, Any]]:
        named = {"role": result.roles, "area": result.areas, "part": result.parts}[kind]
        return [(entry.id, entry.line, entry.built) for entry in named]

    return _merge_by_id(by_folder, kind, named_in, problems)


def _merge_by_id(
    by_folder: list[list[_FileResult]],
    kind: str,
    entries: Callable[[_FileResult], Iterable[tuple[str, int | None, _T]]],
    problems: list[Problem],
) -> dict[str, _T]:
    """What the files define, by id: a later folder overrides an earlier one, and an id defined
    twice in one folder is a problem (the first definition stands)."""
    merged: dict[str, _T] = {}
    for results in by_folder:
        in_folder: dict[str, tuple[Path, int | None]] = {}
        for result in results:
            for entry_id, line, value in entries(result):
                first = in_folder.get(entry_id)
                if first is not None:
                    problems.append(
                        Problem(
                            result.path,
                            line,
                            None,
                            f"{kind} '{entry_id}' is defined twice in this folder: "
                            f"also in {_where(*first)}",
                        )
                    )
                    continue
                in_folder[entry_id] = (result.path, line)
                merged[entry_id] = value
    return merged


def _known(names: dict[str, Any], what: str) -> str:
    if not names:
        return f" (no {what} are defined)"
    shown = sorted(names)
    more = f", … ({len(shown)} in all)" if len(shown) > 20 else ""
    return f" (known: {', '.join(shown[:20])}{more})"


# --- the company's roles file ------------------------------------------------------------------
#
# A roster import that meets a job title the checklists do not know lets the user map it to a
# role or create one; the answer is written to ``roles.toml`` in the user's checklist folder so
# that the next import needs no question. The shipped folder is never written. An alias for a
# shipped role is added to a copy of that role in the user's file (a role repeated by id
# replaces the earlier one, so the copy keeps its zh/en names and uniform). The user's own
# comments and layout are kept (tomlkit), the file is replaced atomically, and nothing is
# written unless every checklist folder still loads with the change.

COMPANY_ROLES_FILE = "roles.toml"
_COMPANY_ROLES_HEADER = """\
# The company's own job roles, and the other titles its roster files use for them.
#
# Inspector adds to this file when a roster import maps a new job title to a role or creates
# a role; you may edit it too. The format is that of the roles.toml shipped with Inspector:
# [[role]] with id, zh, en, uniform (parts worn by everyone), uniform_female, uniform_male
# and aliases (other titles for the role). A role here with the id of a shipped role
# replaces the shipped one, so a copy of it keeps its names and uniform.

"""


class RolesFileError(UserError):
    """The company's roles file cannot be changed: it would not load, or cannot be written."""

    def __init__(self, en: str, zh: str, problems: Sequence[Problem] = ()) -> None:
        self.problems = list(problems)
        self._words = {"en": en, "zh": zh}
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        words = self._words["zh" if str(lang).lower().startswith("zh") else "en"]
        return "\n".join([words, *(f"  {p}" for p in self.problems)])


def company_roles_path() -> Path:
    """Where the company's roles are written: ``roles.toml`` in the user's checklist folder."""
    return paths.user_checklists_dir() / COMPANY_ROLES_FILE


def add_role_alias(role_id: str, title: str, *, extra_dirs: Sequence[Path] = ()) -> Catalogue:
    """Remember ``title`` as another name of the role ``role_id``; the reloaded catalogue."""
    return update_company_roles(aliases={role_id: [title]}, extra_dirs=extra_dirs)


def add_role(role: Role, *, extra_dirs: Sequence[Path] = ()) -> Catalogue:
    """Add a new role (with its uniform and aliases) to the company's roles; the reloaded
    catalogue."""
    return update_company_roles(new_roles=[role], extra_dirs=extra_dirs)


def update_company_roles(
    *,
    new_roles: Sequence[Role] = (),
    aliases: dict[str, Sequence[str]] | None = None,
    extra_dirs: Sequence[Path] = (),
) -> Catalogue:
    """Add roles and aliases to the company's roles file in one change; the catalogue as it
    loads afterwards (shipped, user folder, ``extra_dirs``).

    Refused with ``RolesFileError`` (and nothing written) when the checklist files already have
    problems, when a new role's id is taken, when the change would not load, or when a title
    would still not name its role (a role redefined in an ``extra_dirs`` folder wins).
    """
    import tomlkit

    aliases = {role_id: list(titles) for role_id, titles in (aliases or {}).items() if titles}
    folders = _folders(extra_dirs, True, True)
    before = _scan(folders)
    if before.problems:
        raise RolesFileError(
            "The checklist files have problems; fix them before adding roles:",
            "检查表文件有问题，请先修正再新增岗位：",
            before.problems,
        )
    for role in new_roles:
        if role.id in before.roles:
            raise RolesFileError(
                f"There is already a role with the id '{role.id}'.",
                f"已有编号为“{role.id}”的岗位。",
            )
    for role_id in aliases:
        if role_id not in before.roles:
            raise RolesFileError(f"There is no role '{role_id}'.", f"没有岗位“{role_id}”。")

    user_dir = paths.user_checklists_dir()
    target = company_roles_path()
    owners = _user_role_files(user_dir)
    texts: dict[Path, str] = {}
    documents: dict[Path, Any] = {}

    def document(path: Path) -> Any:
        if path not in documents:
            text = path.read_text("utf-8-sig") if path.is_file() else _COMPANY_ROLES_HEADER
            documents[path] = tomlkit.parse(text)
        return documents[path]

    def role_tables(doc: Any) -> Any:
        if "role" not in doc:
            doc.append("role", tomlkit.aot())
        return doc["role"]

    try:
        for role_id, titles in aliases.items():
            path = owners.get(role_id, target)
            tables = role_tables(document(path))
            table = next((t for t in tables if t.get("id") == role_id), None)
            if table is None:  # a copy of the role in force, with the new titles
                role = before.roles[role_id]
                tables.append(_role_table(replace(role, aliases=(*role.aliases, *titles))))
                continue
            known = table.get("aliases")
            if known is None:
                table["aliases"] = tomlkit.array()
                known = table["aliases"]
            for title in titles:
                if title not in known:
                    known.append(title)
        for role in new_roles:
            role_tables(document(target)).append(_role_table(role))
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as exc:
        raise RolesFileError(
            f"Cannot update {_display_path(target)}: {exc}",
            f"无法更新 {_display_path(target)}：{exc}",
        ) from None
    texts = {path: tomlkit.dumps(doc) for path, doc in documents.items()}

    after = _scan_with(folders, user_dir, texts)
    if after.problems:
        raise RolesFileError(
            "The roles were not saved: with them the checklist files would not load:",
            "岗位未保存：保存后检查表文件将无法加载：",
            after.problems,
        )
    wanted = {title: role_id for role_id, titles in aliases.items() for title in titles}
    wanted |= {title: role.id for role in new_roles for title in (role.id, *role.aliases)}
    catalogue = after.catalogue()
    for title, role_id in wanted.items():
        found = catalogue.find_role(title)
        if found is not None and found.id != role_id:
            raise RolesFileError(
                f"The roles were not saved: “{title}” is already a name of the role "
                f"'{found.id}' ({found.name.en}).",
                f"岗位未保存：“{title}”已是岗位“{found.name.zh}”（{found.id}）的名称。",
            )
        if found is None:
            where = ", ".join(str(d) for d in extra_dirs) or _display_path(user_dir)
            raise RolesFileError(
                f"The roles were not saved: “{title}” would still not name the role "
                f"'{role_id}' (another definition in {where} wins).",
                f"岗位未保存：“{title}”仍不会对应岗位“{role_id}”（{where} 中的另一定义优先）。",
            )

    from inspector.files.spreadsheets import write_atomically

    try:
        for path, text in texts.items():
            data = text.encode("utf-8")
            write_atomically(path, lambda stream, data=data: stream.write(data))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RolesFileError(
            f"Cannot write {_display_path(target)}: {reason}",
            f"无法写入 {_display_path(target)}：{reason}",
        ) from None
    return load_catalogue(extra_dirs)


def _user_role_files(user_dir: Path) -> dict[str, Path]:
    """Role id -> the file of the user's folder that defines it."""
    owners: dict[str, Path] = {}
    folder = _Folder(user_dir, must_exist=False)
    for path in _checklist_files(folder, []):
        for named in _read_file(path).roles:
            owners.setdefault(named.id, path)
    return owners


def _role_table(role: Role) -> Any:
    import tomlkit

    table = tomlkit.table()
    table["id"] = role.id
    table["zh"] = role.name.zh
    table["en"] = role.name.en
    for key, parts in zip(
        UNIFORM_KEYS,
        (role.uniform.common, role.uniform.female, role.uniform.male),
        strict=True,
    ):
        if parts or key == "uniform":
            table[key] = sorted(parts)
    if role.aliases:
        table["aliases"] = list(dict.fromkeys(role.aliases))
    return table


def _scan_with(folders: Sequence[_Folder], user_dir: Path, texts: dict[Path, str]) -> _Scan:
    """The scan of ``folders`` as it would be with ``texts`` written into ``user_dir``: the
    user's folder is copied to a temporary one, where problems are found, then named by the
    real paths."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="inspector-roles-") as temp:
        copy = Path(temp)
        if user_dir.is_dir():
            for path in _checklist_files(_Folder(user_dir, must_exist=False), []):
                shutil.copyfile(path, copy / path.name)
        for path, text in texts.items():
            (copy / path.name).write_text(text, "utf-8")
        real = user_dir.resolve() if user_dir.exists() else user_dir
        swapped = [
            _Folder(copy, must_exist=False)
            if folder.path is not None
            and (
                folder.path == user_dir or (folder.path.exists() and folder.path.resolve() == real)
            )
            else folder
            for folder in folders
        ]
        if not any(folder.path == copy for folder in swapped):
            # The user's folder did not exist yet: it comes after the shipped one.
            swapped.insert(1, _Folder(copy, must_exist=False))
        scan = _scan(swapped)
        scan.problems = [
            replace(p, path=user_dir / p.path.name) if p.path.parent == copy else p
            for p in scan.problems
        ]
        return scan
