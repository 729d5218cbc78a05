"""GUI start-up, in order: excepthook, arguments, paths, logging, the Qt application with its
font and translators, the database (locked or broken: a clear message), the checklists, the window.

The QApplication is created before the database is opened, not after: a message box about a
locked or damaged file needs it, and with the font and translators already installed that
message is in the supervisor's language with Chinese characters that render.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# The Qt-free modules the first window needs come before PySide6: once it is loaded, its import
# hook reads the source of every module imported after it (about 50 ms of CPU at start-up).
from inspector import __version__, paths
from inspector.domain.checklist import Catalogue
from inspector.files.catalogue_cache import load_catalogue_cached
from inspector.paths import private_opener
from inspector.storage.errors import DatabaseLockedError, ReadOnlyDatabaseError, StorageError
from inspector.storage.instance_lock import DatabaseInUseError, acquire_app_lock
from inspector.storage.opening import open_database
from inspector.storage.store import writable

# isort: split
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import Shiboken

from inspector.gui import fonts, i18n
from inspector.gui.context import AppContext, AppEvents
from inspector.gui.errors import install_excepthook
from inspector.gui.main_window import MainWindow
from inspector.gui.tasks import TaskRunner

log = logging.getLogger("inspector")

EXIT_STORAGE = 2
# Set, the app triggers File → Quit once its window is shown (tests of the real process).
QUIT_AFTER_START = "INSPECTOR_QUIT_AFTER_START"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every log file it creates (the first and each after a rotation) is 0o600."""

    def _open(self):
        return open(
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=private_opener,
        )


def configure_logging(log_file: Path) -> logging.Handler:
    """A rotating log file (1 MB × 3) that an administrator can be sent (private: 0o600)."""
    handler = _PrivateRotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return handler


def application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(paths.icon_path())))
    return app


def create_main_window(context: AppContext, **kwargs) -> MainWindow:
    """The main window over an opened context (for tests, and used by the start-up)."""
    from inspector.gui.main_window import create_main_window as create

    return create(context, **kwargs)


def _message(icon: QMessageBox.Icon, text: str) -> None:
    QMessageBox(icon, "Inspector", text).exec()


def load_catalogue(
    extra_dirs: Sequence[Path] = (),
    *,
    message: Callable[[QMessageBox.Icon, str], None] = _message,
) -> Catalogue | None:
    """The checklists; if a company folder is broken, say what is wrong and go on with the
    shipped sets; if the shipped sets themselves are broken, None (nothing can be judged).
    A clean load is kept (see :mod:`inspector.files.catalogue_cache`): the next start reads
    the files again only if they changed."""
    try:
        return load_catalogue_cached(extra_dirs)
    except Exception as exc:
        # The loader is imported only here: from the cache, the files are not read at all.
        from inspector.files.checklists import ChecklistError
        from inspector.files.checklists import load_catalogue as load_checklists

        if not isinstance(exc, ChecklistError):
            raise
        log.error("%s", exc)
        problems = "\n".join(str(p) for p in exc.problems[:20])
        more = len(exc.problems) - 20
        if more > 0:
            problems += "\n" + QCoreApplication.translate(
                "Startup", "… and {n} more (see the log)."
            ).format(n=more)
        try:
            catalogue = load_checklists(include_shipped=True, include_user=False)
        except ChecklistError:
            message(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate(
                    "Startup",
                    "The checklists shipped with Inspector cannot be read:\n\n{problems}\n\n"
                    "Reinstall Inspector.",
                ).format(problems=problems),
            )
            return None
        message(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate(
                "Startup",
                "Your own checklist files have problems and are not used until they are "
                "fixed; the line-up uses the shipped checklists.\n\n{problems}",
            ).format(problems=problems),
        )
        return catalogue


@dataclass
class Opened:
    """The database in use and what holds it open."""

    context: AppContext
    window: MainWindow
    lock: object | None = None

    def close(self) -> None:
        """Close the window (unless Qt already deleted it: File → Quit closes it and the window
        deletes itself on close), finish the background task, close the database, unlock."""
        if Shiboken.isValid(self.window):
            self.window.close()
        self.context.runner.wait(30_000)
        self.context.store.close()
        if self.lock is not None:
            self.lock.close()
            self.lock = None


