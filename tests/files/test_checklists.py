"""The checklist loader: building the Catalogue, overrides, and every kind of problem it reports."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector import paths
from inspector.domain.checklist import (
    AppliesTo,
    Catalogue,
    ChecklistItem,
    InspectionType,
    ItemKind,
    Severity,
    Source,
)
from inspector.domain.people import Employee, Sex
from inspector.domain.text import Text
from inspector.files.checklists import ChecklistError, Problem, load_catalogue, validate_dirs

FIXTURES = Path(__file__).parents[1] / "fixtures" / "checklists"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own (empty) data folder, so the user's own checklists never count."""
    data = tmp_path / "data"
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(data))
    return data


# --- writing small checklist files ------------------------------------------------------------


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return repr(value)


def _table(header: str, fields: dict[str, Any]) -> str:
    lines = [header]
    lines += [f"{key} = {_value(value)}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def set_fields(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": "test-set",
        "version": 1,
        "inspection_type": "lineup",
        "area": "hands",
        "order": 10,
        "zh": "测试",
        "en": "Test",
        "applies_to": "everyone",
        "source_file": "001_2d8fab767d16ad65.txt",
    }
    fields.update(changes)
    return {k: v for k, v in fields.items() if v is not None}


def item_fields(suffix: str = "one", set_id: str = "test-set", **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": f"{set_id}.{suffix}",
        "kind": "required",
        "zh": "指甲干净",
        "en": "Nails clean",
        "severity": "minor",
        "weight": 2,
        "section": "五、员工手部要求 · 标准要求 1",
    }
    fields.update(changes)
    return {k: v for k, v in fields.items() if v is not None}


def checklist_text(set_table: dict[str, Any] | None, items: list[dict[str, Any]]) -> str:
    parts = ["# a test checklist\n"]
    if set_table is not None:
        parts.append(_table("[set]", set_table))
    parts += [_table("[[item]]", item) for item in items]
    return "\n".join(parts)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def write_set(folder: Path, name: str = "test-set.toml", set_table=None, items=None) -> Path:
    set_table = set_fields() if set_table is None else set_table
    items = [item_fields("one"), item_fields("two")] if items is None else items
    return write(folder, name, checklist_text(set_table, items))


def line_of(path: Path, fragment: str, occurrence: int = 1) -> int:
    """The 1-based line number of the ``occurrence``-th line containing ``fragment``."""
    found = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if fragment in line:
            found += 1
            if found == occurrence:
                return number
    raise AssertionError(f"{fragment!r} not in {path}")


def problems_in(folder: Path) -> list[Problem]:
    """Problems with the shipped standards in force (so their roles and areas are known)."""
    return validate_dirs([folder])


def only(problems: list[Problem], fragment: str) -> Problem:
    matching = [p for p in problems if fragment in p.message]
    assert len(matching) == 1, f"expected one problem with {fragment!r}, got {problems}"
    return matching[0]


# --- loading ----------------------------------------------------------------------------------


def test_shipped_catalogue_loads_without_problems() -> None:
    assert validate_dirs([]) == []
    catalogue = load_catalogue()
    assert isinstance(catalogue, Catalogue)
    assert catalogue.sets and catalogue.roles and catalogue.areas


def test_a_valid_file_builds_frozen_domain_objects(tmp_path: Path) -> None:
    path = write_set(
        tmp_path / "company",
        set_table=set_fields(applies_to="female"),
        items=[
            item_fields("one"),
            item_fields(
                "two",
                kind="prohibited",
                severity="major",
                weight=5,
                applies_to="everyone",
                exempt_roles=["lifeguard"],
                source_file="002_3c7146b17116601c.txt",
                section="交谈禁忌",
            ),
        ],
    )
    catalogue = load_catalogue([tmp_path / "company"])
    checklist = next(s for s in catalogue.sets if s.id == "test-set")
    assert checklist.version == 1
    assert checklist.inspection_type is InspectionType.LINEUP
    assert checklist.area == "hands"
    assert checklist.order == 10
    assert checklist.title == Text(zh="测试", en="Test")
    assert checklist.origin == str(path)
    one, two = checklist.items
    # The set's applies_to and source_file are the items' defaults.
    assert one == ChecklistItem(
        id="test-set.one",
        kind=ItemKind.REQUIRED,
        text=Text(zh="指甲干净", en="Nails clean"),
        applies_to=AppliesTo.FEMALE,
        severity=Severity.MINOR,
        weight=2,
        source=Source(file="001_2d8fab767d16ad65.txt", section="五、员工手部要求 · 标准要求 1"),
    )
    assert two.applies_to is AppliesTo.EVERYONE
    assert two.kind is ItemKind.PROHIBITED and two.severity is Severity.MAJOR
    assert two.exempt_roles == frozenset({"lifeguard"})
    assert two.source == Source(file="002_3c7146b17116601c.txt", section="交谈禁忌")
    assert catalogue.item("test-set.two") is two
    with pytest.raises(AttributeError):
        checklist.version = 2  # type: ignore[misc]


