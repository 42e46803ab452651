"""Reports for print and projection: an article with its highlights and notes, a class's scores.

Plain, self-contained HTML (inline CSS, no scripts, nothing fetched); gui/reports/pdf.py turns
it into a PDF with Qt. What an article report shows of an article comes from gui.core.findings.
"""

from gui.core.reports.article import article_report_html
from gui.core.reports.scores import class_report_html

__all__ = ["article_report_html", "class_report_html"]