class Launcher:
    """Opens a database into a window; the demo button opens the demo database in its place."""

    def __init__(self, app: QApplication, args: argparse.Namespace) -> None:
        self.app = app
        self.args = args
        self.opened: Opened | None = None

    def open(self, db_path: Path) -> int:
        """Open ``db_path`` in a new window. Returns 0, or an exit status after a message."""
        db_path = Path(db_path).expanduser().resolve()
        lock = None
        read_only = False
        try:
            if db_path.is_file() and not writable(db_path):
                raise ReadOnlyDatabaseError(
                    db_path,
                    f"The database {db_path} is on a disk or in a folder that cannot be "
                    "written: nothing can be saved there.",
                )
            lock = acquire_app_lock(db_path)
            store = open_database(db_path)
        except (DatabaseInUseError, DatabaseLockedError, ReadOnlyDatabaseError) as exc:
            if lock is not None:
                lock.close()
            log.warning("%s", exc)
            if not self._ask_read_only(exc):
                return EXIT_STORAGE
            lock, read_only = None, True
            try:
                store = open_database(db_path, read_only=True)
            except StorageError as again:
                self._storage_message(again)
                return EXIT_STORAGE
        except StorageError as exc:
            if lock is not None:
                lock.close()
            self._storage_message(exc)
            return EXIT_STORAGE
        catalogue = load_catalogue(self.args.checklists or ())
        if catalogue is None:
            store.close()
            if lock is not None:
                lock.close()
            return EXIT_STORAGE
        context = AppContext(
            store=store,
            catalogue=catalogue,
            runner=TaskRunner(db_path, read_only=read_only),
            events=AppEvents(),
            db_path=db_path,
            read_only=read_only,
            checklist_dirs=tuple(Path(d) for d in self.args.checklists or ()),
        )
        window = create_main_window(context, open_demo=self.open_demo)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.admin.set_reopen(self.reopen_after)
        previous, self.opened = self.opened, Opened(context, window, lock)
        if previous is not None:
            previous.close()
        window.show()
        log.info("opened %s%s", db_path, " (read-only)" if read_only else "")
        # Once the window is on screen (the first frame waits for neither): on a real
        # database's first start, the company name; the day's backup and the photo retention,
        # off the GUI thread.
        window.company_dialog = None
        window.first_frame_shown.connect(lambda: _ask_company_name(window))
        if not read_only:
            window.first_frame_shown.connect(lambda: _start_maintenance(window))
        return 0

    def reopen_after(
        self, change: Callable[[], object]
    ) -> tuple[MainWindow | None, object, Exception | None]:
        """Let go of the database (the store, the background worker, the app lock), make
        ``change`` to the file (a restore), then open it again through :meth:`open` in a new
        window, whether or not the change succeeded. Returns the new window (None if it could
        not be opened: :meth:`open` said why), the change's result and the error it raised."""
        if self.opened is None:
            raise RuntimeError("no database is open")
        db_path = self.opened.context.db_path
        opened, self.opened = self.opened, None
        opened.context.runner.wait(30_000)
        opened.context.store.close()
        if opened.lock is not None:
            opened.lock.close()
            opened.lock = None
        result: object = None
        error: Exception | None = None
        try:
            result = change()
        except Exception as exc:  # the caller shows it; the database opens again either way
            error = exc
        # The old window closes only once the new one exists: closing the last window would
        # otherwise end the app.
        quits = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)
        try:
            code = self.open(db_path)
            opened.close()
        finally:
            self.app.setQuitOnLastWindowClosed(quits)
        if code != 0 or self.opened is None:
            QTimer.singleShot(0, self.app.quit)  # no window is left: the message said why
            return None, result, error
        return self.opened.window, result, error

    def open_demo(self) -> None:
        demo = demo_database()
        if demo is not None:
            self.open(demo)

    def close(self) -> None:
        if self.opened is not None:
            self.opened.close()
            self.opened = None

    @staticmethod
    def _ask_read_only(exc: StorageError) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "Inspector", str(exc))
        box.setInformativeText(
            QCoreApplication.translate(
                "Startup", "Open it read-only, to look without changing anything?"
            )
        )
        read_only = box.addButton(
            QCoreApplication.translate("Startup", "Open read-only"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("Startup", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(read_only)
        box.exec()
        return box.clickedButton() is read_only

    @staticmethod
    def _storage_message(exc: StorageError) -> None:
        log.error("%s", exc)
        QMessageBox.critical(
            None,
            "Inspector",
            QCoreApplication.translate(
                "Startup", "Inspector cannot open the database {path}.\n\n{problem}"
            ).format(path=exc.path, problem=exc),
        )


def _ask_company_name(window: MainWindow) -> None:
    from inspector.gui.dialogs.settings_dialog import ask_company_name

    if Shiboken.isValid(window):
        window.company_dialog = ask_company_name(window.context, window)


def _start_maintenance(window: MainWindow) -> None:
    """The day's backup and the photo retention, in the background task."""
    from inspector.storage.backup import daily_maintenance

    window.context.runner.submit(
        lambda task_store, _progress: daily_maintenance(task_store),
        on_done=lambda problems: _after_maintenance(window, problems),
    )


def _after_maintenance(window: MainWindow, problems: list[StorageError]) -> None:
    """The last backup is shown; a failed daily backup is said (the data is safe), never fatal."""
    if Shiboken.isValid(window):
        window.admin.refresh_last_backup()
    for problem in problems:
        log.warning("%s", problem)
        QMessageBox.warning(window, "Inspector", str(problem))


def demo_database() -> Path | None:
    from inspector.services.demo import ensure_demo_database

    return ensure_demo_database(paths.demo_db_path())


def start(args: argparse.Namespace, app: QApplication | None = None) -> tuple[Launcher | None, int]:
    """Everything before the event loop. Returns the launcher (with its window shown) and 0, or
    None and an exit status."""
    install_excepthook(paths.log_path())
    configure_logging(paths.log_path())
    log.info("Inspector %s starting", __version__)
    app = app or application()
    fonts.install_app_font(app)
    requested = getattr(args, "lang", None)
    i18n.set_language(i18n.initial_language(requested), remember=bool(requested))
    if getattr(args, "demo", False):
        db_path = demo_database()
        if db_path is None:
            return None, EXIT_STORAGE
    else:
        db_path = Path(args.db) if getattr(args, "db", None) else paths.default_db_path()
    launcher = Launcher(app, args)
    code = launcher.open(db_path.expanduser().resolve())
    return (launcher if code == 0 else None), code


def run_gui(args: argparse.Namespace) -> int:
    """Plain ``inspector``: start the app and run until its window closes."""
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    launcher, code = start(args)
    if launcher is None:
        return code
    if os.environ.get(QUIT_AFTER_START) == "1" and launcher.opened is not None:
        QTimer.singleShot(0, launcher.opened.window.quit_action.trigger)
    try:
        code = QApplication.instance().exec()
    finally:
        launcher.close()
    log.info("Inspector closed cleanly")
    logging.shutdown()
    return code