def test_set_defaults_when_optional_keys_are_left_out(tmp_path: Path) -> None:
    write_set(tmp_path / "d", set_table=set_fields(order=None, applies_to=None))
    checklist = next(s for s in load_catalogue([tmp_path / "d"]).sets if s.id == "test-set")
    assert checklist.order == 0
    assert all(item.applies_to is AppliesTo.EVERYONE for item in checklist.items)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    text = checklist_text(set_fields(), [item_fields()])
    write(tmp_path / "d", "bom.toml", b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert problems_in(tmp_path / "d") == []


# --- overrides --------------------------------------------------------------------------------


def test_a_user_hands_file_at_version_3_replaces_the_shipped_set(
    _private_data_dir: Path,
) -> None:
    user_dir = paths.user_checklists_dir()
    user_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / "company" / "hands.toml", user_dir / "hands.toml")
    shipped = load_catalogue(include_user=False)
    catalogue = load_catalogue()

    hands = [s for s in catalogue.sets if s.id == "hands"]
    assert len(hands) == 1
    assert hands[0].version == 3
    assert hands[0].origin == str(user_dir / "hands.toml")
    assert hands[0].title.en == "Hands (company version)"
    assert catalogue.item("hands.no-rings").source.file == "company-handbook.pdf"
    assert catalogue.item("hands.nails-clean").text.en == "Nails clean"
    # The set keeps its place; every other set is the shipped one.
    assert [s.id for s in catalogue.sets] == [s.id for s in shipped.sets]
    others = [s for s in catalogue.sets if s.id != "hands"]
    assert others == [s for s in shipped.sets if s.id != "hands"]


def test_an_extra_folder_overrides_the_user_folder(tmp_path: Path) -> None:
    user_dir = paths.user_checklists_dir()
    write_set(user_dir, set_table=set_fields(version=2))
    write_set(tmp_path / "extra", set_table=set_fields(version=3))
    catalogue = load_catalogue([tmp_path / "extra"])
    assert next(s for s in catalogue.sets if s.id == "test-set").version == 3


def test_the_same_set_id_in_two_folders_is_an_override_not_a_duplicate(tmp_path: Path) -> None:
    write_set(tmp_path / "a")
    write_set(tmp_path / "b", set_table=set_fields(version=2))
    assert validate_dirs([tmp_path / "a", tmp_path / "b"]) == []


def test_roles_and_areas_from_later_folders_add_and_override(tmp_path: Path) -> None:
    folder = tmp_path / "company"
    write(
        folder,
        "roles.toml",
        _table("[[role]]", {"id": "lifeguard", "zh": "救生员", "en": "Lifeguard"})
        + "\n"
        + _table("[[role]]", {"id": "valet", "zh": "泊车员", "en": "Valet"}),
    )
    write(
        folder,
        "areas.toml",
        _table("[[area]]", {"id": "badges", "zh": "工牌", "en": "Badges", "order": 25}),
    )
    write_set(folder, set_table=set_fields(area="badges", inspection_type="observation"))
    catalogue = load_catalogue([folder])
    assert catalogue.role("lifeguard").name == Text(zh="救生员", en="Lifeguard")
    assert catalogue.find_role("泊车员").id == "valet"
    assert catalogue.role("security") is not None  # shipped roles stay
    assert catalogue.area("badges").order == 25
    assert len(catalogue.roles) == len(load_catalogue().roles) + 1


def test_without_shipped_only_the_given_folders_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "standalone"
    write(
        folder,
        "roles.toml",
        _table("[[role]]", {"id": "lifeguard", "zh": "救生员", "en": "Lifeguard"}),
    )
    write(
        folder,
        "areas.toml",
        _table("[[area]]", {"id": "hands", "zh": "手部", "en": "Hands", "order": 1}),
    )
    write_set(folder)
    catalogue = load_catalogue([folder], include_shipped=False)
    assert [s.id for s in catalogue.sets] == ["test-set"]
    assert [r.id for r in catalogue.roles] == ["lifeguard"]


def test_without_shipped_areas_a_set_file_alone_names_an_unknown_area(tmp_path: Path) -> None:
    write_set(tmp_path / "d")
    problems = validate_dirs([tmp_path / "d"], include_shipped=False)
    assert "unknown area 'hands'" in only(problems, "unknown area").message


# --- errors: the ChecklistError and Problem ---------------------------------------------------


def test_problem_str_names_file_line_and_item() -> None:
    problem = Problem(
        Path("checklists/hands.toml"), 12, "hands.nails-short", "missing English text (en)"
    )
    assert (
        str(problem)
        == "checklists/hands.toml:12: item hands.nails-short: missing English text (en)"
    )
    assert str(Problem(Path("x.toml"), None, None, "no items")) == "x.toml: no items"


def test_problem_paths_inside_the_current_folder_are_shown_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    problem = Problem(tmp_path / "d" / "a.toml", 3, None, "bad")
    assert str(problem) == str(Path("d") / "a.toml") + ":3: bad"


