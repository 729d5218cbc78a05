"""``inspector checklists validate | list | show``."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from inspector import paths
from inspector.cli import main
from inspector.files.checklists import load_catalogue

FIXTURES = Path(__file__).parents[1] / "fixtures" / "checklists"
LINE_RE = re.compile(
    r"^(?P<path>[^:]+\.toml)(?::(?P<line>\d+))?: (?:item (?P<item>\S+): )?(?P<msg>.+)$"
)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "data"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- validate ---------------------------------------------------------------------------------


def test_validate_the_shipped_checklists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "checklists", "validate")
    catalogue = load_catalogue()
    items = sum(len(s.items) for s in catalogue.sets)
    assert code == 0, out + err
    assert out.startswith(f"OK: {len(catalogue.sets)} sets, {items} items")
    assert err == ""


def test_validate_a_good_company_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "validate", str(FIXTURES / "company"))
    assert code == 0
    assert out.startswith("OK: ")


def test_validate_a_broken_folder_lists_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "validate", str(FIXTURES / "broken"))
    assert code == 1
    lines = out.strip().split("\n")
    problems, summary = lines[:-1], lines[-1]
    assert summary == f"{len(problems)} problems found in the checklist files"
    assert len(problems) == 5
    parsed = [LINE_RE.match(line) for line in problems]
    assert all(parsed), problems
    hands = [m for m in parsed if m and m["path"].endswith("hands.toml")]
    assert {m["item"] for m in hands} == {"hands.nails-short", "hands.nail-polish"}
    assert all(m["line"] for m in hands)
    assert any(m["msg"] == "missing English text (en)" for m in hands)
    syntax = next(m for m in parsed if m and m["path"].endswith("syntax.toml"))
    assert syntax["line"] == "5" and syntax["msg"].startswith("invalid TOML")


def test_validate_without_shipped_checks_only_the_given_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Alone, the company override names an area and roles it does not define.
    code, out, _ = run(capsys, "checklists", "validate", "--no-shipped", str(FIXTURES / "company"))
    assert code == 1
    assert "unknown area 'hands'" in out

    folder = tmp_path / "complete"
    shutil.copytree(FIXTURES / "company", folder)
    for support in ("roles.toml", "areas.toml"):
        shutil.copy(paths.shipped_checklists_dir() / support, folder / support)
    code, out, _ = run(capsys, "checklists", "validate", "--no-shipped", str(folder))
    assert code == 0
    assert out.startswith("OK: 1 sets, 4 items")


def test_validate_without_shipped_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "checklists", "validate", "--no-shipped")
    assert code == 2
    assert "name at least one folder" in err


def test_validate_includes_the_user_folder(capsys: pytest.CaptureFixture[str]) -> None:
    user_dir = paths.user_checklists_dir()
    user_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / "broken" / "hands.toml", user_dir / "hands.toml")
    code, out, _ = run(capsys, "checklists", "validate")
    assert code == 1
    assert "hands.nail-polish" in out


def test_validate_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "validate", str(tmp_path / "nowhere"))
    assert code == 1
    assert "nowhere: folder not found" in out


# --- list -------------------------------------------------------------------------------------


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    catalogue = load_catalogue()
    assert len(rows) == len(catalogue.sets)
    for row in rows:
        assert set(row) == {"id", "version", "inspection_type", "area", "title", "items", "origin"}
        checklist = next(s for s in catalogue.sets if s.id == row["id"])
        assert row["version"] == checklist.version
        assert row["items"] == len(checklist.items)
        assert row["title"] == {"zh": checklist.title.zh, "en": checklist.title.en}
        assert Path(row["origin"]).is_file()
    types = [row["inspection_type"] for row in rows]
    assert types == sorted(types, key=["lineup", "observation"].index), "line-up sets first"
    assert rows[0]["id"] == "grooming-female"


def test_list_honours_the_global_checklists_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--checklists", str(FIXTURES / "company"), "checklists", "list", "--json"
    )
    assert code == 0
    hands = next(row for row in json.loads(out) if row["id"] == "hands")
    assert hands["version"] == 2
    assert hands["items"] == 4
    assert hands["origin"].endswith(str(Path("company") / "hands.toml"))


def test_checklists_option_after_the_action(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "checklists", "list", "--json", "--checklists", str(FIXTURES / "company")
    )
    assert code == 0
    assert next(row for row in json.loads(out) if row["id"] == "hands")["version"] == 2
    code, out, _ = run(capsys, "checklists", "validate", "--checklists", str(FIXTURES / "broken"))
    assert code == 1
    assert "hands.nail-polish" in out


def test_list_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "list")
    assert code == 0
    lines = out.strip().split("\n")
    assert lines[0].split() == ["SET", "VER", "TYPE", "AREA", "ITEMS", "TITLE"]
    assert len(lines) == 1 + len(load_catalogue().sets)
    shoes = next(line for line in lines if line.startswith("shoes-socks "))
    assert shoes.split()[:5] == ["shoes-socks", "1", "lineup", "shoes-socks", "12"]
    assert shoes.endswith("鞋袜 / Shoes and socks")


def test_list_with_broken_checklists_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--checklists", str(FIXTURES / "broken"), "checklists", "list")
    assert code == 2
    assert out == ""
    assert "problems" in err and "syntax.toml:5" in err
    assert "Traceback" not in err


# --- show -------------------------------------------------------------------------------------


def test_show_a_set_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "show", "shoes-socks", "--lang", "en")
    assert code == 0
    assert out.startswith("shoes-socks  v1  Shoes and socks")
    assert "Trainers or slippers" in out
    assert (
        "shoes-socks.trainers-slippers  (prohibited, major, weight 5, except Pool lifeguard)" in out
    )
    assert "shoes-socks.socks-men  (required, minor, weight 2, male only)" in out
    assert "source: 001_2d8fab767d16ad65.txt · 六、鞋袜要求" in out
    item_lines = [line for line in out.split("\n") if re.match(r"^\s+\d+\. ", line)]
    assert len(item_lines) == 12
    assert not any(re.search(r"[\u4e00-\u9fff]", line) for line in item_lines)


def test_show_a_set_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "show", "hands", "--lang", "zh")
    assert code == 0
    assert "指甲长度不超过指尖2毫米" in out
    assert "Nails no more than" not in out


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "show", "uniform", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "uniform"
    assert data["origin"].endswith("uniform.toml")
    first = data["items"][0]
    assert first["id"] == "uniform.prescribed-uniform"
    assert first["severity"] == "critical"
    assert first["source"]["file"] == "001_2d8fab767d16ad65.txt"


def test_show_an_unknown_set(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "checklists", "show", "socks")
    assert code == 2
    assert out == ""
    assert "no checklist set 'socks'" in err and "shoes-socks" in err
