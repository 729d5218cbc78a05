"""PDF renderers (ReportLab, no Qt, no storage): the line-up sheet, the employee record and the
monthly pack.

Each ``render_*`` takes the prepared data of ``inspector.domain.reports`` and writes an A4 PDF
in Chinese, English or both (``lang``: "zh", "en", "both"), with the company name, "page X of
Y" and the generation time on every page and the bundled CJK font embedded. ``invariant=True``
makes the file reproducible byte for byte (fixed ids and generation time), for tests. The
figures are read and the renderers called by ``inspector.services.report_jobs``.
"""