def test_load_catalogue_raises_with_every_problem(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    write_set(folder, "a.toml", items=[item_fields(en=None)])
    write_set(
        folder,
        "b.toml",
        set_table=set_fields(id="other"),
        items=[item_fields("x", set_id="other", weight=0)],
    )
    with pytest.raises(ChecklistError) as caught:
        load_catalogue([folder])
    problems = caught.value.problems
    assert {p.path.name for p in problems} == {"a.toml", "b.toml"}
    assert len(problems) == 2
    message = str(caught.value)
    assert "2 problems" in message
    for problem in problems:
        assert str(problem) in message


def test_validation_collects_problems_in_every_file_and_folder(tmp_path: Path) -> None:
    write(tmp_path / "one", "bad.toml", "[set\n")
    write_set(tmp_path / "one", "good.toml", items=[item_fields(kind="must")])
    write_set(
        tmp_path / "two",
        "other.toml",
        set_table=set_fields(id="other", version=0),
        items=[item_fields("x", set_id="other")],
    )
    problems = validate_dirs([tmp_path / "one", tmp_path / "two"])
    assert [p.path.name for p in problems] == ["bad.toml", "good.toml", "other.toml"]


def test_a_missing_folder_is_a_problem(tmp_path: Path) -> None:
    problem = only(validate_dirs([tmp_path / "nowhere"]), "folder not found")
    assert problem.path == tmp_path / "nowhere"


def test_a_folder_without_checklist_files_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    only(validate_dirs([tmp_path / "empty"]), "no checklist files")


def test_an_empty_user_folder_is_fine() -> None:
    paths.user_checklists_dir().mkdir(parents=True)
    assert validate_dirs([]) == []


# --- errors: files that cannot be read --------------------------------------------------------


def test_bad_toml_reports_the_line(tmp_path: Path) -> None:
    text = '[set]\nid = "test-set"\nversion = 1\n\n[[item]\nid = "test-set.one"\n'
    path = write(tmp_path / "d", "broken.toml", text)
    problem = only(problems_in(tmp_path / "d"), "invalid TOML")
    assert (problem.path, problem.line) == (path, 5)
    assert str(problem).startswith(f"{path}:5: invalid TOML:")


def test_a_file_that_is_not_utf8_reports_the_line(tmp_path: Path) -> None:
    text = checklist_text(set_fields(), [item_fields(en="Nails clean")])
    data = text.encode("utf-8").replace(b"Nails clean", b"Nails cl\xe9an")  # Latin-1 é
    path = write(tmp_path / "d", "latin1.toml", data)
    problem = only(problems_in(tmp_path / "d"), "not UTF-8")
    assert problem.path == path
    assert problem.line == text.split("\n").index('en = "Nails clean"') + 1
    assert "0xe9" in problem.message


def test_an_unreadable_file_is_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_set(tmp_path / "d")
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    problem = only(problems_in(tmp_path / "d"), "cannot read")
    assert problem.path == path and "Permission denied" in problem.message


def test_a_file_without_checklist_tables_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path / "d", "notes.toml", 'title = "my notes"\n')
    problems = problems_in(tmp_path / "d")
    only(problems, "not a checklist file")
    assert only(problems, "unknown key 'title'").line == 1


def test_item_and_set_written_with_the_wrong_brackets(tmp_path: Path) -> None:
    text = '[[set]]\nid = "test-set"\n\n[item]\nid = "test-set.one"\n'
    write(tmp_path / "d", "brackets.toml", text)
    problems = problems_in(tmp_path / "d")
    assert only(problems, "[set], not [[set]]").line == 1
    assert only(problems, "[[item]]").line == 4


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_damaged_file_never_crashes_the_loader(data: st.DataObject) -> None:
    shipped = paths.shipped_checklists_dir()
    original = (shipped / "shoes.toml").read_bytes()
    start = data.draw(st.integers(0, len(original) - 1))
    end = data.draw(st.integers(start, min(len(original), start + 40)))
    filler = data.draw(st.binary(max_size=8))
    damaged = original[:start] + filler + original[end:]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for support in ("roles.toml", "areas.toml"):
            shutil.copy(shipped / support, folder / support)
        (folder / "shoes.toml").write_bytes(damaged)
        problems = validate_dirs([folder], include_shipped=False)
        assert all(isinstance(p, Problem) and p.message for p in problems)
        if problems:
            with pytest.raises(ChecklistError):
                load_catalogue([folder], include_shipped=False)
        else:
            load_catalogue([folder], include_shipped=False)


# --- errors: keys -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "text"),
    [
        ("[set]", checklist_text(set_fields(colour="red"), [item_fields()])),
        ("[[item]]", checklist_text(set_fields(), [item_fields(colour="red")])),
        (
            "[[role]]",
            _table("[[role]]", {"id": "valet", "zh": "泊车员", "en": "Valet", "colour": "red"}),
        ),
        (
            "[[area]]",
            _table("[[area]]", {"id": "x", "zh": "甲", "en": "X", "order": 1, "colour": "red"}),
        ),
    ],
)
def test_unknown_keys_are_reported_with_their_line(tmp_path: Path, header: str, text: str) -> None:
    path = write(tmp_path / "d", "file.toml", text)
    problem = only(problems_in(tmp_path / "d"), "unknown key 'colour'")
    assert header in problem.message
    assert problem.line == line_of(path, "colour =")


