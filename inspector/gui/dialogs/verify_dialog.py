"""File → Verify records: the seal check of ``inspector verify``, with its result in words.

The check runs on the background worker; the optional field takes seals or chain heads copied
from a printed line-up sheet or monthly pack (``inspector verify --expect``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QProgressBar,
    QWidget,
)

from inspector.gui.context import AppContext
from inspector.gui.errors import show_error, user_message
from inspector.gui.i18n import Retranslating
from inspector.gui.widgets.build import column, named_button, text_label
from inspector.gui.widgets.touch import TOUCH_HEIGHT
from inspector.services.maintenance import MaintenanceError, VerifyResult
from inspector.storage import Store

OK_STYLE = "color:#2e7d32; font-weight:bold; font-size:15px;"
BAD_STYLE = "color:#c62828; font-weight:bold; font-size:15px;"


@dataclass(frozen=True)
class Checked:
    """What the worker found: the result, and the bad line-ups described for people."""

    result: VerifyResult
    described: dict[int, str]


_HEX_RUN = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{8,64}(?![0-9a-fA-F])")


def expected_values(text: str) -> list[str]:
    """The seals typed or pasted into the field, one a line: a line copied whole from a sheet
    ("Seal: ab12cd34…", "封存校验码：ab12cd34…", the monthly pack's sentence) gives its one run
    of hex digits; a line without exactly one is passed on as it is, for the check to name."""
    values = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        runs = _HEX_RUN.findall(line)
        values.append(runs[0] if len(runs) == 1 else line)
    return values


def _check(store: Store, expect: list[str]) -> Checked:
    from inspector.services import maintenance
    from inspector.storage.errors import NotFoundError

    result = maintenance.verify(store.path, expect)
    described = {}
    for lineup_id in result.report.bad_lineups:
        try:
            lineup = store.get_lineup(lineup_id)
        except NotFoundError:
            continue
        parts = (lineup.day.isoformat(), lineup.shift, lineup.site, lineup.department)
        described[lineup_id] = ", ".join(part for part in parts if part)
    return Checked(result, described)


class VerifyDialog(Retranslating, QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verify_dialog")
        self.context = context
        self.intro = text_label(wrap=True)
        self.expect_label = text_label(wrap=True)
        self.expect_edit = QPlainTextEdit()
        self.expect_edit.setObjectName("expect_edit")
        self.expect_edit.setFixedHeight(64)
        self.expect_label.setBuddy(self.expect_edit)
        self.verify_button = named_button("verify_button", self.verify, height=TOUCH_HEIGHT)
        self.verify_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the check does not say how far it is
        self.progress.setVisible(False)
        self.headline = text_label("verify_headline", wrap=True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("verify_details")
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        column(
            self,
            self.intro,
            self.expect_label,
            self.expect_edit,
            self.verify_button,
            self.progress,
            self.headline,
            (self.details, 1),
            buttons,
        )
        self._checked: Checked | None = None
        self._problem = ""
        self.resize(760, 560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Verify records"))
        self.intro.setText(
            self.tr(
                "Every finished line-up is sealed: its records, and a chain that links each "
                "seal to the ones before. The check recomputes them all and names any line-up "
                "whose records were changed outside Inspector.\nThe database: {db}"
            ).format(db=self.context.db_path)
        )
        self.expect_label.setText(
            self.tr(
                "Seals or chain heads printed on paper (optional, one a line; e.g. the "
                "'Seal: ab12cd34…' of a line-up sheet or monthly pack):"
            )
        )
        self.verify_button.setText(self.tr("&Verify"))
        self._show()

    # -- the check ------------------------------------------------------------------------------

    def verify(self) -> None:
        expect = expected_values(self.expect_edit.toPlainText())
        self.verify_button.setEnabled(False)
        self.progress.setVisible(True)
        self._checked, self._problem = None, ""
        self.headline.setStyleSheet("")
        self.headline.setText(self.tr("Checking every seal…"))
        self.details.clear()
        self.context.runner.submit(
            lambda store, _progress: _check(store, expect),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, checked: Checked) -> None:
        self.progress.setVisible(False)
        self.verify_button.setEnabled(True)
        self._checked = checked
        self._show()

    def _failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        self.verify_button.setEnabled(True)
        message = user_message(exc)
        if message is None:
            show_error(self, exc)
            return
        if isinstance(exc, MaintenanceError) and message.startswith("--expect: "):
            message = self.tr("A printed seal: {problem}").format(
                problem=message.removeprefix("--expect: ")
            )
        self._problem = message
        self._show()

    # -- the words ------------------------------------------------------------------------------

    def result_lines(self) -> tuple[str, list[str]]:
        """The headline and the lines under it, in the language of the interface."""
        if self._checked is None:
            return "", []
        result, described = self._checked.result, self._checked.described
        report = result.report
        counted = self.tr("Sealed line-ups: {lineups}. Seals: {seals}.").format(
            lineups=report.lineups, seals=report.seals
        )
        head = self.tr("Chain head: {short}").format(short=report.head[:8] + "…")
        head += "\n" + self.tr("In full: {full}").format(full=report.head)
        if report.ok:
            lines = [counted]
            for value, lineup_id in report.expected:
                lines.append(
                    self.tr(
                        "The printed seal {seal} is in the chain (line-up {id}) and its record "
                        "matches."
                    ).format(seal=value[:8] + "…", id=lineup_id)
                )
            lines.append(head)
            return self.tr("✓ Every record matches its seal."), lines
        bad = report.bad_lineups
        if bad:
            headline = self.tr("✘ Line-ups whose records no longer match their seals: {count}")
            headline = headline.format(count=len(bad))
        else:
            headline = self.tr("✘ The seal chain does not hold every record.")
        lines = []
        for lineup_id in bad:
            details = described.get(lineup_id)
            lines.append(
                self.tr("Line-up {id} ({details}): changed outside Inspector.").format(
                    id=lineup_id, details=details
                )
                if details
                else self.tr("Line-up {id}: no longer in the database.").format(id=lineup_id)
            )
        lines.append(counted)
        lines.append("")
        lines.append(self.tr("Every problem found:"))
        lines.extend(f"• {problem.message}" for problem in report.problems)
        lines.append("")
        lines.append(head)
        return headline, lines

    def _show(self) -> None:
        if self._problem:
            self.headline.setStyleSheet(BAD_STYLE)
            self.headline.setText(self._problem)
            self.details.clear()
            return
        if self._checked is None:
            return
        headline, lines = self.result_lines()
        self.headline.setStyleSheet(OK_STYLE if self._checked.result.ok else BAD_STYLE)
        self.headline.setText(headline)
        self.details.setPlainText("\n".join(lines))
