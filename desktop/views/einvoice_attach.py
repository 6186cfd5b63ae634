"""添加电子发票… in the expense editor (issue 13): read an e-invoice file for the line being typed.

The file is read at once (nothing written): an unreadable file, a red invoice, or an invoice
already claimed elsewhere or cancelled is refused there with the one sentence that says who holds
it. A readable one fills the line's empty fields (发票代码/号码, 商户, 价税合计, 税额, and the date of a
new line) and is attached when the line is saved; on a saved line with nothing typed it is
attached right away. What finance would query (抬头, QR/text disagreement) is shown as a note and
stays on the line as a check.

Kept apart from :mod:`desktop.views.expenses` so that view gains one button and one call.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from desktop.services import invoices
from desktop.services.errors import ServiceError
from desktop.views import changes, filedialogs, ops, prompts
from desktop.views.fields import qdate


class EInvoiceAttach(QObject):
    """Owned by the expenses view; ``view`` has the line form's fields, ``line_id``, ``info``,
    ``message``, ``open_current`` and the editor's modified state."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.pending: tuple[Path, str] | None = None  # (file, invoice number filled in the form)

    def choose(self) -> None:
        view = self.view
        if view.info is None:
            return
        path, _ = filedialogs.get_open_file_name(
            view, self.tr("选择电子发票"), str(Path.home()), self.tr("电子发票 (*.pdf *.ofd *.xml)")
        )
        if path:
            self.add(Path(path))

    def add(self, path: Path) -> None:
        view = self.view
        if view.info is None:
            return
        try:
            found = invoices.inspect(view.actor, path, line_id=view.line_id)
        except ServiceError as exc:
            view.message.setText(str(exc))
            return
        invoice = found.invoice
        notes = "；".join(found.notes)
        if view.line_id is not None and not view.is_modified():
            self._attach(view.line_id, path)
            return
        if not view.invoice_no.text().strip():
            view.invoice_code.setText(invoice.invoice_code)
            view.invoice_no.setText(invoice.invoice_no)
        elif view.invoice_no.text().strip() != invoice.invoice_no:
            view.message.setText(
                self.tr("明细上的发票号码 {typed} 与文件中的 {read} 不一致，未附加。").format(
                    typed=view.invoice_no.text().strip(), read=invoice.invoice_no
                )
            )
            return
        if not view.vendor.text().strip() and invoice.seller_name:
            view.vendor.setText(invoice.seller_name)
        if not view.total.text().strip() and invoice.total is not None:
            view.total.setText(f"{invoice.total:.2f}")
        if not view.tax.text().strip() and invoice.tax is not None:
            view.tax.setText(f"{invoice.tax:.2f}")
        if view.line_id is None and invoice.date is not None:
            view.date.setDate(qdate(invoice.date))
        view.set_modified(True)
        self.pending = (Path(path), invoice.invoice_no)
        view.message.setText(
            self.tr("已读取 {file}（{type} {no}，价税合计 {total}），保存明细时一并附加。").format(
                file=invoice.file,
                type=invoice.type_label,
                no=invoice.invoice_no,
                total="" if invoice.total is None else f"¥{invoice.total:,.2f}",
            )
            + (self.tr("请核对：{notes}").format(notes=notes) if notes else "")
        )

    def saved(self, line_id: int) -> None:
        """The line was saved: attach the file read for it, if the form still holds its invoice
        (a line discarded or replaced since has another number, or none)."""
        pending, self.pending = self.pending, None
        if pending is None or line_id is None:
            return
        path, number = pending
        if self.view.invoice_no.text().strip() != number:
            return
        self._attach(line_id, path)

    def _attach(self, line_id: int, path: Path) -> None:
        view, actor = self.view, self.view.actor

        def done(result: invoices.Inspection) -> None:
            view.open_current()
            notes = "；".join(result.notes)
            view.message.setText(
                self.tr("已附加电子发票 {no}。").format(no=result.invoice.invoice_no)
                + (self.tr("请核对：{notes}").format(notes=notes) if notes else "")
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ServiceError):
                view.message.setText(str(exc))
            else:
                prompts.show_error(view, exc)
            view.open_current()

        ops.run(
            view,
            lambda _p: invoices.attach(actor, line_id, path),
            done,
            failed,
            label=self.tr("正在附加电子发票…"),
            write=True,
            changes=(changes.EXPENSES,),
        )
