"""Every main view, every editor and dialog, and every print preview in a real X11 window at
1024×768 with a window manager: it fits the screen, its buttons can be reached, a preview opens
and closes in a running event loop without taking the program down, and closing an editor with
changes asks first."""

from __future__ import annotations

import gc

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from desktop.services import auth
from desktop.views import prompts
from desktop.views.registry import main_views
from tests.realwindow.conftest import (
    click_and_dismiss,
    close_and_collect,
    fit_problems,
    settle,
    top_dialogs,
)

pytestmark = pytest.mark.realwindow


@pytest.fixture
def scripted():
    previous = prompts.current
    script = prompts.use(prompts.ScriptedPrompts())
    yield script
    prompts.use(previous)


@pytest.fixture
def everyone(demo_db):
    """A demo account holding every role, so one main window shows every view."""
    admin = auth.actor_by_username("admin")
    auth.save_user(
        admin,
        user_id=None,
        username="alles",
        display_name="全部角色",
        roles=set(auth.ROLES),
        employee_id=admin.employee_id,
        password="secret123",
    )
    return auth.actor_by_username("alles")


@pytest.fixture
def main_window(xvfb_app, everyone, qtbot, scripted):
    from desktop.views.main_window import MainWindow

    window = MainWindow(everyone, demo_note="演示数据库", db_label="sqlite (demo)")
    qtbot.addWidget(window)
    window.show_restored()
    qtbot.waitExposed(window)
    settle(qtbot, 400)
    yield window
    window._closing = True  # the test decides about prompts itself; no question on teardown
    window.close()
    settle(qtbot)


def test_main_window_and_every_view_fit_the_screen(main_window, qtbot, screen_problems):
    keys = [s.key for s in main_window.specs]
    assert keys == [s.key for s in main_views()]  # the account sees every view
    pages = 0
    for key in keys:
        view = main_window.show_view(key)
        settle(qtbot, 250)
        screen_problems.extend(fit_problems(main_window, f"main window / {key}"))
        pages += _each_tab(qtbot, view, main_window, f"main window / {key}", screen_problems)
    screen_problems.assert_none()
    assert pages >= 3  # 财务对账's 对账, 导入 and 对账规则 at least


def _each_tab(qtbot, owner, window, label: str, screen_problems) -> int:
    """Every page of every tab widget shown in ``owner`` (itself one, like 财务对账), in turn."""
    from PySide6.QtWidgets import QTabWidget

    found = 0
    tab_widgets = ([owner] if isinstance(owner, QTabWidget) else []) + owner.findChildren(QTabWidget)
    for tabs in tab_widgets:
        if not tabs.isVisibleTo(window):
            continue
        first = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle(qtbot, 150)
            screen_problems.extend(fit_problems(window, f"{label} / {tabs.tabText(i)}"))
            found += 1
        tabs.setCurrentIndex(first)
    return found


def _open_dialog(qtbot, opener) -> object:
    before = set(map(id, top_dialogs()))
    opener()
    settle(qtbot, 400)
    new = [d for d in top_dialogs() if id(d) not in before]
    assert new, "no dialog appeared"
    return new[-1]


def _first_arranged(schedule_view) -> int:
    """An approved reception of the shown week that has its itinerary (the demo has several)."""
    entries = [e for e in schedule_view.entries if e.item is not None]
    assert entries, "the demo has no arranged reception in the schedule's week"
    return entries[0].application_id


def _einvoice_files(folder) -> list:
    """E-invoices the preview has something to say about: a long seller name, another company's
    抬头, a QR code that disagrees with the text, and a file that is no invoice at all."""
    from tests.einvoice_files import make_pdf, make_xml

    broken = folder / "扫描件（不是电子发票，无法读取）.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    return [
        make_pdf(
            folder / "广州市越秀区某某某餐饮管理有限公司第一分公司餐费发票.pdf",
            number="77700001",
            seller=("广州市越秀区某某某餐饮管理有限公司第一分公司（北京路店）", "91440101MA9Y12345B"),
        ),
        make_xml(
            folder / "住宿.xml", number="26442000000077700002", buyer=("别的公司", "91110000100000000X")
        ),
        make_pdf(
            folder / "改过.pdf",
            number="77700003",
            amount="90.00",
            tax="5.40",
            total="95.40",
            qr_amount="100.00",
        ),
        broken,
    ]


