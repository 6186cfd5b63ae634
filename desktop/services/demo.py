"""Realistic, deterministic demo data: the same seed and day give the same office."""

from __future__ import annotations

import datetime as dt
import random

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import (
    DenyEntry,
    Department,
    Employee,
    OptionItem,
    Setting,
    User,
    UserRole,
    Visit,
    Visitor,
)
from desktop.services import settings, setup
from desktop.services.auth import (
    ADMIN_OFFICE,
    AUDITOR,
    CHAIRMAN,
    DEPT_MANAGER,
    FINANCE,
    GENERAL_MANAGER,
    HOST,
    RECEPTIONIST,
    SYSADMIN,
    hash_password,
)
from desktop.services.errors import ServiceError
from desktop.services.text import pinyin_keys

DEMO_PASSWORD = "demo1234"
DEMO_ADMIN = "admin"

DEPARTMENTS = ["总经办", "行政部", "财务部", "销售一部", "销售二部", "技术部", "采购部", "生产部", "质量部"]

EMPLOYEES = [  # name, department, title
    ("林国栋", "总经办", "董事长"),
    ("陈建国", "总经办", "总经理"),
    ("周慧敏", "总经办", "副总经理"),
    ("刘洋", "行政部", "行政经理"),
    ("孙丽", "行政部", "行政专员"),
    ("王芳", "行政部", "前台"),
    ("赵敏", "财务部", "财务经理"),
    ("钱进", "财务部", "会计"),
    ("张伟", "销售一部", "销售经理"),
    ("李娜", "销售一部", "业务员"),
    ("黄磊", "销售一部", "业务员"),
    ("吴静", "销售二部", "销售经理"),
    ("郑凯", "销售二部", "业务员"),
    ("冯涛", "技术部", "技术总监"),
    ("何婷", "技术部", "工程师"),
    ("许明", "采购部", "采购经理"),
    ("韩雪", "生产部", "生产经理"),
    ("马超", "质量部", "质量经理"),
    ("朱琳", "质量部", "体系工程师"),
]

USERS = [  # username, display name, employee name, roles
    (DEMO_ADMIN, "演示管理员", "刘洋", {SYSADMIN, ADMIN_OFFICE}),
    ("qiantai", "王芳", "王芳", {RECEPTIONIST}),
    # 行政经理 as a person: the demo's approvals and arrangement sheets carry a name, not "演示管理员".
    ("liuyang", "刘洋", "刘洋", {ADMIN_OFFICE}),
    ("zhangwei", "张伟", "张伟", {HOST, DEPT_MANAGER}),
    ("lina", "李娜", "李娜", {HOST}),
    ("caiwu", "赵敏", "赵敏", {FINANCE}),
    ("zongjingli", "陈建国", "陈建国", {GENERAL_MANAGER}),
    ("shenji", "审计员", None, {AUDITOR}),
    ("dongshizhang", "林国栋", "林国栋", {CHAIRMAN}),
]

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
    "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬建国文辉力鹏飞宇浩然"
    "子轩欣怡梓涵思远晨阳海波志刚春梅雪松德华立新永"
)

COMPANIES = [
    "华东精密机械有限公司",
    "深圳市创新电子科技有限公司",
    "广州白云化工集团",
    "苏州工业园区永达物流",
    "杭州未来智能装备股份有限公司",
    "上海浦江汽车零部件有限公司",
    "北京中科检测认证中心",
    "成都天府新材料有限公司",
    "宁波港城进出口贸易公司",
    "武汉光谷光电有限公司",
    "青岛海湾重工集团",
    "佛山美居家具制造厂",
    "东莞恒信模具有限公司",
    "南京金陵医药股份公司",
    "厦门鹭岛包装材料有限公司",
    "天津滨海新区市场监督管理局",
    "长沙湘江电机有限公司",
]


DEMO_TAX_ID = "91440300MA5HXJ8K2P"  # 华夏精工科技有限公司 (invented)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _phone(rng: random.Random) -> str:
    return rng.choice(["138", "139", "135", "136", "186", "158", "177", "133"]) + "".join(
        str(rng.randrange(10)) for _ in range(8)
    )


def _id_number(rng: random.Random, birth: dt.date) -> str:
    area = rng.choice(["440106", "310104", "110105", "320506", "330106", "510107"])
    body = f"{area}{birth:%Y%m%d}{rng.randrange(1000):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
    return body + check


