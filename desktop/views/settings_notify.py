"""设置 → 通知: where notifications go besides the in-app bell (e-mail, DingTalk / WeCom / Feishu
group robots), for which events, and whether the last delivery failed.

The test button sends through the same code as the real messages, off the UI thread: a server
that does not answer must not freeze the settings window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import outbox
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.views import changes, ops, prompts
from desktop.views.editor import EditorMixin
from desktop.views.fields import FieldErrors


class NotifyTab(EditorMixin, QWidget):
    """Channels on the left; the chosen one's address, events and last error on the right."""

    changed = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.channel_id: int | None = None
        self.list = QListWidget()
        self.list.setObjectName("channels")
        self.list.currentItemChanged.connect(lambda *_: self._picked())
        new = QPushButton(self.tr("新建通知方式"))
        new.clicked.connect(self.new_channel)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        ll.addWidget(new)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.name = QLineEdit()
        self.name.setObjectName("channelName")
        self.name.setPlaceholderText(self.tr("如：行政部钉钉群"))
        self.kind = QComboBox()
        self.kind.setObjectName("channelKind")
        for kind in outbox.KINDS:
            self.kind.addItem(outbox.kind_label(kind), kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(True)
        self.errors.add_row("name", self.tr("名称"), self.name)
        self.errors.add_row("kind", self.tr("方式"), self.kind)

        # the address: a robot's webhook, or an SMTP server
        self.webhook = QLineEdit()
        self.webhook.setObjectName("webhook")
        self.webhook.setPlaceholderText(self.tr("粘贴机器人的 Webhook 地址"))
        self.secret = QLineEdit()
        self.secret.setPlaceholderText(self.tr("钉钉“加签”密钥（未开启可不填）"))
        robot = QWidget()
        robot_form = QFormLayout(robot)
        robot_form.setContentsMargins(0, 0, 0, 0)
        robot_form.addRow(self.tr("Webhook"), self.webhook)
        robot_form.addRow(self.tr("密钥"), self.secret)
        self.host = QLineEdit()
        self.host.setObjectName("smtpHost")
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("默认"))
        self.security = QComboBox()
        self.security.addItem("STARTTLS", "starttls")
        self.security.addItem("SSL/TLS", "ssl")
        self.security.addItem(self.tr("不加密"), "none")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender = QLineEdit()
        self.sender.setPlaceholderText(self.tr("发件人地址（默认同用户名）"))
        mail = QWidget()
        mail_form = QFormLayout(mail)
        mail_form.setContentsMargins(0, 0, 0, 0)
        mail_form.addRow(self.tr("SMTP 服务器"), self.host)
        mail_form.addRow(self.tr("端口"), self.port)
        mail_form.addRow(self.tr("加密"), self.security)
        mail_form.addRow(self.tr("用户名"), self.user)
        mail_form.addRow(self.tr("密码"), self.password)
        mail_form.addRow(self.tr("发件人"), self.sender)
        self.address = QStackedWidget()
        self.address.addWidget(mail)
        self.address.addWidget(robot)
        self.errors.add_row("webhook", self.tr("地址"), self.address)

        events = QGroupBox(self.tr("发送哪些通知"))
        el = QVBoxLayout(events)
        self.events: dict[str, QCheckBox] = {}
        for event in outbox.EVENTS:
            box = QCheckBox(outbox.event_label(event))
            box.setObjectName(f"event_{event}")
            self.events[event] = box
            el.addWidget(box)

        self.last = QLabel()
        self.last.setObjectName("lastError")
        self.last.setWordWrap(True)
        self.last.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("notifyMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.clicked.connect(self.delete)
        self.test_button = QPushButton(self.tr("发送测试消息"))
        self.test_button.setObjectName("sendTest")
        self.test_button.clicked.connect(self.send_test)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)

        self.fields = QWidget()
        fl = QVBoxLayout(self.fields)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addLayout(form)
        fl.addWidget(self.active)
        fl.addWidget(events)
        fl.addWidget(self.last)
        fl.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.errors.make_summary())
        rl.addWidget(self.fields, 1)
        rl.addWidget(self.message)
        rl.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([260, 700])
        note = QLabel(
            self.tr(
                "程序内的通知（铃铛）总会送到。这里另外设置电子邮件和钉钉/企业微信/飞书群机器人；"
                "发送在后台进行并自动重试，失败不会影响审批等操作，最近的错误显示在下方。"
                "电子邮件发到各用户在“用户与角色”中填写的地址。"
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(split, 1)
        self.editable = actor.can("settings.manage")
        for w in (new, self.fields, self.save_button, self.delete_button, self.test_button):
            w.setEnabled(self.editable)
        self.track(self.fields)
        self.refresh()
        self._kind_changed()

    # ------------------------------------------------------------------ list

    def refresh(self, select: int | None = None) -> None:
        """Read the channels again and show ``select`` (or the one shown, or the first)."""
        if not self.editable:
            self.message.setText(self.tr("只有系统管理员可以设置通知。"))
            return
        keep = select if select is not None else self.channel_id
        rows = outbox.channels(self.actor)
        self.list.blockSignals(True)
        self.list.clear()
        for channel in rows:
            text = f"{channel.name}（{channel.kind_label}）"
            if not channel.active:
                text += self.tr(" · 停用")
            if channel.last_error:
                text += self.tr(" · 发送失败")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, channel)
            self.list.addItem(item)
        self.list.blockSignals(False)
        index = next((i for i, c in enumerate(rows) if c.id == keep), 0 if rows else None)
        if index is None:
            self.new_channel()
        else:
            self.list.setCurrentRow(index)
            self._picked()

    def _picked(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        channel: outbox.ChannelInfo = item.data(Qt.ItemDataRole.UserRole)
        if channel.id != self.channel_id and not self.can_close():
            return
        self._fill(channel)

    def _fill(self, channel: outbox.ChannelInfo | None) -> None:
        config = channel.config if channel else {}
        with self.loading():
            self.channel_id = channel.id if channel else None
            self.name.setText(channel.name if channel else "")
            self.kind.setCurrentIndex(
                max(0, self.kind.findData(channel.kind if channel else outbox.DINGTALK))
            )
            self.active.setChecked(channel.active if channel else True)
            self.webhook.setText(config.get("webhook", ""))
            self.secret.setText(config.get("secret", ""))
            self.host.setText(config.get("host", ""))
            self.port.setValue(int(config.get("port") or 0))
            self.security.setCurrentIndex(max(0, self.security.findData(config.get("security", "starttls"))))
            self.user.setText(config.get("user", ""))
            self.password.setText(config.get("password", ""))
            self.sender.setText(config.get("sender", ""))
            for event, box in self.events.items():
                box.setChecked(channel is not None and event in channel.events)
        self.errors.clear()
        self._kind_changed()
        self._show_last(channel)
        self.delete_button.setEnabled(self.editable and channel is not None)
        self.test_button.setEnabled(self.editable and channel is not None)
        self.set_modified(False)

    def _show_last(self, channel: outbox.ChannelInfo | None) -> None:
        if channel is None:
            self.last.setText("")
            return
        parts = []
        if channel.last_sent_at:
            parts.append(self.tr("最近发送成功：{at}").format(at=f"{channel.last_sent_at:%Y-%m-%d %H:%M}"))
        if channel.last_error:
            at = f"{channel.last_error_at:%Y-%m-%d %H:%M}" if channel.last_error_at else ""
            parts.append(self.tr("最近的错误（{at}）：{error}").format(at=at, error=channel.last_error))
        if channel.pending:
            parts.append(self.tr("待发送：{n} 条").format(n=channel.pending))
        self.last.setStyleSheet("color: #c0392b;" if channel.last_error else "")
        self.last.setText("\n".join(parts) or self.tr("尚未发送过。"))

    def _kind_changed(self) -> None:
        current = 0 if self.kind.currentData() == outbox.EMAIL else 1
        self.address.setCurrentIndex(current)
        # only the page shown takes room: two robot fields do not leave six mail rows' gap
        for i in range(self.address.count()):
            policy = QSizePolicy.Policy.Preferred if i == current else QSizePolicy.Policy.Ignored
            self.address.widget(i).setSizePolicy(policy, policy)
        self.address.adjustSize()
        self.secret.setEnabled(self.editable and self.kind.currentData() == outbox.DINGTALK)

    def new_channel(self) -> None:
        if not self.can_close():
            return
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._fill(None)
        self.message.setText("")
        self.name.setFocus()

    # ------------------------------------------------------------------ saving

    def config(self) -> dict:
        if self.kind.currentData() == outbox.EMAIL:
            values = {
                "host": self.host.text().strip(),
                "port": str(self.port.value() or ""),
                "security": self.security.currentData(),
                "user": self.user.text().strip(),
                "password": self.password.text(),
                "sender": self.sender.text().strip(),
            }
        else:
            values = {"webhook": self.webhook.text().strip()}
            if self.kind.currentData() == outbox.DINGTALK and self.secret.text().strip():
                values["secret"] = self.secret.text().strip()
        return {k: v for k, v in values.items() if v}

    def save_changes(self) -> bool:
        return self.save()

    def save(self) -> bool:
        self.errors.clear()
        try:
            info = outbox.save_channel(
                self.actor,
                channel_id=self.channel_id,
                name=self.name.text(),
                kind=self.kind.currentData(),
                config=self.config(),
                events=[e for e, box in self.events.items() if box.isChecked()],
                active=self.active.isChecked(),
            )
        except ValidationError as exc:
            errors = dict(exc.errors)
            if "host" in errors:
                errors["webhook"] = errors.pop("host")
            self.errors.show(errors)
            return False
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.set_modified(False)
        self.channel_id = info.id
        self.refresh(select=info.id)
        self.message.setText(self.tr("已保存。"))
        changes.announce(changes.SETTINGS, initiator=self)
        self.changed.emit()
        return True

    def delete(self) -> None:
        if self.channel_id is None:
            return
        if not prompts.ask(
            self, self.tr("删除"), self.tr("删除通知方式“{name}”吗？").format(name=self.name.text())
        ):
            return
        try:
            outbox.delete_channel(self.actor, self.channel_id)
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self.channel_id = None
        self.set_modified(False)
        self.refresh()

    def send_test(self) -> None:
        """发送测试消息 on a pool thread (the network may be slow); the outcome is shown here and
        kept on the channel as its last error or last success."""
        if self.channel_id is None:
            return
        if self.is_modified() and not self.save():
            return
        actor, channel_id = self.actor, self.channel_id
        self.test_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在发送测试消息…"))

        def done(_result) -> None:
            self.test_button.setEnabled(True)
            self.message.setStyleSheet("color: #1e8449;")
            self.message.setText(self.tr("测试消息已发送，请到对应的群或邮箱查看。"))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.message.setStyleSheet("color: #c0392b;")
            text = "；".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
            self.message.setText(self.tr("发送失败：{error}").format(error=text))
            self.refresh()

        ops.run(self, lambda _p: outbox.send_test(actor, channel_id), done, failed, progress_dialog=False)
