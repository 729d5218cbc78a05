"""Bad arguments get one line naming the argument and what is allowed, and exit status 2.

Also: a closed pipe ends a command quietly, ``--demo`` works after the command, and a fuzz run
of generated argument sets over every subcommand never ends in a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.fuzzing import fuzz_settings
from hypothesis import event, given
from hypothesis import strategies as st

from inspector import paths
from inspector.cli import main

LONG_NAME = "名" * 30 + "x" * 270  # 300 characters, 360 bytes


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo company (5 people, 4 working days), built once; copy it to change it."""
    path = tmp_path_factory.mktemp("demo") / "company.db"
    env_data = tmp_path_factory.mktemp("data")
    old = os.environ.get("INSPECTOR_DATA_DIR")
    os.environ["INSPECTOR_DATA_DIR"] = str(env_data)
    try:
        assert main(["demo", "--employees", "5", "--days", "4", "--db", str(path)]) == 0
    finally:
        if old is None:
            del os.environ["INSPECTOR_DATA_DIR"]
        else:
            os.environ["INSPECTOR_DATA_DIR"] = old
    return path


@pytest.fixture
def company(demo_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "company.db"
    shutil.copy(demo_db, path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "error:" in line or line.startswith("inspector:")]


@pytest.mark.parametrize(
    ("argv", "argument", "allowed"),
    [
        (["report", "monthly", "--month", "9999-12"], "--month", "from 1970-01 to 2100-12"),
        (["export", "monthly", "--month", "2025-13"], "--month", "YYYY-MM"),
        (["lineup", "list", "--limit", "9" * 30], "--limit", "from 1 to 1,000,000"),
        (["lineup", "list", "--limit", "0"], "--limit", "from 1 to 1,000,000"),
        (["lineup", "show", "9" * 25], "ID", "from 1 to"),
        (["report", "lineup", "--date", "9999-12-31"], "--date", "to 2100-12-31"),
        (
            ["report", "employee", "CH1", "--from", "2025-01-01", "--to", "9999-12-31"],
            "--to",
            "to 2100-12-31",
        ),
        (["photos", "purge", "--older-than", "9" * 20], "--older-than", "from 0 to 36,500"),
        (["photos", "purge", "--older-than", "-3"], "--older-than", "from 0 to 36,500"),
        (["demo", "--days", "99999999"], "--days", "from 0 to 1,000"),
        (["demo", "--employees", "100000000"], "--employees", "from 5 to 20,000"),
        (["demo", "--employees", "20000", "--days", "1000"], "--employees", "at most 2,000,000"),
        (["report", "lineup", "1", "--out", "/proc/sheet.pdf"], "--out", "cannot write in /proc"),
        (["report", "lineup", "1", "--out", "/sys/sheet.pdf"], "--out", "cannot write in /sys"),
        (["export", "monthly", "--month", "2025-01", "--out", "/proc"], "--out", "is a folder"),
        (["backup", "--out", "/proc/x.db"], "--out", "cannot write in /proc"),
        (["roster", "export", f"{LONG_NAME}.csv"], "FILE", "at most 255 bytes"),
        (["roster", "import", f"{LONG_NAME}.csv"], "FILE", "at most 255 bytes"),
        (["report", "monthly", "--month", "2025-01", "--out", f"{LONG_NAME}.pdf"], "--out", "255"),
        (["lineup", "list", "--db", f"{LONG_NAME}.db"], "--db", "at most 255 bytes"),
        (["lineup", "show", "--date", "2025-01-01", "--shift", "x" * 500], "--shift", "200"),
    ],
)
def test_a_bad_argument_gets_one_line(
    capsys, company, tmp_path, monkeypatch, argv, argument, allowed
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *argv, "--db", str(company))
    assert code == 2, err
    assert "Traceback" not in err
    (line,) = error_lines(err)
    assert argument in line and allowed in line, line


def test_nothing_is_written_for_a_refused_argument(capsys, company, tmp_path) -> None:
    before = sorted(os.listdir(tmp_path))
    assert run(capsys, "demo", "--employees", "20000", "--days", "1000", "--db", str(company))[0]
    assert sorted(os.listdir(tmp_path)) == before


def test_an_empty_database_file_is_named(capsys, tmp_path) -> None:
    """D4: a 0-byte file was "no such table: lineups" with a traceback."""
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    for argv in (["lineup", "list"], ["roster", "list"], ["verify"]):
        code, _, err = run(capsys, *argv, "--db", str(path))
        assert code == 2 and "Traceback" not in err
        (line,) = error_lines(err)
        assert str(path) in line and "empty file (0 bytes)" in line
    assert path.read_bytes() == b""


def test_a_folder_as_the_database_is_called_a_folder(capsys, tmp_path) -> None:
    """D10: it was reported as "the disk is full"."""
    for argv in (["lineup", "list"], ["roster", "list"], ["demo"], ["verify"]):
        code, _, err = run(capsys, *argv, "--db", str(tmp_path))
        assert code == 2, argv
        (line,) = error_lines(err)
        assert "is a folder" in line and "full" not in line


# -- --demo -----------------------------------------------------------------------------------


def test_demo_after_the_command_means_the_demo_database(capsys) -> None:
    assert run(capsys, "demo", "--employees", "5", "--days", "2")[0] == 0
    code, out, _ = run(capsys, "roster", "list", "--demo")
    assert code == 0 and "5 employees" in out
    code, out, _ = run(capsys, "--demo", "lineup", "list", "--json")
    assert code == 0 and '"finished": true' in out
    code, out, _ = run(capsys, "verify", "--demo")
    assert code == 0 and "every record matches its seal" in out
    assert not paths.default_db_path().exists()


def test_demo_and_db_together_are_refused(capsys, company) -> None:
    code, _, err = run(capsys, "roster", "list", "--demo", "--db", str(company))
    assert code == 2 and "--db and --demo" in err


# -- closed pipe ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_company(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough employees and line-ups that each listing below is more than a pipe holds (64 KB),
    so the command is still writing when the reader goes."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    argv = ["demo", "--employees", "1200", "--days", "20", "--db", str(path)]
    result = subprocess.run(
        [sys.executable, "-m", "inspector", *argv],
        capture_output=True,
        env={**os.environ, "INSPECTOR_DATA_DIR": str(path.parent / "data")},
    )
    assert result.returncode == 0, result.stderr
    return path


@pytest.mark.parametrize(
    "argv", [["roster", "list"], ["roster", "list", "--json"], ["lineup", "list", "--json"]]
)
def test_a_closed_pipe_ends_the_command_quietly(big_company: Path, argv) -> None:
    """``inspector roster list | head -1``: no BrokenPipeError traceback, status 0."""
    process = subprocess.Popen(
        [sys.executable, "-m", "inspector", "--db", str(big_company), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "INSPECTOR_DATA_DIR": str(big_company.parent / "data")},
    )
    assert process.stdout.readline()
    process.stdout.close()  # what head does after its line
    err = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait() == 0, err
    assert err == ""


# -- fuzz -------------------------------------------------------------------------------------

odd_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["", "-1", "0", "1", "9" * 40, "2025-01", "9999-12", "0000-00", "2025-02-30",
         "2025-05-06", "早班", "滨江国际", "'; DROP TABLE lineups; --", "=1+2", "\x00",
         "\udcff", "../elsewhere/passwd", "/proc/x", "/sys/x.pdf", LONG_NAME, "1e9", "0x10",
         "nan", " ", "--db", "-h"]
    ),
)  # fmt: skip
TODAY = date.today()


