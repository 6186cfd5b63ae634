"""Demo receptions: applications in every state, budgets and resources for the demo office.

Built through the real services (draft → submit → decisions), so the demo shows exactly what
the rules produce. Dates are relative to the demo's "today"; decisions are dated the day they
would have been made.
"""

from __future__ import annotations

import datetime as dt

from desktop.models import Employee, Visit
from desktop.services import applications as apps
from desktop.services import approval, auth, budgets, org, resources, standards
from desktop.services.applications import ApplicationForm, GuestForm, LineForm

CLIENTS = [
    (
        "华东精密机械有限公司",
        "上海",
        "精密零部件制造",
        [("王建华", "总经理", "男"), ("刘敏", "采购总监", "女")],
    ),
    (
        "深圳市创新电子科技有限公司",
        "深圳",
        "消费电子",
        [("李四", "副总裁", "男"), ("陈洁", "质量经理", "女"), ("黄海", "工程师", "男")],
    ),
    (
        "杭州未来智能装备股份有限公司",
        "杭州",
        "智能装备",
        [("赵磊", "董事长", "男"), ("孙悦", "董事会秘书", "女")],
    ),
    ("北京中科检测认证中心", "北京", "检测认证", [("周平", "审核组长", "男"), ("吴芳", "审核员", "女")]),
    ("青岛海湾重工集团", "青岛", "重型机械", [("郑强", "采购经理", "男")]),
    ("南京金陵医药股份公司", "南京", "医药", [("冯丽", "副总经理", "女"), ("何军", "项目经理", "男")]),
    ("成都天府新材料有限公司", "成都", "新材料", [("马超群", "技术总监", "男")]),
    (
        "宁波港城进出口贸易公司",
        "宁波",
        "进出口贸易",
        [("朱琳琳", "业务经理", "女"), ("许杰", "业务员", "男")],
    ),
    ("武汉光谷光电有限公司", "武汉", "光电器件", [("韩冬", "总经理", "男"), ("曹雪", "助理", "女")]),
    ("长沙湘江电机有限公司", "长沙", "电机", [("彭飞", "采购主管", "男")]),
]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0))


def _working_day_after(day: dt.date, n: int) -> dt.date:
    from desktop.services import workdays

    return workdays.add_working_days(day, n)


