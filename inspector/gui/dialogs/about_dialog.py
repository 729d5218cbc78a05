"""Help → About: the version and where everything is (the database, its backups, the log)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector import __version__, paths

if TYPE_CHECKING:
    from inspector.gui.admin_menu import AdminMenu


class AboutDialog(QDialog):
    def __init__(self, admin: AdminMenu, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Inspector"))
        db_path = admin.db_path
        title = QLabel(self.tr("Inspector {version}").format(version=__version__))
        title.setStyleSheet("font-size:18px; font-weight:bold;")
        tagline = QLabel(self.tr("Uniform and grooming inspections at the morning line-up."))
        read_only = self.tr(" (open read-only)") if admin.context.read_only else ""
        # (object name, label, value) of each row; the values can be selected and copied.
        rows = (
            ("version", self.tr("Version:"), __version__),
            ("database", self.tr("Database:"), f"{db_path}{read_only}"),
            ("data_folder", self.tr("Data folder:"), str(db_path.parent)),
            ("backups", self.tr("Backups:"), str(paths.backups_dir(db_path))),
            ("last_backup", self.tr("Last backup:"), admin.last_backup_text()),
            ("log", self.tr("Log file:"), str(paths.log_path())),
        )
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name, label, value in rows:
            shown = QLabel(value)
            shown.setObjectName(f"about_{name}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            form.addRow(label, shown)
            self.values[name] = shown
        hint = QLabel(
            self.tr(
                "When something goes wrong, send the log file to your administrator. The "
                "backups folder holds a copy of each of the last days."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.folder_button = QPushButton(self.tr("Open data folder"))
        self.folder_button.setObjectName("about_open_folder")
        self.folder_button.clicked.connect(admin.open_data_folder)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(tagline)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def text(self) -> str:
        """Everything the box says (for the record and for tests)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))
