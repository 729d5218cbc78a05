"""Two sites and HR exchange a month through a real PostgreSQL hub, as the users run it."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from helpers.reports_data import pdf_text

from inspector.cli import main
from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Result
from inspector.services import hub_sync
from inspector.storage import Store, hub_local, seal
from inspector.storage.hub_local import PulledLineupError
from inspector.storage.report_queries import follow_up_figures

TODAY = date(2026, 11, 28)


@pytest.fixture
def make_site(tmp_path: Path, catalogue):
    """A site database: a demo roster of its own and ``days`` line-up days of November 2026."""
    from inspector.services.demo import fill_demo

    def make(name: str, *, employees: int = 12, days: int = 3, observations: bool = False) -> Path:
        path = tmp_path / f"{name}.db"
        with Store(path) as store:
            fill_demo(
                store,
                catalogue,
                employees=employees,
                days=days,
                site=name,
                today=TODAY,
                observations=observations,
            )
        return path

    return make


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def connected_site(hub, make_site, capsys, name: str, **kwargs) -> Path:
    path = make_site(name, **kwargs)
    url = hub.add_site(name)
    code, out, err = run(capsys, "hub", "connect", url, "--db", str(path))
    assert code == 0, err
    assert f"as site {name}" in out
    return path


def connected_hr(hub, tmp_path: Path, capsys) -> Path:
    path = tmp_path / "hr.db"
    code, out, err = run(capsys, "hub", "connect", hub.add_hr(), "--db", str(path))
    assert code == 0, err
    assert "as HR" in out
    return path


def sealed_count(path: Path) -> int:
    with Store(path) as store:
        return store.db.conn.execute("SELECT count(*) FROM seals").fetchone()[0]


def sealed_lineups(path: Path) -> int:
    """Seals of line-ups (re-checks after a line-up was finished have seals of their own)."""
    with Store(path) as store:
        return store.db.conn.execute(
            "SELECT count(*) FROM seals WHERE follow_up_id IS NULL"
        ).fetchone()[0]


def hub_documents(hub) -> list[tuple]:
    return hub.sql(
        "SELECT s.name, d.seq, d.global_id FROM inspector_hub.documents d "
        "JOIN inspector_hub.sites s USING (site_id) ORDER BY s.name, d.seq"
    )


def test_floor_observations_travel_with_the_lineups(hub, make_site, tmp_path, capsys) -> None:
    """A site's sealed floor observations reach HR as observations, never as line-ups."""
    alpha = connected_site(hub, make_site, capsys, "Alpha", observations=True)
    with Store(alpha) as store:
        lineups = len(store.list_lineups())
        observed = len(store.list_lineups(inspection_type=InspectionType.OBSERVATION))
    assert observed > 0
    code, out, _ = run(capsys, "hub", "push", "--db", str(alpha))
    assert code == 0 and f"Pushed {sealed_count(alpha)} documents" in out
    hr = connected_hr(hub, tmp_path, capsys)
    assert run(capsys, "hub", "pull", "--db", str(hr))[0] == 0
    with Store(hr) as store:
        assert len(store.list_lineups()) == lineups
        assert len(store.list_lineups(inspection_type=InspectionType.OBSERVATION)) == observed
        assert seal.verify(store.db.conn).ok


