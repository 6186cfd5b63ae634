"""日程: approved receptions and their items as a week grid, a day grid or a list.

The grid is painted from the service's ScheduleEntry list; double-clicking an entry opens the
reception's arrangement. Today and tomorrow are highlighted, because tomorrow is what the admin
office prints for the managers this afternoon.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import arrangements as arr
from desktop.services import org, resources, settings, standards
from desktop.services.arrangements import ScheduleEntry, ScheduleFilter
from desktop.services.auth import Actor
from desktop.views import ops, printing, prompts
from desktop.views.pickers import fill_combo
from desktop.views.table_model import Column, RowTableModel, make_table

FIRST_HOUR, LAST_HOUR = 7, 22
KIND_COLOURS = {
    "pickup": "#d6eaf8",
    "meeting": "#d5f5e3",
    "tour": "#fdebd0",
    "meal": "#fadbd8",
    "hotel": "#e8daef",
    "sendoff": "#d6eaf8",
    "other": "#eaeded",
    None: "#f2f3f4",
}


class CalendarGrid(QWidget):
    """Days as columns, hours as rows; receptions without items as banners on top."""

    entryActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.start = clock.today()
        self.days = 7
        self.entries: list[ScheduleEntry] = []
        self._boxes: list[tuple[QRectF, ScheduleEntry]] = []
        self.setMinimumHeight(420)

    def set_entries(self, start: dt.date, days: int, entries: list[ScheduleEntry]) -> None:
        self.start, self.days, self.entries = start, days, entries
        self.update()

    def _geometry(self) -> tuple[float, float, float, float]:
        left, top = 56.0, 52.0
        col = (self.width() - left - 4) / self.days
        row = (self.height() - top - 4) / (LAST_HOUR - FIRST_HOUR)
        return left, top, col, row

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        left, top, col, row = self._geometry()
        today = clock.today()
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, self.font().pointSizeF() - 1.5))
        self._boxes = []
        weekdays = self.tr("一二三四五六日")
        for d in range(self.days):
            day = self.start + dt.timedelta(days=d)
            x = left + d * col
            if day == today:
                painter.fillRect(QRectF(x, 0, col, self.height()), QColor("#fff8dc"))
            elif day == today + dt.timedelta(days=1):
                painter.fillRect(QRectF(x, 0, col, self.height()), QColor("#eef6ff"))
            painter.setPen(QColor("#333333"))
            label = f"{day:%m-%d} {self.tr('周')}{weekdays[day.weekday()]}"
            if day == today:
                label += self.tr("（今天）")
            elif day == today + dt.timedelta(days=1):
                label += self.tr("（明天）")
            painter.drawText(QRectF(x, 2, col, 20), Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(small)
        for h in range(FIRST_HOUR, LAST_HOUR + 1):
            y = top + (h - FIRST_HOUR) * row
            painter.setPen(QPen(QColor("#dddddd")))
            painter.drawLine(int(left), int(y), self.width(), int(y))
            painter.setPen(QColor("#666666"))
            painter.drawText(QRectF(0, y - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight, f"{h:02d}:00")
        painter.setPen(QPen(QColor("#cccccc")))
        for d in range(self.days + 1):
            painter.drawLine(int(left + d * col), 0, int(left + d * col), self.height())
        # Banners for receptions with no items yet.
        banner_rows: dict[int, int] = {}
        for entry in (e for e in self.entries if e.item is None):
            first = max((entry.start.date() - self.start).days, 0)
            last = min((entry.end.date() - self.start).days, self.days - 1)
            if last < 0 or first >= self.days:
                continue
            level = banner_rows.get(first, 0)
            banner_rows[first] = level + 1
            rect = QRectF(left + first * col + 2, 24 + level * 13, (last - first + 1) * col - 4, 12)
            painter.fillRect(rect, QColor(KIND_COLOURS[None]))
            painter.setPen(QColor("#555555"))
            painter.drawText(rect.adjusted(3, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, entry.title)
            self._boxes.append((rect, entry))
        # Items, side by side where they overlap on the same day.
        by_day: dict[int, list[ScheduleEntry]] = {}
        for entry in (e for e in self.entries if e.item is not None):
            d = (entry.start.date() - self.start).days
            if 0 <= d < self.days:
                by_day.setdefault(d, []).append(entry)
        for d, entries in by_day.items():
            lanes: list[dt.datetime] = []
            placed = []
            for entry in sorted(entries, key=lambda e: e.start):
                lane = next((i for i, end in enumerate(lanes) if end <= entry.start), None)
                if lane is None:
                    lanes.append(entry.end)
                    lane = len(lanes) - 1
                else:
                    lanes[lane] = entry.end
                placed.append((lane, entry))
            width = col / max(len(lanes), 1)
            for lane, entry in placed:
                y1 = top + (entry.start.hour + entry.start.minute / 60 - FIRST_HOUR) * row
                y2 = top + (entry.end.hour + entry.end.minute / 60 - FIRST_HOUR) * row
                if entry.end.date() != entry.start.date():
                    y2 = top + (LAST_HOUR - FIRST_HOUR) * row
                rect = QRectF(left + d * col + lane * width + 2, max(y1, top), width - 4, max(y2 - y1, 14))
                painter.fillRect(rect, QColor(KIND_COLOURS.get(entry.item.kind, "#eaeded")))
                painter.setPen(QPen(QColor("#7f8c8d")))
                painter.drawRect(rect)
                painter.setPen(QColor("#222222"))
                text = f"{entry.start:%H:%M} {entry.title}\n{entry.item.room_name or entry.item.place}"
                painter.drawText(rect.adjusted(3, 1, -2, -1), Qt.TextFlag.TextWordWrap, text)
                self._boxes.append((rect, entry))
        painter.end()

    def entry_at(self, x: float, y: float) -> ScheduleEntry | None:
        for rect, entry in reversed(self._boxes):
            if rect.contains(x, y):
                return entry
        return None

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        entry = self.entry_at(event.position().x(), event.position().y())
        if entry is not None:
            self.entryActivated.emit(entry)


class ScheduleView(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        today = clock.today()
        self.anchor = today - dt.timedelta(days=today.weekday())
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        self.mode.addItem(self.tr("周视图"), "week")
        self.mode.addItem(self.tr("日视图"), "day")
        self.mode.addItem(self.tr("列表"), "list")
        prev_button = QPushButton("◀")
        next_button = QPushButton("▶")
        today_button = QPushButton(self.tr("今天"))
        prev_button.clicked.connect(lambda: self.shift(-1))
        next_button.clicked.connect(lambda: self.shift(1))
        today_button.clicked.connect(self.go_today)
        self.range_label = QLabel()
        self.department = QComboBox()
        self.level = QComboBox()
        self.room = QComboBox()
        self.vehicle = QComboBox()
        fill_combo(self.department, [(d.name, d.id) for d in org.list_departments()], self.tr("全部部门"))
        fill_combo(self.level, [(lv.label, lv.code) for lv in standards.levels()], self.tr("全部级别"))
        fill_combo(
            self.room, [(r.values["name"], r.id) for r in resources.items("rooms")], self.tr("全部会议室")
        )
        fill_combo(
            self.vehicle,
            [(v.values["plate"], v.id) for v in resources.items("vehicles")],
            self.tr("全部车辆"),
        )
        print_tomorrow = QPushButton(self.tr("打印明日全部安排表…"))
        print_tomorrow.setObjectName("printTomorrow")
        print_tomorrow.clicked.connect(self.print_tomorrow)
        bar = QHBoxLayout()
        for w in (self.mode, prev_button, today_button, next_button, self.range_label):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.department, self.level, self.room, self.vehicle, print_tomorrow):
            bar.addWidget(w)
        self.grid = CalendarGrid()
        self.grid.setObjectName("calendar")
        self.grid.entryActivated.connect(lambda e: self.open(e.application_id))
        self.list_model = RowTableModel(
            [
                Column("date", self.tr("日期"), lambda e: f"{e.start:%Y-%m-%d}"),
                Column("time", self.tr("时间"), lambda e: f"{e.start:%H:%M}–{e.end:%H:%M}"),
                Column(
                    "what", self.tr("事项"), lambda e: e.item.kind_label if e.item else self.tr("（未安排）")
                ),
                Column("client", self.tr("来宾公司"), lambda e: e.client),
                Column("level", self.tr("级别"), lambda e: e.level_code),
                Column("department", self.tr("部门"), lambda e: e.department),
                Column("detail", self.tr("安排"), lambda e: e.item.summary() if e.item else ""),
            ],
            self,
        )
        self.table = make_table(self.list_model, name="scheduleList")
        self.table.doubleClicked.connect(self._open_row)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.table)
        self.checklist_label = QLabel()
        self.checklist_label.setObjectName("tomorrowChecklist")
        self.checklist_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.checklist_label)
        for combo in (self.mode, self.department, self.level, self.room, self.vehicle):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def days(self) -> int:
        return 1 if self.mode.currentData() == "day" else 7

    def shift(self, step: int) -> None:
        self.anchor += dt.timedelta(days=step * self.days())
        self.refresh()

    def go_today(self) -> None:
        today = clock.today()
        self.anchor = today if self.days() == 1 else today - dt.timedelta(days=today.weekday())
        self.refresh()

    def filters(self) -> ScheduleFilter:
        return ScheduleFilter(
            self.department.currentData(),
            self.level.currentData(),
            self.room.currentData(),
            self.vehicle.currentData(),
        )

    def refresh(self) -> None:
        if self.mode.currentData() == "day" and self.anchor.weekday() == 0 and clock.today() >= self.anchor:
            self.anchor = min(clock.today(), self.anchor + dt.timedelta(days=6))
        end = self.anchor + dt.timedelta(days=self.days() - 1)
        entries = arr.schedule(self.actor, self.anchor, end, self.filters())
        self.entries = entries
        self.range_label.setText(f"{self.anchor:%Y-%m-%d} — {end:%Y-%m-%d}")
        self.grid.set_entries(self.anchor, self.days(), entries)
        self.list_model.set_rows(entries)
        self.stack.setCurrentWidget(self.table if self.mode.currentData() == "list" else self.grid)
        tomorrow = clock.today() + dt.timedelta(days=1)
        open_items = arr.open_checklist(self.actor, tomorrow)
        if open_items:
            grouped: dict[str, list[str]] = {}
            for reception, name, owner in open_items:
                grouped.setdefault(reception, []).append(name + (f"（{owner}）" if owner else ""))
            text = "；".join(f"{r}：{'、'.join(names)}" for r, names in grouped.items())
            self.checklist_label.setText(self.tr("明日未完成的准备：") + text)
            self.checklist_label.setStyleSheet("color: #b9770e;")
        else:
            self.checklist_label.setText(self.tr("明日准备工作均已完成。"))
            self.checklist_label.setStyleSheet("")

    def _open_row(self, index) -> None:
        entry = self.list_model.row_at(index)
        if entry is not None:
            self.open(entry.application_id)

    def open(self, application_id: int):
        from desktop.views.arrangement_editor import ArrangementDialog

        dialog = ArrangementDialog(self.actor, application_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.refresh)
        dialog.open()
        return dialog

    def print_tomorrow(self) -> None:
        from desktop.exporters import arrangement_forms

        tomorrow = clock.today() + dt.timedelta(days=1)
        roots = sorted({e.application_id for e in arr.schedule(self.actor, tomorrow, tomorrow)})
        if not roots:
            prompts.info(self, self.tr("明日安排"), self.tr("明天没有已批准的接待。"))
            return
        actor, company = self.actor, settings.company_name()
        path = Path(tempfile.mkdtemp(prefix="reception-print-")) / f"arrangements-{tomorrow:%Y%m%d}.pdf"

        def work(_p):
            details = [arr.get(actor, i) for i in roots]
            result = arrangement_forms.export_day_sheets(details, company, path)
            if actor.can("arrangements.manage"):
                for d in details:
                    arr.mark_printed(actor, d.id)
            return result

        def show(result) -> None:
            self.last_pdf = Path(result)
            dialog = printing.preview_pdf(self, Path(result), self.tr("明日客户接待安排表"))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.refresh()

        ops.run(self, work, show, label=self.tr("正在生成明日安排表…"))
