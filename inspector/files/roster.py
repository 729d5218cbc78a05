"""Roster files: reading and writing the employee list as CSV or XLSX (no SQL, no Qt).

Reading accepts what HR departments actually have: CSV saved by Chinese Excel (UTF-8 with or
without BOM, GBK/GB18030, UTF-16 "Unicode text"), or an XLSX workbook (first sheet, the first
non-empty row is the header). Headers may be Chinese or English. ``read_roster`` never raises
for a bad row: every bad row is reported with the row number Excel shows (the header is row 1)
and the reason, so the user can fix them all at once. ``RosterFileError`` is for a file that
cannot be read at all.

Writing produces a CSV (UTF-8 with BOM, Chinese headers, so Excel opens it correctly) or an
XLSX; every cell goes through ``excel_safe`` so that a name such as ``=HYPERLINK(...)`` stays
text instead of becoming a formula.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from inspector.domain.checklist import Catalogue
from inspector.domain.errors import UserError
from inspector.domain.people import Employee, Sex
from inspector.files.spreadsheets import (
    csv_bytes,
    excel_safe,
    without_control_characters,
    write_atomically,
)
from inspector.files.spreadsheets import unguard as _unguard

FIELDS = ("employee_no", "name", "sex", "department", "role", "site", "active")
REQUIRED_FIELDS = ("employee_no", "name", "sex", "department", "role")

# The headers written on export (and the first name of each column in messages).
EXPORT_HEADERS = {
    "employee_no": "工号",
    "name": "姓名",
    "sex": "性别",
    "department": "部门",
    "role": "岗位",
    "site": "场所",
    "active": "状态",
}

# Header spellings, compared after _norm_header (case-folded; runs of spaces, _ and - as one
# space; a trailing * or （必填） dropped).
_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "employee_no": (
        "工号",
        "员工工号",
        "员工编号",
        "员工号",
        "职工号",
        "编号",
        "employee_no",
        "employee number",
        "employee no",
        "employee id",
        "id",
        "no",
        "staff no",
        "staff number",
        "staff id",
        "emp no",
    ),
    "name": ("姓名", "员工姓名", "名字", "name", "full name", "employee name"),
    "sex": ("性别", "sex", "gender"),
    "department": ("部门", "所属部门", "department", "dept"),
    "role": (
        "岗位",
        "职位",
        "职务",
        "岗位名称",
        "role",
        "job role",
        "position",
        "job",
        "job title",
    ),
    "site": ("场所", "项目", "站点", "项目名称", "服务项目", "site", "project", "location"),
    "active": ("状态", "在职", "在职状态", "员工状态", "active", "status", "employed"),
}

_SEX_VALUES = {
    "男": Sex.MALE, "m": Sex.MALE, "male": Sex.MALE, "man": Sex.MALE, "男性": Sex.MALE,
    "女": Sex.FEMALE, "f": Sex.FEMALE, "female": Sex.FEMALE, "woman": Sex.FEMALE,
    "女性": Sex.FEMALE,
}  # fmt: skip
_ACTIVE_VALUES = {
    **dict.fromkeys(
        ("在职", "是", "正式", "试用", "试用期", "有效", "y", "yes", "true", "1", "active", "on"),
        True,
    ),
    **dict.fromkeys(
        ("离职", "否", "停用", "无效", "已离职", "n", "no", "false", "0", "inactive", "left",
         "off"),
        False,
    ),
}  # fmt: skip

_WHITESPACE = " \t\r\n\u3000\u00a0\ufeff"
_MAX_FILE_BYTES = 50 * 1024 * 1024


class RosterFileError(UserError):
    """A roster file that cannot be read at all: ``code`` (of ``FILE_WORDS``) and parameters.

    ``str()`` is the English message; ``text(lang)`` the message in the interface language.
    """

    def __init__(self, path: Path | str, code: str, **params: object) -> None:
        if code not in FILE_WORDS:
            raise ValueError(f"unknown roster file problem code {code!r}")
        self.path = Path(path)
        self.code = code
        self.params = params
        super().__init__(self.text("en"))

    @property
    def reason(self) -> str:
        return self.reason_text("en")

    def reason_text(self, lang: str = "en") -> str:
        return FILE_WORDS[self.code][_lang(lang)].format(**self.params)

    def text(self, lang: str = "en") -> str:
        if _lang(lang) == "zh":
            return f"无法读取花名册 {self.path}：{self.reason_text('zh')}"
        return f"cannot read the roster {self.path}: {self.reason_text('en')}"


_RESAVE = {
    "en": ": open it in Excel and save it again, or save it as CSV",
    "zh": "：请在 Excel 中打开并重新保存，或另存为 CSV",
}

# The words of every problem that stops a roster file from being read, in both languages.
FILE_WORDS: dict[str, dict[str, str]] = {
    "missing_file": {"en": "the file does not exist", "zh": "文件不存在"},
    "os_error": {"en": "{reason}", "zh": "无法读取（{reason}）"},
    "no_permission": {
        "en": "{reason} (is it open in another program?)",
        "zh": "没有读取权限（{reason}）；文件是否在其他程序中打开？",
    },
    "folder": {"en": "it is a folder, not a file", "zh": "这是一个文件夹，不是文件"},
    "not_regular": {
        "en": "it is not a regular file (a device or a pipe)",
        "zh": "这不是普通文件（是设备或管道）",
    },
    "too_large": {
        "en": "the file is too large ({mb} MB) for a roster",
        "zh": "文件过大（{mb} MB），不是花名册",
    },
    "empty": {"en": "the file is empty", "zh": "文件是空的"},
    "old_xls": {
        "en": "this is an old Excel .xls workbook: save it as .xlsx or CSV in Excel first",
        "zh": "这是旧版 Excel .xls 工作簿：请先在 Excel 中另存为 .xlsx 或 CSV",
    },
    "bad_utf16": {
        "en": "the file is not readable text (bad UTF-16)",
        "zh": "文件不是可读的文本（UTF-16 编码有误）",
    },
    "binary": {
        "en": "this is not a CSV or Excel (.xlsx) file (binary content)",
        "zh": "这不是 CSV 或 Excel (.xlsx) 文件（二进制内容）",
    },
    "not_text": {
        "en": "this is not a CSV or Excel (.xlsx) file (not UTF-8 or GBK text)",
        "zh": "这不是 CSV 或 Excel (.xlsx) 文件（不是 UTF-8 或 GBK 文本）",
    },
    "bad_csv": {"en": "it is not valid CSV ({detail})", "zh": "不是有效的 CSV（{detail}）"},
    "no_sheets": {"en": "the workbook has no sheets", "zh": "工作簿中没有工作表"},
    "damaged_xlsx": {
        "en": "the Excel (.xlsx) workbook is damaged ({detail})" + _RESAVE["en"],
        "zh": "Excel (.xlsx) 工作簿已损坏（{detail}）" + _RESAVE["zh"],
    },
    "unreadable_xlsx": {
        "en": "this is not a readable Excel (.xlsx) workbook ({detail})" + _RESAVE["en"],
        "zh": "无法读取此 Excel (.xlsx) 工作簿（{detail}）" + _RESAVE["zh"],
    },
    "missing_columns": {
        "en": "missing required column(s): {wanted_en}. The header row has: {found_en}",
        "zh": "缺少必填列：{wanted_zh}。表头行有：{found_zh}",
    },
    "no_employees": {
        "en": "the file has a header row but no employees",
        "zh": "文件只有表头，没有员工",
    },
    "same_columns": {
        "en": "two columns mean the same thing ({name}): {first} and {second}; keep one",
        "zh": "两列含义相同（{name_zh}）：{first} 和 {second}；请只保留一列",
    },
}


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a row cannot be imported: a ``code`` of ``REASON_WORDS`` and its parameters.

    The words are chosen when shown (:func:`reason_text`), in the language of the interface.
    """

    code: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: str, **params: object) -> Reason:
        if code not in REASON_WORDS:
            raise ValueError(f"unknown roster problem code {code!r}")
        return cls(code, tuple(params.items()))

    def text(self, lang: str = "en") -> str:
        return reason_text(self, lang)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A bad row: ``row`` as Excel numbers it (the header is row 1), and its reasons."""

    row: int
    reasons: tuple[Reason, ...]

    @property
    def message(self) -> str:
        """The reasons in English (``text(lang)`` for another language)."""
        return self.text("en")

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    def text(self, lang: str = "en") -> str:
        """The reasons, in ``lang`` ("zh" or "en")."""
        return _SEPARATOR[_lang(lang)].join(reason_text(r, lang) for r in self.reasons)

    def line(self, lang: str = "en") -> str:
        """ "row 3: missing name", or "第 3 行：缺少姓名"."""
        return _ROW[_lang(lang)].format(row=self.row, reasons=self.text(lang))

    def __str__(self) -> str:
        return self.line("en")


# The words of every row problem, in the two languages of the interface: the one place that
# turns a problem code into words (the GUI, the CLI and the tests use it).
REASON_WORDS: dict[str, dict[str, str]] = {
    "missing_employee_no": {"en": "missing employee number", "zh": "缺少工号"},
    "missing_name": {"en": "missing name", "zh": "缺少姓名"},
    "missing_sex": {"en": "missing sex", "zh": "缺少性别"},
    "unknown_sex": {
        "en": "unknown sex “{value}” (use 男/女, M/F or male/female)",
        "zh": "性别“{value}”无法识别（请填 男/女、M/F 或 male/female）",
    },
    "missing_role": {"en": "missing role", "zh": "缺少岗位"},
    "unknown_status": {
        "en": "unknown status “{value}” (use 在职/离职 or yes/no)",
        "zh": "状态“{value}”无法识别（请填 在职/离职 或 yes/no）",
    },
    "duplicate_employee_no": {
        "en": "duplicate employee number {employee_no} (also on row {rows})",
        "zh": "工号 {employee_no} 重复（第 {rows} 行也有）",
    },
}
_SEPARATOR = {"en": "; ", "zh": "；"}
_ROW = {"en": "row {row}: {reasons}", "zh": "第 {row} 行：{reasons}"}


def _lang(lang: str) -> str:
    return "zh" if str(lang).lower().startswith("zh") else "en"


def reason_text(reason: Reason, lang: str = "en") -> str:
    """The words for ``reason`` in ``lang`` ("zh" or "en"; anything else is English)."""
    lang = _lang(lang)
    params = dict(reason.params)
    if reason.code == "duplicate_employee_no":
        params["rows"] = ("、" if lang == "zh" else ", ").join(str(n) for n in params["rows"])
    return REASON_WORDS[reason.code][lang].format(**params)


@dataclass(frozen=True)
class RosterChanges:
    """What importing a roster would do to the employees already stored."""

    added: list[Employee]
    updated: list[tuple[Employee, Employee]]  # (as stored, as it will be)
    unchanged: list[Employee]

    @property
    def new(self) -> list[Employee]:
        """The same as ``added``."""
        return self.added

    @property
    def employees(self) -> list[Employee]:
        """Every employee of the file, as it will be saved."""
        return [*self.added, *(after for _, after in self.updated), *self.unchanged]


def title_key(title: str) -> str:
    """A job title as compared: trimmed (full-width spaces too) and case-folded."""
    return clean(title).casefold()


@dataclass(frozen=True, slots=True)
class PendingRow:
    """A good row whose job title names no known role yet: it is imported once the title is
    mapped to a role (``employee.role`` is empty until then)."""

    row: int
    employee: Employee
    title: str  # as written in the file


@dataclass(frozen=True, slots=True)
class UnknownTitle:
    """A job title of the file that names no known role, and the rows that carry it."""

    title: str  # as first written in the file
    rows: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def key(self) -> str:
        return title_key(self.title)


@dataclass(frozen=True)
class RosterPreview:
    """The result of reading a roster file, before anything is saved."""

    path: Path
    employees: list[Employee]
    problems: list[RowProblem]
    file_format: str = "csv"  # "csv" or "xlsx"
    encoding: str = ""  # the text encoding a CSV was read with
    has_active_column: bool = False
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as in the file
    pending: list[PendingRow] = field(default_factory=list)  # rows with an unknown job title

    @property
    def ok(self) -> bool:
        return not self.problems and not self.pending

    @property
    def unknown_titles(self) -> list[UnknownTitle]:
        """The job titles no role is known by, in the order they first appear."""
        found: dict[str, tuple[str, list[int]]] = {}
        for pending in self.pending:
            found.setdefault(title_key(pending.title), (pending.title, []))[1].append(pending.row)
        return [UnknownTitle(title, tuple(rows)) for title, rows in found.values()]

    def with_roles(self, roles: Mapping[str, str]) -> RosterPreview:
        """The preview with the pending rows whose title is in ``roles`` (title -> role id)
        given that role; the other pending rows stay pending. Pure."""
        by_key = {title_key(title): role_id for title, role_id in roles.items()}
        employees = list(self.employees)
        pending: list[PendingRow] = []
        for row in self.pending:
            role_id = by_key.get(title_key(row.title))
            if role_id:
                employees.append(replace(row.employee, role=role_id))
            else:
                pending.append(row)
        return replace(self, employees=employees, pending=pending)

    def changes(self, existing: Iterable[Employee]) -> RosterChanges:
        """Compare with the stored employees (matched by employee number). Pure.

        Without a status column in the file, an employee keeps the active flag they have.
        Employees missing from the file are left as they are.
        """
        by_no = {e.employee_no: e for e in existing}
        added: list[Employee] = []
        updated: list[tuple[Employee, Employee]] = []
        unchanged: list[Employee] = []
        for employee in self.employees:
            old = by_no.get(employee.employee_no)
            if old is None:
                added.append(employee)
                continue
            new = replace(employee, id=old.id)
            if not self.has_active_column:
                new = replace(new, active=old.active)
            if _same(old, new):
                unchanged.append(new)
            else:
                updated.append((old, new))
        return RosterChanges(added, updated, unchanged)


def _same(a: Employee, b: Employee) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in FIELDS)


# -- cleaning values -------------------------------------------------------------------------


def clean(text: object) -> str:
    """A cell as text: trimmed of ordinary and full-width spaces; numbers without '.0'."""
    if text is None:
        return ""
    if isinstance(text, bool):
        return "1" if text else "0"
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    elif isinstance(text, datetime):
        text = text.date().isoformat() if text.time() == datetime.min.time() else text.isoformat()
    elif isinstance(text, date):
        text = text.isoformat()
    return str(text).strip(_WHITESPACE)


def _norm_header(text: str) -> str:
    text = clean(text).casefold().replace("\u3000", " ")
    text = re.sub(r"[\s_\-*:：]+", " ", text).strip()
    return text.removesuffix("（必填）").removesuffix("(必填)").strip()


_HEADER_LOOKUP = {
    _norm_header(alias): name for name, aliases in _HEADER_ALIASES.items() for alias in aliases
}


def parse_sex(text: str) -> Sex | None:
    return _SEX_VALUES.get(clean(text).casefold())


def parse_active(text: str) -> bool | None:
    value = clean(text).casefold()
    return True if not value else _ACTIVE_VALUES.get(value)


# -- reading ---------------------------------------------------------------------------------


def read_roster(path: Path | str, catalogue: Catalogue) -> RosterPreview:
    """Read a CSV or XLSX roster. Raises RosterFileError when the file cannot be read at all."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise RosterFileError(path, "missing_file") from None
    except OSError as exc:
        raise RosterFileError(path, "os_error", reason=exc.strerror or str(exc)) from None
    if path.is_dir():
        raise RosterFileError(path, "folder")
    if not path.is_file():
        raise RosterFileError(path, "not_regular")
    if size > _MAX_FILE_BYTES:
        raise RosterFileError(path, "too_large", mb=size // (1024 * 1024))
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        code = "no_permission" if isinstance(exc, PermissionError) else "os_error"
        raise RosterFileError(path, code, reason=reason) from None

    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise RosterFileError(path, "empty")
    if data.startswith(b"PK\x03\x04"):
        rows, file_format, encoding = _xlsx_rows(path, data), "xlsx", ""
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterFileError(path, "old_xls")
    else:
        text, encoding = _decode(path, data)
        rows, file_format = _csv_rows(path, text), "csv"
    return _parse_rows(path, rows, catalogue, file_format, encoding)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise RosterFileError(path, "bad_utf16") from None
    if b"\x00" in data:
        raise RosterFileError(path, "binary")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text, encoding
    raise RosterFileError(path, "not_text")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return controls > max(2, len(sample) // 100)


def _csv_rows(path: Path, text: str) -> Iterator[tuple[int, list[str]]]:
    first_line = next((line for line in text.splitlines() if line.strip(_WHITESPACE + ",;")), "")
    counts = {d: first_line.count(d) for d in (",", "\t", ";")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise RosterFileError(path, "bad_csv", detail=str(exc)) from None
    return ((number, row) for number, row in enumerate(rows, start=1))


def _xlsx_rows(path: Path, data: bytes) -> Iterator[tuple[int, list[object]]]:
    """The rows of the first sheet. Any failure inside openpyxl or zipfile/zlib is the file's:
    a damaged workbook (bad zip, bad deflate data, broken XML, missing parts) gets a message."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it ignores; they do not matter here.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
            try:
                sheets = workbook.worksheets
                if not sheets:
                    raise RosterFileError(path, "no_sheets")
                rows = [
                    (number, list(values))
                    for number, values in enumerate(sheets[0].iter_rows(values_only=True), start=1)
                ]
            finally:
                workbook.close()
    except RosterFileError:
        raise
    except zlib.error as exc:  # the zip is whole but a part's compressed data is not
        raise RosterFileError(path, "damaged_xlsx", detail=str(exc)) from None
    except Exception as exc:  # openpyxl raises many types (KeyError, ValueError, XML errors...)
        detail = f"{type(exc).__name__}: {exc}"[:200]
        raise RosterFileError(path, "unreadable_xlsx", detail=detail) from None
    return iter(rows)


def _blank(row: Sequence[object]) -> bool:
    return all(not clean(cell) for cell in row)


def _parse_rows(
    path: Path,
    rows: Iterator[tuple[int, Sequence[object]]],
    catalogue: Catalogue,
    file_format: str,
    encoding: str,
) -> RosterPreview:
    header_row = next(((n, r) for n, r in rows if not _blank(r)), None)
    if header_row is None:
        raise RosterFileError(path, "empty")
    _, header = header_row
    columns = _map_columns(path, header)
    missing = [f for f in REQUIRED_FIELDS if f not in columns]
    if missing:
        found = [clean(h) for h in header if clean(h)]
        raise RosterFileError(
            path,
            "missing_columns",
            wanted_en=", ".join(f"{EXPORT_HEADERS[f]} ({f})" for f in missing),
            wanted_zh="、".join(EXPORT_HEADERS[f] for f in missing),
            found_en=", ".join(found) or "none",
            found_zh="、".join(found) or "无",
        )

    records: list[tuple[int, Employee | None, list[Reason]]] = []
    titles: dict[int, str] = {}  # row -> a job title that names no known role
    for number, row in rows:
        if _blank(row):
            continue
        values = {f: _unguard(clean(row[i])) if i < len(row) else "" for f, i in columns.items()}
        employee, reasons = _parse_employee(values, catalogue)
        if employee is not None and not employee.role and values["role"]:
            titles[number] = values["role"]
        records.append((number, employee, reasons))
    if not records:
        raise RosterFileError(path, "no_employees")

    rows_by_no: dict[str, list[int]] = {}
    for number, employee, _ in records:
        if employee is not None:
            rows_by_no.setdefault(employee.employee_no, []).append(number)
    employees: list[Employee] = []
    problems: list[RowProblem] = []
    pending: list[PendingRow] = []
    for number, employee, reasons in records:
        if employee is not None and len(rows_by_no[employee.employee_no]) > 1:
            others = tuple(n for n in rows_by_no[employee.employee_no] if n != number)
            reasons.append(
                Reason.of("duplicate_employee_no", employee_no=employee.employee_no, rows=others)
            )
        if reasons:
            problems.append(RowProblem(number, tuple(reasons)))
        elif employee is not None and number in titles:
            pending.append(PendingRow(number, employee, titles[number]))
        elif employee is not None:
            employees.append(employee)
    return RosterPreview(
        path=path,
        employees=employees,
        problems=problems,
        file_format=file_format,
        encoding=encoding,
        has_active_column="active" in columns,
        columns={f: clean(header[i]) for f, i in columns.items()},
        pending=pending,
    )


def _map_columns(path: Path, header: Sequence[object]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _HEADER_LOOKUP.get(_norm_header(clean(cell)))
        if name is None:
            continue  # other columns (phone numbers, notes...) are ignored
        if name in columns:
            first = clean(header[columns[name]])
            raise RosterFileError(
                path,
                "same_columns",
                name=name,
                name_zh=EXPORT_HEADERS[name],
                first=first,
                second=clean(cell),
            )
        columns[name] = index
    return columns


def _parse_employee(
    values: dict[str, str], catalogue: Catalogue
) -> tuple[Employee | None, list[Reason]]:
    reasons: list[Reason] = []
    employee_no = values["employee_no"]
    if not employee_no:
        reasons.append(Reason.of("missing_employee_no"))
    name = values["name"]
    if not name:
        reasons.append(Reason.of("missing_name"))
    sex = parse_sex(values["sex"])
    if not values["sex"]:
        reasons.append(Reason.of("missing_sex"))
    elif sex is None:
        reasons.append(Reason.of("unknown_sex", value=values["sex"]))
    role = None
    if not values["role"]:
        reasons.append(Reason.of("missing_role"))
    else:
        # A title no role is known by is not a problem of the row: the import asks which role
        # it is (the row is pending until then; see RosterPreview.unknown_titles).
        role = catalogue.find_role(values["role"])
    active = parse_active(values.get("active", ""))
    if active is None:
        reasons.append(Reason.of("unknown_status", value=values["active"]))
    if not employee_no:
        return None, reasons
    if reasons:
        return Employee(employee_no, name, Sex.MALE, "", ""), reasons
    assert sex is not None and active is not None
    return (
        Employee(
            employee_no=employee_no,
            name=name,
            sex=sex,
            department=values["department"],
            role=role.id if role is not None else "",
            site=values.get("site", ""),
            active=active,
        ),
        reasons,
    )


# -- writing ---------------------------------------------------------------------------------


def roster_cells(employee: Employee, catalogue: Catalogue) -> tuple[str, ...]:
    """One employee's row of a roster, in FIELDS order, as a person reads it (the role by its
    Chinese name, 男/女, 在职/离职): the row of a file, and of ``inspector roster list``."""
    role = catalogue.role(employee.role)
    return (
        employee.employee_no,
        employee.name,
        "男" if employee.sex is Sex.MALE else "女",
        employee.department,
        role.name.zh if role else employee.role,
        employee.site,
        "在职" if employee.active else "离职",
    )


def roster_rows(employees: Iterable[Employee], catalogue: Catalogue) -> list[list[str]]:
    """The header and one row per employee, as written to a file (already Excel-safe)."""
    rows = [[EXPORT_HEADERS[f] for f in FIELDS]]
    rows.extend([excel_safe(value) for value in roster_cells(e, catalogue)] for e in employees)
    return rows


def write_roster(path: Path | str, employees: Iterable[Employee], catalogue: Catalogue) -> None:
    """Write a roster as CSV (UTF-8 with BOM) or XLSX, chosen by the file extension.

    Written atomically (never half a file). Raises ValueError for another extension, OSError
    when it cannot write.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"{path.name}: a roster is exported as .csv or .xlsx")
    rows = roster_rows(employees, catalogue)
    if suffix == ".csv":
        data = csv_bytes(rows)
        write_atomically(path, lambda stream: stream.write(data))
    else:
        write_atomically(path, lambda stream: _write_xlsx(stream, rows))


def _write_xlsx(stream: io.BufferedWriter, rows: list[list[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "花名册"
    for row in rows:
        sheet.append([without_control_characters(cell) for cell in row])  # already guarded
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"  # text, even for something that looks like a number
            cell.number_format = "@"
    widths = (10, 12, 6, 14, 14, 14, 8)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    workbook.save(stream)