def test_two_sites_push_hr_pulls_and_the_monthly_pack_covers_both(
    hub, make_site, tmp_path, capsys
) -> None:
    alpha = connected_site(hub, make_site, capsys, "Alpha")
    beta = connected_site(hub, make_site, capsys, "Beta", employees=8)
    for site in (alpha, beta):
        code, out, _ = run(capsys, "hub", "push", "--db", str(site))
        assert code == 0 and f"Pushed {sealed_count(site)} documents" in out
    assert len(hub_documents(hub)) == sealed_count(alpha) + sealed_count(beta)

    hr = connected_hr(hub, tmp_path, capsys)
    code, out, _ = run(capsys, "hub", "pull", "--db", str(hr))
    assert code == 0
    assert "Alpha" in out and "Beta" in out

    with Store(hr) as store:
        lineups = store.list_lineups()
        assert {lu.site for lu in lineups} == {"Alpha", "Beta"}
        assert len(lineups) == sealed_lineups(alpha) + sealed_lineups(beta)
        numbers = {e.employee_no for e in store.list_employees()}
        assert {n.split("-")[0] for n in numbers} == {"ALPHA", "BETA"}
        assert len(numbers) == 20
        assert seal.verify(store.db.conn).ok
        # Another site's record is read-only here.
        inspection = store.inspections_for(lineups[0].id)[0]
        with pytest.raises(PulledLineupError, match="read-only"):
            store.amend_mark(
                inspection.id, "uniform.clean", Result.FAIL, reason="x", changed_by="HR"
            )

    code, out, _ = run(capsys, "verify", "--db", str(hr))
    assert code == 0, out

    # The sites' fixes on the spot and re-checks count in HR's figures.
    figures = []
    for path in (alpha, beta, hr):
        with Store(path) as store:
            figures.append(follow_up_figures(store, date(2026, 11, 1)))
    for name in ("faults", "fixed_on_spot", "rechecked_in_time", "rechecked_late", "still_open"):
        assert getattr(figures[2], name) == getattr(figures[0], name) + getattr(figures[1], name)
    assert figures[2].rechecked_in_time > 0

    pack = tmp_path / "company.pdf"
    code, _, err = run(
        capsys, "report", "monthly", "--month", "2026-11", "--db", str(hr), "--out", str(pack)
    )
    assert code == 0, err
    lines = [line.strip() for line in pdf_text(pack).splitlines()]
    assert lines[lines.index("晨会场次") + 1] == str(len(lineups))
    assert lines[lines.index("在册员工") + 1] == "20"

    # A second push and pull add nothing.
    before = hub_documents(hub)
    for site in (alpha, beta):
        code, out, _ = run(capsys, "hub", "push", "--db", str(site))
        assert "already has every sealed record" in out
    code, out, _ = run(capsys, "hub", "pull", "--db", str(hr))
    assert "No new records" in out
    assert hub_documents(hub) == before
    with Store(hr) as store:
        assert len(store.list_lineups()) == len(lineups)


def test_an_amendment_reaches_hr(hub, make_site, tmp_path, capsys) -> None:
    alpha = connected_site(hub, make_site, capsys, "Alpha", days=1)
    run(capsys, "hub", "push", "--db", str(alpha))
    hr = connected_hr(hub, tmp_path, capsys)
    run(capsys, "hub", "pull", "--db", str(hr))
    with Store(alpha) as store:
        lineup = store.list_lineups()[0]
        inspection = store.inspections_for(lineup.id)[0]
        item = store.applicable_items_for(inspection)[0][1].id
        store.amend_mark(inspection.id, item, Result.FAIL, reason="seen late", changed_by="Li")
    code, out, _ = run(capsys, "hub", "push", "--db", str(alpha))
    assert code == 0 and "Pushed 1 document" in out
    run(capsys, "hub", "pull", "--db", str(hr))
    with Store(hr) as store:
        [change] = store.change_log()
        assert change.reason == "seen late"
        assert seal.verify(store.db.conn).ok
    assert hub.sql("SELECT kind FROM inspector_hub.documents ORDER BY seq")[-1] == ("amendment",)


def test_a_tampered_site_record_is_refused_and_everything_else_still_verifies(
    hub, make_site, tmp_path, capsys
) -> None:
    alpha = connected_site(hub, make_site, capsys, "Alpha", days=2)
    beta = connected_site(hub, make_site, capsys, "Beta", days=2)
    run(capsys, "hub", "push", "--db", str(beta))
    conn = sqlite3.connect(alpha)
    with conn:
        lineup_id, day = conn.execute("SELECT id, day FROM lineups ORDER BY id DESC").fetchone()
        conn.execute(
            "UPDATE inspections SET failed = failed + 1 WHERE lineup_id = ? AND position = 0",
            (lineup_id,),
        )
    conn.close()

    code, _, err = run(capsys, "hub", "push", "--db", str(alpha))
    assert code == 2
    assert "site Alpha" in err and day in err and "does not match its seal" in err
    assert len(err.strip().splitlines()) == 1
    pushed = {row[1] for row in hub_documents(hub) if row[0] == "Alpha"}
    # Every line-up before it, nothing of it nor after it (the demo's re-checks come last).
    assert len(pushed) == sealed_lineups(alpha) - 1
    code, out, _ = run(capsys, "hub", "status", "--db", str(alpha), "--json")
    state = json.loads(out)
    assert state["waiting"] == sealed_count(alpha) - len(pushed)

    hr = connected_hr(hub, tmp_path, capsys)
    assert run(capsys, "hub", "pull", "--db", str(hr))[0] == 0
    code, out, _ = run(capsys, "verify", "--db", str(hr))
    assert code == 0, out
    with Store(hr) as store:
        assert day not in {lu.day.isoformat() for lu in store.list_lineups() if lu.site == "Alpha"}