def test_an_unknown_key_suggests_the_likely_one(tmp_path: Path) -> None:
    write_set(tmp_path / "d", items=[item_fields(sevrity="minor", severity=None)])
    problem = only(problems_in(tmp_path / "d"), "unknown key 'sevrity'")
    assert "did you mean 'severity'" in problem.message
    assert problem.item_id == "test-set.one"


@pytest.mark.parametrize("key", ["id", "version", "inspection_type", "area"])
def test_missing_required_set_keys(tmp_path: Path, key: str) -> None:
    path = write_set(tmp_path / "d", set_table=set_fields(**{key: None}), items=[item_fields()])
    problem = only(problems_in(tmp_path / "d"), f"missing required key '{key}'")
    assert problem.path == path and problem.line == line_of(path, "[set]")


@pytest.mark.parametrize("key", ["kind", "severity", "weight", "section"])
def test_missing_required_item_keys(tmp_path: Path, key: str) -> None:
    path = write_set(tmp_path / "d", items=[item_fields(), item_fields("two", **{key: None})])
    problem = only(problems_in(tmp_path / "d"), f"missing required key '{key}'")
    assert problem.item_id == "test-set.two"
    assert problem.line == line_of(path, 'id = "test-set.two"')


def test_an_item_without_an_id_points_at_its_header(tmp_path: Path) -> None:
    path = write_set(tmp_path / "d", items=[item_fields(), item_fields("two", id=None)])
    problem = only(problems_in(tmp_path / "d"), "missing required key 'id'")
    assert problem.item_id is None
    assert problem.line == line_of(path, "[[item]]", occurrence=2)


def test_an_item_needs_a_source_file_from_itself_or_its_set(tmp_path: Path) -> None:
    write_set(tmp_path / "d", set_table=set_fields(source_file=None))
    problems = problems_in(tmp_path / "d")
    assert [p.item_id for p in problems if "no source_file" in p.message] == [
        "test-set.one",
        "test-set.two",
    ]


# --- errors: translations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("en", None, "missing English text (en)"),
        ("zh", None, "missing Chinese text (zh)"),
        ("en", "  ", "empty English text (en)"),
        ("zh", "", "empty Chinese text (zh)"),
        ("en", 3, "English text (en) must be text"),
    ],
)
def test_item_translations(tmp_path: Path, lang: str, value: Any, expected: str) -> None:
    path = write_set(tmp_path / "d", items=[item_fields(**{lang: value})])
    problem = only(problems_in(tmp_path / "d"), expected)
    assert problem.item_id == "test-set.one"
    # The line of the key when it is there, else the line of the item's id.
    if value is None:
        expected_line = line_of(path, 'id = "test-set.one"')
    else:
        expected_line = line_of(path, f"{lang} =", occurrence=2)  # the set has zh/en first
    assert problem.line == expected_line
    assert str(problem).startswith(f"{path}:{expected_line}: item test-set.one: {expected}")