def seed_demo(
    *, seed: int = 2026, today: dt.date | None = None, now: dt.datetime | None = None
) -> dict[str, int]:
    """Fill an empty database with a demo office as of ``today`` (default: the clock's today).

    The whole seeding runs with the clock pinned to that day, so the rules that compare with
    "today" (no breach after today, due dates, lead times) and the records' timestamps agree with
    the demo's own day."""
    day = today or clock.today()
    if now is None and day != clock.today():
        now = dt.datetime.combine(day, dt.time(10, 30))  # another day's demo: a fixed hour, repeatable
    with clock.pinned(day):
        return _seed_demo(seed=seed, today=day, now=now)


def _seed_demo(
    *, seed: int = 2026, today: dt.date | None = None, now: dt.datetime | None = None
) -> dict[str, int]:
    """Fill an empty database with an office: departments, people, four weeks of visits."""
    # Accounts count as data: the demo's admin/demo1234 must never be added to a real database.
    if Visit.select().exists() or Department.select().exists() or User.select().exists():
        raise ServiceError(translate("services", "数据库里已经有数据，演示数据只能写入空数据库。"))
    rng = random.Random(seed)
    today = today or clock.today()
    if now is None:
        # Real clock for today's demo so "on site for 25 minutes" is true; a fixed hour otherwise.
        now = (
            clock.now().replace(second=0, microsecond=0)
            if today == clock.today()
            else dt.datetime.combine(today, dt.time(10, 30))
        )
    setup.ensure_defaults()
    with database.atomic():
        Setting.insert(key="company_name", value="华夏精工科技有限公司").on_conflict(
            conflict_target=[Setting.key], update={Setting.value: "华夏精工科技有限公司"}
        ).execute()
        # The buyer tax id e-invoices are checked against (发票抬头, issue 13).
        Setting.insert(key="company_tax_id", value=DEMO_TAX_ID).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: DEMO_TAX_ID}
        ).execute()
        deps = {name: Department.create(name=name, sort=i) for i, name in enumerate(DEPARTMENTS)}
        emps = {}
        for name, dep, title in EMPLOYEES:
            full, initials = pinyin_keys(name)
            emps[name] = Employee.create(
                name=name,
                name_pinyin=full,
                name_initials=initials,
                department=deps[dep],
                title=title,
                phone=_phone(rng),
            )
        pw_hash = hash_password(DEMO_PASSWORD)
        for username, display, emp, roles in USERS:
            user = User.create(
                username=username,
                display_name=display,
                password_hash=pw_hash,
                employee=emps[emp] if emp else None,
            )
            for role in sorted(roles):
                UserRole.create(user=user, role=role)
        admin = User.get(User.username == DEMO_ADMIN)
        reception = User.get(User.username == "qiantai")
        cats = list(OptionItem.select().where(OptionItem.kind == settings.CATEGORY).order_by(OptionItem.sort))
        purposes = list(
            OptionItem.select().where(OptionItem.kind == settings.PURPOSE).order_by(OptionItem.sort)
        )
        hosts = [e for n, e in emps.items() if n not in ("王芳",)]

        # A pool of returning visitors, including the 张伟 / 李四 the desk will search for.
        pool: list[Visitor] = []
        fixed = [("张伟", "华东精密机械有限公司"), ("李四", "深圳市创新电子科技有限公司")]
        for i in range(60):
            name, company = fixed[i] if i < len(fixed) else (_person(rng), rng.choice(COMPANIES))
            full, initials = pinyin_keys(name)
            birth = dt.date(rng.randrange(1965, 2001), rng.randrange(1, 13), rng.randrange(1, 29))
            pool.append(
                Visitor.create(
                    name=name,
                    name_pinyin=full,
                    name_initials=initials,
                    company=company,
                    phone=_phone(rng),
                    id_number=_id_number(rng, birth) if rng.random() < 0.6 else "",
                    category=rng.choice(cats),
                )
            )

        held: list[tuple[str, dt.datetime, dt.datetime]] = []

        def free_badge(wanted: str, start: dt.datetime, end: dt.datetime) -> str:
            """The wanted badge, or the next one not held by someone else at that time: one
            badge is never on two people at once. No extra random draw (the rest stays put)."""
            number = int(wanted)
            for _ in range(99):
                badge = str(number)
                if not any(b == badge and s < end and start < e for b, s, e in held):
                    held.append((badge, start, end))
                    return badge
                number = number % 99 + 1
            return wanted

        def make_visit(
            visitor: Visitor,
            time_in: dt.datetime | None,
            status: str,
            kind: str,
            expected: dt.date | None = None,
            expected_time: dt.time | None = None,
            badge: str = "",
        ) -> Visit:
            host = rng.choice(hosts)
            stay = dt.timedelta(minutes=rng.randrange(25, 240))
            time_out = time_in + stay if (status == "left" and time_in) else None
            if badge and time_in:
                badge = free_badge(badge, time_in, time_out or dt.datetime.max)
            v = Visit.create(
                visitor=visitor,
                name=visitor.name,
                name_pinyin=visitor.name_pinyin,
                name_initials=visitor.name_initials,
                company=visitor.company,
                phone=visitor.phone,
                id_number=visitor.id_number,
                people_count=rng.choice((1, 1, 1, 2, 2, 3, 4, 6)),
                category=visitor.category,
                purpose=rng.choice(purposes),
                host=host,
                department=host.department,
                kind=kind,
                status=status,
                time_in=time_in,
                time_out=time_out,
                badge_no=badge,
                expected_date=expected,
                expected_time=expected_time,
                tea_served=rng.random() < 0.7,
                wait_location="一楼会客区",
                remarks=rng.choice(["", "", "", "携带样品", "需要停车位", "外籍随行翻译 1 人"]),
                created_by=reception,
                checked_in_by=reception if time_in else None,
                checked_out_by=reception if time_out else None,
            )
            if time_in:
                visitor.visit_count += 1
                visitor.last_visit_at = max(visitor.last_visit_at or time_in, time_in)
                visitor.save()
            return v

        count = 0
        for days_ago in range(28, 0, -1):
            day = today - dt.timedelta(days=days_ago)
            if day.weekday() >= 5 and rng.random() < 0.8:
                continue
            for _ in range(rng.randrange(4, 13)):
                t = dt.datetime.combine(day, dt.time(rng.randrange(8, 17), rng.randrange(60)))
                make_visit(
                    rng.choice(pool),
                    t,
                    "left",
                    rng.choice(("walk_in", "appointment")),
                    badge=str(rng.randrange(1, 30)),
                )
                count += 1
        # Today: some have left, some are on site now, some are expected.
        on_site = rng.sample(pool[2:], 5)
        for i, visitor in enumerate(on_site):
            t = now - dt.timedelta(minutes=15 + 25 * i)
            make_visit(visitor, t, "on_site", rng.choice(("walk_in", "appointment")), badge=str(i + 1))
            count += 1
        expected_people = [pool[1]] + rng.sample(pool[20:], 3)
        for i, visitor in enumerate(expected_people):
            make_visit(
                visitor,
                None,
                "expected",
                "appointment",
                expected=today,
                expected_time=dt.time(13 + i, 30 if i % 2 else 0),
            )
        make_visit(
            rng.choice(pool[30:]),
            None,
            "expected",
            "appointment",
            expected=today + dt.timedelta(days=1),
            expected_time=dt.time(9, 30),
        )
        # Last, because whether they exist depends on the clock: the data above stays the same.
        for i in range(3):
            t = dt.datetime.combine(today, dt.time(8, 40 + i * 6))
            if t < now:
                make_visit(rng.choice(pool[10:]), t, "left", "walk_in", badge=str(10 + i))
                count += 1
        DenyEntry.create(
            name="",
            company="东莞恒信模具有限公司",
            phone="",
            reason="2026 年 9 月未经允许在车间拍照，须经行政部批准方可进入",
            created_by=admin,
        )
        DenyEntry.create(
            name="马六",
            company="",
            phone="13800000000",
            reason="多次冒充客户推销，禁止进入",
            created_by=admin,
        )
    from desktop.services import demo_receptions

    applications = demo_receptions.seed(today, now)
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        demo_receptions.seed_finance(today, now, Path(folder) / "公务卡明细.csv")
    demo_receptions.seed_fines(today, now)
    return {"visits": count, "visitors": len(pool), "employees": len(emps), "applications": applications}
