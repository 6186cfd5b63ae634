"""The home dashboard: the first view after login, with the figures of the actor's roles.

Charts are Qt's own (QtCharts, from PySide6-Addons): each opens the list behind it on a click
(the main view that holds those records, filtered where the view allows it) and saves itself as
a PNG from its context menu. All figures come from :mod:`desktop.services.dashboard` in one
call; the view refreshes when visits, receptions, arrangements, feedback or expenses change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.services import dashboard
from desktop.services.auth import Actor
from desktop.services.money import format_money
from desktop.views import changes, filedialogs, prompts

OVER_COLOR = QColor("#c0392b")


class ChartCard(QChartView):
    """One chart: a click opens the list behind it; right click (or the button) saves a PNG.

    ``activated(index)`` carries the bar clicked (its category index), or -1 for the chart as a
    whole, so the dashboard can open the list filtered to that bar where the view allows it.
    """

    activated = Signal(int)

    def __init__(self, chart: QChart, name: str, tooltip: str, parent: QWidget | None = None):
        super().__init__(chart, parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(300, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(tooltip)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._bar_hit = -1
        for series in chart.series():
            if isinstance(series, QBarSeries | QStackedBarSeries | QHorizontalBarSeries):
                series.clicked.connect(self._on_bar)

    def _on_bar(self, index: int, _barset: QBarSet) -> None:
        self._bar_hit = index

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._bar_hit = -1
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self._bar_hit)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = QMenu(self)
        menu.addAction(self.tr("导出为 PNG…"), self.ask_export)
        menu.addAction(self.tr("打开明细"), lambda: self.activated.emit(-1))
        menu.exec(event.globalPos())

    def ask_export(self) -> None:
        path, _ = filedialogs.get_save_file_name(
            self,
            self.tr("导出图表"),
            f"{self.chart().title() or self.objectName()}.png",
            self.tr("PNG 图片 (*.png)"),
        )
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            if not self.export_png(path):
                prompts.warn(self, self.tr("导出图表"), self.tr("无法写入 {path}。").format(path=path))

    def export_png(self, path: str) -> bool:
        return self.grab().save(path, "PNG")


def _bar_chart(
    title: str,
    categories: list[str],
    sets: list[tuple[str, list[float]]],
    *,
    stacked: bool = False,
    horizontal: bool = False,
) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    series = QHorizontalBarSeries() if horizontal else QStackedBarSeries() if stacked else QBarSeries()
    top = 0.0
    for label, values in sets:
        bar_set = QBarSet(label)
        for value in values:
            bar_set.append(float(value))
        series.append(bar_set)
        top = max(top, *(values or [0]))
    if stacked and sets:
        top = max(sum(vals[i] for _, vals in sets) for i in range(len(categories))) if categories else 0
    chart.addSeries(series)
    cat_axis = QBarCategoryAxis()
    cat_axis.append(categories)
    if len(categories) > 8:  # many short labels (hours, days): a smaller font keeps them whole
        font = cat_axis.labelsFont()
        font.setPointSizeF(max(6.5, font.pointSizeF() - 2))
        cat_axis.setLabelsFont(font)
    value_axis = QValueAxis()
    value_axis.setRange(0, max(1.0, float(top) * 1.15))
    value_axis.setLabelFormat("%.0f")
    value_axis.applyNiceNumbers()
    chart.addAxis(cat_axis, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(cat_axis)
    series.attachAxis(value_axis)
    chart.legend().setVisible(len(sets) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class TileGrid(QGridLayout):
    """Figures three to a row: five English captions side by side need more than a 1024 screen."""

    COLUMNS = 3

    def add(self, widget: QWidget) -> None:
        n = self.count()
        self.addWidget(widget, n // self.COLUMNS, n % self.COLUMNS)


class Tile(QPushButton):
    """A big number with its caption; a click opens the list behind it."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(64)
        self.setStyleSheet(
            "QPushButton { border: 1px solid #d0d7de; border-radius: 6px; padding: 6px; text-align: left; }"
            "QPushButton:hover { background: #eef4fb; }"
        )

    def set_value(self, value: str, caption: str, warn: bool = False) -> None:
        color = "#c0392b" if warn else "#1f4e79"
        self.setText(f"{value}\n{caption}")
        self.setStyleSheet(self.styleSheet() + f"QPushButton {{ color: {color}; font-size: 11pt; }}")
        self.value = value


