"""One error path for the GUI: typed errors become a message, anything else a crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inspector.domain.errors import UserError

log = logging.getLogger(__name__)


def user_message(exc: BaseException) -> str | None:
    """The message for an error the user can act on, or None for a bug."""
    if isinstance(exc, UserError):
        from inspector.gui.i18n import current_language

        return exc.text(current_language())
    if isinstance(exc, OSError):
        name = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return f"{exc.strerror or exc}{name}"
    return None


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Show an error: a plain message for the environment, a crash report for a bug."""
    message = user_message(exc)
    if message is not None:
        log.warning("%s", message)
        QMessageBox.warning(parent, title or QApplication.translate("errors", "Inspector"), message)
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    show_crash(parent, exc)


def show_crash(parent: QWidget | None, exc: BaseException) -> None:
    from inspector.paths import log_path

    text = QApplication.translate(
        "errors",
        "Something went wrong inside Inspector. Your saved marks are safe.\n\n"
        "Please send the log file to your administrator:\n{path}",
    ).format(path=log_path())
    box = QMessageBox(QMessageBox.Icon.Critical, "Inspector", text, parent=parent)
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.exec()


def install_excepthook(log_file: Path) -> None:
    """Uncaught exceptions in slots are logged and shown instead of killing the app silently."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("uncaught exception", exc_info=(kind, exc, tb))
        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), exc)
        else:
            sys.__excepthook__(kind, exc, tb)

    sys.excepthook = hook
