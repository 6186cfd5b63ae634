"""Benchmark: the visitor log at 1,000,000 visits (prints figures; never fails on timing).

    python bench/bench_visitor_log.py [--visits 1000000] [--runs 5] [--db sqlite:///…]

Builds once — cached under the system temp folder, never committed — a database with the
project's own schema (created by the migrations, filled through the models' tables and fields):
VISITS visits over ten years with realistic names, phones and companies, 20,000 receptions and
200,000 expense lines. A cached database of an older schema is migrated on open, which also
exercises the migrations' backfill at scale.

Then it times what the log view runs (visitors.count_log + visitors.search_log for the first
page, as views/visitor_log.py calls them): no filter, one day, a two-character name, pinyin
initials, a 4-digit phone fragment, a company substring; medians of ``--runs`` interleaved runs,
next to the baseline of a bare ``SELECT … WHERE id = ?`` primary-key read and a bare
``SELECT count(*) FROM visit`` in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import resource
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop import db, paths  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红梅亮斌宇浩凯波飞鑫雪琳晨欣婷杨帆宁海峰林"
)
PLACES = "华东 华南 江南 中原 东方 北辰 南洋 长江 黄河 金桥 新城 恒通 远大 宏达 鼎盛 瑞丰 嘉禾 天成 永安 锦程".split()
TRADES = "精密机械 电子科技 物流 化工 医疗器械 建材 食品 纺织 汽车零部件 信息技术 环保设备 新能源 光电 包装 贸易".split()
SUFFIX = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"]


def _bulk(model, rows: list[dict], chunk: int = 20_000) -> None:
    """Insert ``rows`` through the model's fields (defaults, db_value) with a raw executemany."""
    fields = [f for f in model._meta.sorted_fields if not (f.primary_key and f.name == "id")]
    cols = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join([db.database.param] * len(fields))
    sql = f'INSERT INTO "{model._meta.table_name}" ({cols}) VALUES ({marks})'
    defaults = {}
    for f in fields:
        d = f.default
        defaults[f.name] = d() if callable(d) else d
    cursor = db.database.cursor()
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        values = [tuple(f.db_value(r.get(f.name, defaults[f.name])) for f in fields) for r in part]
        with db.database.atomic():
            cursor.executemany(sql, values)