def seed(today: dt.date, now: dt.datetime) -> int:
    """Create the demo receptions; returns how many applications were made."""
    admin = auth.actor_by_username("admin")
    office = auth.actor_by_username("liuyang")  # the 行政部 step and the arrangements: a named person
    lina = auth.actor_by_username("lina")
    manager = auth.actor_by_username("zhangwei")
    finance = auth.actor_by_username("caiwu")
    gm = auth.actor_by_username("zongjingli")
    chairman = auth.actor_by_username("dongshizhang")
    resources.seed_examples()
    for dep in org.list_departments():
        annual = "120000" if dep.name.startswith("销售") else "36000"
        for year in {today.year, (today + dt.timedelta(days=45)).year}:
            budgets.set_year(admin, dep.id, year, budgets.split_evenly(annual))
    sales = next(d for d in org.list_departments() if d.name == "销售一部")
    host = Employee.get(Employee.name == "李娜")
    level = {lv.code: lv.id for lv in standards.levels()}
    filed = now - dt.timedelta(days=6)

    def make(i: int, code: str, arrival: dt.date, days: int = 1, by=None, **kw) -> int:
        company, city, business, guests = CLIENTS[i % len(CLIENTS)]
        form = ApplicationForm(
            client_company=company,
            client_location=city,
            client_business=business,
            level_id=level[code],
            department_id=sales.id,
            our_attendees=3,
            purpose=kw.pop("purpose", "商务洽谈，推进年度框架协议"),
            background=kw.pop("background", "合作三年的老客户，年采购额约 800 万元"),
            arrival=_at(arrival, 9),
            departure=_at(arrival + dt.timedelta(days=days - 1), 17),
            responsible_id=host.id,
            meals=2 * days,
            accompany_diners=min(3, len(guests)),
            needs_meals=True,
            guests=[
                GuestForm(*g, phone=f"1390{i % 10}{k:02d}{8800 + i * 7:05d}"[:11], leader=k == 0)
                for k, g in enumerate(guests)
            ],
            venue=kw.pop("venue", "行政楼 3 楼一号会议室"),
            **kw,
        )
        return apps.save_draft(by or lina, form).id

    def submit(app_id: int, when: dt.datetime) -> None:
        apps.submit(lina, app_id, now=when)

    def approve(app_id: int, *actors, when: dt.datetime) -> None:
        for n, actor in enumerate(actors):
            approval.decide(actor, app_id, approval.APPROVE, "同意", now=when + dt.timedelta(hours=n + 1))

    count = 0
    # Approved receptions over the coming days (the schedule will show these).
    approved_ids = []
    for i, (offset, code) in enumerate([(1, "B"), (1, "C"), (3, "B"), (6, "C")]):
        arrival = _working_day_after(today, offset)
        app_id = make(
            i,
            code,
            arrival,
            days=2 if code == "B" else 1,
            needs_hotel=code == "B",
            rooms=2 if code == "B" else 0,
            nights=1 if code == "B" else 0,
            needs_pickup=code == "B",
            needs_vehicle=code == "B",
            trips=2 if code == "B" else 0,
            needs_tour=True,
        )
        submit(app_id, filed)
        approve(app_id, manager, office, finance, gm, when=filed)
        approved_ids.append(app_id)
        count += 1
    _arrange(office, approved_ids)
    # Receptions that have ended: one with its feedback in, one whose feedback is overdue.
    from desktop.services import feedback

    for i, days_ago in enumerate((26, 22, 18, 14, 10, 5)):
        arrival = today - dt.timedelta(days=days_ago)
        while arrival.weekday() >= 5:
            arrival -= dt.timedelta(days=1)
        app_id = make(3 + i, "C", arrival)
        earlier = now - dt.timedelta(days=days_ago + 7)
        submit(app_id, earlier)
        approve(app_id, manager, office, finance, gm, when=earlier)
        count += 1
        if i == 0:
            feedback.submit(
                lina,
                app_id,
                feedback.FeedbackForm(
                    discussed="介绍了新一代产品线，客户对自动化检测方案很感兴趣",
                    requirements="希望两周内提供样品和报价；交期要求 30 天以内",
                    satisfaction=4,
                    followup_owner_id=host.id,
                    actions=[
                        feedback.ActionForm("寄送样品 3 套", host.id, today + dt.timedelta(days=3)),
                        feedback.ActionForm("提交正式报价", host.id, today + dt.timedelta(days=7)),
                    ],
                ),
                now=_at(arrival + dt.timedelta(days=1), 10),
            )
            feedback.sign_off(manager, app_id, now=_at(arrival + dt.timedelta(days=2), 9))
    # Pending at each step.
    waiting = [(), (manager,), (manager, office), (manager, office, finance)]
    for n, deciders in enumerate(waiting):
        app_id = make(4 + n, "C", _working_day_after(today, 5 + n))
        submit(app_id, now - dt.timedelta(days=1))
        approve(app_id, *deciders, when=now - dt.timedelta(hours=20))
        count += 1
    # Over standard: waits for the GM, whose own step takes the over-standard decision.
    app_id = make(
        8,
        "B",
        _working_day_after(today, 8),
        lines=[LineForm("meals", "1800", "客户总经理带队，安排正式商务宴请")],
    )
    submit(app_id, now - dt.timedelta(days=2))
    approve(app_id, manager, office, finance, when=now - dt.timedelta(days=1))
    count += 1
    # Level A: after the GM, the chairman.
    app_id = make(
        2,
        "A",
        _working_day_after(today, 10),
        days=2,
        gm_attends=True,
        needs_gifts=True,
        needs_hotel=True,
        rooms=2,
        nights=1,
    )
    submit(app_id, now - dt.timedelta(days=2))
    approve(app_id, manager, office, finance, gm, when=now - dt.timedelta(days=1))
    count += 1
    # Urgent: tomorrow, filed today.
    app_id = make(9, "C", today + dt.timedelta(days=1), urgent=True, urgent_reason="客户临时决定明天来厂验货")
    submit(app_id, now)
    count += 1
    # Returned for changes, rejected, a draft, a withdrawn one.
    app_id = make(5, "B", _working_day_after(today, 9))
    submit(app_id, now - dt.timedelta(days=3))
    approval.decide(
        manager, app_id, approval.RETURN, "请补充来访人员职务和行程安排", now=now - dt.timedelta(days=2)
    )
    count += 1
    app_id = make(6, "B", _working_day_after(today, 12))
    submit(app_id, now - dt.timedelta(days=4))
    approve(app_id, manager, when=now - dt.timedelta(days=3, hours=4))
    approval.decide(
        office,
        app_id,
        approval.REJECT,
        "同期已有同一客户的接待安排，请合并申请",
        now=now - dt.timedelta(days=3),
    )
    count += 1
    make(7, "C", _working_day_after(today, 15))
    count += 1
    # 补填: yesterday's walk-in, filed afterwards from the visitor log.
    visit = (
        Visit.select()
        .where(Visit.time_in < dt.datetime.combine(today, dt.time.min), Visit.host == host.id)
        .order_by(Visit.time_in.desc())
        .first()
    )
    if visit is not None:
        form = apps.from_visit(lina, visit.id)
        form.purpose = "临时来访，洽谈样品测试"
        form.responsible_id = host.id
        form.department_id = sales.id
        apps.submit(lina, apps.save_draft(lina, form).id, now=now)
        count += 1
    # The head of department's own application: his step goes to his superior (routing), never
    # to himself.
    own = make(1, "C", _working_day_after(today, 7), by=manager, purpose="拜访重点客户，洽谈年度框架协议")
    apps.submit(manager, own, now=now - dt.timedelta(hours=3))
    count += 1
    # The approval notices the seeding sent are history by now: the bell starts quiet (the
    # navigation still counts what waits for each approver).
    from desktop.models import Notification

    Notification.update(read_at=now).where(
        Notification.user.is_null(False), Notification.read_at.is_null()
    ).execute()
    del chairman  # has nothing to decide until the GM has approved the level-A reception
    return count


