"""``inspector demo``."""

from __future__ import annotations

from inspector import paths
from inspector.cli import main
from inspector.storage import Store


def test_demo_fills_the_given_database(db_path, capsys):
    assert main(["demo", "--employees", "20", "--days", "5", "--db", str(db_path)]) == 0

    out = capsys.readouterr().out
    assert "20 employees" in out and str(db_path) in out
    with Store(db_path) as store:
        assert store.employee_count() == 20
        assert len({lu.day for lu in store.list_lineups()}) == 5


def test_demo_without_db_fills_the_demo_database(capsys):
    assert main(["demo", "--employees", "10", "--days", "2"]) == 0
    assert "inspector --demo" in capsys.readouterr().out
    with Store(paths.demo_db_path()) as store:
        assert store.employee_count() == 10
    assert not paths.default_db_path().exists()  # the company database is left alone


def test_demo_refuses_a_database_with_employees_unless_forced(db_path, capsys):
    main(["--db", str(db_path), "demo", "--employees", "10", "--days", "1"])
    capsys.readouterr()

    assert main(["--db", str(db_path), "demo", "--employees", "10", "--days", "1"]) == 2
    err = capsys.readouterr().err
    assert "already has 10 employees" in err and "--force" in err

    assert main(["--db", str(db_path), "demo", "--employees", "10", "--days", "1", "--force"]) == 0


def test_demo_is_deterministic_with_a_seed(tmp_path):
    for name in ("a.db", "b.db"):
        main(
            [
                "demo",
                "--employees",
                "15",
                "--days",
                "0",
                "--seed",
                "42",
                "--db",
                str(tmp_path / name),
            ]
        )
    rosters = []
    for name in ("a.db", "b.db"):
        with Store(tmp_path / name) as store:
            rosters.append([(e.employee_no, e.name, e.role) for e in store.list_employees()])
    assert rosters[0] == rosters[1]


def test_demo_rejects_silly_sizes(db_path, capsys):
    assert main(["demo", "--employees", "2", "--db", str(db_path)]) == 2
    assert "--employees: '2' is out of range: give a whole number from 5 to" in (
        capsys.readouterr().err
    )
    assert main(["demo", "--days", "-1", "--db", str(db_path)]) == 2
    assert "--days: '-1' is out of range" in capsys.readouterr().err
    assert not db_path.exists()


def test_a_demo_that_would_take_long_is_refused_at_once(db_path, capsys):
    """A huge --employees used to run for hours."""
    assert main(["demo", "--employees", "20000", "--days", "500", "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "would write 10,000,000 inspections; at most 2,000,000" in err
    assert not db_path.exists()


def test_a_half_built_demo_of_a_killed_start_is_removed(tmp_path):
    """A stale half-built demo of a killed start is removed; a new one is built in its place."""
    import os

    from inspector.services.demo import ensure_demo_database

    target = tmp_path / "demo.db"
    stale = tmp_path / ".demo-99999.building.db"
    stale.write_bytes(b"half a database")
    os.utime(stale, (0, 0))
    assert ensure_demo_database(target) == target
    assert not stale.exists()
    with Store(target) as store:
        assert store.employee_count() > 0