def test_set_role_and_area_translations(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    write_set(folder, set_table=set_fields(en=""))
    write(folder, "roles.toml", _table("[[role]]", {"id": "valet", "zh": "泊车员"}))
    write(folder, "areas.toml", _table("[[area]]", {"id": "badges", "en": "Badges", "order": 5}))
    problems = problems_in(folder)
    assert only(problems, "empty English text").path.name == "test-set.toml"
    assert (
        only(problems, "missing English text").message == "role 'valet': missing English text (en)"
    )
    assert (
        only(problems, "missing Chinese text").message == "area 'badges': missing Chinese text (zh)"
    )


# --- errors: duplicates -----------------------------------------------------------------------


def test_duplicate_item_id_within_a_file_names_both_lines(tmp_path: Path) -> None:
    path = write_set(
        tmp_path / "d", items=[item_fields("same"), item_fields("other"), item_fields("same")]
    )
    problem = only(problems_in(tmp_path / "d"), "duplicate item id")
    first, second = (line_of(path, 'id = "test-set.same"', n) for n in (1, 2))
    assert problem.item_id == "test-set.same"
    assert problem.line == second
    assert f"line {first}" in problem.message


def test_duplicate_item_id_across_files_names_both_files(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    first = write_set(
        folder, "a.toml", set_table=set_fields(id="a"), items=[item_fields("x", set_id="a")]
    )
    # A copy-and-paste slip: set "b" reuses an item id of set "a".
    second = write_set(
        folder, "b.toml", set_table=set_fields(id="b"), items=[item_fields("x", set_id="a")]
    )
    problems = problems_in(folder)
    duplicate = only(problems, "duplicate item id")
    assert (duplicate.path, duplicate.item_id) == (second, "a.x")
    assert duplicate.line == line_of(second, 'id = "a.x"')
    first_line = line_of(first, 'id = "a.x"')
    assert f"also defined in {first}:{first_line}" in duplicate.message
    assert only(problems, "must start with the set id").path == second


def test_an_override_may_reuse_the_item_ids_of_the_set_it_replaces(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "company", tmp_path / "company")
    assert problems_in(tmp_path / "company") == []


def test_duplicate_set_id_within_a_folder_names_both_files(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    first = write_set(folder, "first.toml")
    second = write_set(folder, "second.toml")
    problem = only(problems_in(folder), "defined twice")
    assert problem.path == second
    assert problem.line == line_of(second, 'id = "test-set"')
    first_line = line_of(first, 'id = "test-set"')
    assert f"also in {first}:{first_line}" in problem.message


def test_duplicate_role_id_within_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    role = _table("[[role]]", {"id": "valet", "zh": "泊车员", "en": "Valet"})
    path = write(folder, "roles.toml", role + "\n" + role)
    problem = only(problems_in(folder), "role 'valet' is defined twice")
    assert problem.line == line_of(path, 'id = "valet"', occurrence=2)


# --- errors: values ---------------------------------------------------------------------------


def test_unknown_role_in_exempt_roles(tmp_path: Path) -> None:
    path = write_set(tmp_path / "d", items=[item_fields(exempt_roles=["lifeguard", "diver"])])
    problem = only(problems_in(tmp_path / "d"), "unknown role 'diver'")
    assert problem.item_id == "test-set.one"
    assert problem.line == line_of(path, "exempt_roles")
    assert "lifeguard" in problem.message  # the known roles are listed


def test_exempt_roles_must_be_a_list(tmp_path: Path) -> None:
    write_set(tmp_path / "d", items=[item_fields(exempt_roles="lifeguard")])
    only(problems_in(tmp_path / "d"), "exempt_roles must be a list")


@pytest.mark.parametrize("where", ["set", "item"])
def test_unknown_applies_to(tmp_path: Path, where: str) -> None:
    if where == "set":
        path = write_set(tmp_path / "d", set_table=set_fields(applies_to="women"))
    else:
        path = write_set(tmp_path / "d", items=[item_fields(applies_to="women")])
    problem = only(problems_in(tmp_path / "d"), "unknown applies_to")
    assert '"women"' in problem.message and "female, male or everyone" in problem.message
    assert problem.line == line_of(path, 'applies_to = "women"')
    assert problem.item_id == (None if where == "set" else "test-set.one")


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("kind", "must", "required or prohibited"),
        ("severity", "huge", "minor, major or critical"),
        ("kind", 1, "required or prohibited"),
    ],
)
def test_unknown_kind_and_severity(tmp_path: Path, key: str, value: Any, expected: str) -> None:
    path = write_set(tmp_path / "d", items=[item_fields(**{key: value})])
    problem = only(problems_in(tmp_path / "d"), f"unknown {key}")
    assert expected in problem.message
    assert problem.item_id == "test-set.one"
    assert problem.line == line_of(path, f"{key} =")


def test_unknown_inspection_type(tmp_path: Path) -> None:
    path = write_set(tmp_path / "d", set_table=set_fields(inspection_type="daily"))
    problem = only(problems_in(tmp_path / "d"), "unknown inspection_type")
    assert "lineup or observation" in problem.message
    assert problem.line == line_of(path, "inspection_type")


def test_unknown_area(tmp_path: Path) -> None:
    path = write_set(tmp_path / "d", set_table=set_fields(area="feet"))
    problem = only(problems_in(tmp_path / "d"), "unknown area 'feet'")
    assert problem.path == path and problem.line == line_of(path, "area =")
    assert "grooming" in problem.message


@pytest.mark.parametrize("weight", [0, 11, -1, 2.5, "3", True])
def test_weight_must_be_a_whole_number_from_1_to_10(tmp_path: Path, weight: Any) -> None:
    path = write_set(tmp_path / "d", items=[item_fields(weight=weight)])
    problem = only(problems_in(tmp_path / "d"), "weight must be a whole number from 1 to 10")
    assert problem.item_id == "test-set.one"
    assert problem.line == line_of(path, "weight =")


@pytest.mark.parametrize("weight", [1, 10])
def test_weight_limits_are_allowed(tmp_path: Path, weight: int) -> None:
    write_set(tmp_path / "d", items=[item_fields(weight=weight)])
    assert problems_in(tmp_path / "d") == []


@pytest.mark.parametrize("version", [0, -1, "1", 1.0, False])
def test_version_must_be_a_positive_whole_number(tmp_path: Path, version: Any) -> None:
    path = write_set(tmp_path / "d", set_table=set_fields(version=version))
    problem = only(problems_in(tmp_path / "d"), "version must be a positive whole number")
    assert problem.line == line_of(path, "version =")


@pytest.mark.parametrize("item_id", ["other.one", "test-set", "test-set.", "test-setone", "one"])
def test_item_id_must_be_prefixed_by_the_set_id(tmp_path: Path, item_id: str) -> None:
    path = write_set(tmp_path / "d", items=[item_fields(id=item_id)])
    problem = only(problems_in(tmp_path / "d"), "must start with the set id: 'test-set.")
    assert problem.item_id == item_id
    occurrence = 2 if item_id == "test-set" else 1  # the set's own id line comes first
    assert problem.line == line_of(path, f'id = "{item_id}"', occurrence)


def test_ids_with_spaces_or_capitals_are_refused(tmp_path: Path) -> None:
    write_set(
        tmp_path / "d", set_table=set_fields(id="Test Set"), items=[item_fields(id="Test Set.one")]
    )
    only(problems_in(tmp_path / "d"), "may hold only lowercase letters")


def test_a_set_with_no_items(tmp_path: Path) -> None:
    path = write_set(tmp_path / "d", items=[])
    problem = only(problems_in(tmp_path / "d"), "has no items")
    assert problem.message == "set 'test-set' has no items"
    assert problem.line == line_of(path, "[set]")


def test_items_without_a_set(tmp_path: Path) -> None:
    write(tmp_path / "d", "orphans.toml", checklist_text(None, [item_fields()]))
    only(problems_in(tmp_path / "d"), "without a [set] table")


def test_every_problem_in_a_broken_file_is_reported() -> None:
    path = FIXTURES / "broken" / "hands.toml"
    problems = validate_dirs([FIXTURES / "broken"])
    found = {(p.line, p.item_id, p.message.split(" (")[0]) for p in problems if p.path == path}
    assert found == {
        (line_of(path, 'id = "hands.nails-short"'), "hands.nails-short", "missing English text"),
        (line_of(path, 'kind = "forbidden"'), "hands.nail-polish", 'unknown kind "forbidden"'),
        (
            line_of(path, "weight = 20"),
            "hands.nail-polish",
            "weight must be a whole number from 1 to 10, not 20",
        ),
        (
            line_of(path, "exempt_roles"),
            "hands.nail-polish",
            "unknown role 'diver' in exempt_roles",
        ),
    }
    syntax = only(problems, "invalid TOML")
    assert (syntax.path.name, syntax.line) == ("syntax.toml", 5)


# --- the line-up format: points, uniform parts, role uniforms ---------------------------------


def point_table(suffix: str, set_id: str = "test-set") -> dict[str, Any]:
    return {"id": f"{set_id}.{suffix}", "zh": "指甲", "en": "Nails"}


def lineup_text(points: list[dict[str, Any]], items: list[dict[str, Any]], **set_changes) -> str:
    parts = ["# a test line-up set\n", _table("[set]", set_fields(**set_changes))]
    parts += [_table("[[point]]", p) for p in points]
    parts += [_table("[[item]]", i) for i in items]
    return "\n".join(parts)


def test_points_group_the_reasons_in_point_order(tmp_path: Path) -> None:
    text = lineup_text(
        [point_table("nails"), point_table("rings")],
        [
            item_fields("rings.worn", point="test-set.rings"),
            item_fields("nails.long", point="test-set.nails"),
            item_fields("nails.dirty", point="test-set.nails", applies_when=["tie"]),
        ],
    )
    write(tmp_path / "d", "hands.toml", text)  # replaces the shipped hands set
    checklist = next(s for s in load_catalogue([tmp_path / "d"]).sets if s.id == "test-set")
    assert [p.id for p in checklist.points] == ["test-set.nails", "test-set.rings"]
    assert [r.id for r in checklist.points[0].reasons] == [
        "test-set.nails.long",
        "test-set.nails.dirty",
    ]
    # the flat items tuple is point by point, whatever the order in the file
    assert [i.id for i in checklist.items] == [
        "test-set.nails.long",
        "test-set.nails.dirty",
        "test-set.rings.worn",
    ]
    # a set with uniform-dependent reasons carries the uniforms of the roles
    assert dict(checklist.uniforms)["security"].parts_for(Sex.MALE) >= {"tie"}


def test_a_point_without_reasons(tmp_path: Path) -> None:
    text = lineup_text(
        [point_table("nails"), point_table("rings")],
        [item_fields("nails.long", point="test-set.nails")],
    )
    path = write(tmp_path / "d", "t.toml", text)
    problem = only(problems_in(tmp_path / "d"), "has no reasons")
    assert problem.line == line_of(path, 'id = "test-set.rings"')
    assert str(problem).endswith(
        "point 'test-set.rings' has no reasons: add [[item]] tables with "
        'point = "test-set.rings", or remove the point'
    )


def test_a_reason_without_a_source(tmp_path: Path) -> None:
    text = lineup_text(
        [point_table("nails")],
        [
            item_fields("nails.long", point="test-set.nails", section=None),
            item_fields("nails.dirty", point="test-set.nails"),
        ],
        source_file=None,
    )
    path = write(tmp_path / "d", "t.toml", text)
    problems = problems_in(tmp_path / "d")
    section = only(problems, "missing required key 'section'")
    assert section.item_id == "test-set.nails.long"
    assert section.line == line_of(path, 'id = "test-set.nails.long"')
    assert "no source" in section.message
    files = [p for p in problems if "no source_file" in p.message]
    assert {p.item_id for p in files} == {"test-set.nails.long", "test-set.nails.dirty"}


def test_a_role_naming_an_unknown_uniform_part(tmp_path: Path) -> None:
    roles = _table(
        "[[role]]",
        {"id": "doorman", "zh": "门童", "en": "Doorman", "uniform": ["tie", "top-hat"]},
    )
    path = write(tmp_path / "d", "roles.toml", roles)
    problem = only(problems_in(tmp_path / "d"), "unknown uniform part")
    assert problem.line == line_of(path, "uniform = ")
    assert problem.message.startswith("role 'doorman': unknown uniform part 'top-hat' (known: ")
    assert "pool-footwear" in problem.message


def test_a_new_uniform_part_and_a_role_that_wears_it(tmp_path: Path) -> None:
    write(
        tmp_path / "d",
        "roles.toml",
        _table("[[part]]", {"id": "top-hat", "zh": "礼帽", "en": "Top hat"})
        + _table(
            "[[role]]",
            {
                "id": "doorman",
                "zh": "门童",
                "en": "Doorman",
                "aliases": ["迎宾员"],
                "uniform": ["top-hat", "suit-jacket"],
                "uniform_male": ["tie"],
            },
        ),
    )
    catalogue = load_catalogue([tmp_path / "d"])
    doorman = catalogue.find_role("迎宾员")
    assert doorman is not None and doorman.id == "doorman"
    assert doorman.uniform.parts_for(Sex.MALE) == {"top-hat", "suit-jacket", "tie"}
    assert doorman.uniform.parts_for(Sex.FEMALE) == {"top-hat", "suit-jacket"}
    assert catalogue.part("top-hat").name.en == "Top hat"
    person = Employee("1", "王", Sex.MALE, "", "doorman")
    reasons = {
        r.id for view in catalogue.lineup_for(person) for p in view.points for r in p.reasons
    }
    assert "upper-body.neckwear.tie-crooked" in reasons
    assert "upper-body.top.jacket-open" in reasons


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"point": "test-set.elbows"}, "unknown point 'test-set.elbows'"),
        ({"point": None}, "no point: in a set with [[point]] tables every item names its point"),
        ({"applies_when": ["cape"]}, "unknown uniform part 'cape'"),
        ({"applies_when": "tie"}, 'applies_when must be a list of ids, e.g. ["tie"]'),
        ({"exempt_when": ["pool-footwear"]}, "an exemption needs its source"),
        ({"exempt_source": "六、鞋袜要求"}, "exempt_source without exempt_when"),
        ({"replaces": ["hands.nails.polish"]}, "replaces 'hands.nails.polish', an item still in"),
        ({"replaces": ["hands.nail-polish"]}, "'hands.nail-polish' is already replaced by"),
    ],
)
def test_reason_problems(tmp_path: Path, changes: dict[str, Any], fragment: str) -> None:
    fields = {"point": "test-set.nails", **changes}
    text = lineup_text(
        [point_table("nails")],
        [item_fields("nails.long", **fields), item_fields("nails.dirty", point="test-set.nails")],
    )
    path = write(tmp_path / "d", "t.toml", text)
    problem = only(problems_in(tmp_path / "d"), fragment)
    assert problem.path == path
    assert problem.item_id == "test-set.nails.long"
    assert problem.line is not None


