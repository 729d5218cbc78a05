"""Administration inside the app: back up, restore, verify the seals, the data folder, About.

:class:`AdminMenu` builds the File menu's administration actions and owns their dialogs. The
work is done by :mod:`inspector.services.maintenance`, the same use cases as ``inspector backup |
restore | verify``; long work runs on the background worker with a progress dialog.

A restore replaces the database file, so the window lets go of it first: with the start-up's
``reopen_after`` (see :meth:`AdminMenu.set_reopen`) the database is closed, restored and opened
again through the same start-up path in a new window; without it (a window made by hand) the
window closes after the restore and asks the user to start Inspector again.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from inspector import paths
from inspector.gui.context import AppContext
from inspector.gui.errors import show_error, user_message

log = logging.getLogger(__name__)

# (change) -> (the new window or None, the change's result, the error it raised or None)
Reopen = Callable[[Callable[[], Any]], tuple[QWidget | None, Any, Exception | None]]

LAST_BACKUP_REFRESH_MS = 60_000
_DETACHED: set[QMessageBox] = set()  # messages shown after their window closed


# -- words about files ----------------------------------------------------------------------


def newest_backup(db_path: Path) -> Path | None:
    """The newest backup of a database in its backups folder (daily, manual or before an
    upgrade), by the time it was written; None when there is none."""
    folder = paths.backups_dir(db_path)
    try:
        found = [p for p in folder.iterdir() if p.suffix == ".db" and not p.name.startswith(".")]
    except OSError:
        return None
    dated = []
    for path in found:
        try:
            dated.append((path.stat().st_mtime, path))
        except OSError:
            continue
    return max(dated)[1] if dated else None


def file_size(n_bytes: int) -> str:
    """A size as people read it: 820 KB, 12.4 MB."""
    if n_bytes < 1024 * 1024:
        return f"{max(1, round(n_bytes / 1024))} KB"
    if n_bytes < 1024**3:
        return f"{n_bytes / 1024 / 1024:.1f} MB"
    return f"{n_bytes / 1024**3:.2f} GB"


def file_time(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime)


class AdminMenu(QObject):
    """The administration actions of the File menu, their dialogs and the last-backup label."""

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self._reopen: Reopen | None = None
        self._progress: QProgressDialog | None = None
        self.verify_dialog = None
        self.file_dialog: QFileDialog | None = None

        self.backup_action = self._action("backup_action", self.back_up_now)
        self.restore_action = self._action("restore_action", self.choose_backup)
        self.restore_action.setEnabled(not context.read_only)
        self.verify_action = self._action("verify_action", self.show_verify)
        self.folder_action = self._action("data_folder_action", self.open_data_folder)
        self.actions = (
            self.backup_action,
            self.restore_action,
            self.verify_action,
            self.folder_action,
        )

        self.last_backup_label = QLabel()
        self.last_backup_label.setObjectName("last_backup_label")
        self.last_backup_label.setStyleSheet("padding:0 8px;")
        window.statusBar().insertPermanentWidget(0, self.last_backup_label)
        self._timer = QTimer(self)  # "today" becomes "yesterday" at midnight
        self._timer.setInterval(LAST_BACKUP_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_last_backup)
        self._timer.start()
        context.events.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def _action(self, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def install(self, menu: QMenu, before: QAction | None = None) -> None:
        """Put the actions into ``menu`` (before ``before``), set apart by a separator."""
        menu.setToolTipsVisible(True)  # the reason a disabled Restore gives
        menu.insertActions(before, list(self.actions))
        menu.insertSeparator(self.actions[0])

    def set_reopen(self, reopen: Reopen) -> None:
        """How the app closes the database, changes it and opens it again (the start-up's)."""
        self._reopen = reopen

    @property
    def db_path(self) -> Path:
        return self.context.db_path

    # -- words --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.backup_action.setText(self.tr("&Back up now"))
        self.backup_action.setStatusTip(
            self.tr("Write a checked copy of the database into its backups folder")
        )
        self.restore_action.setText(self.tr("&Restore a backup…"))
        if self.context.read_only:
            self.restore_action.setToolTip(
                self.tr(
                    "Not available: this window has the database open read-only (another copy "
                    "of Inspector has it open, or it cannot be written). Close the other copy "
                    "and start Inspector again to restore a backup."
                )
            )
        else:
            self.restore_action.setToolTip(
                self.tr("Put a backup in place of the database; the current one is kept")
            )
        self.verify_action.setText(self.tr("&Verify records…"))
        self.verify_action.setStatusTip(
            self.tr("Check that no finished line-up was changed since it was sealed")
        )
        self.folder_action.setText(self.tr("Open data &folder"))
        self.refresh_last_backup()

    def when(self, moment: datetime) -> str:
        """ "today 07:58", "yesterday 18:02" or "2026-11-28 07:58"."""
        clock = moment.strftime("%H:%M")
        day = moment.date()
        if day == date.today():
            return self.tr("today {time}").format(time=clock)
        if day == date.today() - timedelta(days=1):
            return self.tr("yesterday {time}").format(time=clock)
        return f"{day.isoformat()} {clock}"

    def last_backup_text(self) -> str:
        newest = newest_backup(self.db_path)
        if newest is None:
            return self.tr("none yet")
        try:
            return self.when(file_time(newest))
        except OSError:
            return self.tr("none yet")

    def refresh_last_backup(self) -> None:
        newest = newest_backup(self.db_path)
        self.last_backup_label.setText(
            self.tr("Last backup: {when}").format(when=self.last_backup_text())
        )
        self.last_backup_label.setToolTip(str(newest) if newest else "")

    # -- shared pieces ------------------------------------------------------------------------

    def _parent(self) -> QWidget:
        return self.window

    def _start_progress(self, text: str) -> None:
        """A busy indicator with words while the worker runs (the window stays responsive)."""
        self._end_progress()
        progress = QProgressDialog(text, "", 0, 0, self._parent())
        progress.setObjectName("admin_progress")
        progress.setWindowTitle("Inspector")
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.show()
        self._progress = progress

    def _end_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _message(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        *,
        folder: Path | None = None,
        parent: QWidget | None = None,
        detached: bool = False,
    ) -> QMessageBox:
        """A window-modal message (open(), not exec(): the event loop keeps running); with
        ``folder``, a button that opens it. ``detached``: a window of its own (this window is
        closing)."""
        box = QMessageBox(icon, title, text, parent=None if detached else parent or self._parent())
        box.setObjectName("admin_message")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if folder is not None:
            button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
            button.setObjectName("open_folder_button")
            button.clicked.connect(lambda: self._open_folder(folder, parent=box))
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if detached:  # no parent keeps it alive: this module does until it is answered
            _DETACHED.add(box)
            box.finished.connect(lambda _result: _DETACHED.discard(box))
            box.setWindowModality(Qt.WindowModality.ApplicationModal)
            box.show()
        else:
            box.open()
        return box

    def _failed(
        self,
        exc: Exception,
        parent: QWidget | None = None,
        title: str | None = None,
        detached: bool = False,
    ) -> None:
        """An error the user can act on in words (window-modal); a bug goes to the crash path."""
        self._end_progress()
        message = user_message(exc)
        if message is None:
            show_error(None if detached else parent or self._parent(), exc)
            return
        log.warning("%s", message)
        self._message(
            QMessageBox.Icon.Warning,
            title or "Inspector",
            message,
            parent=parent,
            detached=detached,
        )

    def _open_folder(self, folder: Path, parent: QWidget | None = None) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(
                parent or self._parent(),
                "Inspector",
                self.tr("The folder cannot be opened here. It is:\n{folder}").format(folder=folder),
            )

    # -- back up ------------------------------------------------------------------------------

    def _backup_destination(self) -> Path | None:
        """None: a new file in the backups folder. On a medium that cannot be written (the
        database opened read-only), the user chooses where the copy goes."""
        folder = paths.backups_dir(self.db_path)
        existing = folder if folder.is_dir() else folder.parent
        if os.access(existing, os.W_OK):
            return None
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent(),
            self.tr("The backups folder cannot be written: where should the copy go?"),
            str(Path.home() / f"{self.db_path.stem}-backup.db"),
            self.tr("Inspector backups (*.db)"),
        )
        return Path(chosen) if chosen else Path()

    def back_up_now(self) -> None:
        from inspector.services import maintenance

        dest = self._backup_destination()
        if dest == Path():
            return  # the user closed the file dialog
        db_path = self.db_path
        self._start_progress(self.tr("Backing up {name}…").format(name=db_path.name))
        self.backup_action.setEnabled(False)

        def done(result: maintenance.BackupResult) -> None:
            self._end_progress()
            self.backup_action.setEnabled(True)
            self.refresh_last_backup()
            size = file_size(result.dest.stat().st_size)
            log.info("backed up %s to %s", result.source, result.dest)
            self._message(
                QMessageBox.Icon.Information,
                self.tr("Backed up"),
                self.tr(
                    "The backup is saved and passed its integrity check:\n\n{file}\n\n"
                    "Size: {size}. Folder: {folder}"
                ).format(file=result.dest.name, size=size, folder=result.dest.parent),
                folder=result.dest.parent,
            )

        def failed(exc: Exception) -> None:
            self.backup_action.setEnabled(True)
            self._failed(exc)

        self.context.runner.submit(
            lambda _store, _progress: maintenance.backup_now(db_path, dest),
            on_done=done,
            on_error=failed,
        )

    # -- restore ------------------------------------------------------------------------------

    def choose_backup(self) -> None:
        """Pick the backup in a file dialog that starts in the backups folder."""
        if self.context.read_only:
            return
        folder = paths.backups_dir(self.db_path)
        dialog = QFileDialog(
            self._parent(),
            self.tr("Restore a backup"),
            str(folder if folder.is_dir() else self.db_path.parent),
            self.tr("Inspector backups (*.db);;All files (*)"),
        )
        dialog.setObjectName("restore_file_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the same on every desktop
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.check_backup(Path(name)))
        self.file_dialog = dialog
        dialog.open()

    def _other_copy_refuses(self) -> bool:
        """Without the start-up's reopen the window holds no lock of its own: a lock held now
        is another copy's, and the restore is refused before anything is closed."""
        if self._reopen is not None:
            return False  # the start-up holds the lock for this window: no other copy can
        from inspector.storage.instance_lock import DatabaseInUseError, acquire_app_lock

        try:
            acquire_app_lock(self.db_path).close()
        except DatabaseInUseError as exc:
            self._refuse_in_use(exc)
            return True
        return False

    def _refuse_in_use(
        self, exc: Exception, parent: QWidget | None = None, detached: bool = False
    ) -> None:
        holder = getattr(exc, "holder", {}) or {}
        who = self.tr("process {pid}").format(pid=holder.get("pid", "?"))
        if holder.get("user"):
            who += self.tr(", user {user}").format(user=holder["user"])
        if holder.get("host"):
            who += self.tr(", on {host}").format(host=holder["host"])
        self._message(
            QMessageBox.Icon.Warning,
            self.tr("Restore refused"),
            self.tr(
                "Another copy of Inspector has the database {db} open ({who}).\n\n"
                "Nothing was changed. Close the other copy first, then restore again."
            ).format(db=self.db_path, who=who),
            parent=parent,
            detached=detached,
        )

    def check_backup(self, backup: Path) -> None:
        """Check the chosen file in the background, then ask for confirmation."""
        from inspector.storage.backup import check_backup_file

        if self._other_copy_refuses():
            return
        self._start_progress(self.tr("Checking the backup {name}…").format(name=backup.name))
        self.context.runner.submit(
            lambda _store, _progress: check_backup_file(backup),
            on_done=lambda _none: self._confirm_restore(backup),
            on_error=self._failed,
        )

    def _confirm_restore(self, backup: Path) -> None:
        self._end_progress()
        try:
            made, size = file_time(backup), file_size(backup.stat().st_size)
        except OSError as exc:
            self._failed(exc)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore a backup"),
            self.tr("Restore the backup made {when} ({size})?").format(
                when=self.when(made), size=size
            ),
            parent=self._parent(),
        )
        box.setObjectName("restore_confirmation")
        box.setInformativeText(
            self.tr(
                "{backup}\n\nIt replaces the database in use, {db}. The database in use now is "
                "kept beside it as a copy named {name}.before-restore-<date and time>; nothing "
                "is deleted. Inspector opens the restored database again."
            ).format(backup=backup, db=self.db_path, name=self.db_path.name)
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restore_button")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self.restore(backup) if button is restore else None
        )
        box.open()

    def restore(self, backup: Path) -> None:
        """Let go of the database, restore it as the CLI does, and open it again."""
        from inspector.services import maintenance

        db_path = self.db_path
        self._start_progress(self.tr("Restoring {name}…").format(name=backup.name))
        QApplication.processEvents()  # paint the words: the restore itself blocks this window
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self._reopen is not None:
                window, result, error = self._reopen(lambda: maintenance.restore(backup, db_path))
            else:  # no start-up to reopen through: close, restore, and ask for a restart
                self.context.runner.wait()
                self.context.store.close()
                window, result, error = None, None, None
                try:
                    result = maintenance.restore(backup, db_path)
                except Exception as exc:  # shown below, then the window closes
                    error = exc
        finally:
            QGuiApplication.restoreOverrideCursor()
            self._end_progress()
        reopened = self._reopen is not None
        if error is not None:
            log.warning("restore of %s refused: %s", backup, error)
            from inspector.storage.instance_lock import DatabaseInUseError

            if isinstance(error, DatabaseInUseError):
                self._refuse_in_use(error, parent=window, detached=window is None)
            else:
                self._failed(
                    error, parent=window, title=self.tr("Restore refused"), detached=window is None
                )
        else:
            log.info("restored %s as %s", backup, db_path)
            text = self.tr("Restored the backup {name} ({employees} employees).").format(
                name=backup.name, employees=result.employees
            )
            if result.kept_aside is not None:
                text += "\n\n" + self.tr(
                    "The database that was in use is kept as:\n{aside}"
                ).format(aside=result.kept_aside)
            if not reopened:
                text += "\n\n" + self.tr("Start Inspector again to work on it.")
            self._message(
                QMessageBox.Icon.Information,
                self.tr("Restored"),
                text,
                parent=window,
                detached=window is None,
            )
        if not reopened:
            self.window.close()

    # -- verify -------------------------------------------------------------------------------

    def show_verify(self) -> None:
        from inspector.gui.dialogs.verify_dialog import VerifyDialog

        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.context, self._parent())
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()

    # -- the data folder and About ------------------------------------------------------------

    def open_data_folder(self) -> None:
        """The folder of the database in use: its backups and photos are beside it."""
        self._open_folder(self.db_path.parent)

    def show_about(self) -> QWidget:
        from inspector.gui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self, self._parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