def _dialogs(main_window, qtbot, folder):
    """(label, opener) for every dialog reachable from the main window and its views."""
    from desktop import connection
    from desktop.services import expenses
    from desktop.views import einvoice_import
    from desktop.views.connection import ConnectionDialog
    from desktop.views.login import FirstRunDialog, LoginDialog

    kept = []  # the connection screen has no parent window (it comes before the login)

    def connection_screen():
        current = connection.Connection(
            kind=connection.POSTGRESQL, host="server.local", database="reception", user="reception"
        )
        dialog = ConnectionDialog(
            current, problem="无法打开数据库：连接到服务器 server.local 端口 5432 失败：Connection refused。"
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        kept.append(dialog)
        dialog.open()
        dialog.form.show_result(
            connection.ProbeResult(
                connection.UNREACHABLE,
                "连接不上服务器 server.local:5432：请确认地址和端口，服务器已启动且防火墙允许这台电脑连接"
                "（pg_hba.conf、listen_addresses）。",
            )
        )

    def reimburse():
        view = main_window.show_view("expenses")
        approved = next(
            r for r in expenses.list_summaries(main_window.actor) if r.status == expenses.APPROVED
        )
        view.table.selectRow(
            next(i for i, r in enumerate(view.list.rows) if r.application_id == approved.application_id)
        )
        settle(qtbot)
        return view.open_reimburse()

    def einvoices():
        view = main_window.show_view("reconciliation")
        view.setCurrentWidget(view.importer)
        einvoice_import.route(view.importer, _einvoice_files(folder))

    def new_application():
        view = main_window.show_view("applications")
        return view.new_application()

    def open_application():
        view = main_window.show_view("applications")
        view.table.selectRow(0)
        return view.open_selected()

    def arrangement():
        view = main_window.show_view("schedule")
        return view.open(_first_arranged(view))

    def login():
        dialog = LoginDialog(main_window, company="华夏精工")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def first_run():
        dialog = FirstRunDialog(main_window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    return [
        ("接待申请 (new)", new_application),
        ("接待申请 (existing)", open_application),
        ("接待安排", arrangement),
        ("设置", main_window.open_settings),
        ("通知", main_window.show_notifications),
        ("登录", login),
        ("首次使用", first_run),
        ("数据库连接 (before the login)", connection_screen),
        ("我的账户", main_window.open_account),
        ("登记报销", reimburse),
        ("导入电子发票", einvoices),
    ]


def test_every_dialog_fits_the_screen(main_window, qtbot, screen_problems, tmp_path):
    checked = []
    for label, opener in _dialogs(main_window, qtbot, tmp_path):
        dialog = _open_dialog(qtbot, opener)
        checked.append(label)
        screen_problems.extend(fit_problems(dialog, label))
        if label == "导入电子发票":  # the whole reason of the longest row, wrapped under the table
            reasons = [len(r.reason or "") for r in dialog.model.rows]
            assert len(reasons) == 4 and max(reasons) > 0, reasons
            dialog.table.selectRow(reasons.index(max(reasons)))
            settle(qtbot)
            # 状态 (new / duplicate / unreadable) is what the preview is for: in view without scrolling
            header = dialog.table.horizontalHeader()
            status = [c.key for c in dialog.model.columns].index("status")
            right = header.sectionViewportPosition(status) + header.sectionSize(status)
            if right > dialog.table.viewport().width():
                screen_problems.add(
                    f"{label}: the 状态 column ends at {right} px, the table shows"
                    f" {dialog.table.viewport().width()} px (long names push it out of view)"
                )
            screen_problems.extend(fit_problems(dialog, f"{label} / the longest reason shown"))
        # every page of the settings (备份与数据保留, 数据库连接 …), one at a time
        if _each_tab(qtbot, dialog, dialog, label, screen_problems):
            checked.extend(f"{label} / {name}" for name in _tab_names(dialog))
        dialog._closing = True
        if hasattr(dialog, "set_modified"):
            dialog.set_modified(False)
        close_and_collect(qtbot, dialog)
        assert dialog not in top_dialogs()
    screen_problems.assert_none()
    assert {"设置 / 备份与数据保留", "设置 / 数据库连接"} <= set(checked), checked


def test_lost_connection_banner_fits_above_every_view(main_window, qtbot, screen_problems):
    """The banner takes a row above the views; with it, every view still fits, no view scrolls
    sideways, and 立即重试 is on screen."""
    from desktop import clock

    banner = main_window.connection_banner
    saved = banner.monitor.last_try
    banner.monitor.last_try = clock.now()  # the longer sentence, with the time of the last try
    try:
        banner._show_lost()
        for spec in main_window.specs:
            main_window.show_view(spec.key)
            settle(qtbot, 200)
            assert banner.isVisible() and "上次尝试" in banner.text.text()
            screen_problems.extend(fit_problems(main_window, f"lost-connection banner / {spec.key}"))
        assert banner.retry_button.isVisible()
    finally:
        banner.monitor.last_try = saved
        banner.hide()
    screen_problems.assert_none()


def test_expense_line_with_an_einvoice_read_fits(main_window, qtbot, screen_problems, tmp_path):
    """添加电子发票… fills the line and says what finance would query: the long sentence wraps."""
    from desktop.services import expenses
    from tests.einvoice_files import make_pdf

    view = main_window.show_view("expenses")
    draft = next(r for r in expenses.list_summaries(main_window.actor) if r.status == expenses.DRAFT)
    view.table.selectRow(
        next(i for i, r in enumerate(view.list.rows) if r.application_id == draft.application_id)
    )
    settle(qtbot)
    view.new_line()
    pdf = make_pdf(
        tmp_path / "广州市越秀区某某某餐饮管理有限公司第一分公司餐费发票.pdf",
        number="88800001",
        seller=("广州市越秀区某某某餐饮管理有限公司第一分公司（北京路店）", "91440101MA9Y12345B"),
        buyer=("别的公司", "91110000100000000X"),
        amount="90.00",
        tax="5.40",
        total="95.40",
        qr_amount="100.00",
    )
    view.einvoices.add(pdf)
    settle(qtbot, 250)
    assert view.invoice_no.text() == "88800001" and "请核对" in view.message.text()
    screen_problems.extend(fit_problems(main_window, "费用报销 / an e-invoice read for a new line"))
    view.set_modified(False)
    screen_problems.assert_none()


def test_import_tab_with_a_long_file_name_does_not_scroll_sideways(
    main_window, qtbot, screen_problems, tmp_path
):
    """The chosen file's name is shown beside 选择文件…; a bank's long export name once widened
    the whole 财务对账 view past the screen (it must wrap instead)."""
    from tests.importers.conftest import STATEMENT

    view = main_window.show_view("reconciliation")
    view.setCurrentWidget(view.importer)
    path = (
        tmp_path
        / "2026年11月 中国工商银行股份有限公司深圳分行对公账户交易明细（华夏精工科技有限公司 基本户）.csv"
    )
    path.write_bytes("\r\n".join(STATEMENT).encode("gbk"))
    view.importer.open_file(path)
    settle(qtbot, 300)
    assert view.importer.model.rows, "the statement was not read"
    screen_problems.extend(fit_problems(main_window, "财务对账 / 导入 / a long file name"))
    screen_problems.assert_none()


def _tab_names(widget) -> list[str]:
    from PySide6.QtWidgets import QTabWidget

    return [t.tabText(i) for t in widget.findChildren(QTabWidget) for i in range(t.count())]


def _print_buttons(widget) -> list[QPushButton]:
    return [
        b
        for b in widget.findChildren(QPushButton)
        if b.isVisibleTo(widget) and b.isEnabled() and ("打印" in b.text() or "预览" in b.text())
    ]


def _preview_is(dialog) -> bool:
    return "预览" in dialog.windowTitle() or dialog.metaObject().className() == "PreviewDialog"


def _open_every_preview(qtbot, owner, label: str, screen_problems, prepare=None) -> int:
    """Click each print button of ``owner``; each must open a preview that fits and closes."""
    opened = 0
    for button in _print_buttons(owner):
        text = button.text()
        if prepare is not None:
            prepare()
        before = set(map(id, top_dialogs()))
        blocked = click_and_dismiss(qtbot, button, pick_menu=lambda t: "预览" in t or "打印" in t)
        qtbot.waitUntil(
            lambda before=before: any(_preview_is(d) for d in top_dialogs() if id(d) not in before),
            timeout=20_000,
        )
        preview = next(d for d in top_dialogs() if id(d) not in before and _preview_is(d))
        settle(qtbot, 300)
        screen_problems.extend(fit_problems(preview, f"{label} → {text} → {preview.windowTitle()}"))
        if blocked:
            screen_problems.add(f"{label} → {text}: a blocking window came up first: {blocked}")
        close_and_collect(qtbot, preview)
        assert QApplication.instance() is not None  # still running
        opened += 1
    return opened


def test_every_print_preview_opens_and_closes_in_a_running_loop(main_window, qtbot, screen_problems):
    total = 0
    for key in ("visitors", "log", "feedback", "expenses", "schedule"):
        view = main_window.show_view(key)
        settle(qtbot, 300)
        prepare = None
        if key == "visitors":
            table = view.onsite_table

            def prepare(table=table):
                table.selectRow(0)
        elif key in ("feedback", "expenses"):
            table = view.table

            def prepare(table=table):
                table.selectRow(0)
                settle(qtbot)

        if prepare is not None:
            prepare()
        total += _open_every_preview(qtbot, view, key, screen_problems, prepare)
    # The editors' own previews: the application form, the arrangement sheet and itinerary.
    applications = main_window.show_view("applications")
    applications.table.selectRow(0)
    editor = applications.open_selected()
    settle(qtbot, 400)
    total += _open_every_preview(qtbot, editor, "接待申请", screen_problems)
    editor.set_modified(False) if hasattr(editor, "set_modified") else None
    close_and_collect(qtbot, editor)
    schedule = main_window.show_view("schedule")
    arrangement = schedule.open(_first_arranged(schedule))
    settle(qtbot, 400)
    total += _open_every_preview(qtbot, arrangement, "接待安排", screen_problems)
    arrangement.set_modified(False) if hasattr(arrangement, "set_modified") else None
    close_and_collect(qtbot, arrangement)
    gc.collect()
    settle(qtbot, 300)
    screen_problems.assert_none()
    # 打印胸卡, 来访记录, 信息反馈, 费用报销, 明日安排表, 申请表, 安排表, 行程单
    assert total >= 8


def test_closing_an_editor_with_changes_asks_first(main_window, qtbot, scripted):
    applications = main_window.show_view("applications")
    editor = applications.new_application()
    settle(qtbot, 400)
    field = editor.client
    assert isinstance(field, QLineEdit)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, "Acme")
    assert editor.isWindowModified() or getattr(editor, "is_modified", lambda: False)()
    scripted.answers = ["cancel"]
    editor.close()
    settle(qtbot)
    asked = [s for s in scripted.shown if s[0] == "save_discard_cancel"]
    assert len(asked) == 1
    assert editor.isVisible() and editor.client.text() == "Acme"  # cancel keeps the editor and its text
    scripted.answers = ["discard"]
    editor.close()
    settle(qtbot)
    assert len([s for s in scripted.shown if s[0] == "save_discard_cancel"]) == 2
    assert not shiboken6.isValid(editor) or not editor.isVisible()