def test_more_than_nine_reasons_under_a_point(tmp_path: Path) -> None:
    items = [item_fields(f"nails.r{n}", point="test-set.nails") for n in range(10)]
    path = write(tmp_path / "d", "t.toml", lineup_text([point_table("nails")], items))
    problem = only(problems_in(tmp_path / "d"), "at most 9 fit the picker's keys 1-9")
    assert problem.line == line_of(path, 'id = "test-set.nails"')
    assert "has 10 reasons" in problem.message


def test_body_area_keys(tmp_path: Path) -> None:
    areas = _table("[[area]]", {"id": "badges", "zh": "工牌", "en": "Badges", "order": 5, "key": 6})
    areas += _table("[[area]]", {"id": "capes", "zh": "披风", "en": "Capes", "order": 5})
    areas += _table("[[area]]", {"id": "hats", "zh": "帽", "en": "Hats", "order": 5, "key": 12})
    path = write(tmp_path / "d", "areas.toml", areas)
    write(tmp_path / "d", "t.toml", lineup_text([point_table("p")], [
        item_fields("p.one", point="test-set.p")], area="capes"))  # fmt: skip
    problems = problems_in(tmp_path / "d")
    assert only(problems, "key 6 is also the key of area 'hands'").line == line_of(path, "key = 6")
    assert only(problems, "key must be a digit from 1 to 9, not 12").path == path
    assert "has no key" in only(problems, "area 'capes' of a line-up set").message


