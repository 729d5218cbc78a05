"""The hub in the main window: the status bar, the push after a finished line-up, Pull now."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.factories import finished_lineup

from inspector.services import hub_sync
from inspector.storage import Store


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    from inspector.gui import i18n

    i18n.set_language("en", remember=False)
    yield
    i18n.set_language("en", remember=False)


@pytest.fixture
def open_window(qtbot, catalogue):
    from helpers.gui_pages import make_context

    from inspector.gui.startup import create_main_window

    opened = []

    def open_(path: Path):
        window = create_main_window(make_context(Store(path), path, catalogue))
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield open_
    for window in opened:
        window.hub_status.wait(30_000)
        window.context.runner.wait(30_000)
        window.context.store.close()


def _site(hub, tmp_path: Path, catalogue) -> Path:
    from inspector.services.demo import fill_demo

    path = tmp_path / "alpha.db"
    with Store(path) as store:
        fill_demo(
            store,
            catalogue,
            employees=10,
            days=2,
            site="Alpha",
            today=date(2026, 11, 28),
            observations=False,
            amendments=False,
        )
        hub_sync.connect(store, hub.add_site("Alpha"))
    return path


def test_the_status_bar_shows_the_hub_and_a_finished_lineup_is_pushed(
    hub, tmp_path, catalogue, open_window, qtbot
) -> None:
    path = _site(hub, tmp_path, catalogue)
    window = open_window(path)
    label = window.hub_status.label
    with qtbot.waitSignal(window.hub_status.synced, timeout=30_000):
        pass  # the push on start
    assert label.isVisible()
    assert "Hub: connected" in label.text() and "waiting: 0" in label.text()
    assert hub.sql("SELECT count(*) FROM inspector_hub.documents")[0][0] == 2

    store = window.context.store
    lineup_id = finished_lineup(
        store,
        catalogue.sets_for(store.get_lineup(1).inspection_type),
        store.list_employees()[:2],
        day=date(2026, 11, 30),
        site="Alpha",
        department="",
        supervisor="Li",
    )
    with qtbot.waitSignal(window.hub_status.synced, timeout=30_000):
        window.context.events.lineup_changed.emit(lineup_id)
    assert hub.sql("SELECT count(*) FROM inspector_hub.documents")[0][0] == 3
    assert "waiting: 0" in label.text()


def test_a_hub_that_is_down_is_shown_in_words(tmp_path, catalogue, open_window, qtbot) -> None:
    from inspector.services.demo import fill_demo

    path = tmp_path / "alpha.db"
    with Store(path) as store:
        fill_demo(
            store,
            catalogue,
            employees=10,
            days=1,
            site="Alpha",
            observations=False,
            amendments=False,
        )
        store.set_setting("hub.url", "postgresql://alpha@127.0.0.1:1/hub")
        store.set_setting("hub.role", "site")
    window = open_window(path)
    with qtbot.waitSignal(window.hub_status.sync_failed, timeout=30_000) as failed:
        pass
    assert failed.args == ["Hub not reachable: the records wait here and go later"]
    assert window.hub_status.label.text() == failed.args[0]
    assert "cannot be reached" in window.hub_status.label.toolTip()


def test_hr_pulls_now_from_the_menu(hub, tmp_path, catalogue, open_window, qtbot) -> None:
    with Store(_site(hub, tmp_path, catalogue)) as store:
        hub_sync.push(store)
    hr = tmp_path / "hr.db"
    with Store(hr) as store:
        hub_sync.connect(store, hub.add_hr())
    window = open_window(hr)
    assert window.hub_status.pull_action.isVisible()
    assert not window.hub_status.push_action.isVisible()
    with qtbot.waitSignal(window.hub_status.synced, timeout=30_000):
        window.hub_status.pull_action.trigger()
    assert {lu.site for lu in window.context.store.list_lineups()} == {"Alpha"}
    assert "last sync" in window.hub_status.label.text()