def build(url: str, visits: int) -> None:
    from desktop.models import (
        Application,
        Department,
        Employee,
        ExpenseLine,
        ExpenseSummary,
        LevelStandard,
        OptionItem,
        ReceptionLevel,
        User,
        Visit,
        Visitor,
    )
    from desktop.services import setup
    from desktop.services.auth import hash_password
    from desktop.services.text import pinyin_keys

    setup.ensure_defaults()
    rng = random.Random(14)
    t0 = time.perf_counter()
    depts = [
        Department.create(name=f"{n}部", sort=i)
        for i, n in enumerate("销售 采购 技术 质量 行政 财务 生产 市场".split())
    ]
    employees = []
    for i in range(300):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        full, initials = pinyin_keys(name)
        employees.append(
            dict(name=name, name_pinyin=full, name_initials=initials, department=depts[i % len(depts)].id,
                 phone=f"139{rng.randrange(10**8):08d}")
        )  # fmt: skip
    _bulk(Employee, employees)
    emp = list(Employee.select(Employee.id, Employee.department))
    cats = [o.id for o in OptionItem.select().where(OptionItem.kind == "visitor_category")] or [None]
    purposes = [o.id for o in OptionItem.select().where(OptionItem.kind == "visit_purpose")] or [None]
    companies = [
        f"{rng.choice(PLACES)}{rng.choice(TRADES)}{rng.choice(SUFFIX)}" if i % 5 else
        f"{rng.choice(('上海', '苏州', '深圳', '宁波', '无锡'))}{rng.choice(PLACES)}{rng.choice(TRADES)}{rng.choice(SUFFIX)}"
        for i in range(4000)
    ]  # fmt: skip
    people = []
    for _ in range(60_000):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        full, initials = pinyin_keys(name)
        people.append(
            dict(name=name, name_pinyin=full, name_initials=initials, company=rng.choice(companies),
                 phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
                 id_number=f"{rng.randrange(110000, 659999)}19{rng.randrange(60, 99)}{rng.randrange(10**6):06d}{rng.randrange(10)}")
        )  # fmt: skip
    _bulk(Visitor, people)
    print(f"  hosts, companies, 60,000 known visitors            {time.perf_counter() - t0:8.1f} s")
    start = dt.datetime(2016, 11, 1, 8, 0)
    span = 10 * 365 * 24 * 60  # minutes over ten years
    rows = []
    for i in range(visits):
        p = rng.randrange(len(people))
        person = people[p]
        host = emp[rng.randrange(len(emp))]
        t = start + dt.timedelta(minutes=int(i * span / visits) + rng.randrange(30))
        t = t.replace(hour=8 + t.hour % 10)
        left = i < visits - 40
        rows.append(
            dict(visitor=p + 1, name=person["name"], name_pinyin=person["name_pinyin"],
                 name_initials=person["name_initials"], company=person["company"], phone=person["phone"],
                 id_number=person["id_number"], people_count=1 + rng.randrange(4),
                 category=rng.choice(cats), purpose=rng.choice(purposes), host=host.id,
                 department=host.department_id, kind="walk_in" if i % 4 else "appointment",
                 status="left" if left else "on_site", time_in=t,
                 time_out=t + dt.timedelta(minutes=20 + rng.randrange(240)) if left else None,
                 badge_no=str(1 + i % 200), tea_served=bool(i % 3), created_at=t)
        )  # fmt: skip
        if len(rows) == 100_000:
            _bulk(Visit, rows)
            rows.clear()
    _bulk(Visit, rows)
    print(f"  {visits:,} visits                                  {time.perf_counter() - t0:8.1f} s")
    user = User.create(username="bench", password_hash=hash_password("benchmark"))
    level = ReceptionLevel.get(ReceptionLevel.code == "C")
    std = LevelStandard.get(LevelStandard.level == level)
    apps = []
    for i in range(20_000):
        arrival = dt.datetime.combine(
            dt.date(2016, 11, 7) + dt.timedelta(days=i * 3650 // 20_000), dt.time(9)
        )
        apps.append(
            dict(number=f"JD-{arrival.year}-{i:05d}", status="approved", applicant=user.id,
                 department=depts[i % len(depts)].id, client_company=rng.choice(companies),
                 level=level.id, standard=std.id, arrival=arrival,
                 departure=arrival + dt.timedelta(hours=8), total=Decimal("3000"))
        )  # fmt: skip
    _bulk(Application, apps)
    _bulk(ExpenseSummary, [dict(reception=i + 1, status="approved") for i in range(20_000)])
    lines = []
    for i in range(200_000):
        amount = Decimal(rng.randrange(2000, 300000)) / 100
        lines.append(
            dict(summary=1 + i // 10, category=rng.choice(("meals", "hotel", "transport", "gifts")),
                 date=apps[i // 10]["arrival"].date(), vendor=f"供应商{rng.randrange(900)}",
                 invoice_no=f"{30000000 + i}", amount=amount, total=amount)
        )  # fmt: skip
    _bulk(ExpenseLine, lines)
    print(f"  20,000 receptions, 200,000 expense lines            {time.perf_counter() - t0:8.1f} s")


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", default="", help="default: a cached SQLite file in the temp folder")
    args = parser.parse_args()
    from desktop.models import Visit
    from desktop.services import visitors
    from desktop.services.auth import RECEPTIONIST, Actor
    from desktop.services.visitors import LogQuery

    folder = Path(tempfile.gettempdir()) / "reception-bench"
    folder.mkdir(exist_ok=True)
    paths.set_data_dir(folder)
    url = args.db or f"sqlite:///{folder / f'visitor-log-{args.visits}.sqlite3'}"
    fresh = not args.db and not (folder / f"visitor-log-{args.visits}.sqlite3").exists()
    t_open = time.perf_counter()
    if args.db:
        db.wipe(url)
        fresh = True
    info = db.open_database(url)
    t_open = time.perf_counter() - t_open
    if fresh:
        print(f"building {url} (once; cached for later runs)")
        try:
            build(url, args.visits)
        except BaseException:
            db.close_database()
            if info.path:
                info.path.unlink(missing_ok=True)
            raise
    elif info.applied:
        print(f"migrated the cached database ({', '.join(info.applied)}) in {t_open:.1f} s")
    total = Visit.select().count()
    print(f"visitor log on {total:,} visits ({info.kind}); medians of {args.runs} interleaved runs")
    actor = Actor(user_id=0, username="bench", display_name="", roles=frozenset({RECEPTIONIST}))
    last = Visit.select(Visit.time_in).order_by(Visit.time_in.desc()).limit(1).scalar()
    sample = Visit.select().where(Visit.id == total // 2).get()
    day = (last - dt.timedelta(days=3)).date() if last else dt.date(2026, 11, 20)
    cases = {
        "first page, no filter": LogQuery(),
        "one day": LogQuery(date_from=day, date_to=day),
        f"name {sample.name[:2]} (2 characters)": LogQuery(text=sample.name[:2]),
        f"pinyin initials {sample.name_initials[:2]}": LogQuery(text=sample.name_initials[:2]),
        f"phone fragment {sample.phone[-4:]}": LogQuery(text=sample.phone[-4:]),
        f"company substring {sample.company[2:6]}": LogQuery(text=sample.company[2:6]),
    }

    def search(q: LogQuery):
        return visitors.count_log(actor, q), visitors.search_log(actor, q, 0, 200)

    conn = db.database

    def bare_pk():
        conn.execute_sql("SELECT * FROM visit WHERE id = ?" if info.kind == "sqlite" else
                         "SELECT * FROM visit WHERE id = %s", (total // 3,)).fetchall()  # fmt: skip

    def bare_count():
        conn.execute_sql("SELECT count(*) FROM visit").fetchall()

    samples: dict[str, list[float]] = {
        k: [] for k in [*cases, "bare: primary-key read", "bare: count(*) of visit"]
    }
    answers = {}
    for _ in range(args.runs):
        for label, q in cases.items():
            samples[label].append(
                _median_ms(lambda q=q, label=label: answers.__setitem__(label, search(q)), 1)
            )
        samples["bare: primary-key read"].append(_median_ms(bare_pk, 1))
        samples["bare: count(*) of visit"].append(_median_ms(bare_count, 1))
    for label, values in samples.items():
        extra = ""
        if label in answers:
            count, rows = answers[label]
            extra = f"  count {count:,}, first page {len(rows)} rows"
        print(f"{label:<45} {statistics.median(values):9.1f} ms  (target ≤ 50 ms){extra}"
              if label in cases else f"{label:<45} {statistics.median(values):9.1f} ms")  # fmt: skip
    gc.collect()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process (services only)':<45} {rss:9.0f} MiB")
    db.close_database()
    # Opening the log: a fresh process opens the database, then the log view runs its first search.
    print_open_log(url)


def print_open_log(url: str) -> None:
    """Time and memory of opening the log in a fresh process (the view's own code, offscreen)."""
    import json
    import os
    import subprocess

    code = (
        "import time,json,sys;t=time.perf_counter();"
        "from PySide6.QtWidgets import QApplication;app=QApplication([]);"
        "from desktop import db;db.open_database(sys.argv[1]);"
        "from desktop.services.auth import RECEPTIONIST, Actor;"
        "from desktop.views.visitor_log import VisitorLogView;"
        "from desktop.views import ops;"
        "t1=time.perf_counter();"
        "v=VisitorLogView(Actor(user_id=0,username='b',display_name='',roles=frozenset({RECEPTIONIST})));v.show();"
        "deadline=time.perf_counter()+30\n"
        "while v.model.rowCount()==0 and time.perf_counter()<deadline: app.processEvents()\n"
        "print(json.dumps(dict(open_ms=(time.perf_counter()-t1)*1000, rows=v.model.rowCount(),"
        "rss=[int(l.split()[1])/1024 for l in open('/proc/self/status') if l.startswith('VmHWM')][0])))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = str(Path(__file__).resolve().parent.parent)
    opens, rss = [], []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code, url], capture_output=True, text=True, env=env, cwd=root
        )
        if out.returncode != 0:
            print(f"opening the log failed: {out.stderr.strip().splitlines()[-1:]}")
            return
        data = json.loads(out.stdout.strip().splitlines()[-1])
        opens.append(data["open_ms"])
        rss.append(data["rss"])
    print(
        f"{'opening the log (view shown to first page)':<45} {statistics.median(opens):9.1f} ms  (target ≤ 300 ms)"
    )
    print(
        f"{'app memory with the log open (peak RSS)':<45} {statistics.median(rss):9.0f} MiB  (target ≤ 150 MiB)"
    )


if __name__ == "__main__":
    main()
