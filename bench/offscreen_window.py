"""What the benchmarks that drive the real window share: an offscreen application, and the main
window over a fresh database of the given people (with a private data folder, so that nothing
of the user's is read or changed).

Imported first by those scripts: it sets the platform and the data folder before Qt and the
app are loaded, and puts the checkout on the path.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["INSPECTOR_DATA_DIR"] = tempfile.mkdtemp(prefix="inspector-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from PySide6.QtWidgets import QApplication, QMainWindow

from inspector.domain.checklist import Catalogue
from inspector.domain.people import Employee
from inspector.gui import fonts, i18n
from inspector.gui.context import AppContext, AppEvents
from inspector.gui.main_window import create_main_window
from inspector.gui.tasks import TaskRunner
from inspector.storage import Store


def application() -> QApplication:
    """The application, with the app's font and the Chinese interface."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    fonts.install_app_font(app)
    i18n.set_language("zh", remember=False)
    return app


@contextmanager
def main_window(
    app: QApplication, employees: Iterable[Employee], catalogue: Catalogue, db_name: str
) -> Iterator[tuple[QMainWindow, Store]]:
    """The main window, shown and focused, over a new database ``db_name`` holding
    ``employees`` (supervisor "Bench"); closed, with its tasks finished, on leaving."""
    db_path = Path(tempfile.mkdtemp(prefix="inspector-bench-db-")) / db_name
    store = Store(db_path)
    store.upsert_employees(list(employees))
    store.set_setting("supervisor", "Bench")
    context = AppContext(
        store=store,
        catalogue=catalogue,
        runner=TaskRunner(db_path),
        events=AppEvents(),
        db_path=db_path,
    )
    window = create_main_window(context)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    while QApplication.focusWidget() is None:
        app.processEvents()
    try:
        yield window, store
    finally:
        window.close()
        context.runner.wait(5000)
        store.close()