def test_hr_copy_detects_a_pulled_record_edited_there(hub, make_site, tmp_path, capsys) -> None:
    alpha = connected_site(hub, make_site, capsys, "Alpha", days=1)
    run(capsys, "hub", "push", "--db", str(alpha))
    hr = connected_hr(hub, tmp_path, capsys)
    run(capsys, "hub", "pull", "--db", str(hr))
    conn = sqlite3.connect(hr)
    with conn:
        conn.execute("UPDATE inspections SET fault_points = fault_points + 5 WHERE position = 1")
    conn.close()
    code, out, _ = run(capsys, "verify", "--db", str(hr))
    assert code == 1
    assert "from site Alpha" in out and "changed in this copy" in out


def test_roles_cannot_add_another_sites_documents_or_change_a_stored_one(
    hub, make_site, tmp_path, capsys
) -> None:
    import psycopg

    alpha = connected_site(hub, make_site, capsys, "Alpha", days=1)
    beta = connected_site(hub, make_site, capsys, "Beta", days=1)
    run(capsys, "hub", "push", "--db", str(alpha))
    hr_url = hub.add_hr()
    alpha_url = hub.url_for(
        hub.sql("SELECT role_name FROM inspector_hub.sites WHERE name = 'Alpha'")[0][0]
    )
    [(beta_id,)] = hub.sql("SELECT site_id::text FROM inspector_hub.sites WHERE name = 'Beta'")

    with Store(beta) as store:
        [doc] = hub_local.outbox(store.db.conn, 0, 1)
    columns = (
        "global_id, site_id, seq, kind, record_id, label, content, people, content_hash, "
        "prev_hash, chain_hash, sealed_at"
    )
    values = (
        doc.global_id, beta_id, doc.seq, doc.kind, doc.record_id, doc.label, doc.content,
        doc.people, doc.content_hash, doc.prev_hash, doc.chain_hash, doc.sealed_at,
    )  # fmt: skip
    insert = f"INSERT INTO inspector_hub.documents ({columns}) VALUES ({', '.join(['%s'] * 12)})"
    with psycopg.connect(alpha_url) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(insert, values)
        conn.rollback()
        # Alpha sees only its own documents and can change none of them.
        assert conn.execute("SELECT count(*) FROM inspector_hub.documents").fetchone()[0] == 1
        for statement in (
            "UPDATE inspector_hub.documents SET label = 'x'",
            "DELETE FROM inspector_hub.documents",
            "TRUNCATE inspector_hub.documents",
            "UPDATE inspector_hub.roster SET name = 'x'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
    run(capsys, "hub", "push", "--db", str(beta))
    with psycopg.connect(hr_url) as conn:
        assert conn.execute("SELECT count(*) FROM inspector_hub.documents").fetchone()[0] == 2
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM inspector_hub.documents")
    # Not even the hub's owner changes a stored document: the trigger refuses.
    for statement in (
        "UPDATE inspector_hub.documents SET label = 'x'",
        "DELETE FROM inspector_hub.documents",
    ):
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            hub.sql(statement)
    assert len(hub_documents(hub)) == 2


def test_a_connection_cut_in_the_middle_of_a_push_then_a_push_again_sends_each_once(
    hub, make_site, capsys
) -> None:
    alpha = connected_site(hub, make_site, capsys, "Alpha", days=5)
    total = sealed_count(alpha)
    assert total >= 5
    role = hub.sql("SELECT role_name FROM inspector_hub.sites WHERE name = 'Alpha'")[0][0]

    def cut_after_first_batch(done: int) -> None:
        hub.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
            (role,),
        )

    with Store(alpha) as store, pytest.raises(hub_sync.HubUnavailableError, match="lost"):
        hub_sync.push(store, batch_size=2, progress=cut_after_first_batch)
    assert len(hub_documents(hub)) == 2
    with Store(alpha) as store:
        assert hub_sync.status(store).waiting == total - 2
        result = hub_sync.push(store, batch_size=2)
    assert result.sent == total - 2
    seqs = [row[1] for row in hub_documents(hub)]
    assert seqs == list(range(1, total + 1))
    assert len({row[2] for row in hub_documents(hub)}) == total


