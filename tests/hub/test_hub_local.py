"""The local side of the hub: global ids, kept documents, an older database, demo sites."""

from __future__ import annotations

from datetime import date

from helpers.factories import finished_lineup

from inspector.cli import main
from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Result
from inspector.services import hub_sync
from inspector.storage import Store, hub_local, seal
from inspector.storage.migrations import migrations


def _finished_lineup(store: Store, catalogue) -> tuple[int, str]:
    from inspector.services.demo import generate_roster

    store.upsert_employees(generate_roster(6, site="Alpha"))
    lineup_id = finished_lineup(
        store,
        catalogue.sets_for(InspectionType.LINEUP),
        store.list_employees(),
        day=date(2026, 11, 2),
        site="Alpha",
        department="",
        supervisor="Li",
    )
    inspection = store.inspections_for(lineup_id)[0]
    item = store.applicable_items_for(inspection)[0][1].id
    return inspection.id, item


def test_every_lineup_and_seal_gets_a_global_id_and_its_sealed_content(store, catalogue) -> None:
    inspection_id, item = _finished_lineup(store, catalogue)
    store.amend_mark(inspection_id, item, Result.FAIL, reason="seen late", changed_by="Li")
    conn = store.db.conn
    [(global_id,)] = conn.execute("SELECT global_id FROM lineups").fetchall()
    assert len(global_id) == 36 and global_id[14] == "4"
    rows = [
        (digest, hub_local.sealed_content(conn, seal_id))
        for seal_id, digest in conn.execute("SELECT id, content_hash FROM seals ORDER BY id")
    ]
    assert len(rows) == 2
    assert all(seal.sha256(content) == digest for digest, content in rows)
    assert '"result":"fail"' in rows[1][1] and '"result":"fail"' not in rows[0][1]


def test_a_database_amended_before_the_hub_sends_its_first_seal_as_hashes_only(
    hub, db_path, tmp_path, catalogue
) -> None:
    with Store(db_path, migrate=False) as old:
        migrations.apply(old.db, stop_before="m005_hub")
        inspection_id, item = _finished_lineup(old, catalogue)
        old.amend_mark(inspection_id, item, Result.FAIL, reason="seen late", changed_by="Li")
    with Store(db_path) as store:  # m005_hub now
        conn = store.db.conn
        contents = [
            hub_local.sealed_content(conn, seal_id)
            for (seal_id,) in conn.execute("SELECT seal_id FROM seal_documents ORDER BY seal_id")
        ]
        assert contents[0] is None and contents[1] is not None
        hub_sync.connect(store, hub.add_site("Alpha"))
        assert hub_sync.push(store).sent == 2
    assert hub.sql("SELECT content IS NULL FROM inspector_hub.documents ORDER BY seq") == [
        (True,),
        (False,),
    ]
    with Store(tmp_path / "hr.db") as hr:
        hub_sync.connect(hr, hub.add_hr())
        assert hub_sync.pull(hr).lineups == 1
        [lineup] = hr.list_lineups()
        assert [c.reason for c in hr.change_log(lineup.id)] == ["seen late"]
        assert seal.verify(hr.db.conn).ok


def test_demo_site_numbers_are_unique_to_the_site(tmp_path, capsys) -> None:
    numbers = {}
    for site in ("翠湖花园", "Binjiang"):
        path = tmp_path / f"{site}.db"
        code = main(["demo", "--site", site, "--employees", "8", "--days", "1", "--db", str(path)])
        assert code == 0
        with Store(path) as store:
            numbers[site] = {e.employee_no for e in store.list_employees()}
            assert {e.site for e in store.list_employees()} == {site}
            assert {lu.site for lu in store.list_lineups()} == {site}
    capsys.readouterr()
    assert len(numbers["翠湖花园"]) == len(numbers["Binjiang"]) == 8
    assert not numbers["翠湖花园"] & numbers["Binjiang"]
    assert all(n.startswith("BINJIA-") for n in numbers["Binjiang"])


def test_a_copy_not_connected_says_so(db_path, capsys) -> None:
    Store(db_path).close()
    assert main(["hub", "push", "--db", str(db_path)]) == 2
    assert "not connected to a company hub" in capsys.readouterr().err
    assert main(["hub", "status", "--db", str(db_path)]) == 0
    assert "not connected" in capsys.readouterr().out


def test_sealed_documents_are_kept_compressed_and_old_plain_ones_still_read(
    store, catalogue
) -> None:
    _finished_lineup(store, catalogue)
    conn = store.db.conn
    [(seal_id, digest)] = conn.execute("SELECT id, content_hash FROM seals").fetchall()
    [(stored,)] = conn.execute("SELECT content FROM seal_documents").fetchall()
    text = hub_local.sealed_content(conn, seal_id)
    assert seal.sha256(text) == digest
    assert isinstance(stored, bytes) and len(stored) < len(text.encode("utf-8")) / 2
    # A database written before compression keeps plain text: it is read as it is.
    assert hub_local._unpacked(text) == text
    [document] = hub_local.outbox(conn, 0, 10)
    assert seal.sha256(document.content) == digest