def test_version_1_sets_still_load_alongside(tmp_path: Path) -> None:
    """A company folder may keep a flat (pointless) line-up set: each item is its own point."""
    write_set(tmp_path / "d", set_table=set_fields(area="hands"))
    catalogue = load_catalogue([tmp_path / "d"])
    person = Employee("1", "王", Sex.FEMALE, "", "cleaner")
    hands = next(v for v in catalogue.lineup_for(person) if v.area.id == "hands")
    flat = [p for p in hands.points if p.point.id.startswith("test-set.")]
    assert [(p.point.id, [r.id for r in p.reasons]) for p in flat] == [
        ("test-set.one", ["test-set.one"]),
        ("test-set.two", ["test-set.two"]),
    ]


# --- files no parser expects: never a traceback -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 5000 + "]" * 5000,
        "x = " + "{a = " * 3000 + "1" + "}" * 3000,
        "[set]\nid = " + "[" * 3000,
        "[" + "a." * 20000 + "b]\n",
    ],
    ids=["nested-lists", "nested-tables", "unclosed", "long-dotted-key"],
)
def test_deeply_nested_toml_gets_a_message(tmp_path: Path, text: str) -> None:
    path = write(tmp_path / "d", "deep.toml", text)
    problems = validate_dirs([tmp_path / "d"], include_shipped=False)
    assert problems and all(p.path == path or p.path == tmp_path / "d" for p in problems)
    assert all(isinstance(p, Problem) and p.message for p in problems)
    with pytest.raises(ChecklistError):
        load_catalogue([tmp_path / "d"], include_shipped=False)