def mostly(valid: st.SearchStrategy[str], odd: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Valid three times in four, so that the commands also get past their arguments."""
    return st.one_of(valid, valid, valid, odd)


numbers = mostly(
    st.integers(1, 30).map(str),
    st.one_of(st.integers(-(10**20), 10**20).map(str), odd_text),
)
# The demo's sizes stay small or absurd: a valid 20,000-employee demo takes a minute.
sizes = mostly(
    st.integers(5, 12).map(str),
    st.one_of(st.integers(-5, 4), st.integers(10**6, 10**20)).map(str) | odd_text,
)
days = mostly(
    st.integers(0, 12).map(lambda n: str(TODAY - timedelta(days=n))),
    st.one_of(st.dates().map(str), odd_text),
)
months = mostly(
    st.sampled_from([f"{TODAY:%Y-%m}", f"{TODAY - timedelta(days=28):%Y-%m}"]),
    st.one_of(st.dates().map(lambda d: f"{d:%Y-%m}"), odd_text),
)
employee_numbers = mostly(st.sampled_from(["CH10001", "CH10002", "CH10005"]), odd_text)


def _option(flag: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    given = values.map(lambda v: [flag, v])
    return st.one_of(st.just([]), given, given)


def _flag(flag: str) -> st.SearchStrategy[list[str]]:
    return st.sampled_from([[], [flag]])


def _command(*parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*parts).map(lambda lists: [a for part in lists for a in part])


def _fixed(*words: str) -> st.SearchStrategy[list[str]]:
    return st.just(list(words))


def _out(kind: str) -> st.SearchStrategy[list[str]]:
    return _option("--out", st.one_of(odd_text, st.sampled_from([f"OUT/x.{kind}", "OUT"])))


def _positional(values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), values.map(lambda v: [_not_an_option(v)]))


def _not_an_option(value: str) -> str:
    """A positional value argparse will not take for an option."""
    return f"x{value}" if value.startswith("-") else value


COMMANDS = st.one_of(
    _command(_fixed("checklists", "validate"), _positional(odd_text), _flag("--no-shipped")),
    _command(_fixed("checklists", "list"), _flag("--json")),
    _command(
        _fixed("checklists", "show"),
        st.one_of(odd_text, st.just("grooming-female")).map(lambda v: [_not_an_option(v)]),
        _option("--lang", st.sampled_from(["zh", "en", "fr"])),
        _flag("--json"),
    ),
    _command(_fixed("roster", "list"), _flag("--json"), _flag("--active")),
    _command(
        _fixed("roster", "import"),
        st.one_of(odd_text, st.just("ROSTER")).map(lambda v: [_not_an_option(v)]),
        _flag("--good-rows-only"),
        _flag("--dry-run"),
    ),
    _command(
        _fixed("roster", "export"),
        st.one_of(odd_text, st.just("OUT/r.csv")).map(lambda v: ["--", v]),
    ),
    _command(
        _fixed("demo"),
        _option("--employees", sizes),
        _option("--days", sizes),
        _option("--seed", numbers),
        _flag("--force"),
    ),
    _command(_fixed("lineup", "list"), _option("--limit", numbers), _flag("--json")),
    _command(
        _fixed("lineup", "show"),
        _positional(numbers),
        _option("--date", days),
        _option("--shift", odd_text),
        _flag("--json"),
    ),
    _command(
        _fixed("report", "lineup"),
        _positional(numbers),
        _option("--date", days),
        _option("--shift", odd_text),
        _option("--lang", st.sampled_from(["zh", "en", "both", "de"])),
        _out("pdf"),
    ),
    _command(
        _fixed("report", "employee"),
        employee_numbers.map(lambda v: [_not_an_option(v)]),
        _option("--from", days),
        _option("--to", days),
        _out("pdf"),
    ),
    _command(
        _fixed("report", "monthly"),
        _option("--month", months),
        _option("--department", odd_text),
        _out("pdf"),
    ),
    _command(
        _fixed("export", "monthly"),
        _option("--month", months),
        _option("--format", st.sampled_from(["csv", "xlsx", "pdf"])),
        _option("--department", odd_text),
        _out("xlsx"),
    ),
    _command(_fixed("backup"), _out("db")),
    _command(
        _fixed("restore"), st.one_of(odd_text, st.just("COPY")).map(lambda v: [_not_an_option(v)])
    ),
    _command(_fixed("verify")),
    _command(_fixed("photos", "purge"), _option("--older-than", numbers)),
)

DATABASES = st.sampled_from(["company"] * 6 + ["missing", "empty", "folder"])


def _place(argv: list[str], folder: Path, files: dict[str, str]) -> list[str]:
    return [files.get(a, a.replace("OUT", str(folder / "out"), 1)) for a in argv]


@fuzz_settings()
@given(argv=COMMANDS, database=DATABASES, before=st.booleans())
def test_generated_arguments_never_end_in_a_traceback(
    demo_db: Path, tmp_path_factory: pytest.TempPathFactory, argv, database, before
) -> None:
    """Real ``main`` calls on a copy of a demo database: exit 0, 1 or 2, never a traceback."""
    import contextlib
    import io

    folder = tmp_path_factory.mktemp("fuzz")
    company = folder / "company.db"
    shutil.copy(demo_db, company)
    roster = folder / "roster.csv"
    roster.write_bytes("工号,姓名,性别,部门,岗位\r\nX1,张三,男,厨房,保安\r\n".encode())
    (folder / "empty.db").write_bytes(b"")
    (folder / "folder.db").mkdir()
    db = {"company": company, "missing": folder / "missing.db"}.get(database)
    db = db or folder / f"{database}.db"
    files = {"ROSTER": str(roster), "COPY": str(demo_db)}
    argv = _place(argv, folder, files)
    argv = ["--db", str(db), *argv] if before else [*argv, "--db", str(db)]
    out, err = io.StringIO(), io.StringIO()
    os.environ["INSPECTOR_DATA_DIR"] = str(folder / "data")
    # In a folder of its own: reports without --out, and relative --out values, land there.
    with contextlib.chdir(folder), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    event(f"{argv[2] if before else argv[0]} exit {code}")
    assert code in (0, 1, 2), (argv, code, err.getvalue())
    assert "Traceback" not in err.getvalue()
    if code == 2:
        assert error_lines(err.getvalue()), (argv, err.getvalue())


def test_a_device_is_not_an_output_file(capsys, company) -> None:
    code, _, err = run(capsys, "export", "monthly", "--month", "2025-01", "--out", "/dev/null")
    assert code == 2 and "is not a regular file" in err


def test_a_pipe_as_a_roster_is_refused_without_waiting(capsys, company, tmp_path) -> None:
    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "roster", "import", str(fifo), "--db", str(company))
    assert code == 2 and "not a regular file" in err


def test_a_full_disk_while_writing_is_one_line(capsys, company, tmp_path, monkeypatch) -> None:
    import errno

    from inspector.services import figures

    def full(path, write):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(figures, "write_atomically", full)
    out = tmp_path / "figures.csv"
    month = f"{date.today() - timedelta(days=1):%Y-%m}"
    code, _, err = run(
        capsys, "export", "monthly", "--month", month, "--out", str(out), "--db", str(company)
    )
    assert code == 2, err
    assert err == f"inspector: {out}: No space left on device\n"
