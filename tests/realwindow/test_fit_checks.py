"""The layer's own checks find what they are for: a dialog taller than the screen and a button
cut off below a scroll area's edge (so a passing fit test means something)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QPushButton, QScrollArea, QVBoxLayout, QWidget

from tests.realwindow.conftest import Problems, fit_problems, settle

pytestmark = pytest.mark.realwindow


def test_fit_check_sees_a_dialog_below_the_screen_edge(xvfb_app, qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    layout.addStretch(1)
    layout.addWidget(QPushButton("保存草稿"))
    dialog.resize(1060, 820)  # the application editor's old size
    dialog.move(0, 0)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, 300)
    found = fit_problems(dialog, "too tall")
    assert any("does not fit the available screen" in f for f in found)
    assert any("保存草稿" in f for f in found)
    problems = Problems("fit-check-self-test")
    problems.extend(found)
    assert all("[screenshot: " in item and item.endswith(".png]") for item in problems.items)
    shot = problems.items[0].split("[screenshot: ")[1].rstrip("]")
    from pathlib import Path

    assert Path(shot).stat().st_size > 1000


def test_fit_check_sees_a_button_cut_off_by_a_scroll_area(xvfb_app, qtbot):
    window = QDialog()  # a dialog whose only (action) button scrolls away
    qtbot.addWidget(window)
    body = QWidget()
    inner = QVBoxLayout(body)
    inner.addSpacing(400)
    inner.addWidget(QPushButton("提交审批"))
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    QVBoxLayout(window).addWidget(scroll)
    window.resize(600, 300)
    window.move(10, 10)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, 300)
    found = fit_problems(window, "scrolled")
    assert any("提交审批" in f and "cut off" in f for f in found), found


def test_fit_check_sees_a_view_that_scrolls_sideways(xvfb_app, qtbot):
    from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

    window = QWidget()  # a main-window-like holder: the view in a scroll area that resizes it
    qtbot.addWidget(window)
    view = QWidget()
    row = QHBoxLayout(view)
    row.addWidget(QPushButton("选择文件…"))
    text = "表格 .xlsx .xls .ods .csv；电子发票 .pdf .ofd .xml（可多选、可拖入）"
    row.addWidget(QLabel(text * 3))  # one line that does not wrap
    holder = QScrollArea()
    holder.setObjectName("view_import")
    holder.setWidgetResizable(True)
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setWidget(view)
    QVBoxLayout(window).addWidget(holder)
    window.resize(700, 300)
    window.move(10, 10)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, 300)
    found = fit_problems(window, "sideways")
    # the failure names the area and the label that widens it
    assert any(
        "view_import" in f and "scrolls sideways" in f and "QLabel" in f and "表格" in f for f in found
    ), found
