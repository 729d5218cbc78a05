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
    text = HEADER + ROWS + "1004,,男,工程部,工程维修员,\r\n1005,赵六,?,工程部,工程维修员,\r\n"
    path = csv_file(tmp_path / "r.csv", text)

    assert main(["roster", "import", str(path), "--db", str(db_path)]) == 2

    err = capsys.readouterr().err
    assert "2 bad rows; nothing was imported" in err
    assert "row 5: missing name" in err
    assert "row 6: unknown sex “?”" in err
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


BAD_ROWS = (
    HEADER + "1001,张伟,未知,秩序维护部,电工,翠湖花园\r\n1002,,女,客服部,客服专员,翠湖花园\r\n"
)


@pytest.mark.parametrize(
    ("env", "argv", "expected", "absent"),
    [
        ({"LANG": "zh_CN.UTF-8"}, [], "第 2 行：性别“未知”无法识别", "unknown sex"),
        ({"LANG": "C.UTF-8"}, ["--lang", "zh"], "第 3 行：缺少姓名", "missing name"),
        ({"LANG": "zh_CN.UTF-8"}, ["--lang", "en"], "row 3: missing name", "缺少姓名"),
        ({"LANG": "C.UTF-8"}, [], "row 2: unknown sex “未知”", "第 2 行"),
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


# -- job titles no role is known by -----------------------------------------------------------

NEW_TITLES = HEADER + (
    "2001,张伟,男,工程部,电工,翠湖花园\r\n"  # row 2
    "2002,李强,男,秩序维护部,保安领班,翠湖花园\r\n"  # row 3
    "2003,王芳,女,人事部,人事专员,翠湖花园\r\n"  # row 4
    "2004,赵六,男,工程部,电工,翠湖花园\r\n"  # row 5
    "2005,钱七,男,秩序维护部,保安员,翠湖花园\r\n"  # row 6: a known role
)
ELECTRICIAN = "电工=new:electrician:电工:Electrician:shirt,trousers,leather-shoes"


def user_roles() -> dict:
    import tomllib

    from inspector.files.checklists import company_roles_path

    return {r["id"]: r for r in tomllib.loads(company_roles_path().read_text("utf-8"))["role"]}


def test_unmapped_titles_stop_the_import_listing_them_and_the_syntax(tmp_path, db_path, capsys):
    path = csv_file(tmp_path / "花名册.csv", NEW_TITLES, "gbk")

    assert main(["roster", "import", str(path), "--db", str(db_path)]) == 2

    err = capsys.readouterr().err
    assert "3 job titles that no role is known by; nothing was imported" in err
    assert "  电工: 2 rows (rows 2, 5)" in err
    assert "  保安领班: 1 row (row 3)" in err
    assert "  人事专员: 1 row (row 4)" in err
    assert "--map-role TITLE=ROLE" in err and "new:ID:ZH:EN:PARTS" in err
    assert "Traceback" not in err
    assert stored(db_path) == {}


def test_unmapped_titles_in_chinese(tmp_path, db_path, capsys):
    path = csv_file(tmp_path / "花名册.csv", NEW_TITLES, "gbk")
    assert main(["--lang", "zh", "roster", "import", str(path), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "有 3 个岗位名称不在岗位列表中；未导入任何内容" in err
    assert "  电工：2 行（第 2、5 行）" in err
    assert "--map-role 名称=岗位" in err


def test_dry_run_lists_the_titles_and_what_each_maps_to(tmp_path, db_path, capsys):
    path = csv_file(tmp_path / "r.csv", NEW_TITLES)
    argv = ["roster", "import", str(path), "--db", str(db_path), "--dry-run"]

    assert main([*argv, "--map-role", "保安领班=security", "--map-role", ELECTRICIAN]) == 2

    captured = capsys.readouterr()
    assert captured.out.splitlines()[:4] == [
        "New job titles:",
        "  电工: 2 rows → new role Electrician (electrician)",
        "  保安领班: 1 row → Security officer (security)",
        "  人事专员: 1 row → no role chosen",
    ]
    assert "  人事专员: 1 row (row 4)" in captured.err

    assert main([*argv, "--map-role", "保安领班=保安员", "--map-role", "人事专员=行政专员",
                 "--map-role", ELECTRICIAN]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "  人事专员: 1 row → Administrative officer (administrator)" in out
    assert "would add 5, update 0" in out
    # A dry run saves nothing: neither the employees nor the roles.
    assert stored(db_path) == {}
    from inspector.files.checklists import company_roles_path

    assert not company_roles_path().exists()


def test_mapping_to_existing_and_new_roles_imports_and_remembers(tmp_path, db_path, capsys):
    path = csv_file(tmp_path / "r.csv", NEW_TITLES, "gbk")
    argv = ["roster", "import", str(path), "--db", str(db_path)]
    maps = ["--map-role", "保安领班=security", "--map-role", "人事专员=administrator"]

    assert main([*argv, *maps, "--map-role", ELECTRICIAN]) == 0

    out = capsys.readouterr().out
    assert "Imported" in out and "5 added" in out
    assert "New role 电工 / Electrician (electrician)." in out
    roles = {no: e.role for no, e in stored(db_path).items()}
    assert roles == {
        "2001": "electrician",
        "2002": "security",
        "2003": "administrator",
        "2004": "electrician",
        "2005": "security",
    }
    remembered = user_roles()
    assert "保安领班" in remembered["security"]["aliases"]
    assert remembered["administrator"]["aliases"] == ["人事专员"]
    assert sorted(remembered["electrician"]["uniform"]) == ["leather-shoes", "shirt", "trousers"]
    assert main(["checklists", "validate", str(db_path.parent / "data" / "checklists")]) == 0
    capsys.readouterr()

    # The next import of the same titles asks nothing: they are names of their roles now.
    changed = NEW_TITLES.replace("2004,赵六,男,工程部", "2004,赵六,男,维修部")
    assert main(["roster", "import", str(csv_file(path, changed)), "--db", str(db_path)]) == 0
    assert "0 added, 1 updated, 4 unchanged" in capsys.readouterr().out
    assert stored(db_path)["2004"].role == "electrician"


def test_a_new_role_with_parts_for_one_sex(tmp_path, db_path, capsys):
    path = csv_file(tmp_path / "r.csv", HEADER + "3001,周婷,女,前台,前台主管,翠湖花园\r\n")
    spec = (
        "前台主管=new:front-desk-lead:前台主管:Front desk lead:"
        "shirt,suit-jacket,leather-shoes,neck-bow@female,skirt@female,tie@male"
    )
    assert main(["roster", "import", str(path), "--db", str(db_path), "--map-role", spec]) == 0
    role = user_roles()["front-desk-lead"]
    assert sorted(role["uniform"]) == ["leather-shoes", "shirt", "suit-jacket"]
    assert role["uniform_female"] == ["neck-bow", "skirt"]
    assert role["uniform_male"] == ["tie"]
    assert stored(db_path)["3001"].role == "front-desk-lead"


@pytest.mark.parametrize(
    ("spec", "said"),
    [
        ("电工", "write TITLE=ROLE or TITLE=new:ID:ZH:EN:PARTS"),
        ("电工=plumber", "there is no role “plumber”"),
        ("电工=new:electrician:电工", "a new role is new:ID:ZH:EN:PARTS"),
        ("电工=new:electrician:电工:Electrician:wetsuit", "unknown uniform part “wetsuit”"),
        ("电工=new:security:电工:Electrician:shirt", "already a role with the id “security”"),
        ("电工=new:Electrician!:电工:Electrician:shirt", "may use only lower-case letters"),
        ("电工=new:electrician:电工:Electrician:tie@men", "write @female or @male"),
    ],
)
def test_a_bad_mapping_is_a_message_and_imports_nothing(tmp_path, db_path, capsys, spec, said):
    path = csv_file(tmp_path / "r.csv", NEW_TITLES)
    argv = ["roster", "import", str(path), "--db", str(db_path), "--map-role", spec]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert stored(db_path) == {}


def test_good_rows_only_skips_the_rows_of_unmapped_titles(tmp_path, db_path, capsys):
    path = csv_file(tmp_path / "r.csv", NEW_TITLES)
    argv = ["roster", "import", str(path), "--db", str(db_path), "--good-rows-only"]
    assert main([*argv, "--map-role", "保安领班=security"]) == 0
    captured = capsys.readouterr()
    assert "Skipping 3 rows whose job title has no role: 电工, 人事专员" in captured.err
    assert sorted(stored(db_path)) == ["2002", "2005"]


def test_the_help_documents_the_map_role_syntax(capsys):
    assert main(["roster", "import", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--map-role TITLE=ROLE" in out
    assert "new:ID:ZH:EN:PARTS" in out and "PART@female" in out


def test_the_line_up_judges_a_new_role_by_its_uniform(tmp_path, db_path, capsys):
    path = csv_file(tmp_path / "r.csv", HEADER + "4001,张伟,男,工程部,电工,翠湖花园\r\n")
    argv = ["roster", "import", str(path), "--db", str(db_path), "--map-role", ELECTRICIAN]
    assert main(argv) == 0
    capsys.readouterr()

    lineup = ["checklists", "lineup", "--sex", "male", "--json"]
    assert main([*lineup, "--role", "electrician"]) == 0
    points = {p["id"] for a in json.loads(capsys.readouterr().out)["areas"] for p in a["points"]}
    assert main([*lineup, "--role", "security"]) == 0
    security = {p["id"] for a in json.loads(capsys.readouterr().out)["areas"] for p in a["points"]}
    assert "upper-body.neckwear" in security
    assert "upper-body.neckwear" not in points  # no tie in an electrician's uniform
    assert {"shoes.shoes", "upper-body.top"} <= points
