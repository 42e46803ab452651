"""Edit an article's metadata: title, outlet, byline, dateline, date, URL and credits."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from gui.core.articles import Metadata

LABELS = {
    "title": "&Title",
    "outlet": "&Outlet",
    "byline": "&Byline",
    "dateline": "&Dateline",
    "published": "&Published",
    "url": "&URL",
    "credits": "&Credits",
}


class MetadataDialog(QDialog):
    """A form with one field per metadata item; credits are separated by semicolons."""

    def __init__(self, metadata: Metadata, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.setMinimumWidth(480)
        self._original = metadata
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for name, label in LABELS.items():
            value = getattr(metadata, name)
            edit = QLineEdit("; ".join(value) if name == "credits" else value)
            self.fields[name] = edit
            form.addRow(label, edit)
        self.fields["published"].setPlaceholderText("YYYY-MM-DD")
        self.fields["credits"].setPlaceholderText("e.g. AP Photo/Jane Doe; Reuters")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def metadata(self) -> Metadata:
        """The metadata as edited (a date left as it was keeps the text it was read from)."""
        values: dict[str, object] = {
            name: edit.text().strip() for name, edit in self.fields.items()
        }
        credits = str(values["credits"]).split(";")
        values["credits"] = tuple(c.strip() for c in credits if c.strip())
        kept = (
            self._original.published_raw if values["published"] == self._original.published else ""
        )
        return Metadata(**values, published_raw=kept)

    @classmethod
    def ask(cls, parent: QWidget | None, metadata: Metadata) -> Metadata | None:
        """Show the dialog; the edited metadata, or None when cancelled."""
        dialog = cls(metadata, parent)
        return dialog.metadata() if dialog.exec() == QDialog.DialogCode.Accepted else None
