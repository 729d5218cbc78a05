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
    assert rows[0]["id"] == "overall"


def test_list_honours_the_global_checklists_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--checklists", str(FIXTURES / "company"), "checklists", "list", "--json"
    )
    assert code == 0
    hands = next(row for row in json.loads(out) if row["id"] == "hands")
    assert hands["version"] == 3
    assert hands["items"] == 4
    assert hands["origin"].endswith(str(Path("company") / "hands.toml"))


def test_checklists_option_after_the_action(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "checklists", "list", "--json", "--checklists", str(FIXTURES / "company")
    )
    assert code == 0
    assert next(row for row in json.loads(out) if row["id"] == "hands")["version"] == 3
    code, out, _ = run(capsys, "checklists", "validate", "--checklists", str(FIXTURES / "broken"))
    assert code == 1
    assert "hands.nail-polish" in out


def test_list_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "list")
    assert code == 0
    lines = out.strip().split("\n")
    assert lines[0].split() == ["SET", "VER", "TYPE", "AREA", "ITEMS", "TITLE"]
    assert len(lines) == 1 + len(load_catalogue().sets)
    shoes = next(line for line in lines if line.startswith("shoes "))
    assert shoes.split()[:5] == ["shoes", "2", "lineup", "shoes", "7"]
    assert shoes.endswith("鞋子 / Shoes")


def test_list_with_broken_checklists_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--checklists", str(FIXTURES / "broken"), "checklists", "list")
    assert code == 2
    assert out == ""
    assert "problems" in err and "syntax.toml:5" in err
    assert "Traceback" not in err


# --- show -------------------------------------------------------------------------------------


def test_show_a_set_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "show", "shoes", "--lang", "en")
    assert code == 0
    assert out.startswith("shoes  v2  Shoes")
    assert "Flip-flops or slides" in out
    assert "shoes.forbidden.trainers  (prohibited, major, weight 5, not with Pool footwear)" in out
    assert (
        "shoes.shoes.not-polished  (required, minor, weight 1, only with Leather shoes, "
        "not with Pool footwear)" in out
    )
    assert "source: 001_2d8fab767d16ad65.txt · 六、鞋袜要求" in out
    assert "replaces: shoes-socks.trainers-slippers" in out
    item_lines = [line for line in out.split("\n") if re.match(r"^\s+\d+\. ", line)]
    assert len(item_lines) == 7
    assert not any(re.search(r"[\u4e00-\u9fff]", line) for line in item_lines)


def test_show_a_set_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "show", "hands", "--lang", "zh")
    assert code == 0
    assert "指甲过长（超出指尖2毫米）" in out
    assert "Nails more than" not in out


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checklists", "show", "overall", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "overall"
    assert data["origin"].endswith("overall.toml")
    first = data["items"][0]
    assert first["id"] == "overall.uniform.not-prescribed"
    assert first["severity"] == "critical"
    assert first["source"]["file"] == "001_2d8fab767d16ad65.txt"


def test_show_an_unknown_set(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "checklists", "show", "shoes-socks")
    assert code == 2
    assert out == ""
    assert "no checklist set 'shoes-socks'" in err and "shoes, " in err


# --- lineup -----------------------------------------------------------------------------------

COMMON_POINTS = [
    "overall.uniform",
    "overall.stance",
    "overall.hands-arms",
    "hair.hair",
]


def lineup(capsys: pytest.CaptureFixture[str], sex: str, role: str) -> dict:
    code, out, err = run(capsys, "checklists", "lineup", "--sex", sex, "--role", role, "--json")
    assert code == 0, err
    return json.loads(out)


def point_ids(data: dict) -> list[str]:
    return [p["id"] for area in data["areas"] for p in area["points"]]


def reason_ids(data: dict) -> set[str]:
    return {r["id"] for area in data["areas"] for p in area["points"] for r in p["reasons"]}


