"""日程: approved receptions and their items as a week grid, a day grid or a list.

The grid is painted from the service's ScheduleEntry list; double-clicking an entry opens the
reception's arrangement. Today and tomorrow are highlighted, because tomorrow is what the admin
office prints for the managers this afternoon.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import arrangements as arr
from desktop.services import org, resources, settings, standards
from desktop.services.arrangements import ScheduleEntry, ScheduleFilter
from desktop.services.auth import Actor
from desktop.views import changes, ops, printing, prompts
from desktop.views.pickers import fill_combo
from desktop.views.table_model import Column, RowTableModel, make_table


def weekday_name(day: dt.date) -> str:
    """周一…周日 in the Chinese interface, Mon…Sun in the English one: the UI language's locale
    (set by ``install_language``) names the days, not a string of Chinese numerals."""
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


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


BANNER_HEIGHT = 14


def _clusters(entries: list[ScheduleEntry]) -> list[list[ScheduleEntry]]:
    """Items of one day in groups that overlap in time (touching is not overlapping)."""
    groups: list[list[ScheduleEntry]] = []
    group_end: dt.datetime | None = None
    for entry in sorted(entries, key=lambda e: (e.start, e.end)):
        if group_end is None or entry.start >= group_end:
            groups.append([])
            group_end = entry.end
        groups[-1].append(entry)
        group_end = max(group_end, entry.end)
    return groups


def _lanes(group: list[ScheduleEntry]) -> tuple[list[tuple[int, ScheduleEntry]], int]:
    """Side-by-side columns for one overlapping group: each item in the first free lane."""
    ends: list[dt.datetime] = []
    placed = []
    for entry in group:
        lane = next((i for i, end in enumerate(ends) if end <= entry.start), None)
        if lane is None:
            ends.append(entry.end)
            lane = len(ends) - 1
        else:
            ends[lane] = entry.end
        placed.append((lane, entry))
    return placed, max(len(ends), 1)


class CalendarGrid(QWidget):
    """Days as columns, hours as rows.

    Every reception has a banner on each of its days (day N of M for a multi-day one), whether
    or not its items are arranged yet, so a two-day visit is visible on its second day too.
    Items that overlap in time stand side by side in their day; a narrow box cuts its text, so
    every box carries its full text as a tooltip.
    """

    entryActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.start = clock.today()
        self.days = 7
        self.entries: list[ScheduleEntry] = []
        self._boxes: list[tuple[QRectF, ScheduleEntry]] = []
        self._tips: list[str] = []  # parallel to _boxes
        self.setMinimumHeight(420)

    def set_entries(self, start: dt.date, days: int, entries: list[ScheduleEntry]) -> None:
        self.start, self.days, self.entries = start, days, entries
        self.update()

    def banners(self) -> list[tuple[ScheduleEntry, bool, int, int, int]]:
        """(reception, arranged, level, first day index, last day index) for each reception in view."""
        receptions: dict[int, list[ScheduleEntry]] = {}
        for entry in self.entries:
            receptions.setdefault(entry.root_id, []).append(entry)
        result = []
        taken: list[list[tuple[int, int]]] = []  # per level, the day ranges used
        for group in sorted(receptions.values(), key=lambda g: (g[0].arrival or g[0].start, g[0].number)):
            first_entry = group[0]
            arrival = first_entry.arrival or first_entry.start
            departure = first_entry.departure or first_entry.end
            first = max((arrival.date() - self.start).days, 0)
            last = min((departure.date() - self.start).days, self.days - 1)
            if last < 0 or first >= self.days:
                continue
            level = next(
                (i for i, used in enumerate(taken) if all(b < first or a > last for a, b in used)),
                len(taken),
            )
            if level == len(taken):
                taken.append([])
            taken[level].append((first, last))
            arranged = any(e.item is not None for e in group)
            reception = replace(first_entry, item=None, start=arrival, end=departure)
            result.append((reception, arranged, level, first, last))
        return result

    def _geometry(self, levels: int = 2) -> tuple[float, float, float, float]:
        left = 56.0
        top = max(52.0, 24 + levels * (BANNER_HEIGHT + 1) + 6)
        col = (self.width() - left - 4) / self.days
        row = (self.height() - top - 4) / (LAST_HOUR - FIRST_HOUR)
        return left, top, col, row

    def _add_box(self, rect: QRectF, entry: ScheduleEntry, tip: str) -> None:
        self._boxes.append((rect, entry))
        self._tips.append(tip)

    def paintEvent(self, _event) -> None:  # noqa: N802
        banners = self.banners()
        levels = max((level + 1 for _r, _a, level, _f, _l in banners), default=0)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        left, top, col, row = self._geometry(levels)
        today = clock.today()
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, self.font().pointSizeF() - 1.5))
        self._boxes, self._tips = [], []
        for d in range(self.days):
            day = self.start + dt.timedelta(days=d)
            x = left + d * col
            if day == today:
                painter.fillRect(QRectF(x, 0, col, self.height()), QColor("#fff8dc"))
            elif day == today + dt.timedelta(days=1):
                painter.fillRect(QRectF(x, 0, col, self.height()), QColor("#eef6ff"))
            painter.setPen(QColor("#333333"))
            label = f"{day:%m-%d} {weekday_name(day)}"
            if day == today:
                label += self.tr("（今天）")
            elif day == today + dt.timedelta(days=1):
                label += self.tr("（明天）")
            painter.drawText(QRectF(x, 2, col, 20), Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(small)
        metrics = painter.fontMetrics()
        for h in range(FIRST_HOUR, LAST_HOUR + 1):
            y = top + (h - FIRST_HOUR) * row
            painter.setPen(QPen(QColor("#dddddd")))
            painter.drawLine(int(left), int(y), self.width(), int(y))
            painter.setPen(QColor("#666666"))
            painter.drawText(QRectF(0, y - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight, f"{h:02d}:00")
        painter.setPen(QPen(QColor("#cccccc")))
        for d in range(self.days + 1):
            painter.drawLine(int(left + d * col), 0, int(left + d * col), self.height())
        # A banner for each reception on each of its days.
        for reception, arranged, level, first, last in banners:
            span = (reception.end.date() - reception.start.date()).days + 1
            tip = self.tr("{client}（{number}）\n{start} — {end}\n{level} 级 · {department}").format(
                client=reception.client,
                number=reception.number,
                start=f"{reception.start:%m-%d %H:%M}",
                end=f"{reception.end:%m-%d %H:%M}",
                level=reception.level_code,
                department=reception.department,
            )
            if not arranged:
                tip += "\n" + self.tr("尚未安排日程")
            for d in range(first, last + 1):
                nth = (self.start + dt.timedelta(days=d) - reception.start.date()).days + 1
                text = reception.client
                if span > 1:
                    # first, so a narrow column still shows which day of the visit it is
                    text = self.tr("第{n}/{m}天 ").format(n=nth, m=span) + text
                if not arranged:
                    text += self.tr("（未安排）")
                rect = QRectF(left + d * col + 2, 24 + level * (BANNER_HEIGHT + 1), col - 4, BANNER_HEIGHT)
                painter.fillRect(rect, QColor("#d4e6f1" if arranged else KIND_COLOURS[None]))
                painter.setPen(QColor("#555555"))
                inner = rect.adjusted(3, 0, -2, 0)
                elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()))
                painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter, elided)
                self._add_box(rect, reception, tip)
        # Items: each group of overlapping items shares its day's column side by side.
        by_day: dict[int, list[ScheduleEntry]] = {}
        for entry in (e for e in self.entries if e.item is not None):
            d = (entry.start.date() - self.start).days
            if 0 <= d < self.days:
                by_day.setdefault(d, []).append(entry)
        for d, entries in by_day.items():
            for group in _clusters(entries):
                placed, lanes = _lanes(group)
                width = col / lanes
                for lane, entry in placed:
                    y1 = top + (entry.start.hour + entry.start.minute / 60 - FIRST_HOUR) * row
                    y2 = top + (entry.end.hour + entry.end.minute / 60 - FIRST_HOUR) * row
                    if entry.end.date() != entry.start.date():
                        y2 = top + (LAST_HOUR - FIRST_HOUR) * row
                    y1 = min(max(y1, top), top + (LAST_HOUR - FIRST_HOUR) * row - 14)
                    rect = QRectF(left + d * col + lane * width + 2, y1, width - 4, max(y2 - y1, 14))
                    painter.fillRect(rect, QColor(KIND_COLOURS.get(entry.item.kind, "#eaeded")))
                    painter.setPen(QPen(QColor("#7f8c8d")))
                    painter.drawRect(rect)
                    painter.setPen(QColor("#222222"))
                    where = entry.item.room_name or entry.item.place
                    text = f"{entry.start:%H:%M} {entry.title}\n{where}"
                    painter.drawText(rect.adjusted(3, 1, -2, -1), Qt.TextFlag.TextWordWrap, text)
                    tip = f"{entry.start:%m-%d %H:%M}–{entry.end:%H:%M}  {entry.item.kind_label}\n"
                    tip += f"{entry.client}（{entry.number}）"
                    summary = entry.item.summary()
                    if summary:
                        tip += f"\n{summary}"
                    if where and where not in summary:
                        tip += f"\n{where}"
                    self._add_box(rect, entry, tip)
        painter.end()

    def entry_at(self, x: float, y: float) -> ScheduleEntry | None:
        for rect, entry in reversed(self._boxes):
            if rect.contains(x, y):
                return entry
        return None

    def tooltip_at(self, x: float, y: float) -> str:
        for (rect, _entry), tip in zip(reversed(self._boxes), reversed(self._tips), strict=True):
            if rect.contains(x, y):
                return tip
        return ""

    def event(self, event) -> bool:  # noqa: D401 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.pos().x(), event.pos().y())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

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
        # Two rows (period, then filters): on one row the bar alone needed 1,160 px and the
        # window could not shrink to a 1024-pixel screen.
        for arrow in (prev_button, next_button):
            arrow.setMaximumWidth(40)
        for combo in (self.department, self.level, self.room, self.vehicle):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        bar = QVBoxLayout()
        period = QHBoxLayout()
        for w in (self.mode, prev_button, today_button, next_button, self.range_label):
            period.addWidget(w)
        period.addStretch(1)
        period.addWidget(print_tomorrow)
        filters = QHBoxLayout()
        for w in (self.department, self.level, self.room, self.vehicle):
            filters.addWidget(w, 1)
        filters.addStretch(1)
        bar.addLayout(period)
        bar.addLayout(filters)
        self.grid = CalendarGrid()
        self.grid.setObjectName("calendar")
        self.grid.entryActivated.connect(lambda e: self.open(e.application_id))
        self.list_model = RowTableModel(
            [
                Column("date", self.tr("日期"), lambda e: f"{e.start:%Y-%m-%d}", value=lambda e: e.start),
                Column(
                    "time",
                    self.tr("时间"),
                    lambda e: f"{e.start:%H:%M}–{e.end:%H:%M}",
                    value=lambda e: e.start.time(),
                ),
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
        changes.watch(
            self,
            (changes.ARRANGEMENTS, changes.APPLICATIONS, changes.APPROVALS, changes.SETTINGS),
            self.refresh,
        )

    def days(self) -> int:
        return 1 if self.mode.currentData() == "day" else 7

    def shift(self, step: int) -> None:
        self.anchor += dt.timedelta(days=step * self.days())
        self.refresh()

    def go_today(self) -> None:
        self.go_to(clock.today())

    def go_to(self, day: dt.date) -> None:
        """Show the day (day view) or the week holding it."""
        self.anchor = day if self.days() == 1 else day - dt.timedelta(days=day.weekday())
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

        def work(_p) -> tuple[Path, list[tuple[int, int]]]:
            details = [arr.get(actor, i) for i in roots]
            result = arrangement_forms.export_day_sheets(details, company, path)
            return Path(result), [(d.id, d.revision) for d in details]

        def record(sheets: list[tuple[int, int]]) -> None:
            """Printed, not merely previewed: remember the revisions that went out."""

            def write(_p) -> None:
                for arrangement_id, revision in sheets:
                    arr.mark_printed(actor, arrangement_id, revision)

            ops.run(
                self,
                write,
                lambda _r: None,
                write=True,
                changes=(changes.ARRANGEMENTS,),
                progress_dialog=False,
            )

        def show(result: tuple[Path, list[tuple[int, int]]]) -> None:
            pdf, sheets = result
            self.last_pdf = pdf
            on_printed = (lambda: record(sheets)) if actor.can("arrangements.manage") else None
            printing.show_preview(self, pdf, self.tr("明日客户接待安排表"), on_printed=on_printed)

        ops.run(self, work, show, label=self.tr("正在生成明日安排表…"))
