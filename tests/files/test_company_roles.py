"""The company's roles file: new roles and job titles written to the user's roles.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from inspector import paths
from inspector.cli import main
from inspector.domain.people import Role, Uniform
from inspector.domain.text import Text
from inspector.files.checklists import (
    RolesFileError,
    add_role,
    add_role_alias,
    company_roles_path,
    load_catalogue,
    update_company_roles,
)

ELECTRICIAN = Role(
    "electrician",
    Text("电工", "Electrician"),
    Uniform(common=frozenset({"shirt", "trousers", "leather-shoes"})),
    aliases=("维修电工",),
)


def shipped_roles() -> bytes:
    return (paths.shipped_checklists_dir() / "roles.toml").read_bytes()


def validate_user_folder(capsys) -> tuple[int, str]:
    code = main(["checklists", "validate", str(paths.user_checklists_dir())])
    return code, capsys.readouterr().out


def test_an_alias_of_a_shipped_role_is_written_to_a_copy_in_the_users_folder(capsys):
    shipped = shipped_roles()

    catalogue = add_role_alias("security", "保安领班")

    assert catalogue.find_role("保安领班").id == "security"
    data = tomllib.loads(company_roles_path().read_text("utf-8"))
    (security,) = data["role"]
    # The copy keeps the shipped names, uniform and aliases, so it replaces nothing else.
    assert security["zh"] == "保安员"
    assert security["aliases"] == ["秩序维护员", "保安", "保安领班"]
    assert sorted(security["uniform"]) == ["leather-shoes", "pressed-trousers", "shirt", "tie"]
    assert (
        catalogue.role("security").uniform
        == load_catalogue(include_user=False).role("security").uniform
    )
    assert shipped_roles() == shipped
    assert load_catalogue().find_role("保安领班").id == "security"
    assert validate_user_folder(capsys)[0] == 0


def test_a_new_role_and_then_more_titles(capsys):
    add_role(ELECTRICIAN)
    catalogue = update_company_roles(aliases={"electrician": ["强电工"], "cleaner": ["保洁"]})

    assert catalogue.find_role("电工").id == "electrician"
    assert catalogue.find_role("强电工").id == "electrician"
    assert catalogue.find_role("保洁").id == "cleaner"
    assert catalogue.role("electrician").uniform.common == {"shirt", "trousers", "leather-shoes"}
    data = tomllib.loads(company_roles_path().read_text("utf-8"))
    by_id = {role["id"]: role for role in data["role"]}
    assert by_id["electrician"]["aliases"] == ["维修电工", "强电工"]
    assert set(by_id) == {"electrician", "cleaner"}
    code, out = validate_user_folder(capsys)
    assert code == 0 and "OK" in out
    # Nothing half-written is left beside the file.
    assert sorted(p.name for p in paths.user_checklists_dir().iterdir()) == ["roles.toml"]


def test_the_users_own_comments_and_roles_are_kept():
    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True)
    (folder / "roles.toml").write_text(
        "# 本公司岗位（人事部维护）\n\n"
        "[[role]]\n"
        'id = "doorman"  # 门岗\n'
        'zh = "门岗"\n'
        'en = "Doorman"\n'
        'uniform = ["shirt", "trousers"]\n',
        "utf-8",
    )

    add_role_alias("doorman", "门卫")
    add_role(ELECTRICIAN)

    text = (folder / "roles.toml").read_text("utf-8")
    assert text.startswith("# 本公司岗位（人事部维护）\n")
    assert 'id = "doorman"  # 门岗' in text
    catalogue = load_catalogue()
    assert catalogue.find_role("门卫").id == "doorman"
    assert catalogue.role("electrician") is not None
    assert [r["id"] for r in tomllib.loads(text)["role"]] == ["doorman", "electrician"]


def test_a_role_defined_in_another_file_of_the_folder_gets_its_alias_there():
    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True)
    other = folder / "company.toml"
    other.write_text(
        '[[role]]\nid = "doorman"\nzh = "门岗"\nen = "Doorman"\nuniform = ["shirt"]\n', "utf-8"
    )

    catalogue = add_role_alias("doorman", "门卫")

    assert catalogue.find_role("门卫").id == "doorman"
    assert tomllib.loads(other.read_text("utf-8"))["role"][0]["aliases"] == ["门卫"]
    assert not (folder / "roles.toml").exists()


def test_a_role_that_would_not_load_is_refused_and_nothing_is_written():
    broken = Role("diver", Text("潜水员", "Diver"), Uniform(common=frozenset({"wetsuit"})))

    with pytest.raises(RolesFileError) as raised:
        add_role(broken)

    assert "unknown uniform part 'wetsuit'" in raised.value.text("en")
    assert raised.value.text("zh").startswith("岗位未保存：保存后检查表文件将无法加载：")
    assert not company_roles_path().exists()


def test_a_taken_id_or_a_title_of_another_role_is_refused():
    with pytest.raises(RolesFileError, match="already a role with the id 'security'"):
        add_role(Role("security", Text("保安", "Guard")))
    with pytest.raises(RolesFileError) as raised:
        add_role_alias("cleaner", "保安")  # already a name of the security officers
    assert "“保安” is already a name of the role 'security'" in raised.value.text("en")
    assert not company_roles_path().exists()


def test_checklist_files_with_problems_are_not_written_to():
    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True)
    (folder / "roles.toml").write_text("[[role]\nid = ", "utf-8")

    with pytest.raises(RolesFileError) as raised:
        add_role(ELECTRICIAN)

    assert "fix them before adding roles" in raised.value.text("en")
    assert "invalid TOML" in raised.value.text("en")
    assert (folder / "roles.toml").read_text("utf-8") == "[[role]\nid = "


def test_a_role_redefined_in_a_later_folder_is_said_and_not_written(tmp_path: Path):
    later = tmp_path / "company"
    later.mkdir()
    (later / "roles.toml").write_text(
        '[[role]]\nid = "security"\nzh = "保安员"\nen = "Guard"\nuniform = ["shirt"]\n', "utf-8"
    )

    with pytest.raises(RolesFileError) as raised:
        add_role_alias("security", "保安领班", extra_dirs=[later])

    assert "another definition" in raised.value.text("en")
    assert str(later) in raised.value.text("en")
    assert not company_roles_path().exists()
