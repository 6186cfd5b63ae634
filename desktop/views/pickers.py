"""Line edits that complete from the service layer: hosts and returning visitors.

Both use an *unfiltered* completer whose list the service fills as the user types, so pinyin
initials (``zw`` → 张伟) and phone fragments match, which Qt's own prefix filter cannot do.
The first suggestion is highlighted, so Enter takes it — one key, no arrow needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QRect, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from desktop.services import org, settings
from desktop.services.org import EmployeeInfo


class CompletingLineEdit(QLineEdit):
    """A QLineEdit whose completions come from ``search(text) -> [(label, obj)]``."""

    picked = Signal(object)

    def __init__(
        self,
        search: Callable[[str], Sequence[tuple[str, object]]],
        parent: QWidget | None = None,
        *,
        highlight_first: bool = True,
        min_chars: int = 1,
    ):
        super().__init__(parent)
        self._search = search
        self._objects: list[object] = []
        self._highlight_first = highlight_first
        self._min_chars = min_chars
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(10)
        self._completer.setWidget(self)
        self._completer.activated[str].connect(self._on_activated)
        self.textEdited.connect(self._on_edited)
        self._suppress = False
        self._completer.popup().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        """Keep the form's keyboard flow while suggestions are open.

        Installed after QCompleter's own filter, so it sees keys first: Tab closes the list and
        moves on (Qt would keep focus here); Enter with nothing highlighted closes the list
        and counts as Enter in the field (the receptionist typed a new name, not a pick).
        Enter on a highlighted suggestion takes it and nothing more: QCompleter would also
        hand the Enter to the field first, which submitted the form with the half-typed text
        before the pick filled it.
        """
        popup = self._completer.popup()
        if obj is popup and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                popup.hide()
                self.focusNextPrevChild(
                    key == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = popup.currentIndex()
                popup.hide()
                if current.isValid():
                    self._on_activated(str(current.data()))
                else:
                    self.returnPressed.emit()
                return True
        return super().eventFilter(obj, event)

    def completer_popup(self):
        return self._completer.popup()

    def suggestions(self) -> list[object]:
        return list(self._objects)

    def _on_edited(self, text: str) -> None:
        if self._suppress:
            return
        text = text.strip()
        results = list(self._search(text)) if len(text) >= self._min_chars else []
        self._objects = [obj for _, obj in results]
        self._model.setStringList([label for label, _ in results])
        if not results:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix("")
        self._completer.complete(self._popup_rect([label for label, _ in results]))
        if self._highlight_first:
            # Deferred: complete() resets the popup's selection after this returns.
            QTimer.singleShot(0, self._select_first)

    def _popup_rect(self, labels: list[str]) -> QRect:
        """As wide as the longest suggestion (at least the field; Qt keeps it on the screen).

        A field-wide list cut "李四 · 深圳市创新电子科技有限公司 · 138…" off after the company.
        """
        popup = self._completer.popup()
        metrics = popup.fontMetrics()
        text = max((metrics.horizontalAdvance(label) for label in labels), default=0)
        chrome = 2 * popup.frameWidth() + popup.verticalScrollBar().sizeHint().width() + 24
        return QRect(0, 0, max(self.width(), text + chrome), self.height())

    def _select_first(self) -> None:
        popup = self._completer.popup()
        if popup.isVisible() and self._model.rowCount():
            popup.setCurrentIndex(self._completer.completionModel().index(0, 0))

    def _on_activated(self, label: str) -> None:
        labels = self._model.stringList()
        if label not in labels:
            return
        obj = self._objects[labels.index(label)]
        self._suppress = True
        try:
            self.picked.emit(obj)
        finally:
            self._suppress = False


class HostPicker(CompletingLineEdit):
    """Pick the host employee by name, pinyin initials or phone: ``zw`` → 张伟（销售一部）."""

    hostChanged = Signal(object)  # EmployeeInfo | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self._find, parent)
        self.host: EmployeeInfo | None = None
        self.picked.connect(self.set_host)
        self.textEdited.connect(self._typed)
        self.setPlaceholderText(self.tr("姓名或拼音首字母，如 zw"))

    @staticmethod
    def _find(text: str) -> list[tuple[str, object]]:
        return [(e.label, e) for e in org.list_employees(text=text)[:12]]

    def _typed(self, _text: str) -> None:
        if self.host is not None and self.text() != self.host.label:
            self.host = None
            self.hostChanged.emit(None)

    def set_host(self, host: EmployeeInfo | None) -> None:
        self.host = host
        self.setText(host.label if host else "")
        self.hostChanged.emit(host)

    def resolve(self) -> tuple[EmployeeInfo | None, list[EmployeeInfo]]:
        """The chosen host, or the candidates if the typed text is ambiguous."""
        if self.host is not None:
            return self.host, []
        text = self.text().strip()
        if not text:
            return None, []
        found = org.list_employees(text=text)
        exact = [e for e in found if e.name == text or e.label == text]
        if len(exact) == 1:
            return exact[0], []
        if len(found) == 1:
            return found[0], []
        return None, found


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, object]], blank: str | None = None) -> None:
    """Refill a combo with (label, data) pairs, keeping the current choice when it still exists."""
    current = combo.currentData()
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for label, data in items:
        combo.addItem(label, data)
    if current is not None and (i := combo.findData(current)) >= 0:
        combo.setCurrentIndex(i)


def option_items(kind: str) -> list[tuple[str, object]]:
    """An editable pick list (visitor categories, purposes) as combo items."""
    return [(o.label, o.id) for o in settings.options(kind)]
