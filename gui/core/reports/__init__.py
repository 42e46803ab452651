"""Reports for print and projection: an article with its highlights and notes, a class's scores.

Plain, self-contained HTML (inline CSS, no scripts, nothing fetched); gui/report_pdf.py turns
it into a PDF with Qt.
"""

from gui.core.reports.article import article_report_html
from gui.core.reports.data import stored_entities, stored_findings
from gui.core.reports.scores import class_report_html

__all__ = ["article_report_html", "class_report_html", "stored_entities", "stored_findings"]
