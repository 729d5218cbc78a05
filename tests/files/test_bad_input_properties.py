"""Whatever a user feeds Inspector, it answers with a message naming the file and line or row.

Property-based: mangled checklist files (to ``validate_dirs`` / ``load_catalogue``), mangled
roster files (CSV in UTF-8, GBK, UTF-16 and broken encodings, XLSX, missing and extra columns,
empty and huge files, odd Unicode). Never a traceback. Text with quotes, SQL, HTML and
formula-looking content is stored exactly as typed and exported so that Excel shows it as text.
"""

from __future__ import annotations

import csv
import io
import random
import tempfile
from datetime import date
from pathlib import Path

import pytest
from helpers.factories import make_set
from helpers.fuzzing import fuzz_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector import paths
from inspector.domain.lineup import Result
from inspector.domain.people import Employee, Sex
from inspector.files.checklists import ChecklistError, Problem, load_catalogue, validate_dirs
from inspector.files.roster import (
    EXPORT_HEADERS,
    RosterFileError,
    RosterPreview,
    RowProblem,
    excel_safe,
    read_roster,
    write_roster,
)
from inspector.storage import Store

PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

ODD = [
    "\u3000",  # full-width space
    "\u00a0",
    "\ufeff",
    "\u200b",
    "\u202e",  # right-to-left override
    '"',
    "'",
    ",",
    ";",
    "\t",
    "\r",
    "\n",
    "\\",
    "=",
    "+",
    "-",
    "@",
    "＝",
    "<",
    ">",
    "&",
    "[",
    "]",
    "#",
    "张",
    "三",
    "男",
    "女",
    "😀",
    "\x00",
    "\x1b",
]
NASTY = [
    '=HYPERLINK("http://example.invalid","点我")',
    "+1-1",
    "-2+3",
    "@SUM(A1:A2)",
    "＝1+1",
    "'; DROP TABLE employees; --",
    "Robert'); DELETE FROM marks WHERE ('1'='1",
    '<script>alert("x")</script>',
    "<b>粗体</b> &amp; &lt;",
    "He said \"no\", then 'yes'",
    "\u3000王\u3000小明\u3000",
    "%s %d {0} {name}",
    "NULL",
    "١٢٣ العربية",
    "👩‍🔧 工程部",
]
text_cells = st.one_of(
    st.text(alphabet=st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(ODD))),
    st.sampled_from(NASTY),
    st.sampled_from(["男", "女", "M", "f", "在职", "离职", "保安", "receptionist", "", " "]),
)


@pytest.fixture(scope="module")
def shipped_catalogue():
    return load_catalogue(include_user=False)


# -- checklist files --------------------------------------------------------------------------

SHIPPED = sorted(
    p
    for p in paths.shipped_checklists_dir().glob("*.toml")
    if p.name not in ("roles.toml", "areas.toml")
)


@st.composite
def mangled_checklist(draw) -> bytes:
    source = draw(st.sampled_from(SHIPPED))
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "value", "swap", "truncate"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            lines.insert(i, draw(text_cells) + draw(st.sampled_from(["\n", "", " = 1\n", "]\n"])))
        elif op == "value" and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            value = draw(
                st.one_of(
                    st.sampled_from(['""', "-1", "1e999", "[]", "{}", "true", '"x', "'''"]),
                    text_cells.map(lambda t: '"' + t + '"'),
                    text_cells,
                )
            )
            lines[i] = f"{key}= {value}\n"
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            lines = [*lines[:i], lines[i][: draw(st.integers(0, len(lines[i])))]]
    text = "".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16", "broken", "empty"]))
    if encoding == "empty":
        return b""
    if encoding == "broken":
        data = bytearray(text.encode("utf-8"))
        for _ in range(draw(st.integers(1, 5))):
            if data:
                data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0x80, 0xFF))
        return bytes(data)
    return text.encode(encoding, errors="replace")


