"""The company settings (File → Settings…) and the first start's company-name question.

Both go through ``services.settings``: the values are checked there, and a bad one is shown in
the dialog (naming the setting and what it takes) while the dialog stays open; nothing is
stored until every value is good.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from inspector.gui.context import AppContext
from inspector.gui.i18n import Retranslating, current_language
from inspector.gui.widgets.build import column, error_label, form_rows, line_edit, text_label
from inspector.gui.widgets.touch import dialog_buttons
from inspector.services import settings
from inspector.services.settings import DEDUCTION, PASS_RATE, SettingError

TOUCH_HEIGHT = 40
_SPIN_RANGES = {
    "deduction_minor": (0, 100),
    "deduction_major": (0, 100),
    "deduction_critical": (0, 100),
    "repeat_threshold": (2, 99),
    "photo_retention_days": (0, 3650),
    "backup_keep": (1, 365),
}
MESSAGE_RED = "#b42318"
_FORM_KEYS = (
    "company_name",
    "company_name_en",
    "scoring_profile",
    "deduction_minor",
    "deduction_major",
    "deduction_critical",
    "critical_zeroes",
    "ladder",
    "repeat_threshold",
    "photo_retention_days",
    "backup_keep",
)


class _SettingsForm(Retranslating, QDialog):
    """What both dialogs share: OK stores the values through ``services.settings``; a bad one
    is said in red under the form and the dialog stays open. Emits ``saved`` after storing."""

    saved = Signal()

    def __init__(
        self, context: AppContext, parent: QWidget | None, *, name: str, width: int, message: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMinimumWidth(width)
        self.context = context
        self.message = error_label(message, colour=MESSAGE_RED)
        self.message.hide()
        self.buttons = dialog_buttons(
            self,
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            accept=self.save,
            height=TOUCH_HEIGHT,
        )
        self.form = QFormLayout()

    def save(self) -> None:
        raise NotImplementedError

    def _say(self, problem: str) -> None:
        self.message.setText(problem)
        self.message.show()

    def _store(self, values: dict[str, str]) -> None:
        try:
            settings.set_values(self.context.store, values)
        except SettingError as exc:
            self._say(exc.text(current_language()))
            return
        self.saved.emit()
        self.accept()


class SettingsDialog(_SettingsForm):
    """Every setting the reports use, with OK and Cancel."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context, parent, name="settings_dialog", width=560, message="settings_message"
        )
        current = settings.load(context.store)
        self.fields: dict[str, QWidget] = {}
        self.company = self._line("company_name", current["company_name"])
        self.company_en = self._line("company_name_en", current["company_name_en"])
        self.profile = QComboBox()
        self.profile.setObjectName("scoring_profile")
        self.profile.setMinimumHeight(TOUCH_HEIGHT)
        self.profile.addItem("", PASS_RATE)
        self.profile.addItem("", DEDUCTION)
        self.profile.setCurrentIndex(self.profile.findData(current.scoring_profile))
        self.fields["scoring_profile"] = self.profile
        for key in _SPIN_RANGES:
            self._spin(key, current[key])
        self.zeroes = QCheckBox()
        self.zeroes.setObjectName("critical_zeroes")
        self.zeroes.setMinimumHeight(TOUCH_HEIGHT)
        self.zeroes.setChecked(current.critical_zeroes)
        self.fields["critical_zeroes"] = self.zeroes
        self.ladder = self._line("ladder", settings.shown("ladder", current.ladder))
        if context.read_only:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

        labels = form_rows(self.form, (self.fields[key] for key in _FORM_KEYS))
        self.labels: dict[str, QLabel] = dict(zip(_FORM_KEYS, labels, strict=True))
        self.profile.currentIndexChanged.connect(self._follow_profile)
        column(self, self.form, self.message, self.buttons)
        self.retranslate_ui()
        self._follow_profile()

    def _line(self, key: str, value: str) -> QLineEdit:
        self.fields[key] = edit = line_edit(key, value, height=TOUCH_HEIGHT)
        return edit

    def _spin(self, key: str, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(key)
        spin.setRange(*_SPIN_RANGES[key])
        spin.setValue(int(value))
        spin.setMinimumHeight(TOUCH_HEIGHT)
        self.fields[key] = spin
        return spin

    def _follow_profile(self) -> None:
        """The deductions matter only under deduction scoring."""
        deduction = self.profile.currentData() == DEDUCTION
        for key in ("deduction_minor", "deduction_major", "deduction_critical", "critical_zeroes"):
            self.fields[key].setEnabled(deduction)

    def values(self) -> dict[str, str]:
        """What the dialog shows, as the text the settings service checks."""
        raws: dict[str, str] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                raws[key] = widget.text()
            elif isinstance(widget, QSpinBox):
                raws[key] = str(widget.value())
            elif isinstance(widget, QCheckBox):
                raws[key] = "yes" if widget.isChecked() else "no"
            elif isinstance(widget, QComboBox):
                raws[key] = str(widget.currentData())
        return raws

    def save(self) -> None:
        self._store(self.values())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        words = {
            "company_name": self.tr("Company name (Chinese)"),
            "company_name_en": self.tr("Company name (English)"),
            "scoring_profile": self.tr("Scoring"),
            "deduction_minor": self.tr("Points off, minor fault"),
            "deduction_major": self.tr("Points off, major fault"),
            "deduction_critical": self.tr("Points off, critical fault"),
            "critical_zeroes": self.tr("Critical fault"),
            "ladder": self.tr("Repeat-offences ladder"),
            "repeat_threshold": self.tr("Repeated after"),
            "photo_retention_days": self.tr("Keep photos (days)"),
            "backup_keep": self.tr("Daily backups kept"),
        }
        for key, text in words.items():
            self.labels[key].setText(text)
        self.profile.setItemText(0, self.tr("Pass rate (share of people with no fault)"))
        self.profile.setItemText(1, self.tr("Deduction (100 points, 扣分制)"))
        self.zeroes.setText(self.tr("takes all 100 points of that inspection"))
        self.ladder.setPlaceholderText(
            self.tr("3=口头提醒/Verbal reminder; 5=书面警告/Written warning")
        )
        self.ladder.setToolTip(
            self.tr(
                "The same fault this many times within 30 days reaches the step. The pack "
                "lists who reached each step; Inspector applies no penalty."
            )
        )


class CompanyNameDialog(_SettingsForm):
    """The first start of a company's database: its name, printed on every report."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context, parent, name="company_name_dialog", width=480, message="company_message"
        )
        self.intro = text_label(wrap=True)
        self.name = line_edit("company_name", height=TOUCH_HEIGHT)
        self.name_en = line_edit("company_name_en", height=TOUCH_HEIGHT)
        self.name_label, self.name_en_label = form_rows(self.form, (self.name, self.name_en))
        column(self, self.intro, self.form, self.message, self.buttons)
        self.retranslate_ui()

    def save(self) -> None:
        if not (self.name.text().strip() or self.name_en.text().strip()):
            self._say(self.tr("Type the company's name: it heads every report."))
            return
        self._store({"company_name": self.name.text(), "company_name_en": self.name_en.text()})

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Company name"))
        self.intro.setText(
            self.tr(
                "What is the company's name? It heads every line-up sheet and report. You can "
                "change it later in File → Settings…."
            )
        )
        self.name_label.setText(self.tr("In Chinese"))
        self.name_en_label.setText(self.tr("In English"))


def ask_company_name(context: AppContext, parent: QWidget | None) -> CompanyNameDialog | None:
    """On a real database without a company name (never the demo, never read-only), open
    the question (``open()``: it does not block). Returns the dialog, or None."""
    if context.read_only or not settings.needs_company_name(context.store):
        return None
    dialog = CompanyNameDialog(context, parent)
    dialog.open()
    return dialog
