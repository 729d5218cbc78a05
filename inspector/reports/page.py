"""The page template of every report: A4, company name and report title at the top, the
generation time and "page X of Y" at the bottom.

"Page X of Y" needs the page count before the first page is final: ``NumberedCanvas`` keeps
each finished page's drawing and writes the footers of all pages in ``save()``, once the count
is known (one layout pass, two passes over the canvas).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from inspector.domain.text import Text
from inspector.paths import ensure_private_file, private_folder
from inspector.reports import i18n
from inspector.reports.fonts import FONT_NAME, register_fonts
from inspector.reports.styles import (
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_SIZE,
    RULE,
)

# The generation time printed by reproducible (invariant) builds.
INVARIANT_TIME = datetime(2000, 1, 1, 0, 0)

Progress = Callable[[float, str], None]

FOOTER_RULE_Y = MARGIN_BOTTOM - 12
FOOTER_TEXT_Y = FOOTER_RULE_Y - 10


def _numbered_canvas(lang: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Defers each page until the page count is known, then adds "page X of Y"."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(FONT_NAME, 8)
                self.setFillColor(MUTED)
                self.drawRightString(
                    PAGE_SIZE[0] - MARGIN_X, FOOTER_TEXT_Y, i18n.page_label(number, total, lang)
                )
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


@dataclass(frozen=True, slots=True)
class ReportFile:
    """What one report file says besides its story, and how its build reports progress
    (``progress_span``: the part of the whole job its pages are)."""

    title: str
    company: str
    lang: str
    generated_at: datetime
    invariant: bool
    progress: Progress | None = None
    expected_pages: int = 0
    progress_span: tuple[float, float] = (0.0, 1.0)


class ReportDocument(BaseDocTemplate):
    """One report file: A4 portrait, one frame, header and footer on every page."""

    def __init__(self, out_path: Path, report: ReportFile) -> None:
        register_fonts()
        super().__init__(
            str(out_path),
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=report.title,
            author=report.company,
            subject=report.title,
            creator="Inspector",
            invariant=1 if report.invariant else 0,
            initialFontName=FONT_NAME,
            initialFontSize=9,
            initialLeading=12,
        )
        self.report_title = report.title
        self.company = report.company
        self.lang = report.lang
        when = i18n.time_label(report.generated_at)
        self.generated_label = f"{i18n.label('generated', report.lang)}: {when}"
        self.progress = report.progress
        self.expected_pages = max(1, report.expected_pages)
        self.progress_span = report.progress_span
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = PAGE_SIZE
        top = height - MARGIN_TOP + 8
        canvas.saveState()
        canvas.setFont(FONT_NAME, 10)
        canvas.setFillColor(INK)
        canvas.drawString(MARGIN_X, top + 4, self.company)
        canvas.setFont(FONT_NAME, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(width - MARGIN_X, top + 4, self.report_title)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, top, width - MARGIN_X, top)
        canvas.line(MARGIN_X, FOOTER_RULE_Y, width - MARGIN_X, FOOTER_RULE_Y)
        canvas.setFont(FONT_NAME, 8)
        canvas.drawString(MARGIN_X, FOOTER_TEXT_Y, self.generated_label)
        canvas.restoreState()

    def afterPage(self) -> None:
        if self.progress is not None:
            low, high = self.progress_span
            done = min(1.0, self.page / self.expected_pages)
            self.progress(
                low + (high - low) * done,
                i18n.label("progress_page", self.lang).format(n=self.page),
            )


def build_pdf(
    story: Sequence[Flowable],
    out_path: Path | str,
    *,
    title: str,
    company: str,
    lang: str,
    generated_at: datetime | None = None,
    invariant: bool = False,
    progress: Progress | None = None,
    expected_pages: int = 0,
    progress_span: tuple[float, float] = (0.0, 1.0),
) -> Path:
    """Lay out ``story`` into ``out_path`` (written beside it first, then moved in place, so a
    failed build never leaves half a PDF). Returns the path written."""
    out_path = Path(out_path)
    if generated_at is None:
        generated_at = INVARIANT_TIME if invariant else datetime.now().replace(microsecond=0)
    private_folder(out_path.parent)
    partial = out_path.with_name(f".{out_path.name}.{os.getpid()}.part")
    ensure_private_file(partial)  # ReportLab then writes into a file only its owner can read
    report = ReportFile(  # build_pdf's options, in the same order
        title, company, lang, generated_at, invariant, progress, expected_pages, progress_span
    )
    doc = ReportDocument(partial, report)
    try:
        doc.build(list(story), canvasmaker=_numbered_canvas(lang))
        os.replace(partial, out_path)
    finally:
        partial.unlink(missing_ok=True)
    return out_path


class _CompanyData(Protocol):
    @property
    def company(self) -> Text: ...


ReportData = TypeVar("ReportData", bound=_CompanyData)


class ReportRenderer(Generic[ReportData]):
    """``render(data, out_path, lang)`` for one report kind: the language checked, the story
    built in it, then laid out by :func:`build_pdf` under the kind's title and the company name."""

    def __init__(
        self,
        story: Callable[[ReportData, str], Sequence[Flowable]],
        *,
        title: Callable[[str], str],
        expected_pages: Callable[[ReportData], int],
    ) -> None:
        self._story = story
        self._title = title
        self._expected_pages = expected_pages

    def __call__(
        self,
        data: ReportData,
        out_path: Path | str,
        lang: str = "zh",
        *,
        invariant: bool = False,
        generated_at: datetime | None = None,
        progress: Progress | None = None,
        progress_span: tuple[float, float] = (0.0, 1.0),
    ) -> Path:
        lang = i18n.check_lang(lang)
        return build_pdf(
            self._story(data, lang),
            out_path,
            title=self._title(lang),
            company=data.company.get(lang),
            lang=lang,
            generated_at=generated_at,
            invariant=invariant,
            progress=progress,
            expected_pages=self._expected_pages(data),
            progress_span=progress_span,
        )