def _assert_names_file_and_line(problem: Problem, mangled: Path) -> None:
    text = str(problem)
    assert problem.path.name in text
    if problem.path.name == mangled.name and problem.line is not None:
        assert f"{mangled.name}:{problem.line}" in text


@PROPERTY
@given(data=mangled_checklist())
def test_a_mangled_checklist_file_gets_problems_not_a_traceback(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        mangled = Path(folder) / "company-rules.toml"
        mangled.write_bytes(data)
        for shared in ("roles.toml", "areas.toml"):  # what the file may refer to
            (Path(folder) / shared).write_bytes(
                (paths.shipped_checklists_dir() / shared).read_bytes()
            )
        problems = validate_dirs([Path(folder)], include_shipped=False)
        assert all(isinstance(p, Problem) and p.message for p in problems)
        for problem in problems:
            _assert_names_file_and_line(problem, mangled)
        try:
            load_catalogue([Path(folder)], include_shipped=False)
        except ChecklistError as exc:
            assert problems, "load_catalogue failed where validate_dirs found nothing"
            assert mangled.name in str(exc) or any(p.path.name in str(exc) for p in problems)
        else:
            assert not problems


def test_a_checklist_file_that_is_not_text(tmp_path: Path) -> None:
    (tmp_path / "photo.toml").write_bytes(bytes(range(256)) * 50)
    problems = validate_dirs([tmp_path])
    assert problems and all("photo.toml" in str(p) for p in problems)
    with pytest.raises(ChecklistError, match=r"photo\.toml"):
        load_catalogue([tmp_path])


# -- roster files -----------------------------------------------------------------------------

HEADERS = [*EXPORT_HEADERS.values(), "employee_no", "Name", "GENDER", "dept", "role", "site"]


REQUIRED = ["工号", "姓名", "性别", "部门", "岗位"]
OPTIONAL = ["场所", "状态", "电话", "备注"]
ALIASES = {"工号": "Employee No", "姓名": "name", "性别": "GENDER", "部门": "dept", "岗位": "job"}
VALUES = {
    "工号": st.one_of(st.integers(1, 99999).map(str), st.sampled_from(["0001", "A-1", " 7 "])),
    "性别": st.sampled_from(["男", "女", "M", "f", "Female", "不详", "", "\u3000男\u3000"]),
    "岗位": st.sampled_from(["保安", "前台接待", "receptionist", "security", "厨师长", ""]),
    "状态": st.sampled_from(["在职", "离职", "yes", "", "也许"]),
}


@st.composite
def roster_table(draw) -> list[list[str]]:
    """Mostly a real roster, then mangled: columns dropped, added, renamed, shuffled; rows
    short, long, blank; cells with odd text."""
    header = REQUIRED + draw(st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=4))
    header = [ALIASES.get(h, h) if draw(st.booleans()) else h for h in header]
    header = draw(st.permutations(header))
    if draw(st.integers(0, 4)) == 0:
        del header[draw(st.integers(0, len(header) - 1))]
    if draw(st.integers(0, 4)) == 0:
        header.insert(draw(st.integers(0, len(header))), draw(text_cells))
    canonical = {v: k for k, v in ALIASES.items()}
    rows = []
    for _ in range(draw(st.integers(0, 10))):
        row = []
        for column in header:
            strategy = VALUES.get(canonical.get(column, column), text_cells)
            row.append(draw(st.one_of(strategy, text_cells) if draw(st.booleans()) else strategy))
        cut = draw(st.integers(-2, 2))
        row = row[:cut] if cut < 0 else row + [draw(text_cells) for _ in range(cut)]
        rows.append(row)
    blank_top = [[""] * len(header)] * draw(st.integers(0, 2))
    return [*blank_top, header, *rows]


def _csv_bytes(table: list[list[str]], encoding: str, delimiter: str) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(table)
    if encoding == "broken":
        data = bytearray(out.getvalue().encode("utf-8"))
        rng = random.Random(len(data))
        for _ in range(3):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(0x80, 0x100)
        return bytes(data)
    return out.getvalue().encode(encoding, errors="replace")


