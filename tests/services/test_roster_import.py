"""The roster import use case with new job titles: plan, choose roles, remember, save."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.domain.people import Role
from inspector.files.checklists import company_roles_path, load_catalogue
from inspector.services import roles, roster_import

ROSTER = (
    "工号,姓名,性别,部门,岗位\r\n"
    "1001,张伟,男,工程部,电工\r\n"
    "1002,李强,男,秩序部,保安领班\r\n"
    "1003,王芳,女,人事部,人事专员\r\n"
    "1004,赵六,男,工程部,维修电工\r\n"
)


def roster(tmp_path: Path) -> Path:
    path = tmp_path / "花名册.csv"
    path.write_bytes(ROSTER.encode("gbk"))
    return path


def electrician(**kwargs) -> Role:
    return roles.new_role(
        "electrician", "电工", "Electrician", common=["shirt", "trousers"], **kwargs
    )


def test_unmapped_titles_refuse_the_save(tmp_path, store, catalogue):
    preview = roster_import.read_file(roster(tmp_path), catalogue)
    plan = roster_import.plan_from(preview, [], {"保安领班": "security"})

    assert [t.title for t in plan.unmapped] == ["电工", "人事专员", "维修电工"]
    assert plan.good == 1
    with pytest.raises(roster_import.UnmappedTitles) as raised:
        roster_import.save_with_roles(store, plan, catalogue)
    assert "人事专员: 1 row (row 4)" in raised.value.text("en")
    assert "人事专员：1 行（第 4 行）" in raised.value.text("zh")
    assert store.list_employees() == []
    assert not company_roles_path().exists()


def test_two_titles_for_one_new_role_and_the_rest_remembered(tmp_path, store, catalogue):
    new = electrician()
    choices = {
        "电工": new,
        "维修电工": "electrician",
        "保安领班": "security",
        "人事专员": "行政专员",
    }
    preview = roster_import.read_file(roster(tmp_path), catalogue)
    with pytest.raises(roles.RoleError, match="no role “行政专员”"):
        roles.check_choices(choices, catalogue)
    choices["人事专员"] = "administrator"
    plan = roster_import.plan_from(preview, [], choices)

    summary, reloaded = roster_import.save_with_roles(store, plan, catalogue)

    assert summary.added == 4
    assert {e.employee_no: e.role for e in store.list_employees()} == {
        "1001": "electrician",
        "1002": "security",
        "1003": "administrator",
        "1004": "electrician",
    }
    assert reloaded.role("electrician").aliases == ("维修电工",)
    fresh = load_catalogue()
    for title, role_id in (("维修电工", "electrician"), ("人事专员", "administrator")):
        assert fresh.find_role(title).id == role_id
    # Read again, the file has no new titles.
    assert roster_import.read_file(roster(tmp_path), fresh).unknown_titles == []


def test_a_new_role_is_checked_before_anything_is_written(catalogue):
    taken = roles.new_role("gardener-2", "绿化员", "Gardener", common=["trousers"])
    problems = [p.code for p in roles.role_problems(taken, catalogue)]
    assert problems == ["name_taken", "name_taken"]
    with pytest.raises(roles.RoleError) as raised:
        roles.create_role(taken, catalogue)
    assert "“绿化员”已是岗位“绿化员”的名称" in raised.value.text("zh")
    assert not company_roles_path().exists()


def test_suggested_ids_are_free(catalogue):
    assert roles.suggest_role_id("Electrician", "电工", catalogue) == "electrician"
    assert roles.suggest_role_id("Security officer", "x", catalogue) == "security-officer"
    assert roles.suggest_role_id("Cleaner", "x", catalogue) == "cleaner-2"
    assert roles.suggest_role_id("", "电工", catalogue) == "role-2"


def test_a_part_worn_by_both_sexes_is_worn_by_everyone():
    role = roles.new_role("x", "甲", "X", female=["shirt", "skirt"], male=["shirt", "tie"])
    assert role.uniform.common == {"shirt"}
    assert role.uniform.female == {"skirt"}
    assert role.uniform.male == {"tie"}
