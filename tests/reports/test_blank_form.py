"""`inspector report blank-form`: the paper line-up form prints what the screen shows."""

from __future__ import annotations

import json
import re

from pypdf import PdfReader

from inspector.cli import main


def pdf_text(path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", "", text)  # lines wrap anywhere in a table cell


def lineup_json(capsys, role: str, sex: str) -> dict:
    capsys.readouterr()
    assert main(["checklists", "lineup", "--role", role, "--sex", sex, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_form_has_every_area_point_and_reason_of_the_screen(tmp_path, capsys):
    out = tmp_path / "form.pdf"
    assert (
        main(
            [
                "report",
                "blank-form",
                "--role",
                "receptionist",
                "--sex",
                "female",
                "--lang",
                "en",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert str(out) in capsys.readouterr().out
    text = pdf_text(out)
    shown = lineup_json(capsys, "receptionist", "female")
    for area in shown["areas"]:
        assert squeeze(f"{area['key']}{area['en']}") in text
        for point in area["points"]:
            assert squeeze(point["en"]) in text
            for reason in point["reasons"]:
                assert squeeze(f"□{reason['key']}{reason['en']}") in text
    for line in ("Name", "No.", "Date", "Shift", "Supervisor", "Supervisor'ssignature"):
        assert line in text


def test_a_lifeguard_form_in_chinese_leaves_out_the_trainers_rule(tmp_path, capsys):
    out = tmp_path / "lifeguard.pdf"
    assert (
        main(["report", "blank-form", "--role", "lifeguard", "--sex", "male", "--out", str(out)])
        == 0
    )
    text = pdf_text(out)
    assert "姓名" in text and "检查人签名" in text
    assert "穿运动鞋" not in text and "运动鞋" not in text


def test_an_unknown_role_is_named(tmp_path, capsys):
    assert (
        main(
            [
                "report",
                "blank-form",
                "--role",
                "astronaut",
                "--sex",
                "male",
                "--out",
                str(tmp_path / "x.pdf"),
            ]
        )
        != 0
    )
    err = capsys.readouterr().err
    assert "astronaut" in err and "receptionist" in err
    assert not (tmp_path / "x.pdf").exists()