def test_the_hub_down_or_a_refused_login_gives_one_line_and_leaves_the_database(
    hub, make_site, capsys
) -> None:
    alpha = connected_site(hub, make_site, capsys, "Alpha", days=1)

    def dump() -> list[str]:
        conn = sqlite3.connect(alpha)
        try:
            return list(conn.iterdump())
        finally:
            conn.close()

    with Store(alpha) as store:
        store.set_setting("hub.url", f"postgresql://nobody@127.0.0.1:1/{hub.dbname}")
    before = dump()
    code, out, err = run(capsys, "hub", "push", "--db", str(alpha))
    assert code == 2 and out == ""
    assert err.startswith("inspector: The hub nobody@127.0.0.1:1/") and "cannot be reached" in err
    assert len(err.strip().splitlines()) == 1
    assert dump() == before

    with Store(alpha) as store:
        store.set_setting("hub.url", hub.url_for("stranger"))
    before = dump()
    for action in ("pull", "push"):
        code, _, err = run(capsys, "hub", action, "--db", str(alpha))
        assert code == 2 and "refused the login" in err and "stranger" in err
        assert len(err.strip().splitlines()) == 1
    assert dump() == before


def test_the_password_is_never_stored(hub, make_site, capsys) -> None:
    alpha = make_site("Alpha", days=1)
    creds = hub_sync.add_site(hub.admin_url, "Alpha")
    url = f"postgresql://{creds.role}:{creds.password}@127.0.0.1:{hub.server.port}/{hub.dbname}"
    code, out, _ = run(capsys, "hub", "connect", url, "--db", str(alpha))
    assert code == 0 and "password in the URL was not stored" in out
    assert creds.password.encode() not in alpha.read_bytes()
    with Store(alpha) as store:
        assert creds.password not in json.dumps(store.settings())
    hub.remember(creds)
    code, out, _ = run(capsys, "hub", "push", "--db", str(alpha))
    assert code == 0 and "Pushed" in out


def test_offline_site_exports_hr_imports_twice_and_pulls(hub, make_site, tmp_path, capsys) -> None:
    offline = make_site("Gamma", days=2)
    stick = tmp_path / "gamma.json"
    code, out, _ = run(capsys, "hub", "export", str(stick), "--db", str(offline))
    assert code == 0 and f"Wrote {sealed_count(offline)} documents of site Gamma" in out

    hr = connected_hr(hub, tmp_path, capsys)
    # A file edited on the way is refused, naming the site and the line-up; nothing enters.
    data = json.loads(stick.read_text(encoding="utf-8"))
    doc = data["documents"][0]
    assert '"failed":0' in doc["content"]
    doc["content"] = doc["content"].replace('"failed":0', '"failed":1', 1)
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "hub", "import", str(edited), "--db", str(hr))
    assert code == 2 and "site Gamma" in err and doc["label"] in err
    assert hub_documents(hub) == []

    code, out, _ = run(capsys, "hub", "import", str(stick), "--db", str(hr))
    assert code == 0 and f"{sealed_count(offline)} documents added" in out
    code, out, _ = run(capsys, "hub", "import", str(stick), "--db", str(hr))
    assert code == 0 and "0 documents added" in out
    assert len(hub_documents(hub)) == sealed_count(offline)
    run(capsys, "hub", "pull", "--db", str(hr))
    with Store(hr) as store:
        assert {lu.site for lu in store.list_lineups()} == {"Gamma"}
        assert seal.verify(store.db.conn).ok

    code, _, err = run(capsys, "hub", "import", str(tmp_path / "hr.db"), "--db", str(hr))
    assert code == 2 and "not a file written by 'inspector hub export'" in err


