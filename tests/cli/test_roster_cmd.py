"""``inspector roster import/list/export`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from inspector.cli import main
from inspector.storage import Store

HEADER = "工号,姓名,性别,部门,岗位,场所\r\n"
ROWS = (
    "1001,张伟,男,秩序维护部,秩序维护员,翠湖花园\r\n"
    "1002,李娜,女,客服部,客服专员,翠湖花园\r\n"
    "1003,王芳,女,会所,泳池救生员,翠湖花园\r\n"
)


def csv_file(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def stored(db: Path) -> dict[str, object]:
    with Store(db) as store:
        return {e.employee_no: e for e in store.list_employees()}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_import_csv(tmp_path, db_path, capsys, encoding):
    path = csv_file(tmp_path / "花名册.csv", HEADER + ROWS, encoding)

    assert main(["roster", "import", str(path), "--db", str(db_path)]) == 0

    out = capsys.readouterr().out
    assert "3 added, 0 updated, 0 unchanged" in out
    employees = stored(db_path)
    assert employees["1003"].role == "lifeguard"
    assert employees["1002"].name == "李娜"


def test_db_option_before_the_command_works_too(tmp_path, db_path):
    path = csv_file(tmp_path / "r.csv", HEADER + ROWS)
    assert main(["--db", str(db_path), "roster", "import", str(path)]) == 0
    assert len(stored(db_path)) == 3


def test_import_xlsx(tmp_path, db_path, capsys):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["employee_no", "name", "sex", "department", "role"])
    sheet.append(["A1", "Zhang Wei", "male", "工程部", "Maintenance technician"])
    workbook.save(tmp_path / "roster.xlsx")

    assert main(["roster", "import", str(tmp_path / "roster.xlsx"), "--db", str(db_path)]) == 0
    assert stored(db_path)["A1"].role == "engineer"


def test_bad_rows_import_nothing_and_are_all_listed(tmp_path, db_path, capsys):
    text = HEADER + ROWS + "1004,,男,工程部,工程维修员,\r\n1005,赵六,男,工程部,厨师,\r\n"
    path = csv_file(tmp_path / "r.csv", text)

    assert main(["roster", "import", str(path), "--db", str(db_path)]) == 2

    err = capsys.readouterr().err
    assert "2 bad rows; nothing was imported" in err
    assert "row 5: missing name" in err
    assert "row 6: unknown role “厨师”" in err
    assert "--good-rows-only" in err
    assert stored(db_path) == {}


def test_good_rows_only_imports_the_rest_and_says_how_many_were_skipped(tmp_path, db_path, capsys):
    text = HEADER + ROWS + "1004,,男,工程部,工程维修员,\r\n"
    path = csv_file(tmp_path / "r.csv", text)

    assert main(["roster", "import", str(path), "--good-rows-only", "--db", str(db_path)]) == 0

    captured = capsys.readouterr()
    assert "row 5: missing name" in captured.err
    assert "3 added" in captured.out
    assert "1 bad row was skipped" in captured.out
    assert sorted(stored(db_path)) == ["1001", "1002", "1003"]


def test_reimport_updates_by_employee_number(tmp_path, db_path, capsys):
    main(
        ["roster", "import", str(csv_file(tmp_path / "a.csv", HEADER + ROWS)), "--db", str(db_path)]
    )
    changed = (
        HEADER
        + ROWS.replace("1002,李娜,女,客服部", "1002,李娜,女,工程部")
        + "1009,新人,男,工程部,工程维修员,\r\n"
    )
    capsys.readouterr()

    assert (
        main(["roster", "import", str(csv_file(tmp_path / "b.csv", changed)), "--db", str(db_path)])
        == 0
    )

    assert "1 added, 1 updated, 2 unchanged" in capsys.readouterr().out
    employees = stored(db_path)
    assert len(employees) == 4
    assert employees["1002"].department == "工程部"


def test_dry_run_saves_nothing(tmp_path, db_path, capsys):
    path = csv_file(tmp_path / "r.csv", HEADER + ROWS)
    assert main(["roster", "import", str(path), "--dry-run", "--db", str(db_path)]) == 0
    assert "would add 3" in capsys.readouterr().out
    assert stored(db_path) == {}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02garbage\xff\xfe" * 50, "not a CSV"),
        ("工号,姓名\n1,甲\n".encode(), "性别 (sex)"),
    ],
    ids=["empty", "binary", "missing-columns"],
)
def test_unreadable_file_exit_2_naming_the_file(tmp_path, db_path, capsys, content, reason):
    path = tmp_path / "roster.csv"
    path.write_bytes(content)

    assert main(["roster", "import", str(path), "--db", str(db_path)]) == 2

    err = capsys.readouterr().err
    assert str(path) in err
    assert reason in err
    assert "nothing was imported" in err
    assert "Traceback" not in err
    assert stored(db_path) == {}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_round_trip(tmp_path, db_path, capsys, suffix):
    names = HEADER + ROWS + '1004,=HYPERLINK("http://evil"),男,工程部,工程维修员,\r\n'
    main(["roster", "import", str(csv_file(tmp_path / "in.csv", names)), "--db", str(db_path)])
    out = tmp_path / f"out{suffix}"

    assert main(["roster", "export", str(out), "--db", str(db_path)]) == 0
    assert "Exported 4 employees" in capsys.readouterr().out
    other_db = tmp_path / "other.db"
    assert main(["roster", "import", str(out), "--db", str(other_db)]) == 0

    strip = lambda e: (e.employee_no, e.name, e.sex, e.department, e.role, e.site, e.active)  # noqa: E731
    assert sorted(map(strip, stored(other_db).values())) == sorted(
        map(strip, stored(db_path).values())
    )
    assert stored(other_db)["1004"].name == '=HYPERLINK("http://evil")'


def test_export_guards_formula_looking_names(tmp_path, db_path):
    text = HEADER + "1001,=1+2,男,工程部,工程维修员,@site\r\n"
    main(["roster", "import", str(csv_file(tmp_path / "in.csv", text)), "--db", str(db_path)])
    main(["roster", "export", str(tmp_path / "out.csv"), "--db", str(db_path)])
    exported = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()
    assert exported[1] == "1001,'=1+2,男,工程部,工程维修员,'@site,在职"


def test_export_to_unknown_extension_is_refused(tmp_path, db_path, capsys):
    assert main(["roster", "export", str(tmp_path / "out.txt"), "--db", str(db_path)]) == 2
    assert ".csv or .xlsx" in capsys.readouterr().err


def test_list_text_and_json(tmp_path, db_path, capsys):
    main(
        ["roster", "import", str(csv_file(tmp_path / "r.csv", HEADER + ROWS)), "--db", str(db_path)]
    )
    capsys.readouterr()

    assert main(["roster", "list", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "工号" in out and "泳池救生员" in out and "3 employees" in out

    assert main(["roster", "list", "--json", "--db", str(db_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["employee_no"] for e in sorted(data, key=lambda e: e["employee_no"])] == [
        "1001",
        "1002",
        "1003",
    ]
    lifeguard = next(e for e in data if e["employee_no"] == "1003")
    assert lifeguard == {
        "id": lifeguard["id"],
        "employee_no": "1003",
        "name": "王芳",
        "sex": "female",
        "department": "会所",
        "role": "lifeguard",
        "role_name": {"zh": "泳池救生员", "en": "Pool lifeguard"},
        "site": "翠湖花园",
        "active": True,
    }


BAD_ROWS = HEADER + "1001,张伟,男,秩序维护部,电工,翠湖花园\r\n1002,,女,客服部,客服专员,翠湖花园\r\n"


@pytest.mark.parametrize(
    ("env", "argv", "expected", "absent"),
    [
        ({"LANG": "zh_CN.UTF-8"}, [], "第 2 行：岗位“电工”不在岗位列表中", "unknown role"),
        ({"LANG": "C.UTF-8"}, ["--lang", "zh"], "第 3 行：缺少姓名", "missing name"),
        ({"LANG": "zh_CN.UTF-8"}, ["--lang", "en"], "row 3: missing name", "缺少姓名"),
        ({"LANG": "C.UTF-8"}, [], "row 2: unknown role “电工”", "第 2 行"),
    ],
    ids=["zh-locale", "lang-zh", "lang-en-over-zh-locale", "default-en"],
)
def test_bad_rows_in_the_users_language(
    tmp_path, db_path, capsys, monkeypatch, env, argv, expected, absent
):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    path = csv_file(tmp_path / "花名册.csv", BAD_ROWS)
    assert main([*argv, "roster", "import", str(path), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert expected in err and absent not in err
    assert "roles.toml" in err


def test_a_damaged_workbook_is_a_message(tmp_path, db_path, capsys):
    """D3: a zlib.error traceback before."""
    from helpers.roster_files import damaged_xlsx

    path = damaged_xlsx(tmp_path / "花名册.xlsx")
    assert main(["roster", "import", str(path), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err and "nothing was imported" in err and "Traceback" not in err


def test_a_file_that_cannot_be_read_in_chinese(tmp_path, db_path, capsys):
    path = csv_file(tmp_path / "名单.csv", "姓名,电话\r\n张伟,1380000\r\n")
    assert main(["--lang", "zh", "roster", "import", str(path), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert f"无法读取花名册 {path}：缺少必填列：工号、性别、部门、岗位。表头行有：姓名、电话" in err
    assert err.rstrip().endswith("；未导入任何内容")