@pytest.mark.parametrize(
    ("sex", "role", "points"),
    [
        (
            "female",
            "receptionist",
            [
                *COMMON_POINTS, "face.make-up", "face.clean", "upper-body.neckwear",
                "upper-body.top", "upper-body.clean", "upper-body.repair",
                "accessories.accessories", "hands.nails", "lower-body.lower", "socks.socks",
                "shoes.shoes", "shoes.forbidden",
            ],
        ),
        (
            "female",
            "cleaner",
            [
                *COMMON_POINTS, "face.make-up", "face.clean", "upper-body.top",
                "upper-body.clean", "upper-body.repair", "accessories.accessories",
                "hands.nails", "lower-body.lower", "socks.socks", "shoes.shoes",
                "shoes.forbidden",
            ],
        ),
        (
            "male",
            "security",
            [
                *COMMON_POINTS, "face.shave", "face.clean", "upper-body.neckwear",
                "upper-body.top", "upper-body.clean", "upper-body.repair",
                "accessories.accessories", "hands.nails", "lower-body.lower", "socks.socks",
                "shoes.shoes", "shoes.forbidden",
            ],
        ),
        (
            "male",
            "lifeguard",
            [
                *COMMON_POINTS, "face.shave", "face.clean", "upper-body.top",
                "upper-body.clean", "upper-body.repair", "accessories.accessories",
                "hands.nails", "shoes.shoes",
            ],
        ),
    ],
)  # fmt: skip
def test_lineup_shows_the_points_the_uniform_has_and_no_others(
    capsys: pytest.CaptureFixture[str], sex: str, role: str, points: list[str]
) -> None:
    data = lineup(capsys, sex, role)
    assert point_ids(data) == points
    assert len(data["areas"]) <= 9
    keys = [area["key"] for area in data["areas"]]
    assert keys == sorted(keys) and set(keys) <= set("123456789")
    for area in data["areas"]:
        assert set(area) >= {"key", "zh", "en", "points"}
        for point in area["points"]:
            assert set(point) == {"id", "zh", "en", "reasons"}
            assert 1 <= len(point["reasons"]) <= 9
            assert [r["key"] for r in point["reasons"]] == [
                str(n) for n in range(1, len(point["reasons"]) + 1)
            ]
            for reason in point["reasons"]:
                assert set(reason) >= {"key", "id", "zh", "en", "severity"}
                assert reason["id"].startswith(point["id"] + ".")


def test_lineup_reasons_follow_sex_and_uniform(capsys: pytest.CaptureFixture[str]) -> None:
    receptionist = reason_ids(lineup(capsys, "female", "receptionist"))
    cleaner = reason_ids(lineup(capsys, "female", "cleaner"))
    security = reason_ids(lineup(capsys, "male", "security"))
    lifeguard = reason_ids(lineup(capsys, "male", "lifeguard"))
    # a female cleaner: no neck bow, no make-up expected, no stockings with a skirt
    for reason in (
        "upper-body.neckwear.neck-bow",
        "face.make-up.none",
        "socks.socks.no-stockings",
        "lower-body.lower.blouse-untucked",
    ):
        assert reason in receptionist and reason not in cleaner, reason
    assert "face.make-up.heavy" in cleaner
    # a male lifeguard in pool footwear: no sock or forbidden-footwear rules, no tie
    for reason in (
        "socks.socks.wrong-socks",
        "shoes.forbidden.trainers",
        "shoes.forbidden.open-toe",
        "shoes.shoes.not-polished",
        "upper-body.neckwear.tie-crooked",
    ):
        assert reason in security and reason not in lifeguard, reason
    assert {"shoes.shoes.dusty", "shoes.shoes.damaged"} <= lifeguard


def test_lineup_json_keys_are_the_area_digits(capsys: pytest.CaptureFixture[str]) -> None:
    data = lineup(capsys, "female", "receptionist")
    hands = next(area for area in data["areas"] if area["key"] == "6")
    assert (hands["zh"], hands["en"]) == ("手部", "Hands")
    nails = hands["points"][0]
    assert nails["id"] == "hands.nails"
    assert nails["reasons"][2] == {
        "key": "3",
        "id": "hands.nails.polish",
        "zh": "涂有色指甲油",
        "en": "Coloured nail polish",
        "severity": "minor",
        "weight": 2,
    }
    slippers = next(
        r for area in data["areas"] for p in area["points"] for r in p["reasons"]
        if r["id"] == "shoes.forbidden.slippers"
    )  # fmt: skip
    assert slippers["severity"] == "critical"


def test_lineup_text_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "checklists", "lineup", "--sex", "male", "--role", "保安员", "--lang", "zh"
    )
    assert code == 0
    lines = out.split("\n")
    assert lines[0].startswith("保安员 · 男: 9 areas, 16 points")
    assert "[6] 手部" in lines
    assert "    指甲（双手伸出）" in lines
    assert "        3  涂有色指甲油" in lines
    assert "        1  胡须未剃净" in lines
    assert "Nails" not in out


def test_lineup_with_an_unknown_role(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "checklists", "lineup", "--sex", "male", "--role", "电工")
    assert code == 2
    assert out == ""
    assert "no job role '电工'" in err and "lifeguard (泳池救生员)" in err