def test_roster_published_by_hr_reaches_a_site_and_a_local_edit_is_listed(
    hub, make_site, tmp_path, capsys
) -> None:
    from dataclasses import replace

    alpha = connected_site(hub, make_site, capsys, "Alpha", days=1)
    hr = connected_hr(hub, tmp_path, capsys)
    run(capsys, "hub", "push", "--db", str(alpha))
    run(capsys, "hub", "pull", "--db", str(hr))
    with Store(hr) as store:
        first, second = store.list_employees(site="Alpha")[:2]
        store.save_employee(replace(first, name="王新名"))
        store.save_employee(replace(second, department="工程二组"))
    code, out, _ = run(capsys, "hub", "publish-roster", "--db", str(hr))
    assert code == 0 and "published" in out

    with Store(alpha) as store:  # the site edited the second one itself meanwhile
        store.save_employee(
            replace(store.employee_by_no(second.employee_no), department="保洁二组")
        )
    code, out, _ = run(capsys, "hub", "pull", "--db", str(alpha))
    assert code == 0
    assert "1 updated" in out
    assert second.employee_no in out and "'保洁二组'" in out and "'工程二组'" in out
    with Store(alpha) as store:
        assert store.employee_by_no(first.employee_no).name == "王新名"
        assert store.employee_by_no(second.employee_no).department == "保洁二组"
    run(capsys, "hub", "pull", "--db", str(alpha), "--take-master-roster")
    with Store(alpha) as store:
        assert store.employee_by_no(second.employee_no).department == "工程二组"

    code, _, err = run(capsys, "hub", "publish-roster", "--db", str(alpha))
    assert code == 2 and "HR's" in err


def test_init_is_idempotent_and_status_shows_the_site(hub, make_site, capsys) -> None:
    code, out, _ = run(capsys, "hub", "init", hub.admin_url)
    assert code == 0 and "already up to date" in out
    alpha = connected_site(hub, make_site, capsys, "Alpha", days=1)
    code, out, _ = run(capsys, "hub", "status", "--db", str(alpha), "--json")
    state = json.loads(out)
    assert state["connected"] and state["role"] == "site" and state["site_name"] == "Alpha"
    assert state["waiting"] == sealed_count(alpha) and state["last_push"] == ""
    run(capsys, "hub", "push", "--db", str(alpha))
    code, out, _ = run(capsys, "hub", "status", "--db", str(alpha))
    assert "Waiting:      0 sealed documents" in out and "Last push:    never" not in out
    [(site_id,)] = hub.sql("SELECT site_id::text FROM inspector_hub.sites WHERE name = 'Alpha'")
    assert site_id in out


def test_a_site_login_belongs_to_one_database(hub, make_site, capsys) -> None:
    url = hub.add_site("Alpha")
    first, second = make_site("Alpha", days=1), make_site("Other", days=1)
    assert run(capsys, "hub", "connect", url, "--db", str(first))[0] == 0
    code, _, err = run(capsys, "hub", "connect", url, "--db", str(second))
    assert code == 2 and "belongs to another database" in err


def test_add_site_prints_what_the_site_enters(hub, make_site, capsys) -> None:
    code, out, _ = run(capsys, "hub", "add-site", "翠湖花园", "--url", hub.admin_url)
    assert code == 0
    [role] = [r for (r,) in hub.sql("SELECT role_name FROM inspector_hub.sites")]
    assert f"login {role}" in out and "inspector hub connect" in out
    [pgpass] = [line.strip() for line in out.splitlines() if line.strip().count(":") == 4]
    password = pgpass.rsplit(":", 1)[1]
    with hub.pgpass.open("a") as file:
        file.write(f"127.0.0.1:{hub.server.port}:{hub.dbname}:{role}:{password}\n")
    site = make_site("翠湖花园", days=1)
    code, out, _ = run(capsys, "hub", "connect", hub.url_for(role), "--db", str(site))
    assert code == 0 and "as site 翠湖花园" in out
    code, _, err = run(capsys, "hub", "add-site", "翠湖花园", "--url", hub.admin_url)
    assert code == 2 and "already has a site named 翠湖花园" in err


def test_a_pull_cut_in_the_middle_then_again_takes_each_document_once(
    hub, make_site, tmp_path, capsys
) -> None:
    alpha = connected_site(hub, make_site, capsys, "Alpha", days=4)
    run(capsys, "hub", "push", "--db", str(alpha))
    hr = connected_hr(hub, tmp_path, capsys)
    login = f"{hub.dbname}_hr"

    def cut(_done: int) -> None:
        hub.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (login,)
        )

    with Store(hr) as store, pytest.raises(hub_sync.HubUnavailableError, match="lost"):
        hub_sync.pull(store, batch_size=2, progress=cut)
    with Store(hr) as store:
        assert len(store.list_lineups()) == 2
        assert hub_sync.pull(store, batch_size=2).documents == sealed_count(alpha) - 2
        assert len(store.list_lineups()) == sealed_lineups(alpha)
        assert seal.verify(store.db.conn).ok