def _money_short(value: Decimal) -> float:
    return float(value)


class DashboardView(QWidget):
    """首页: front desk, admin office and finance sections, as the actor's roles allow."""

    #: (view key, filter) asked for by a click; the main window opens it.
    openRequested = Signal(str, object)

    KINDS = (
        changes.VISITS,
        changes.APPLICATIONS,
        changes.APPROVALS,
        changes.ARRANGEMENTS,
        changes.FEEDBACK,
        changes.EXPENSES,
        changes.IMPORTS,
        changes.RECONCILIATION,
        changes.SETTINGS,
    )

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.data: dashboard.Dashboard | None = None
        self.charts: dict[str, ChartCard] = {}
        self.tiles: dict[str, Tile] = {}
        self.title = QLabel()
        self.title.setObjectName("dashboardTitle")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        if actor.can("applications.view_all"):
            report = QPushButton(self.tr("月度接待报告…"))
            report.setObjectName("monthlyReport")
            report.clicked.connect(self.export_monthly_report)
            header.addWidget(report)
        header.addWidget(refresh)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addLayout(self.body)
        layout.addStretch(1)
        changes.watch(self, self.KINDS, self.refresh)
        self.openRequested.connect(self._open)
        self.refresh()

    # ------------------------------------------------------------------ building

    def _clear(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.charts.clear()
        self.tiles.clear()

    def refresh(self) -> None:
        self.data = dashboard.load(self.actor)
        self._clear()
        self.title.setText(self.tr("首页概览 · {date}").format(date=self.data.today.isoformat()))
        if self.data.front_desk is not None:
            self.body.addWidget(self._front_desk(self.data.front_desk))
        if self.data.admin_office is not None:
            self.body.addWidget(self._admin_office(self.data.admin_office))
        if self.data.finance is not None:
            self.body.addWidget(self._finance(self.data.finance))

    def _tile(self, name: str, value: str, caption: str, target: str, filt=None, warn: bool = False) -> Tile:
        tile = Tile(name)
        tile.set_value(value, caption, warn)
        tile.clicked.connect(lambda: self.openRequested.emit(target, filt))
        self.tiles[name] = tile
        return tile

    def _chart(
        self, name: str, chart: QChart, target: str, filt: Callable[[int], object] | None = None
    ) -> ChartCard:
        card = ChartCard(chart, name, self.tr("单击打开明细；右键导出为 PNG"))
        card.activated.connect(lambda i: self.openRequested.emit(target, filt(i) if filt else None))
        self.charts[name] = card
        return card

    def _front_desk(self, data: dashboard.FrontDesk) -> QGroupBox:
        box = QGroupBox(self.tr("前台"))
        grid = QGridLayout(box)
        tiles = TileGrid()
        tiles.add(
            self._tile(
                "todayVisitors", str(data.today_total), self.tr("今日来访（人）"), "log", {"day": data.day}
            )
        )
        tiles.add(self._tile("onSite", str(data.on_site), self.tr("当前在访（人）"), "visitors"))
        tiles.add(self._tile("expected", str(data.expected), self.tr("今日预约未到（人）"), "visitors"))
        grid.addLayout(tiles, 0, 0, 1, 2)
        hours = list(range(7, 20))
        extra = sorted(h for h in data.by_hour if h not in hours)
        hours = sorted(set(hours) | set(extra))
        chart = _bar_chart(
            self.tr("今日来访（按签到时刻，时）"),
            [str(h) for h in hours],
            [(self.tr("人数"), [data.by_hour.get(h, 0) for h in hours])],
        )
        grid.addWidget(self._chart("visitorsByHour", chart, "log", lambda _i: {"day": data.day}), 1, 0)
        monday = data.day - dt.timedelta(days=data.day.weekday())
        week = _bar_chart(
            self.tr("本周与上周（按星期）"),
            [QLocale().dayName(i, QLocale.FormatType.ShortFormat) for i in range(1, 8)],
            [(self.tr("上周"), data.last_week), (self.tr("本周"), data.this_week)],
        )
        grid.addWidget(
            self._chart(
                "weekCompare",
                week,
                "log",
                lambda i: {"day": monday + dt.timedelta(days=i)} if i >= 0 else None,
            ),
            1,
            1,
        )
        return box

    def _admin_office(self, data: dashboard.AdminOffice) -> QGroupBox:
        box = QGroupBox(self.tr("行政部"))
        grid = QGridLayout(box)
        tiles = TileGrid()
        tiles.add(
            self._tile(
                "openPreparations",
                str(data.open_preparations),
                self.tr("{date} 前未完成的准备事项").format(date=data.prepare_until.strftime("%m-%d")),
                "schedule",
                {"day": data.prepare_until},
                warn=data.open_preparations > 0,
            )
        )
        tiles.add(
            self._tile(
                "overdueFeedback",
                str(data.overdue_feedback),
                self.tr("逾期未交的信息反馈"),
                "feedback",
                warn=data.overdue_feedback > 0,
            )
        )
        grid.addLayout(tiles, 0, 0, 1, 2)
        labels = [f"{d:%m-%d}" if d.day == 1 or i == 0 else f"{d:%d}" for i, d in enumerate(data.days)]
        sets = [(level, [data.receptions.get((d, level), 0) for d in data.days]) for level in data.levels]
        sets = [s for s in sets if any(s[1])] or [
            (data.levels[0] if data.levels else "", [0] * len(data.days))
        ]
        chart = _bar_chart(self.tr("本周和下周的接待（按到达日、级别）"), labels, sets, stacked=True)
        grid.addWidget(
            self._chart(
                "receptionsByDay", chart, "schedule", lambda i: {"day": data.days[i]} if i >= 0 else None
            ),
            1,
            0,
            1,
            2,
        )
        bookings = _bar_chart(
            self.tr("会议室与车辆预订（按天）"),
            labels,
            [
                (self.tr("会议室"), [data.rooms.get(d, 0) for d in data.days]),
                (self.tr("车辆"), [data.vehicles.get(d, 0) for d in data.days]),
            ],
        )
        grid.addWidget(
            self._chart(
                "bookingsByDay", bookings, "schedule", lambda i: {"day": data.days[i]} if i >= 0 else None
            ),
            2,
            0,
            1,
            2,
        )
        if data.unprepared:
            lines = [
                self.tr("{number} {client}（{arrival}）：{n} 项未完成").format(
                    number=u.number,
                    client=u.client,
                    arrival=u.arrival.strftime("%m-%d %H:%M"),
                    n=u.open_items,
                )
                for u in data.unprepared
            ]
            label = QLabel("\n".join(lines))
            label.setObjectName("unpreparedList")
            label.setWordWrap(True)
            grid.addWidget(label, 3, 0, 1, 2)
        return box

    def _finance(self, data: dashboard.Finance) -> QGroupBox:
        box = QGroupBox(self.tr("财务 / 总经理"))
        grid = QGridLayout(box)
        tiles = TileGrid()
        month_total = sum(data.month_by_department.values(), Decimal("0.00"))
        year_total = sum(data.year_by_department.values(), Decimal("0.00"))
        tiles.add(self._tile("monthSpending", format_money(month_total), self.tr("本月接待费用"), "expenses"))
        tiles.add(self._tile("yearSpending", format_money(year_total), self.tr("本年接待费用"), "expenses"))
        flags_target = "reconciliation" if self.actor.can("finance.import") else "expenses"
        tiles.add(
            self._tile(
                "openFlags",
                str(data.open_flags),
                self.tr("待处理对账记录"),
                flags_target,
                warn=data.open_flags > 0,
            )
        )
        waiting = sum(data.summaries_waiting.values())
        tiles.add(
            self._tile(
                "summariesWaiting",
                str(waiting),
                self.tr("待审核 {a} · 待审批 {b} · 待报销 {c}").format(
                    a=data.summaries_waiting.get("submitted", 0),
                    b=data.summaries_waiting.get("audited", 0),
                    c=data.summaries_waiting.get("approved", 0),
                ),
                "expenses",
            )
        )
        tiles.add(
            self._tile(
                "overStandard",
                str(data.over_standard),
                self.tr("本年超标准接待"),
                "applications",
                {"status": "approved"},
                warn=data.over_standard > 0,
            )
        )
        grid.addLayout(tiles, 0, 0, 1, 2)
        deps = [
            d for d in data.departments if data.year_by_department.get(d) or data.month_by_department.get(d)
        ]
        deps = deps or data.departments[:1]
        by_dep = _bar_chart(
            self.tr("接待费用（按部门）"),
            deps,
            [
                (self.tr("本月"), [_money_short(data.month_by_department.get(d, 0)) for d in deps]),
                (self.tr("本年"), [_money_short(data.year_by_department.get(d, 0)) for d in deps]),
            ],
        )
        grid.addWidget(self._chart("spendingByDepartment", by_dep, "expenses"), 1, 0)
        levels = data.levels
        by_level = _bar_chart(
            self.tr("接待费用（按级别）"),
            levels,
            [
                (self.tr("本月"), [_money_short(data.month_by_level.get(lv, 0)) for lv in levels]),
                (self.tr("本年"), [_money_short(data.year_by_level.get(lv, 0)) for lv in levels]),
            ],
        )
        grid.addWidget(self._chart("spendingByLevel", by_level, "expenses"), 1, 1)
        grid.addWidget(self._budget_chart(data), 2, 0)
        per_guest = _bar_chart(
            self.tr("人均接待费用（按级别，本年）"),
            levels,
            [(self.tr("元/人"), [_money_short(data.cost_per_guest(lv)) for lv in levels])],
        )
        grid.addWidget(self._chart("costPerGuest", per_guest, "expenses"), 2, 1)
        over = data.over_budget
        if over:
            text = self.tr("超预算：") + "；".join(
                self.tr("{dep} {m} 月 {actual} / 预算 {budget}").format(
                    dep=r.department, m=r.month, actual=format_money(r.actual), budget=format_money(r.budget)
                )
                for r in over
            )
        else:
            text = self.tr("本年没有超预算的部门月份。")
        label = QLabel(text)
        label.setObjectName("overBudget")
        label.setWordWrap(True)
        if over:
            label.setStyleSheet("color: #c0392b;")
        grid.addWidget(label, 3, 0, 1, 2)
        return box

    def _budget_chart(self, data: dashboard.Finance) -> ChartCard:
        """Budget and actual per month, summed over the departments; a month where any
        department spent more than its budget is marked red (and named below the charts)."""
        months = list(range(1, 13))
        budget = [0.0] * 12
        actual = [0.0] * 12
        for row in data.budget:
            budget[row.month - 1] += float(row.budget) / 1000  # 千元: five-digit labels get elided
            actual[row.month - 1] += float(row.actual) / 1000
        over_months = {r.month - 1 for r in data.over_budget}
        chart = _bar_chart(
            self.tr("{year} 年预算与实际（按月，千元）").format(year=data.year),
            [str(m) for m in months],
            [(self.tr("预算"), budget), (self.tr("实际"), actual)],
        )
        series = chart.series()[0]
        actual_set = series.barSets()[1]
        for index in over_months:
            actual_set.setBarSelected(index, True)
        actual_set.setSelectedColor(OVER_COLOR)
        return self._chart("budgetByMonth", chart, "expenses")

    # ------------------------------------------------------------------ opening lists

    def _open(self, key: str, filt: object) -> None:
        window = self.window()
        show = getattr(window, "show_view", None)
        specs = getattr(window, "specs", ())
        if show is None or key not in {s.key for s in specs}:
            return
        view = show(key)
        apply_filter(view, key, filt)

    def export_monthly_report(self) -> None:
        from desktop.views.monthly_report import MonthlyReportDialog

        dialog = MonthlyReportDialog(self.actor, self)
        dialog.open()


def apply_filter(view: QWidget, key: str, filt: object) -> None:
    """Narrow the opened list to what was clicked, where that view has the controls for it."""
    if not isinstance(filt, dict):
        return
    day = filt.get("day")
    if key == "log" and day is not None and hasattr(view, "date_from"):
        qdate = QDate(day.year, day.month, day.day)
        view.date_from.setDate(qdate)
        view.date_to.setDate(qdate)
    elif key == "schedule" and day is not None and hasattr(view, "go_to"):
        view.go_to(day)
    elif key == "applications" and "status" in filt and hasattr(view, "status"):
        index = view.status.findData((filt["status"],))
        if index >= 0:
            view.status.setCurrentIndex(index)
