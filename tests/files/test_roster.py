"""Roster files as HR departments have them: Excel CSV in UTF-8 or GBK, XLSX, bad rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from helpers.roster_files import damaged_xlsx

from inspector.domain.people import Employee, Sex
from inspector.files import roster
from inspector.files.roster import (
    RosterFileError,
    excel_safe,
    parse_sex,
    read_roster,
    write_roster,
)

CHINESE = (
    "工号,姓名,性别,部门,岗位,项目,手机\r\n"
    "1001,张伟,男,秩序维护部,秩序维护员,翠湖花园,13800000000\r\n"
    "1002,李娜,女,客服部,客服专员,翠湖花园,\r\n"
    "1003,王芳,女,会所,泳池救生员,翠湖花园,\r\n"
)
ENGLISH = (
    "Employee Number,Name,Gender,Department,Job Role,Site,Active\n"
    "1001,张伟,M,秩序维护部,security,翠湖花园,yes\n"
    "1002,李娜,female,客服部,Customer service officer,翠湖花园,yes\n"
    "1003,王芳,F,会所,lifeguard,翠湖花园,no\n"
)


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk", "gb18030"])
@pytest.mark.parametrize("text", [CHINESE, ENGLISH], ids=["chinese-headers", "english-headers"])
def test_reads_excel_csv_in_every_encoding(tmp_path, catalogue, encoding, text):
    preview = read_roster(write(tmp_path / "roster.csv", text, encoding), catalogue)

    assert preview.problems == []
    assert [e.employee_no for e in preview.employees] == ["1001", "1002", "1003"]
    first, second, third = preview.employees
    assert (first.name, first.sex, first.department, first.role, first.site) == (
        "张伟", Sex.MALE, "秩序维护部", "security", "翠湖花园",
    )  # fmt: skip
    assert (second.sex, second.role) == (Sex.FEMALE, "customer-service")
    assert third.role == "lifeguard"


def test_gbk_file_is_detected_as_such(tmp_path, catalogue):
    preview = read_roster(write(tmp_path / "r.csv", CHINESE, "gbk"), catalogue)
    assert preview.encoding == "gb18030"
    assert preview.employees[0].name == "张伟"


def test_status_column_sets_active(tmp_path, catalogue):
    text = "工号,姓名,性别,部门,岗位,状态\n1,甲,男,工程部,工程维修员,在职\n2,乙,女,客服部,前台接待,离职\n"
    preview = read_roster(write(tmp_path / "r.csv", text, "utf-8"), catalogue)
    assert [e.active for e in preview.employees] == [True, False]
    assert preview.has_active_column


@pytest.mark.parametrize(
    ("value", "expected"),
    [("男", Sex.MALE), ("女", Sex.FEMALE), ("M", Sex.MALE), ("f", Sex.FEMALE),
     ("Male", Sex.MALE), ("FEMALE", Sex.FEMALE), (" 女\u3000", Sex.FEMALE), ("\u3000男 ", Sex.MALE),
     ("x", None), ("", None)],
)  # fmt: skip
def test_sex_values(value, expected):
    assert parse_sex(value) is expected


def test_full_width_spaces_are_trimmed_everywhere(tmp_path, catalogue):
    text = "\u3000工号\u3000,姓名,性别,部门,岗位\n\u30001001 ,\u3000张伟\u3000, 男\u3000,工程部\u3000,工程维修员\u3000\n"
    preview = read_roster(write(tmp_path / "r.csv", text, "utf-8"), catalogue)
    assert preview.problems == []
    e = preview.employees[0]
    assert (e.employee_no, e.name, e.sex, e.department, e.role) == (
        "1001", "张伟", Sex.MALE, "工程部", "engineer",
    )  # fmt: skip


def test_reads_xlsx_first_sheet_with_header_on_first_non_empty_row(tmp_path, catalogue):
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        [
            [None, None],
            ["工号", "姓名", "性别", "部门", "岗位", "站点"],
            [1001, "张伟", "男", "工程部", "工程维修员", "滨江国际"],  # a number, as Excel keeps it
            ["1002", "李娜", "女", "客服部", "前台接待", None],
            [None, "没有工号", "女", "客服部", "前台接待", None],
        ],
    )
    workbook = openpyxl.load_workbook(path)
    workbook.create_sheet("其他").append(["ignored"])
    workbook.save(path)

    preview = read_roster(path, catalogue)

    assert preview.file_format == "xlsx"
    assert [(e.employee_no, e.site) for e in preview.employees] == [
        ("1001", "滨江国际"), ("1002", ""),
    ]  # fmt: skip
    assert [(p.row, p.message) for p in preview.problems] == [(5, "missing employee number")]


def test_every_bad_row_is_listed_with_its_excel_row_number_and_reason(tmp_path, catalogue):
    text = (
        "工号,姓名,性别,部门,岗位\n"  # row 1
        "1001,张伟,男,工程部,工程维修员\n"  # row 2: good
        ",李四,男,工程部,工程维修员\n"  # row 3
        "1003,,女,客服部,前台接待\n"  # row 4
        "1004,王五,未知,客服部,前台接待\n"  # row 5
        "1005,赵六,男,工程部,保安队长\n"  # row 6: a new job title, not a bad row
        "\n"  # row 7: blank, ignored
        "1001,张伟二,男,工程部,工程维修员\n"  # row 8: duplicate of row 2
        "1009,钱七,女,客服部,\n"  # row 9
    )
    preview = read_roster(write(tmp_path / "r.csv", text, "utf-8-sig"), catalogue)

    assert preview.employees == []
    rows = {p.row: p.message for p in preview.problems}
    assert sorted(rows) == [2, 3, 4, 5, 8, 9]
    assert rows[2] == "duplicate employee number 1001 (also on row 8)"
    assert rows[8] == "duplicate employee number 1001 (also on row 2)"
    assert rows[3] == "missing employee number"
    assert rows[4] == "missing name"
    assert "unknown sex “未知”" in rows[5]
    assert [(t.title, t.rows) for t in preview.unknown_titles] == [("保安队长", (6,))]
    assert rows[9] == "missing role"
    assert str(preview.problems[0]) == "row 2: duplicate employee number 1001 (also on row 8)"


def test_several_reasons_on_one_row_are_all_given(tmp_path, catalogue):
    text = "工号,姓名,性别,部门,岗位\n1001,,X,工程部,厨师\n"
    preview = read_roster(write(tmp_path / "r.csv", text, "utf-8"), catalogue)
    (problem,) = preview.problems
    assert problem.row == 2
    assert problem.message == "missing name; unknown sex “X” (use 男/女, M/F or male/female)"
    # A bad row's title is not asked about: the row cannot be imported anyway.
    assert preview.unknown_titles == []


def test_good_rows_are_kept_beside_bad_ones(tmp_path, catalogue):
    text = "工号,姓名,性别,部门,岗位\n1,甲,男,工程部,工程维修员\n2,乙,?,工程部,工程维修员\n3,丙,女,客服部,前台接待\n"
    preview = read_roster(write(tmp_path / "r.csv", text, "utf-8"), catalogue)
    assert [e.employee_no for e in preview.employees] == ["1", "3"]
    assert [p.row for p in preview.problems] == [3]
    assert not preview.ok


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf\r\n\r\n", "empty"),
        (bytes(range(256)) * 8, "not a CSV or Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old Excel .xls"),
        (b"PK\x03\x04 this is no workbook", "not a readable Excel"),
        (
            "工号,姓名\n1001,张伟\n".encode(),
            "missing required column(s): 性别 (sex), 部门 (department), 岗位 (role)",
        ),
        ("工号,姓名,性别,部门,岗位\n".encode(), "no employees"),
        (
            "工号,姓名,性别,部门,岗位,项目,站点\n1,甲,男,工程部,工程维修员,a,b\n".encode(),
            "two columns mean the same thing (site)",
        ),
    ],
    ids=[
        "empty",
        "blank-lines",
        "binary",
        "xls",
        "bad-zip",
        "missing-columns",
        "header-only",
        "ambiguous",
    ],
)
def test_unreadable_files_give_a_clear_message_naming_the_file(
    tmp_path, catalogue, content, reason
):
    path = tmp_path / "花名册.csv"
    path.write_bytes(content)
    with pytest.raises(RosterFileError) as caught:
        read_roster(path, catalogue)
    message = str(caught.value)
    assert str(path) in message
    assert reason in message


def test_missing_columns_message_lists_the_headers_found(tmp_path, catalogue):
    path = write(tmp_path / "r.csv", "编号,名字,电话\n1,甲,123\n", "utf-8")
    with pytest.raises(RosterFileError, match="The header row has: 编号, 名字, 电话"):
        read_roster(path, catalogue)


def test_missing_file(tmp_path, catalogue):
    with pytest.raises(RosterFileError, match="does not exist"):
        read_roster(tmp_path / "nope.csv", catalogue)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("=1+1", "'=1+1"), ("+86 138", "'+86 138"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("＝1+1", "'＝1+1"), ("'=1", "''=1"), ("张伟", "张伟"), ("a=b", "a=b"), ("", "")],
)  # fmt: skip
def test_excel_safe(text, expected):
    assert excel_safe(text) == expected


EMPLOYEES = [
    Employee("1001", "张伟", Sex.MALE, "秩序维护部", "security", "翠湖花园"),
    Employee("1002", "李娜", Sex.FEMALE, "客服部", "customer-service", "翠湖花园", active=False),
    Employee("0007", '=HYPERLINK("http://x","点我")', Sex.FEMALE, "会所", "lifeguard", ""),
    Employee("1004", "+王五", Sex.MALE, "-工程部", "engineer", "@滨江"),
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_gives_the_same_roster(tmp_path, catalogue, suffix):
    path = tmp_path / f"roster{suffix}"
    write_roster(path, EMPLOYEES, catalogue)
    preview = read_roster(path, catalogue)
    assert preview.problems == []
    assert preview.employees == EMPLOYEES


def test_csv_export_is_utf8_with_bom_chinese_headers_and_formula_safe(tmp_path, catalogue):
    path = tmp_path / "roster.csv"
    write_roster(path, EMPLOYEES, catalogue)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "工号,姓名,性别,部门,岗位,场所,状态"
    assert lines[1] == "1001,张伟,男,秩序维护部,保安员,翠湖花园,在职"
    assert lines[2].endswith(",离职")
    assert lines[3].startswith("0007,\"'=HYPERLINK(")
    assert lines[4] == "1004,'+王五,男,'-工程部,工程维修员,'@滨江,在职"
    for line in lines[1:]:
        for cell in line.split(","):
            assert not cell.lstrip('"').startswith(("=", "+", "-", "@"))


def test_xlsx_export_has_no_formulas(tmp_path, catalogue):
    path = tmp_path / "roster.xlsx"
    write_roster(path, EMPLOYEES, catalogue)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert sheet["B4"].value.startswith("'=HYPERLINK")
    assert sheet["A4"].value == "0007"  # text: the leading zeros stay


def test_export_rejects_other_extensions(tmp_path, catalogue):
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        write_roster(tmp_path / "roster.txt", EMPLOYEES, catalogue)


def test_changes_against_the_stored_roster(tmp_path, catalogue):
    text = "工号,姓名,性别,部门,岗位\n1001,张伟,男,秩序维护部,秩序维护员\n1002,李娜,女,工程部,客服专员\n1005,新人,男,工程部,工程维修员\n"
    preview = read_roster(write(tmp_path / "r.csv", text, "utf-8"), catalogue)
    stored = [
        Employee("1001", "张伟", Sex.MALE, "秩序维护部", "security", id=1),
        Employee("1002", "李娜", Sex.FEMALE, "客服部", "customer-service", id=2, active=False),
        Employee("1003", "不在文件里", Sex.MALE, "工程部", "engineer", id=3),
    ]
    changes = preview.changes(stored)

    assert [e.employee_no for e in changes.added] == ["1005"]
    assert [e.employee_no for e in changes.unchanged] == ["1001"]
    ((before, after),) = changes.updated
    assert (before.department, after.department) == ("客服部", "工程部")
    assert after.id == 2
    assert after.active is False  # no status column: the stored status is kept
    assert {e.employee_no for e in changes.employees} == {"1001", "1002", "1005"}
    assert preview.changes(stored) == changes  # pure: the preview itself is unchanged


@pytest.mark.parametrize("name", ["'=1+1", "''+x", "'abc", "'", "=x'"])
def test_names_with_apostrophes_survive_export_and_import(tmp_path, catalogue, name):
    employees = [Employee("1", name, Sex.MALE, "工程部", "engineer")]
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"r{suffix}"
        write_roster(path, employees, catalogue)
        assert read_roster(path, catalogue).employees == employees


# -- problems in the interface language -------------------------------------------------------

BAD_ROWS = (
    "工号,姓名,性别,部门,岗位,状态\n"
    "1001,,男,工程部,工程维修员,在职\n"  # row 2: missing name
    "1002,王五,未知,客服部,前台接待,在职\n"  # row 3: unknown sex
    "1003,赵六,男,工程部,电工,也许\n"  # row 4: unknown status (and a new job title)
    "1001,张伟,男,工程部,工程维修员,在职\n"  # row 5: duplicate of row 2
)


def test_each_problem_has_a_code_and_its_words_in_both_languages(tmp_path, catalogue):
    preview = read_roster(write(tmp_path / "r.csv", BAD_ROWS, "utf-8"), catalogue)
    by_row = {p.row: p for p in preview.problems}
    assert by_row[2].codes == ("missing_name", "duplicate_employee_no")
    assert by_row[3].codes == ("unknown_sex",)
    assert by_row[4].codes == ("unknown_status",)
    assert by_row[2].text("zh") == "缺少姓名；工号 1001 重复（第 5 行也有）"
    assert by_row[2].line("zh") == "第 2 行：缺少姓名；工号 1001 重复（第 5 行也有）"
    assert by_row[3].text("zh") == "性别“未知”无法识别（请填 男/女、M/F 或 male/female）"
    assert by_row[4].text("zh") == "状态“也许”无法识别（请填 在职/离职 或 yes/no）"
    assert by_row[4].text("en") == "unknown status “也许” (use 在职/离职 or yes/no)"
    assert str(by_row[3]) == "row 3: unknown sex “未知” (use 男/女, M/F or male/female)"


def test_every_problem_code_has_words_in_both_languages():
    from inspector.files.roster import REASON_WORDS

    for code, words in REASON_WORDS.items():
        assert set(words) == {"zh", "en"}, code
        assert all(words.values()), code


# -- damaged workbooks ------------------------------------------------------------------------


def test_a_damaged_xlsx_gets_a_message(tmp_path, catalogue):
    """D3: was a zlib.error traceback."""
    path = damaged_xlsx(tmp_path / "花名册.xlsx")
    with pytest.raises(RosterFileError) as caught:
        read_roster(path, catalogue)
    message = str(caught.value)
    assert str(path) in message and "damaged" in message and "save it again" in message


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_truncated_xlsx_gets_a_message(tmp_path, catalogue, cut):
    path = write_xlsx(tmp_path / "r.xlsx", [["工号", "姓名", "性别", "部门", "岗位"]])
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(RosterFileError, match=r"r\.xlsx"):
        read_roster(path, catalogue)


def test_an_xlsx_export_drops_what_xlsx_cannot_hold(tmp_path, catalogue):
    """A control character typed into a name used to stop the XLSX export with a traceback."""
    people = [Employee("1001", "张\x01伟", Sex.MALE, "工程部\x1f", "engineer")]
    path = tmp_path / "out.xlsx"
    write_roster(path, people, catalogue)
    (employee,) = read_roster(path, catalogue).employees
    assert (employee.name, employee.department) == ("张伟", "工程部")
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]  # no temporary file left


def test_one_formula_guard_for_every_spreadsheet():
    from inspector.files import spreadsheets
    from inspector.services import figures

    assert roster.excel_safe is spreadsheets.excel_safe is figures.excel_safe


# -- job titles no role is known by -----------------------------------------------------------

NEW_TITLES = (
    "工号,姓名,性别,部门,岗位\n"
    "1001,张伟,男,工程部,电工\n"  # row 2
    "1002,李强,男,秩序部,保安领班\n"  # row 3
    "1003,王芳,女,人事部,人事专员\n"  # row 4
    "1004,赵六,男,工程部, 电工 \n"  # row 5: the same title, spaced
    "1005,钱七,男,秩序部,保安员\n"  # row 6: a known role
)


def test_new_job_titles_are_listed_with_their_rows_not_refused(tmp_path, catalogue):
    preview = read_roster(write(tmp_path / "r.csv", NEW_TITLES, "gbk"), catalogue)

    assert preview.problems == []
    assert not preview.ok
    assert [e.employee_no for e in preview.employees] == ["1005"]
    assert [(t.title, t.rows, t.count) for t in preview.unknown_titles] == [
        ("电工", (2, 5), 2),
        ("保安领班", (3,), 1),
        ("人事专员", (4,), 1),
    ]


def test_mapped_titles_give_their_rows_the_role(tmp_path, catalogue):
    preview = read_roster(write(tmp_path / "r.csv", NEW_TITLES, "utf-8"), catalogue)

    mapped = preview.with_roles({"电工": "engineer", "保安领班": "security"})

    roles = {e.employee_no: e.role for e in mapped.employees}
    assert roles == {"1005": "security", "1001": "engineer", "1004": "engineer", "1002": "security"}
    assert [t.title for t in mapped.unknown_titles] == ["人事专员"]
    assert preview.with_roles({}).employees == preview.employees
