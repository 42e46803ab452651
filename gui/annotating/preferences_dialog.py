"""Preferences: the name that marks your annotations (your layer), and the library's model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from gui.core.entities.models import InstalledPipeline
from gui.widgets.accessible import describe


@dataclass(frozen=True)
class Preferences:
    """What the dialog was left with: the user's name ("" : unchanged) and the model."""

    annotator: str
    model: str  # an installed pipeline's package; "" : the default one


class PreferencesDialog(QDialog):
    """Your name, as trainers and exports will show it, and the spaCy pipeline to use."""

    def __init__(
        self,
        annotator: str,
        model: str = "",
        pipelines: Sequence[InstalledPipeline] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.name = describe(QLineEdit(annotator), "Your name", "The name of your layer")
        note = QLabel(
            "New annotations carry this name: it is your layer when a trainer compares "
            "annotations, and the creator in exported files.",
            wordWrap=True,
        )
        self.model = self._model_box(model, pipelines)
        model_note = QLabel(
            "The English spaCy pipeline that finds entities and quotes in this library. "
            "Results are kept for each pipeline, so switching back costs nothing; "
            "larger pipelines (md, lg, trf) are slower and often more accurate.",
            wordWrap=True,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Your &name", self.name)
        form.addRow(note)
        form.addRow("Language &model", self.model)
        form.addRow(model_note)
        form.addRow(buttons)

    @staticmethod
    def _model_box(model: str, pipelines: Sequence[InstalledPipeline]) -> QComboBox:
        """A list of the installed pipelines, the default first, the chosen one selected."""
        box = QComboBox()
        default = pipelines[0].label if pipelines else "none installed"
        box.addItem(f"Default ({default})", "")
        for pipeline in pipelines:
            box.addItem(pipeline.label, pipeline.package)
            box.setItemData(box.count() - 1, pipeline.description, Qt.ItemDataRole.ToolTipRole)
        if model and box.findData(model) < 0:  # chosen, but not installed on this machine
            box.addItem(f"{model} (not installed here: the default is used)", model)
        box.setCurrentIndex(max(box.findData(model), 0))
        box.setAccessibleName("Language model")
        return box

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        annotator: str,
        model: str = "",
        pipelines: Sequence[InstalledPipeline] = (),
    ) -> Preferences | None:
        """The preferences chosen, or None when cancelled."""
        dialog = cls(annotator, model, pipelines, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        name = " ".join(dialog.name.text().split())
        return Preferences(name, str(dialog.model.currentData() or ""))