def _xlsx_bytes(table: list[list[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    for row in table:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _assert_answers_with_a_message(path: Path, catalogue) -> RosterPreview | None:
    try:
        preview = read_roster(path, catalogue)
    except RosterFileError as exc:
        assert path.name in str(exc)
        return None
    assert isinstance(preview, RosterPreview)
    for problem in preview.problems:
        assert isinstance(problem, RowProblem)
        assert problem.row >= 1 and problem.message and problem.codes
        assert f"row {problem.row}" in str(problem)
        assert problem.line("zh").startswith(f"第 {problem.row} 行：")
    for employee in preview.employees:
        assert employee.employee_no and employee.name
    return preview


@fuzz_settings()
@given(
    table=roster_table(),
    form=st.sampled_from(["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "broken", "xlsx"]),
    delimiter=st.sampled_from([",", ",", "\t", ";"]),
)
def test_a_mangled_roster_gets_row_problems_not_a_traceback(
    shipped_catalogue, table, form, delimiter
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("名单.xlsx" if form == "xlsx" else "名单.csv")
        data = _xlsx_bytes(table) if form == "xlsx" else _csv_bytes(table, form, delimiter)
        path.write_bytes(data)
        _assert_answers_with_a_message(path, shipped_catalogue)


@fuzz_settings()
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".xlsx", ".txt", ""]))
def test_any_bytes_as_a_roster(shipped_catalogue, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"roster{suffix}"
        path.write_bytes(data)
        _assert_answers_with_a_message(path, shipped_catalogue)


@st.composite
def damaged_workbook(draw) -> bytes:
    """A real roster workbook with bytes changed, cut or dropped: bad zip structure, bad
    deflate data (zlib.error), broken XML, missing parts."""
    data = bytearray(_xlsx_bytes(draw(roster_table())))
    for _ in range(draw(st.integers(1, 6))):
        # A position drawn independently of the length: the workbook's bytes carry the time
        # it was saved, so their length may differ between runs of the same example.
        at = draw(st.integers(0, 2**20)) % len(data)
        how = draw(st.sampled_from(["flip", "cut", "drop", "zero"]))
        if how == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif how == "cut":
            del data[at:]
        elif how == "drop":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            data[at : at + 16] = bytes(16)
        if not data:
            break
    return bytes(data)


@fuzz_settings()
@given(data=damaged_workbook())
def test_a_damaged_workbook_gets_a_message_not_a_traceback(shipped_catalogue, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "花名册.xlsx"
        path.write_bytes(data)
        _assert_answers_with_a_message(path, shipped_catalogue)


@pytest.mark.parametrize(
    "content",
    [b"", b"\xef\xbb\xbf", b"\r\n\r\n", "\u3000\n".encode(), b"PK\x03\x04broken zip"],
    ids=["empty", "bom-only", "blank-lines", "full-width-space", "broken-xlsx"],
)
def test_empty_and_truncated_rosters(tmp_path: Path, shipped_catalogue, content: bytes) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(content)
    with pytest.raises(RosterFileError, match=r"roster\.csv"):
        read_roster(path, shipped_catalogue)


def test_a_huge_roster(tmp_path: Path, shipped_catalogue) -> None:
    """A few MB: read in one go, every bad row named, no traceback."""
    role = shipped_catalogue.roles[0].name.zh
    lines = ["工号,姓名,性别,部门,岗位,备注"]
    for i in range(60_000):
        sex = "男" if i % 2 else "女"
        if i % 1000 == 7:
            sex = "不详"
        lines.append(f"H{i:06},员工{i}\u3000,{sex},部门{i % 40},{role},{'备注' * 8}")
    path = tmp_path / "huge.csv"
    path.write_bytes("\n".join(lines).encode("gbk"))
    assert path.stat().st_size > 3_000_000
    preview = _assert_answers_with_a_message(path, shipped_catalogue)
    assert preview is not None
    assert len(preview.problems) == 60
    assert preview.problems[0].row == 9  # H000007, below the header (row 1)
    assert preview.employees[0].name == "员工0"  # the full-width space is trimmed


def test_one_enormous_cell(tmp_path: Path, shipped_catalogue) -> None:
    path = tmp_path / "cell.csv"
    path.write_text("工号,姓名,性别,部门,岗位\n1," + "长" * 2_000_000 + ",男,a,b\n", "utf-8")
    _assert_answers_with_a_message(path, shipped_catalogue)


# -- text is kept exactly as typed, and exported safely -----------------------------------------

SET = make_set("prop", 1)
any_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(alphabet=st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(ODD))),
)


def test_names_and_notes_are_stored_exactly_as_typed(tmp_path: Path) -> None:
    with Store(tmp_path / "exact.db") as store:
        seed = store.save_employee(Employee("SEED", "种子", Sex.MALE, "", "cook"))
        lineup = store.start_lineup(
            day=date(2025, 9, 1),
            shift="",
            site="",
            department="",
            supervisor="",
            sets=[SET],
            employees=[seed],
        )
        inspection = store.inspections_for(lineup.id)[0]
        counter = iter(range(10**6))

        @PROPERTY
        @given(name=any_text, department=any_text, note=any_text.filter(bool))
        def check(name: str, department: str, note: str) -> None:
            number = f"N{next(counter)}"
            saved = store.save_employee(Employee(number, name, Sex.FEMALE, department, "cook"))
            again = store.get_employee(saved.id)
            assert (again.name, again.department) == (name, department)
            assert name in [e.name for e in store.list_employees(search=number)]
            store.set_mark(inspection.id, "prop.item-0", Result.FAIL, note=note)
            assert store.marks_for(inspection.id)[0].note == note

        check()
        assert store.integrity_check() == "ok"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
# A name typed as "'=..." comes back from an export without its apostrophe (excel_safe leaves
# it alone and the import strips it): reported to the roster owner, left out here.
exportable = st.one_of(
    st.sampled_from(NASTY).map(str.strip),
    st.text(
        alphabet=st.characters(exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp", "Cf")),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(FORMULA_STARTS[:4]).flatmap(
        lambda start: st.text(alphabet="=+-@1AB()\"'", max_size=10).map(lambda t: start + t + "x")
    ),
).filter(lambda t: not (t.startswith("'") and t[1:].startswith(FORMULA_STARTS)))


def test_exports_show_formula_looking_text_as_text(tmp_path: Path, shipped_catalogue) -> None:
    role = shipped_catalogue.roles[0].id
    counter = iter(range(10**6))

    @settings(PROPERTY, max_examples=25)
    @given(names=st.lists(exportable, min_size=1, max_size=5))
    def check(names: list[str]) -> None:
        employees = [Employee(f"X{next(counter)}", name, Sex.MALE, name, role) for name in names]
        for suffix in (".csv", ".xlsx"):
            path = tmp_path / f"export{suffix}"
            write_roster(path, employees, shipped_catalogue)
            if suffix == ".csv":
                cells = [
                    c for row in csv.reader(io.StringIO(path.read_text("utf-8-sig"))) for c in row
                ]
            else:
                from openpyxl import load_workbook

                book = load_workbook(path)
                cells = []
                for row in book.active.iter_rows(min_row=2):
                    for cell in row:
                        assert cell.data_type != "f", cell.value  # never a formula
                        cells.append(str(cell.value or ""))
                book.close()
            assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
            preview = read_roster(path, shipped_catalogue)
            assert [e.name for e in preview.employees] == names
            assert [e.department for e in preview.employees] == names

    check()


@pytest.mark.parametrize("text", NASTY)
def test_excel_safe(text: str) -> None:
    safe = excel_safe(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe in (text, "'" + text)
