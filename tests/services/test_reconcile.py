"""Three-way reconciliation (issue 13): invoice and payment matched separately to a claim line,
never twice in a role, a queue finance can clear (search, bulk), and saved rules."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import Workbook

from desktop import db
from desktop.models import Application, ExpenseLine, ExpenseSummary, ImportBatch, ImportedLine, LineMatch
from desktop.services import applications as apps
from desktop.services import auth, expenses, imports, reconcile, reconcile_rules
from desktop.services.errors import ServiceError
from desktop.services.expenses import LineForm


@pytest.fixture
def finance(demo_db):
    return auth.actor_by_username("caiwu")


@pytest.fixture
def past(demo_db):
    """The demo reception that ended first, with its expenses and imports cleared."""
    lina = auth.actor_by_username("lina")
    app = min((a for a in apps.list_applications(lina) if a.status == apps.APPROVED), key=lambda a: a.arrival)
    for model in (LineMatch, ImportedLine, ImportBatch, ExpenseSummary):
        model.delete().execute()
    return lina, Application.get_by_id(app.id)


def _invoices(folder, rows, name="inv.xlsx"):
    wb = Workbook()
    ws = wb.active
    ws.append(["发票代码", "发票号码", "开票日期", "销方名称", "金额", "税额", "价税合计"])
    for r in rows:
        ws.append(r)
    path = folder / name
    wb.save(path)
    return path


def _statement(folder, rows, name="card.csv"):
    path = folder / name
    with open(path, "w", encoding="gbk", newline="") as handle:
        handle.write("招商银行 公务卡交易明细\n")
        csv.writer(handle).writerows([["交易日期", "摘要", "对方户名", "支出金额", "存入金额"], *rows])
    return path


def _import(actor, path):
    return imports.commit(actor, imports.preview(actor, path))


def _window(d: dt.date):
    return d - dt.timedelta(days=5), d + dt.timedelta(days=5)


def test_three_way_states(past, tmp_path):
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = app.arrival.date()
    both = expenses.save_line(
        lina, app.id, LineForm("meals", d, "300.00", vendor="粤海酒家", invoice_no="111", guests=2)
    )
    invoice_only = expenses.save_line(
        lina, app.id, LineForm("other", d, "60.00", vendor="打印店", invoice_no="222")
    )
    pay_only = expenses.save_line(lina, app.id, LineForm("transport", d, "88.00", vendor="滴滴出行", trips=1))
    differs = expenses.save_line(
        lina, app.id, LineForm("other", d, "45.00", vendor="文具店", invoice_no="333")
    )
    untouched = expenses.save_line(lina, app.id, LineForm("other", d, "12.00", vendor="花店"))
    _import(
        finance,
        _invoices(
            tmp_path,
            [
                ["", "111", d.isoformat(), "粤海酒家餐饮有限公司", "283.02", "16.98", "300.00"],
                ["", "222", d.isoformat(), "打印店", "60.00", "0", "60.00"],
                [
                    "",
                    "333",
                    d.isoformat(),
                    "文具店",
                    "40.00",
                    "0",
                    "40.00",
                ],  # ¥40 on the invoice, ¥45 claimed
            ],
        ),
    )
    _import(
        finance,
        _statement(
            tmp_path,
            [
                [d.isoformat(), "餐费", "粤海酒家餐饮有限公司", "300.00", ""],
                [d.isoformat(), "打车", "滴滴出行科技有限公司", "88.00", ""],
            ],
        ),
    )
    result = reconcile.run(finance, *_window(d))
    assert result.matched == 5  # three invoices by number, two payments by vendor + amount + day
    states = {s.expense_id: s.state for s in reconcile.states(finance, *_window(d))}
    assert states == {
        both: "reconciled",
        invoice_only: "invoice_only",
        pay_only: "payment_only",
        differs: "differs",
        untouched: "open",
    }
    roles = {(m.expense_id, m.role) for m in LineMatch.select() if m.expense_id}
    assert {(both, "invoice"), (both, "payment")} <= roles
    summary = reconcile.overview(finance, *_window(d)).summary
    assert summary[-1].reception == "" and summary[-1].counts["reconciled"] == 1
    assert any(app.number in row.reception for row in summary[:-1])
    report = reconcile.report_data(finance, *_window(d), "公司")
    assert ("报销明细·已对账", 1) in report.summary and ("报销明细·有差异", 1) in report.summary
    assert any("发票" in row[8] for row in report.matched) and any("付款" in row[8] for row in report.matched)


def test_a_line_paid_in_cash_is_reconciled_by_its_invoice(past, tmp_path):
    """No statement ever shows cash: the invoice alone reconciles a 现金 line, while a card
    line with only its invoice still waits for the card statement."""
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = app.arrival.date()
    cash = expenses.save_line(
        lina, app.id, LineForm("other", d, "45.00", vendor="文具店", invoice_no="444", payment_method="现金")
    )
    card = expenses.save_line(
        lina,
        app.id,
        LineForm("other", d, "60.00", vendor="打印店", invoice_no="555", payment_method="公务卡"),
    )
    _import(
        finance,
        _invoices(
            tmp_path,
            [
                ["", "444", d.isoformat(), "文具店", "45.00", "0", "45.00"],
                ["", "555", d.isoformat(), "打印店", "60.00", "0", "60.00"],
            ],
        ),
    )
    reconcile.run(finance, *_window(d))
    states = {s.expense_id: s.state for s in reconcile.states(finance, *_window(d))}
    assert states[cash] == "reconciled"
    assert states[card] == "invoice_only"


def test_demo_yuehai_invoices_match_after_the_card_lines(finance, tmp_path):
    """The demo's card statement took the 粤海酒家 claim lines first; the invoices with the same
    发票代码/号码 still match them — as the invoice — instead of "无候选"."""
    yuehai = list(ExpenseLine.select().where(ExpenseLine.vendor == "粤海酒家"))
    assert len(yuehai) >= 6
    paid = {m.expense_id for m in LineMatch.select().where(LineMatch.expense.in_([x.id for x in yuehai]))}
    assert paid == {x.id for x in yuehai}  # the card lines matched all of them when the demo ran
    rows = [
        [
            x.invoice_code,
            x.invoice_no,
            x.date.isoformat(),
            "粤海酒家餐饮有限公司",
            f"{x.total:.2f}",
            "0",
            f"{x.total:.2f}",
        ]
        for x in yuehai
    ]
    _import(finance, _invoices(tmp_path, rows))
    start = min(x.date for x in yuehai) - dt.timedelta(days=7)
    end = max(x.date for x in yuehai) + dt.timedelta(days=7)
    result = reconcile.run(finance, start, end)
    assert result.matched == len(yuehai)
    assert not [i for i in result.review + [reconcile.ReviewItem(o, []) for o in result.unmatched_no_candidate]
                if i.imported.kind == "invoice"]  # fmt: skip
    states = {s.expense_id: s.state for s in reconcile.states(finance, start, end)}
    assert all(states[x.id] == "reconciled" for x in yuehai)
    flags = reconcile.flags(finance, start, end)
    assert not [f for f in flags if f.code == "no_reception" and "粤海" in f.message]


def test_no_double_match_in_one_run_and_across_runs(past, tmp_path):
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = app.arrival.date()
    stationery = expenses.save_line(lina, app.id, LineForm("other", d, "45.00", vendor="文具店"))
    _import(
        finance,
        _statement(
            tmp_path,
            [
                [d.isoformat(), "办公用品", "文具店", "45.00", ""],
                [d.isoformat(), "办公用品", "文具店", "45.00", ""],  # a second ¥45 at the same shop
            ],
        ),
    )
    result = reconcile.run(finance, *_window(d))
    assert result.matched == 1
    assert LineMatch.select().where(LineMatch.expense == stationery).count() == 1
    # The other ¥45 line is not offered the taken claim line.
    waiting = [i for i in result.review if i.candidates] + [
        reconcile.ReviewItem(o, []) for o in result.unmatched_no_candidate
    ]
    assert len(waiting) == 1 and all(c.expense_id != stationery for c in waiting[0].candidates)
    second = waiting[0].imported.id
    with pytest.raises(ServiceError, match="已匹配付款"):
        reconcile.match(finance, second, stationery)
    assert reconcile.search_claims(finance, "文具店", second) == []
    # A later run leaves it alone too; an invoice can still evidence the same claim line.
    again = reconcile.run(finance, *_window(d))
    assert again.matched == 0
    _import(finance, _invoices(tmp_path, [["", "901", d.isoformat(), "某文具店", "45.00", "0", "45.00"]]))
    invoice = ImportedLine.get(ImportedLine.invoice_no == "901").id
    assert reconcile.match(finance, invoice, stationery).role == "invoice"


def test_search_any_claim_line(past, tmp_path):
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = app.arrival.date()
    meal = expenses.save_line(
        lina, app.id, LineForm("meals", d, "318.00", vendor="粤海酒家", invoice_no="13720777", guests=2)
    )
    taxi = expenses.save_line(lina, app.id, LineForm("transport", d, "86.50", vendor="滴滴出行", trips=1))
    _import(finance, _statement(tmp_path, [[d.isoformat(), "消费", "某商户", "999.00", ""]]))
    line = ImportedLine.get().id
    number = app.number
    assert {c.expense_id for c in reconcile.search_claims(finance, number, line)} >= {meal, taxi}
    assert [c.expense_id for c in reconcile.search_claims(finance, "滴滴", line)] == [taxi]
    assert [c.expense_id for c in reconcile.search_claims(finance, "86.5", line)] == [taxi]
    assert [c.expense_id for c in reconcile.search_claims(finance, "13720777", line)] == [meal]
    picked = reconcile.match(finance, line, taxi)  # any claim line, not only a scored candidate
    assert picked.expense_id == taxi and picked.kind == "manual"


def test_bulk_decisions(past, tmp_path):
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = app.arrival.date()
    a = expenses.save_line(lina, app.id, LineForm("other", d, "30.00", vendor="甲店"))
    b = expenses.save_line(lina, app.id, LineForm("other", d, "40.00", vendor="乙店"))
    _import(
        finance,
        _statement(
            tmp_path,
            [
                [d.isoformat(), "消费", "某商户一", "30.00", ""],
                [d.isoformat(), "消费", "某商户二", "40.00", ""],
                [d.isoformat(), "消费", "某商户三", "40.00", ""],
                [d.isoformat(), "工资", "张三", "5000.00", ""],
                [d.isoformat(), "税费", "税务局", "800.00", ""],
            ],
        ),
    )
    ids = {x.vendor: x.id for x in ImportedLine.select()}
    result = reconcile.run(finance, *_window(d))
    assert result.matched == 0  # amount and date alone: never automatic
    pairs = [(i.imported.id, i.candidates[0].expense_id) for i in result.review]
    outcome = reconcile.match_many(finance, pairs)
    assert {m.expense_id for m in outcome.done} == {a, b}
    assert len(outcome.refused) == 1 and "已匹配" in outcome.refused[0][1]  # two lines wanted ¥40
    aside = reconcile.not_reception_many(finance, [ids["张三"], ids["税务局"]])
    assert len(aside.done) == 2 and not aside.refused
    kinds = {m.imported_id: m.kind for m in LineMatch.select()}
    assert kinds[ids["张三"]] == kinds[ids["税务局"]] == "not_reception"
    review = reconcile.unmatch(finance, outcome.done[0].imported.id)
    assert review.imported.id == outcome.done[0].imported.id and review.candidates


def test_rules_on_import_and_credits_not_in_the_queue(past, tmp_path):
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = app.arrival.date()
    expenses.save_line(lina, app.id, LineForm("other", d, "100.00", vendor="文具店"))
    rows = [[d.isoformat(), "货款", f"客户{i}", "", "100.00"] for i in range(30)]  # receipts, ¥100 each
    rows += [
        [d.isoformat(), "工资", "华夏精工工资户", "100.00", ""],
        [d.isoformat(), "消费", "某某贸易", "100.00", ""],
    ]
    _import(finance, _statement(tmp_path, rows))
    result = reconcile.run(finance, *_window(d))
    assert len(result.credits) == 30
    assert not [i for i in result.review if i.imported.credit]  # receipts are not review items
    assert len(result.review) == 2 and all(c.score > 0 for i in result.review for c in i.candidates)
    assert not [
        f for f in reconcile.flags(finance, *_window(d)) if f.code == "no_reception" and "客户" in f.message
    ]
    # Saved rules: applied to the next import, and on demand to what is already there.
    reconcile_rules.save_rule(finance, "credit", note="收款不是接待费用")
    reconcile_rules.save_rule(finance, "counterparty", "工资户")
    with pytest.raises(ServiceError):
        reconcile_rules.save_rule(finance, "counterparty", "工")  # too short to be safe
    assert reconcile_rules.apply_rules(finance) == 31
    _import(finance, _statement(tmp_path, [[d.isoformat(), "货款", "新客户", "", "500.00"]], name="next.csv"))
    latest = ImportedLine.select().order_by(ImportedLine.id.desc()).first()
    decided = LineMatch.get(LineMatch.imported == latest.id)
    assert decided.kind == "not_reception" and decided.rule_id is not None
    after = reconcile.run(finance, *_window(d))
    assert not after.credits and len(after.review) == 1
    listed = {r.kind: r.applied for r in reconcile_rules.list_rules(finance)}
    assert listed == {"credit": 31, "counterparty": 1}


def test_migration_keeps_matches_and_splits_roles(demo_db):
    """0019 on a database with single matches: the imported kind gives the role; a claim line
    matched twice in one role keeps the first, the later one goes back to review (held)."""
    database = db.database.obj
    runner = db.migration_runner(database)
    migrator = runner.migrator if hasattr(runner, "migrator") else None
    from playhouse.migrate import SchemaMigrator, migrate

    migrator = migrator or SchemaMigrator.from_database(database)
    database.execute_sql('DROP INDEX IF EXISTS "line_match_expense_id_role"')
    database.execute_sql('DROP INDEX IF EXISTS "line_match_rule_id"')
    migrate(migrator.drop_column("line_match", "role"), migrator.drop_column("line_match", "rule_id"))
    database.execute_sql('DROP TABLE "match_rule"')
    statement = ImportedLine.select().where(ImportedLine.kind == "statement").first()
    matched = list(
        database.execute_sql("SELECT imported_id, expense_id FROM line_match WHERE expense_id IS NOT NULL")
    )
    assert matched
    first_expense = matched[0][1]
    batch = ImportBatch.create(file_name="old", file_hash="x", kind="invoice")
    invoice = ImportedLine.create(
        batch=batch, row=2, kind="invoice", date=statement.date, invoice_no="1", content_hash="o"
    )
    spare = ImportedLine.create(
        batch=batch, row=3, kind="invoice", date=statement.date, invoice_no="2", content_hash="p"
    )
    for line in (invoice, spare):  # the old code allowed two invoices on one claim line
        database.execute_sql(
            "INSERT INTO line_match (imported_id, expense_id, kind, score, at) VALUES (%s, %s, 'manual', 100, %s)".replace(
                "%s", database.param
            ),
            (line.id, first_expense, "2026-01-01 00:00:00"),
        )
    runner.History.delete().where(runner.History.name == "0019_three_way_matching").execute()
    assert runner.up() == ["0019_three_way_matching"]
    kept = {m.imported_id: m for m in LineMatch.select()}
    assert kept[invoice.id].role == "invoice" and kept[invoice.id].expense_id == first_expense
    assert kept[spare.id].kind == "held" and kept[spare.id].expense_id is None
    assert kept[matched[0][0]].role == "payment" and kept[matched[0][0]].expense_id == first_expense


def test_every_claim_line_not_reconciled_carries_a_flag(past, tmp_path):
    """Closing the month: a line paid but without invoice, a card line with its invoice but no
    payment, a line with only a voucher, and an invoice whose 抬头 is not the company's are each
    flagged with what is missing — the 三方 state alone showed them with no finding."""
    from desktop.services import invoices
    from tests import einvoice_files as ef

    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = app.arrival.date()
    paid = expenses.save_line(lina, app.id, LineForm("transport", d, "88.00", vendor="滴滴出行", trips=1))
    billed = expenses.save_line(
        lina,
        app.id,
        LineForm("other", d, "60.00", vendor="打印店", invoice_no="555", payment_method="公务卡"),
    )
    cash = expenses.save_line(
        lina, app.id, LineForm("other", d, "45.00", vendor="文具店", invoice_no="444", payment_method="现金")
    )
    wrong_title = expenses.save_line(
        lina,
        app.id,
        LineForm("meals", d, "106.00", vendor="粤海酒家", invoice_no="26442000000012345678", guests=2),
    )
    scanned = expenses.save_line(lina, app.id, LineForm("other", d, "12.00", vendor="花店"))
    receipt = tmp_path / "receipt.pdf"
    ef.make_pdf(receipt, number="99999999", total="12.00", amount="12.00", tax="0.00")
    expenses.attach_voucher(lina, scanned, receipt)
    _import(
        finance,
        _invoices(
            tmp_path,
            [
                ["", "555", d.isoformat(), "打印店", "60.00", "0", "60.00"],
                ["", "444", d.isoformat(), "文具店", "45.00", "0", "45.00"],
            ],
        ),
    )
    card = [
        [d.isoformat(), "打车", "滴滴出行科技有限公司", "88.00", ""],
        [d.isoformat(), "餐费", "粤海酒家餐饮有限公司", "106.00", ""],
    ]
    _import(finance, _statement(tmp_path, card))
    xml = ef.make_xml(tmp_path / "wrong.xml", day=d, buyer=("华夏精密科技有限公司", "91440300MA5HXJ8K9Z"))
    invoices.commit_files(finance, invoices.preview_files(finance, [xml]))
    reconcile.run(finance, *_window(d))
    states = {s.expense_id: s.state for s in reconcile.states(finance, *_window(d))}
    assert states[cash] == states[wrong_title] == "reconciled"
    flags = {(f.expense_id, f.code) for f in reconcile.flags(finance, *_window(d))}
    assert (paid, "no_invoice") in flags
    assert (billed, "no_payment") in flags
    assert (scanned, "voucher_only") in flags
    assert (wrong_title, "invoice_title") in flags
    assert not {code for e, code in flags if e == cash} & {"no_invoice", "no_payment", "voucher_only"}
    assert reconcile.flag_label("invoice_title") == "发票抬头不符"


def test_the_report_calls_an_invoice_an_invoice_not_money_out(past, tmp_path):
    """方向 on the 对账报告: a statement line is 支出 or 收入; an invoice moves no money."""
    lina, app = past
    finance = auth.actor_by_username("caiwu")
    d = app.arrival.date()
    expenses.save_line(lina, app.id, LineForm("other", d, "60.00", vendor="打印店", invoice_no="777"))
    _import(finance, _invoices(tmp_path, [["", "777", d.isoformat(), "打印店", "60.00", "0", "60.00"]]))
    _import(finance, _statement(tmp_path, [[d.isoformat(), "打印", "打印店", "60.00", ""]]))
    reconcile.run(finance, *_window(d))
    report = reconcile.report_data(finance, *_window(d), "公司")
    directions = sorted(row[3] for row in report.matched)
    assert directions == ["发票", "支出"]