def _arrange(admin, approved_ids: list[int]) -> None:
    """This week's arrangements, with a deliberate near-conflict: two receptions on one day use
    the same meeting room back to back (10:30 ends, 10:30 starts — allowed). Cars are not: a car
    that drops guests at the office cannot start a pickup at the station the same minute."""
    from desktop.models import Application
    from desktop.services import arrangements
    from desktop.services.arrangements import ItemForm

    rooms = {r.values["name"]: r.id for r in resources.items("rooms")}
    cars = [v.id for v in resources.items("vehicles")]
    hotels = {h.values["name"]: h.id for h in resources.items("hotels")}
    restaurants = {r.values["name"]: r.id for r in resources.items("restaurants")}
    people = {e.name: e.id for e in org.list_employees()}
    first, second, third = (Application.get_by_id(i) for i in approved_ids[:3])

    def day(app: Application, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(app.arrival.date(), dt.time(hour, minute))

    guests = first.guests.count()
    plan = [
        (first, arrangements.pickup_form(first, day(first, 8, 40), "CZ3521", "白云机场 T2")),
        (
            first,
            ItemForm(
                kind="meeting",
                start=day(first, 9, 30),
                end=day(first, 10, 30),
                room_id=rooms["一号会议室"],
                projector=True,
                guests=guests,
                attendee_ids=[people["张伟"], people["李娜"]],
                notes="年度框架协议洽谈",
            ),
        ),
        (
            first,
            ItemForm(
                kind="tour",
                start=day(first, 14),
                end=day(first, 15, 30),
                place="生产基地 A 区",
                route="总装车间 → 检测中心",
                guide="何婷",
                to_be_confirmed=True,
                guests=guests,
            ),
        ),
        (
            first,
            ItemForm(
                kind="meal",
                start=day(first, 12),
                end=day(first, 13, 30),
                guests=guests,
                diners=2,
                restaurant_id=restaurants["粤海酒家"],
                attendee_ids=[people["张伟"]],
            ),
        ),
        (
            first,
            ItemForm(
                kind="hotel",
                start=day(first, 20),
                end=day(first, 21),
                hotel_id=hotels["维也纳国际酒店"],
                rooms=2,
                nights=1,
                guests=guests,
            ),
        ),
        (
            second,
            ItemForm(
                kind="meeting",
                start=day(second, 10, 30),
                end=day(second, 12),
                room_id=rooms["一号会议室"],
                projector=True,
                guests=second.guests.count(),
                attendee_ids=[people["冯涛"]],
                notes="紧接上一场会议，需提前清场",
            ),
        ),
        (
            second,
            ItemForm(
                kind="pickup",
                start=day(second, 9, 10),
                end=day(second, 10, 20),
                vehicle_id=cars[1],
                station="高铁南站",
                transport_no="G1002",
                guests=second.guests.count(),
            ),
        ),
        (
            third,
            ItemForm(
                kind="meeting",
                start=day(third, 9),
                end=day(third, 11),
                room_id=rooms["二号会议室"],
                guests=third.guests.count(),
                attendee_ids=[people["李娜"]],
            ),
        ),
    ]
    plan[0][1].vehicle_id = cars[0]  # 07:40–09:10 at the airport; the station pickup takes cars[1]
    for app, form in plan:
        arrangements.save_item(admin, app.id, form)
    detail = arrangements.get(admin, first.id)
    for item in detail.checklist[:5]:
        arrangements.set_checklist(admin, item.id, done=True, owner_id=people["孙丽"])


def seed_finance(today: dt.date, now: dt.datetime, invoice_file=None) -> None:
    """Expense summaries in every state, an import batch, and lines waiting for review."""
    from desktop.models import Application
    from desktop.services import expenses, imports, reconcile
    from desktop.services.expenses import LineForm

    lina = auth.actor_by_username("lina")
    finance = auth.actor_by_username("caiwu")
    gm = auth.actor_by_username("zongjingli")
    manager = auth.actor_by_username("zhangwei")
    ended = sorted(
        (
            a
            for a in apps.list_applications(finance, scope="all")
            if a.status == apps.APPROVED and a.departure.date() < today
        ),
        key=lambda a: a.arrival,
    )
    for n, info in enumerate(ended):
        app = Application.get_by_id(info.id)
        d = app.arrival.date()
        expenses.save_line(
            lina,
            app.id,
            LineForm(
                "meals",
                d,
                f"{90 * (info.guest_count + 2)}.00",
                vendor="粤海酒家",
                invoice_code="044001900111",
                invoice_no=f"1372{n}588",
                guests=info.guest_count,
                diners=2,
                payment_method="公务卡",
            ),
        )
        expenses.save_line(
            lina,
            app.id,
            LineForm(
                "transport",
                d,
                "86.50",
                vendor="滴滴出行",
                trips=1,
                payment_method="公务卡",
                reason="送客户去高铁站，预算未列",
            ),
        )
        expenses.save_line(
            lina,
            app.id,
            LineForm("other", d, "45.00", vendor="文具店", payment_method="现金", reason="会议资料打印装订"),
        )
        # One summary in each state: reimbursed, approved, audited, returned, draft, submitted late.
        # The late one is the oldest reception, so even its late submission lies before today.
        state = ("late", "reimbursed", "approved", "audited", "returned", "draft")[n % 6]
        if state == "draft":
            continue  # left as a draft
        late = state == "late"
        when = dt.datetime.combine(d + dt.timedelta(days=12 if late else 2), dt.time(16))
        when = min(when, now - dt.timedelta(hours=3))
        expenses.submit(lina, app.id, now=when)
        if state == "returned":
            expenses.return_to_host(finance, app.id, "文具店发票抬头有误，请重开")
            continue
        if state in ("reimbursed", "approved", "audited", "late"):
            expenses.sign_as_department_head(manager, app.id, "属实", now=when + dt.timedelta(hours=1))
        if state in ("reimbursed", "approved", "audited"):
            expenses.audit(finance, app.id, "凭证齐全", now=when + dt.timedelta(days=1))
        if state in ("reimbursed", "approved"):
            expenses.approve(gm, app.id, "同意", now=when + dt.timedelta(days=2))
        if state == "reimbursed":
            paid = min(today, max(today - dt.timedelta(days=1), (when + dt.timedelta(days=2)).date()))
            expenses.reimburse(
                finance,
                app.id,
                on=paid,
                method=expenses.BANK_TRANSFER,
                reference=f"记-{1188 + n}",  # the accounting package's 凭证号 (per month)
            )
    # As with approvals: the notices the seeding sent are history, the bell starts quiet (the
    # navigation counts what waits for each signer).
    from desktop.models import Notification
    from desktop.services import outbox

    Notification.update(read_at=now).where(
        Notification.kind == outbox.EXPENSE_WAITING, Notification.read_at.is_null()
    ).execute()
    # Finance's import: the card statement of the period.
    if invoice_file is not None and ended:
        start = ended[0].arrival.date()
        rows = [["交易日期", "摘要", "对方户名", "支出金额", "存入金额"]]
        for info in ended:
            d = info.arrival.date()
            rows += [
                [d.isoformat(), "餐费", "粤海酒家餐饮有限公司", f"{90 * (info.guest_count + 2)}.00", ""],
                [d.isoformat(), "打车", "滴滴出行科技有限公司", "86.50", ""],
                [d.isoformat(), "办公用品", "某某贸易公司", "45.00", ""],
            ]
        rows.append([(start + dt.timedelta(days=1)).isoformat(), "加油", "中石化加油站", "300.00", ""])
        import csv

        with open(invoice_file, "w", encoding="gbk", newline="") as handle:
            handle.write("招商银行 公务卡交易明细\n")
            csv.writer(handle).writerows(rows)
        preview = imports.preview(finance, invoice_file)
        imports.commit(finance, preview)
        reconcile.run(finance, start - dt.timedelta(days=7), today)


def seed_fines(today: dt.date, now: dt.datetime) -> None:
    """A few 赞助单 entries recorded by the auditor: an ordinary breach with the leader's share,
    one in a department without a 部门负责人 account (no share), and a serious one (×2)."""
    from desktop.models import Application
    from desktop.services import fines

    auditor = auth.actor_by_username("shenji")
    people = {e.name: e.id for e in org.list_employees()}
    reception = (
        Application.select()
        .where(
            Application.status == apps.APPROVED, Application.departure < dt.datetime.combine(today, dt.time())
        )
        .order_by(Application.arrival)
        .first()
    )
    entries = [
        ("李娜", "4.2", 1, "来宾到达后未及时通知接待负责人，客户在前台等候 20 分钟", 9),
        ("王芳", "4.1", 1, "未提前准备茶水和便笺", 6),
        ("黄磊", "4.3", 2, "参观时在车间与来访人员闲谈并拍照，经提醒仍未改正", 3),
    ]
    for name, article, multiplier, description, days_ago in entries:
        fines.record(
            auditor,
            fines.FineForm(
                person_id=people[name],
                article=article,
                occurred_on=today - dt.timedelta(days=days_ago),
                multiplier=multiplier,
                reception_id=reception.id if reception is not None and name == "李娜" else None,
                description=description,
            ),
            now=now - dt.timedelta(days=days_ago - 1, hours=2),
        )
