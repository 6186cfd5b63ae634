"""接待安排 editor: itinerary items with bookings, the preparation checklist, and the prints.

Clashes are refused by the service with the other reception named; warnings (a room too small)
are shown but do not stop the save.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QDateTime, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import arrangements as arr
from desktop.services import org, resources, settings
from desktop.services.arrangements import BookingConflict, ItemForm
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, StaleRecord, ValidationError
from desktop.views import changes, filedialogs, ops, printing, prompts
from desktop.views.editor import EditorDialog, scrolled
from desktop.views.fields import FieldErrors
from desktop.views.pickers import fill_combo
from desktop.views.table_model import Column, RowTableModel, make_table


def _qdt(value: dt.datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def _pydt(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class ArrangementDialog(EditorDialog):
    """An :class:`EditorDialog`: an item typed but not saved is asked about before it is lost
    (closing, or choosing another item); the item form scrolls, the buttons never do."""

    changed = Signal()
    default_size = QSize(1180, 820)

    def __init__(self, actor: Actor, application_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.application_id = application_id
        self.item_id: int | None = None
        self.editable = actor.can("arrangements.manage")
        self.setWindowTitle(self.tr("接待安排") + "[*]")
        self.header = QLabel()
        self.header.setObjectName("arrangementHeader")
        self.header.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.header.setWordWrap(True)

        self.items = RowTableModel(
            [
                Column(
                    "start",
                    self.tr("时间"),
                    lambda i: f"{i.start:%m-%d %H:%M}–{i.end:%H:%M}",
                    value=lambda i: i.start,
                ),
                Column("kind", self.tr("事项"), lambda i: i.kind_label),
                Column("summary", self.tr("内容"), lambda i: i.summary()),
            ],
            self,
        )
        self.table = make_table(self.items, sortable=False, name="itemsTable")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._item_selected())

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in arr.KINDS:
            self.kind.addItem(arr.kind_label(kind), kind)
        self.start = QDateTimeEdit()
        self.end = QDateTimeEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self._last_start = self.start.dateTime()
        self.start.dateTimeChanged.connect(self._start_moved)
        self.place = QLineEdit()
        self.room = QComboBox()
        self.room.setObjectName("room")
        self.projector = QCheckBox(self.tr("需要投影仪"))
        self.vehicle = QComboBox()
        self.vehicle.setObjectName("vehicle")
        self.transport_no = QLineEdit()
        self.transport_no.setPlaceholderText(self.tr("航班 / 车次"))
        self.station = QLineEdit()
        self.station.setPlaceholderText(self.tr("机场 / 车站"))
        self.route = QLineEdit()
        self.guide = QLineEdit()
        self.tbc = QCheckBox(self.tr("时间待定（提前 1 小时提醒）"))
        self.restaurant = QComboBox()
        self.hotel = QComboBox()
        self.guests = QSpinBox()
        self.diners = QSpinBox()
        self.rooms = QSpinBox()
        self.nights = QSpinBox()
        for spin in (self.guests, self.diners, self.rooms, self.nights):
            spin.setRange(0, 999)
        self.notes = QLineEdit()
        self.attendees = QListWidget()
        self.attendees.setObjectName("attendees")
        self.attendees.setMaximumHeight(120)
        for e in org.list_employees():
            item = QListWidgetItem(e.label)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.attendees.addItem(item)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("kind", self.tr("事项"), self.kind)
        when = QHBoxLayout()
        when.addWidget(self.start)
        when.addWidget(QLabel(self.tr("至")))
        when.addWidget(self.end)
        self.errors.add_row("start", self.tr("时间 *"), when)
        self.errors.attach("end", self.end)
        self.errors.add_row("place", self.tr("地点"), self.place)
        room_row = QHBoxLayout()
        room_row.addWidget(self.room, 1)
        room_row.addWidget(self.projector)
        self.errors.add_row("room_id", self.tr("会议室"), room_row)
        self.errors.add_row("vehicle_id", self.tr("车辆"), self.vehicle)
        pickup = QHBoxLayout()
        pickup.addWidget(self.transport_no)
        pickup.addWidget(self.station)
        self.errors.add_row("transport_no", self.tr("接送"), pickup)
        tour = QHBoxLayout()
        tour.addWidget(self.route, 2)
        tour.addWidget(QLabel(self.tr("讲解")))
        tour.addWidget(self.guide, 1)
        self.errors.add_row("route", self.tr("参观路线"), tour)
        self.errors.add_row("tbc", "", self.tbc)
        self.errors.add_row("restaurant_id", self.tr("餐厅"), self.restaurant)
        self.errors.add_row("hotel_id", self.tr("协议酒店"), self.hotel)
        counts = QHBoxLayout()
        for label, spin in (
            (self.tr("来宾"), self.guests),
            (self.tr("陪餐"), self.diners),
            (self.tr("房间"), self.rooms),
            (self.tr("晚"), self.nights),
        ):
            counts.addWidget(QLabel(label))
            counts.addWidget(spin)
        self.errors.add_row("diners", self.tr("人数"), counts)
        self.errors.add_row("attendee_ids", self.tr("我方人员"), self.attendees)
        self.errors.add_row("notes", self.tr("备注"), self.notes)
        self.message = QLabel()
        self.message.setObjectName("bookingMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存此项"))
        self.save_button.setObjectName("saveItem")
        self.save_button.clicked.connect(self.save_item)
        new = QPushButton(self.tr("新增事项"))
        new.clicked.connect(lambda: self.can_close() and self.new_item())
        delete = QPushButton(self.tr("删除此项"))
        delete.clicked.connect(self.delete_item)
        for b in (self.save_button, new, delete):
            b.setEnabled(self.editable)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(delete)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        editor = QGroupBox(self.tr("日程事项"))
        ev = QVBoxLayout(editor)
        self.item_form = QWidget()
        item_layout = QVBoxLayout(self.item_form)
        item_layout.setContentsMargins(0, 0, 0, 0)
        item_layout.addLayout(form)
        item_layout.addStretch(1)  # spare height below the rows, not between them
        ev.addWidget(self.errors.make_summary())
        ev.addWidget(scrolled(self.item_form), 1)  # a short screen scrolls the form…
        ev.addWidget(self.message)
        ev.addLayout(buttons)  # …never the item's buttons

        self.checklist = QTableWidget(0, 3)
        self.checklist.setObjectName("checklist")
        self.checklist.setHorizontalHeaderLabels([self.tr("准备事项"), self.tr("负责人"), self.tr("完成")])
        self.checklist.horizontalHeader().setStretchLastSection(True)
        self.checklist.verticalHeader().hide()
        self.checklist.itemChanged.connect(self._checklist_changed)
        self.new_check = QLineEdit()
        self.new_check.setPlaceholderText(self.tr("新增准备事项，如：接站牌"))
        self.new_check.returnPressed.connect(self.add_check)
        self.recipients = QLineEdit()
        self.recipients.setObjectName("recipients")
        save_recipients = QPushButton(self.tr("保存接收人"))
        save_recipients.clicked.connect(self.save_recipients)
        check_box = QGroupBox(self.tr("准备工作"))
        cv = QVBoxLayout(check_box)
        cv.addWidget(self.checklist)
        cv.addWidget(self.new_check)
        rec = QHBoxLayout()
        rec.addWidget(QLabel(self.tr("安排表接收人")))
        rec.addWidget(self.recipients, 1)
        rec.addWidget(save_recipients)
        cv.addLayout(rec)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table, 3)
        lv.addWidget(check_box, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(editor)
        split.setSizes([600, 560])

        print_sheet = QPushButton(self.tr("打印安排表…"))
        print_sheet.setObjectName("printSheet")
        print_sheet.clicked.connect(lambda: self.preview("arrangement"))
        print_itinerary = QPushButton(self.tr("打印行程单…"))
        print_itinerary.clicked.connect(lambda: self.preview("itinerary"))
        export = QPushButton(self.tr("导出…"))
        export.clicked.connect(self.export)
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("closeArrangement")
        close.clicked.connect(self.reject)  # asks about an unsaved item
        bottom = QHBoxLayout()
        for b in (print_sheet, print_itinerary, export):
            bottom.addWidget(b)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        fill_combo(
            self.room,
            [(f"{r.values['name']}（{r.values['capacity']} 人）", r.id) for r in resources.items("rooms")],
            self.tr("（无）"),
        )
        fill_combo(
            self.vehicle,
            [
                (f"{v.values['plate']} {v.values['model']}（{v.values['seats']} 座）", v.id)
                for v in resources.items("vehicles")
            ],
            self.tr("（无）"),
        )
        fill_combo(
            self.restaurant,
            [(r.values["name"], r.id) for r in resources.items("restaurants")],
            self.tr("（无）"),
        )
        fill_combo(
            self.hotel, [(h.values["name"], h.id) for h in resources.items("hotels")], self.tr("（无）")
        )
        self.reload()
        self.new_item()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.track(self.item_form)
        self.set_modified(False)

    def _start_moved(self, value: QDateTime) -> None:
        """Moving the start moves the end with it, keeping the duration (as calendars do);
        otherwise moving a meeting to the afternoon left it ending in the morning."""
        delta = self._last_start.secsTo(value)
        self._last_start = value
        if delta:
            self.end.setDateTime(self.end.dateTime().addSecs(delta))

    def _kind_changed(self) -> None:
        """A new pickup meets the guests one hour before they arrive (the regulation's default)."""
        if self.item_id is not None or self.kind.currentData() != "pickup":
            return
        arrival = self.detail.application.form.arrival
        self.start.setDateTime(_qdt(arrival - arr.PICKUP_EARLY))
        self.end.setDateTime(_qdt(arrival + dt.timedelta(minutes=30)))

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        self.detail = arr.get(self.actor, self.application_id)
        if self.detail.id == 0 and self.actor.can("arrangements.manage"):
            # Reading no longer creates the arrangement (an export must not write): the editor does,
            # so the checklist rows it shows have ids to tick.
            arr.ensure(self.actor, self.application_id)
            self.detail = arr.get(self.actor, self.application_id)
        app = self.detail.application
        form = app.form
        revision = self.tr("安排表第 {n} 版").format(n=self.detail.revision)
        if self.detail.changed_since_print:
            revision += self.tr("（打印后有变更）")
        self.header.setText(
            f"{app.info.number}　{form.client_company}　{app.estimate.standard.label}　"
            f"{form.arrival:%m-%d %H:%M} — {form.departure:%m-%d %H:%M}　{revision}"
        )
        self.items.set_rows(self.detail.items)
        self.recipients.setText("，".join(self.detail.recipients))
        self._load_checklist()

    def _load_checklist(self) -> None:
        self.checklist.blockSignals(True)
        self.checklist.setRowCount(0)
        owners = [(self.tr("（未指定）"), None)] + [(e.name, e.id) for e in org.list_employees()]
        for r, c in enumerate(self.detail.checklist):
            self.checklist.insertRow(r)
            name = QTableWidgetItem(c.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, c.id)
            self.checklist.setItem(r, 0, name)
            owner = QComboBox()
            fill_combo(owner, owners[1:], owners[0][0])
            owner.setCurrentIndex(max(owner.findData(c.owner_id), 0))
            owner.setEnabled(self.editable)
            owner.currentIndexChanged.connect(
                lambda _i, cid=c.id, combo=owner: self._owner_changed(cid, combo)
            )
            self.checklist.setCellWidget(r, 1, owner)
            done = QTableWidgetItem(self.tr("已完成") if c.done else "")
            done.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            done.setCheckState(Qt.CheckState.Checked if c.done else Qt.CheckState.Unchecked)
            self.checklist.setItem(r, 2, done)
        self.checklist.blockSignals(False)

    # ------------------------------------------------------------------ item form

    def new_item(self) -> None:
        self.item_id = None
        self.item_version = None
        self.table.clearSelection()
        form = self.detail.application.form
        start = form.arrival
        self._fill(
            ItemForm(kind="meeting", start=start, end=start + dt.timedelta(hours=1), guests=len(form.guests))
        )
        self.message.clear()

    def _item_selected(self) -> None:
        item = self.items.row_at(self.table.currentIndex())
        if item is None:
            return
        if item.id != self.item_id and not self.can_close():
            # 取消: stay on the item being typed (after the click has finished selecting)
            QTimer.singleShot(0, self, lambda: self._select_item_row(self.item_id))
            return
        self.item_id = item.id
        self.item_version = item.version
        self._select_item_row(item.id)  # 保存 reselected the saved item
        self._fill(item.form())
        self.message.clear()

    def _select_item_row(self, item_id: int | None) -> None:
        """Show ``item_id`` as selected without treating it as a new choice."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            rows = [r for r, info in enumerate(self.items.rows) if info.id == item_id]
            if rows:
                self.table.selectRow(rows[0])
            else:
                self.table.clearSelection()
                self.table.setCurrentIndex(self.items.index(-1, -1))
        finally:
            selection.blockSignals(False)

    def save_changes(self) -> bool:
        """保存 in the close prompt saves the item being typed."""
        return self.save_item()

    def _fill(self, f: ItemForm) -> None:
        """Show an item (or a new one); the form is then unmodified."""
        with self.loading():
            self._fill_fields(f)
        self.set_modified(False)

    def _fill_fields(self, f: ItemForm) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(f.kind), 0))
        self.start.setDateTime(_qdt(f.start))
        self.end.setDateTime(_qdt(f.end))
        self.place.setText(f.place)
        for combo, value in (
            (self.room, f.room_id),
            (self.vehicle, f.vehicle_id),
            (self.restaurant, f.restaurant_id),
            (self.hotel, f.hotel_id),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.projector.setChecked(f.projector)
        self.transport_no.setText(f.transport_no)
        self.station.setText(f.station)
        self.route.setText(f.route)
        self.guide.setText(f.guide)
        self.tbc.setChecked(f.to_be_confirmed)
        for spin, value in (
            (self.guests, f.guests),
            (self.diners, f.diners),
            (self.rooms, f.rooms),
            (self.nights, f.nights),
        ):
            spin.setValue(value)
        self.notes.setText(f.notes)
        chosen = set(f.attendee_ids)
        for i in range(self.attendees.count()):
            item = self.attendees.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in chosen
                else Qt.CheckState.Unchecked
            )
        self.errors.clear()

    def value(self) -> ItemForm:
        attendees = [
            self.attendees.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.attendees.count())
            if self.attendees.item(i).checkState() == Qt.CheckState.Checked
        ]
        return ItemForm(
            kind=self.kind.currentData(),
            start=_pydt(self.start.dateTime()),
            end=_pydt(self.end.dateTime()),
            place=self.place.text(),
            room_id=self.room.currentData(),
            projector=self.projector.isChecked(),
            vehicle_id=self.vehicle.currentData(),
            transport_no=self.transport_no.text(),
            station=self.station.text(),
            route=self.route.text(),
            guide=self.guide.text(),
            to_be_confirmed=self.tbc.isChecked(),
            restaurant_id=self.restaurant.currentData(),
            hotel_id=self.hotel.currentData(),
            guests=self.guests.value(),
            diners=self.diners.value(),
            rooms=self.rooms.value(),
            nights=self.nights.value(),
            notes=self.notes.text(),
            attendee_ids=attendees,
            # The version of the item as read: a save over someone else's later edit is refused.
            version=getattr(self, "item_version", None) if self.item_id is not None else None,
        )

    def save_item(self) -> bool:
        self.errors.clear()
        try:
            item, warnings = arr.save_item(self.actor, self.application_id, self.value(), self.item_id)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)
            self.message.setStyleSheet("color: #c0392b;")
            self.message.setText("\n".join(exc.errors[k] for k in unplaced))
            return False
        except BookingConflict as exc:
            self.message.setStyleSheet("color: #c0392b;")
            self.message.setText(self.tr("冲突，未保存：") + "\n" + str(exc))
            return False
        except StaleRecord as exc:  # the form stays as typed unless 重新载入 is chosen
            self.message.setStyleSheet("color: #c0392b;")
            self.message.setText(str(exc))
            if prompts.offer_reload(self, exc):
                self.set_modified(False)
                self.reload()
                self._select_item_row(self.item_id)
                current = next((i for i in self.items.rows if i.id == self.item_id), None)
                if current is not None:
                    self.item_version = current.version
                    self._fill(current.form())
            return False
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.item_id = item.id
        self.set_modified(False)
        self.reload()
        for row, info in enumerate(self.items.rows):
            if info.id == item.id:
                self.table.selectRow(row)
        # after reselecting (which clears the message): a room too small must stay in view
        self.message.setStyleSheet("color: #b9770e;" if warnings else "color: #1e8449;")
        self.message.setText("\n".join(warnings) if warnings else self.tr("已保存。"))
        self.changed.emit()
        changes.announce(changes.ARRANGEMENTS, initiator=self)  # 接待日程 and the bell refresh
        return True

    def delete_item(self) -> None:
        if self.item_id is None:
            return
        if not prompts.ask(self, self.tr("删除"), self.tr("删除这一项安排吗？")):
            return
        arr.delete_item(self.actor, self.item_id)
        self.set_modified(False)
        self.reload()
        self.new_item()
        self.changed.emit()
        changes.announce(changes.ARRANGEMENTS, initiator=self)

    # ------------------------------------------------------------------ checklist

    def _checklist_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 2:
            return
        checklist_id = self.checklist.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        try:
            arr.set_checklist(self.actor, checklist_id, done=item.checkState() == Qt.CheckState.Checked)
        except ServiceError as exc:
            prompts.show_error(self, exc)
        self.reload()

    def _owner_changed(self, checklist_id: int, combo: QComboBox) -> None:
        try:
            arr.set_checklist(self.actor, checklist_id, owner_id=combo.currentData())
        except ServiceError as exc:
            prompts.show_error(self, exc)

    def add_check(self) -> None:
        try:
            arr.add_checklist_item(self.actor, self.application_id, self.new_check.text())
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self.new_check.clear()
        self.reload()

    def save_recipients(self) -> None:
        names = self.recipients.text().replace("，", ",").replace("、", ",").split(",")
        try:
            arr.set_recipients(self.actor, self.application_id, names)
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self.reload()

    # ------------------------------------------------------------------ prints

    def _write(self, which: str, path: Path) -> tuple[Path, int]:
        """Write a sheet; returns the file and the arrangement revision it shows."""
        from desktop.exporters import arrangement_forms

        detail = arr.get(self.actor, self.application_id)
        company = settings.company_name()
        if which == "arrangement":
            return arrangement_forms.export_arrangement(detail, company, path), detail.revision
        return arrangement_forms.export_itinerary(detail, company, path), detail.revision

    def _record_printed(self, revision: int) -> None:
        """The arrangement sheet went out (printed or exported; a preview is not): remember the
        revision it showed, so a later change is marked 打印后有变更."""
        if not self.editable:
            return
        actor, arrangement_id = self.actor, self.detail.id
        ops.run(
            self,
            lambda _p: arr.mark_printed(actor, arrangement_id, revision),
            lambda _r: self.reload(),
            write=True,
            changes=(changes.ARRANGEMENTS,),
            progress_dialog=False,
        )

    def preview(self, which: str) -> None:
        path = Path(tempfile.mkdtemp(prefix="reception-print-")) / f"{which}-{self.application_id}.pdf"

        def show(result: tuple[Path, int]) -> None:
            pdf, revision = result
            printing.show_preview(
                self,
                pdf,
                self.tr("客户接待安排表") if which == "arrangement" else self.tr("商务考察行程安排表"),
                on_printed=(lambda: self._record_printed(revision)) if which == "arrangement" else None,
            )

        ops.run(self, lambda _p: self._write(which, path), show, label=self.tr("正在生成…"))

    def export(self) -> None:
        number = self.detail.application.info.number
        path, _ = filedialogs.get_save_file_name(
            self,
            self.tr("导出安排表 / 行程单"),
            str(Path.home() / f"客户接待安排表-{number}.pdf"),
            self.tr("PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)"),
        )
        if not path:
            return
        which = "itinerary" if "行程" in Path(path).stem else "arrangement"

        def exported(result: tuple[Path, int]) -> None:
            self.message.setText(self.tr("已导出：{path}").format(path=path))
            if which == "arrangement":
                self._record_printed(result[1])

        ops.run(
            self,
            lambda _p: self._write(which, Path(path)),
            exported,
            label=self.tr("正在导出…"),
        )