FUZZ_EXAMPLES = int(
    os.environ.get(
        "CHECKLIST_FUZZ_EXAMPLES", 300 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 30
    )
)
_KEYS = sorted(
    {
        "id", "version", "inspection_type", "area", "order", "zh", "en", "applies_to",
        "source_file", "kind", "severity", "weight", "section", "exempt_roles", "point",
        "applies_when", "exempt_when", "exempt_source", "replaces", "uniform", "uniform_female",
        "uniform_male", "aliases", "key", "title",
    }
)  # fmt: skip
_WORDS = [
    "test-set", "test-set.p", "test-set.p.one", "hands", "hands.nails", "hands.nails.polish",
    "hands.nail-polish", "lineup", "observation", "minor", "critical", "female", "everyone",
    "tie", "pool-footwear", "lifeguard", "security", "", " ", "张", "\u202e", "1", "0",
]  # fmt: skip


def _toml_scalar() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(_WORDS).map(lambda w: json.dumps(w, ensure_ascii=False)),
        st.integers(-3, 12).map(str),
        st.sampled_from(["true", "false", "1.5", "1979-05-27", "'''x'''", '"""a\nb"""']),
        st.text(max_size=6).map(lambda t: json.dumps(t, ensure_ascii=False)),
    )


def _toml_value() -> st.SearchStrategy[str]:
    return st.one_of(
        _toml_scalar(),
        st.lists(_toml_scalar(), max_size=4).map(lambda v: "[" + ", ".join(v) + "]"),
        st.integers(1, 4000).map(lambda n: "[" * n + "]" * n),  # deep nesting
        st.integers(1, 2000).map(lambda n: "{a = " * n + "1" + "}" * n),
        st.binary(max_size=4).map(lambda b: b.decode("latin-1")),
    )


@st.composite
def _checklist_file(draw) -> bytes:
    chunks: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        header = draw(
            st.sampled_from(
                ["[set]", "[[point]]", "[[item]]", "[[role]]", "[[area]]", "[[part]]",
                 "[[set]]", "[item]", "[set.sub]", "[[item.reason]]", "[odd]", ""]
            )
        )  # fmt: skip
        lines = [header]
        for _ in range(draw(st.integers(0, 8))):
            key = draw(st.sampled_from(_KEYS) | st.text(min_size=1, max_size=4))
            lines.append(f"{json.dumps(key, ensure_ascii=False)} = {draw(_toml_value())}")
        chunks.append("\n".join(lines))
    text = "\n\n".join(chunks)
    if draw(st.booleans()):  # a real file, a valid start or end
        shipped = draw(st.sampled_from(sorted(paths.shipped_checklists_dir().glob("*.toml"))))
        original = shipped.read_text(encoding="utf-8")
        cut = draw(st.integers(0, len(original)))
        text = original[:cut] + text if draw(st.booleans()) else text + "\n" + original[cut:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "gbk"]))
    return text.encode(encoding, errors="replace")


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(
    files=st.lists(_checklist_file(), min_size=1, max_size=4),
    shipped=st.booleans(),
)
def test_a_generated_checklist_folder_gets_messages_never_a_traceback(
    files: list[bytes], shipped: bool
) -> None:
    """Folders of generated files (see CHECKLIST_FUZZ_EXAMPLES, HYPOTHESIS_PROFILE=fuzz: 300)."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for number, data in enumerate(files):
            (folder / f"f{number}.toml").write_bytes(data)
        problems = validate_dirs([folder], include_shipped=shipped)
        assert all(isinstance(p, Problem) and p.message and str(p) for p in problems)
        if problems:
            with pytest.raises(ChecklistError):
                load_catalogue([folder], include_shipped=shipped)
        else:
            load_catalogue([folder], include_shipped=shipped)
