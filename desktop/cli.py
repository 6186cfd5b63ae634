"""Command line: ``python -m desktop [--db URL] [--lang L] [--demo] [COMMAND …]``.

Every failure a user can cause (a wrong URL, an unreadable or newer database, a missing
argument, a bad date) ends with one line on stderr and a non-zero exit — never a traceback.
Set RECEPTION_DEBUG=1 to see the traceback of an unexpected error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

from desktop import clock, db, i18n, paths

EXIT_USAGE = 2
EXIT_FAILED = 1


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse prints usage and the error on two lines; we want one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see --help)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


class _ShowVersion(argparse.Action):
    """``--version``, with the version looked up only when asked: reading the installed
    distribution's metadata costs ~10 ms CPU on every start otherwise (issue 14)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        import desktop

        print(f"{parser.prog} {desktop.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reception-manager", description="接待管理 Reception Manager — front desk, receptions, finance."
    )
    parser.add_argument("--version", action=_ShowVersion, nargs=0, help="show the version and exit")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL: sqlite:///relative/path.db, sqlite:////absolute/path.db or "
        "postgresql://USER@HOST/DB (default: SQLite in the user's data folder)",
    )
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help="UI language")
    _add_user_option(parser, default=None)
    parser.add_argument(
        "--demo", action="store_true", help="open the GUI on a fresh temporary database full of demo data"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = sub.add_parser("demo", help="fill the database with deterministic demo data")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--today", type=_date, help="the demo's 'today' (default: today)")

    shot = sub.add_parser("screenshot", help="render a main view offscreen to a PNG")
    shot.add_argument("view", metavar="VIEW", help="one of: " + ", ".join([*_view_keys(), "arrangement"]))
    shot.add_argument("-o", "--output", required=True, type=Path)
    shot.add_argument("--lang", dest="shot_lang", choices=sorted(i18n.LANGUAGES))
    shot.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT (default 1280x800)")

    imp = sub.add_parser(
        "import", help="import an invoice list, a bank/card statement, or e-invoice files (.pdf .ofd .xml)"
    )
    imp.add_argument(
        "file",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="one spreadsheet, or e-invoice files and folders of them",
    )
    imp.add_argument("--profile", help="a saved column-mapping profile")
    imp.add_argument("--sheet", help="the worksheet (default: the first)")
    imp.add_argument("--encoding", help="CSV encoding (default: detected; e.g. gbk, utf-8)")
    imp.add_argument("--dry-run", action="store_true", help="check and show, write nothing")
    imp.add_argument("--json", action="store_true", help="print the result as one JSON object")
    _add_user_option(imp)

    rec = sub.add_parser("reconcile", help="match imported lines to claimed expenses and write the 对账报告")
    rec.add_argument("--from", dest="date_from", type=_date, required=True)
    rec.add_argument("--to", dest="date_to", type=_date, required=True)
    rec.add_argument("-o", "--output", required=True, type=Path)
    _add_user_option(rec)

    sub.add_parser(
        "verify-audit", help="check the audit trail's hash chain (exit 0 intact, 1 broken, with where)"
    )

    # 备份与恢复, 个人信息保留 (issue 12): 系统管理员 only, so --user names who does it
    back = sub.add_parser("backup", help="back up the whole database to FILE (.zip; a folder: a dated name)")
    back.add_argument("file", type=Path, metavar="FILE")
    _add_user_option(back)
    rest = sub.add_parser(
        "restore",
        help="replace the whole database with the backup FILE (the current state is backed up first)",
    )
    rest.add_argument("file", type=Path, metavar="FILE")
    _add_user_option(rest)
    keep = sub.add_parser(
        "retention",
        help="erase visitors' phone and ID numbers past the retention period (设置 → 备份与数据保留)",
    )
    keep.add_argument("--dry-run", action="store_true", help="count only, change nothing (needs no --user)")
    _add_user_option(keep)

    export = sub.add_parser("export", help="write a form as .xlsx or .pdf")
    what = export.add_subparsers(dest="form", metavar="FORM", parser_class=_Parser, required=True)
    audit_log = what.add_parser("audit-log", help="the 审计日志 (audit trail) as .xlsx")
    audit_log.add_argument("-o", "--out", "--output", dest="output", required=True, type=Path)
    audit_log.add_argument("--from", dest="date_from", type=_date, help="first day (YYYY-MM-DD)")
    audit_log.add_argument("--to", dest="date_to", type=_date, help="last day (YYYY-MM-DD)")
    _add_user_option(audit_log)
    vlog = what.add_parser("visitor-log", help="the day's 来访登记表")
    vlog.add_argument("--date", type=_date, required=True)
    vlog.add_argument("-o", "--output", required=True, type=Path)
    _add_user_option(vlog)
    onsite = what.add_parser("onsite", help="on-site / evacuation list (PDF)")
    onsite.add_argument("-o", "--output", required=True, type=Path)
    _add_user_option(onsite)
    for name, text in (
        ("expenses", "the 接待费用报销汇总表 with budget vs actual and signatures"),
        ("arrangement", "the 客户接待安排表, one labelled copy per recipient"),
        ("itinerary", "the 商务考察行程安排表 for the client's team leader"),
        ("feedback", "the 客户接待信息反馈表"),
    ):
        sub_form = what.add_parser(name, help=text)
        sub_form.add_argument("--id", type=int, required=True, help="an application id of the reception")
        sub_form.add_argument("-o", "--output", required=True, type=Path)
        _add_user_option(sub_form)
    monthly = what.add_parser("monthly-report", help="the 月度接待报告 of a month, with charts")
    monthly.add_argument("--month", required=True, help="YYYY-MM")
    monthly.add_argument("-o", "--output", required=True, type=Path)
    _add_user_option(monthly)
    application = what.add_parser("application", help="a 客户接待申请表 with its approvals")
    application.add_argument("--id", type=int, required=True, help="the application's id")
    application.add_argument("-o", "--output", required=True, type=Path)
    _add_user_option(application)
    fine = what.add_parser("fine", help="a 赞助单 (fine slip) with its signature blocks")
    fine.add_argument("--id", type=int, required=True, help="the fine's id")
    fine.add_argument("-o", "--output", required=True, type=Path)
    _add_user_option(fine)
    for name, text in (
        ("standards", "the 接待星级食宿标准 in force, one page"),
        ("hotels", "the 协议酒店 directory, one page"),
    ):
        reference = what.add_parser(name, help=text)
        reference.add_argument("-o", "--output", required=True, type=Path)
        _add_user_option(reference)
    return parser


def _add_user_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    # SUPPRESS on the sub-commands, so "--user NAME import …" is not reset by import's default.
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=default,
        help="act as this user, with their rights (password from the prompt, or the "
        "RECEPTION_PASSWORD environment variable); required by import and reconcile",
    )


def _view_keys() -> list[str]:
    # Kept import-light: the registry module imports Qt only inside its factories.
    try:
        from desktop.views.registry import view_keys

        return view_keys()
    except ImportError:  # pragma: no cover - Qt missing
        return ["visitors", "log"]


def _open(url: str | None) -> db.DatabaseInfo:
    from desktop.services import setup

    info = db.open_database(url or paths.default_database_url())
    setup.ensure_defaults()
    return info


def _cli_actor():
    """Read-only identity for commands: it may read the log but sees ID numbers masked."""
    from desktop.services.auth import AUDITOR, RECEPTIONIST, Actor

    return Actor(user_id=0, username="cli", display_name="命令行", roles=frozenset({AUDITOR, RECEPTIONIST}))


def _user_actor(args: argparse.Namespace, *, required_for: str = ""):
    """The account named by --user, logged in like the desk does (failures count and throttle).

    Without --user: the read-only identity, or a usage error for a command that writes.
    """
    import getpass

    from desktop.services import auth
    from desktop.services.errors import ServiceError

    name = getattr(args, "user", None)
    if not name:
        if required_for:
            raise UsageError(
                f"{required_for} changes the database: name who does it with --user NAME "
                "(password from the prompt or RECEPTION_PASSWORD)"
            )
        return _cli_actor()
    password = os.environ.get("RECEPTION_PASSWORD")
    if password is None:
        try:
            password = getpass.getpass(f"password for {name}: ")
        except EOFError:
            raise UsageError(
                f"no password for {name}: type it at the prompt or set RECEPTION_PASSWORD"
            ) from None
    try:
        return auth.authenticate(name, password)
    except ServiceError as exc:
        raise UsageError(f"{name}: {exc}") from None


EVERYTHING_CHANGED = {"*"}  # services.change_feed.EVERYTHING: every open window refreshes


def _tell_other_pcs(kinds: set[str]) -> None:
    """A command wrote: windows open on other PCs refresh the lists that show these kinds of
    record (the names of views/changes.py; services.change_feed). Never fails the command."""
    from desktop.services import change_feed

    change_feed.publish_quietly(kinds)


def cmd_verify_audit(args: argparse.Namespace) -> int:
    """One line: intact (exit 0) or the first entry where the chain breaks (exit 1)."""
    from desktop.services import audit

    _open(args.db)
    result = audit.verify()
    if result.ok:
        print(f"audit trail intact: {result.count} entries")
        return 0
    print(f"audit trail broken at entry {result.first_broken_id}: {result.reason}")
    return EXIT_FAILED


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.services import backup

    _open(args.db)
    actor = _user_actor(args, required_for="backup")
    target: Path = args.file / backup.default_name() if args.file.is_dir() else args.file
    if not target.parent.is_dir():
        raise UsageError(f"folder does not exist: {target.parent}")
    result = backup.backup(actor, target)
    print(f"{result.path}: {_describe_backup(result.manifest)}, {result.size:,} bytes")
    return 0


def _describe_backup(m) -> str:
    rows = sum(n for t, n in m.tables.items() if t != db.SCHEMA_TABLE)
    return (
        f"{m.db_kind} backup ({m.method}) made {m.created_at:%Y-%m-%d %H:%M:%S} by {m.created_by or '?'}, "
        f"schema {m.schema_version}, {len(m.tables)} tables, {rows:,} rows"
    )


def cmd_restore(args: argparse.Namespace) -> int:
    """Asks nothing (scripts restore too): says what the file holds before restoring it, and
    where the state before the restore went."""
    from desktop.services import backup

    _open(args.db)
    actor = _user_actor(args, required_for="restore")
    manifest = backup.read_manifest(args.file)  # a file that is not ours: one sentence, no change
    print(f"restoring {args.file}: {_describe_backup(manifest)}", flush=True)
    result = backup.restore(actor, args.file)
    _tell_other_pcs(EVERYTHING_CHANGED)
    print(f"restored; the data before the restore is in {result.safety_backup}")
    if result.migrated:
        print(f"brought forward to this program's schema: {', '.join(result.migrated)}")
    print("windows open on this database (on this PC and others) have told their users and logged out")
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from desktop.services import retention

    _open(args.db)
    if args.dry_run and not getattr(args, "user", None):
        result = retention.preview()
    else:
        actor = _user_actor(args, required_for="retention")
        result = retention.run(actor, dry_run=args.dry_run)
        if not args.dry_run and (result.visits or result.visitors or result.notifications):
            _tell_other_pcs({"visits"})
    verb = "would erase" if result.dry_run else "erased"
    print(
        f"retention {result.days} days (visits before {result.cutoff}): {verb} {result.visits} visits, "
        f"{result.visitors} known visitors, {result.notifications} notifications; kept "
        f"{result.kept_open} of receptions with open expenses or feedback, {result.kept_on_site} on site"
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.services import demo

    info = _open(args.db)
    counts = demo.seed_demo(seed=args.seed, today=args.today)
    _tell_other_pcs(EVERYTHING_CHANGED)
    print(
        f"demo data written to {db.display_url(info.url)}: {counts['visits']} visits, "
        f"{counts['visitors']} visitors, {counts['employees']} employees; "
        f"users admin/qiantai/… password {demo.DEMO_PASSWORD}"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.services import settings, visitors

    _open(args.db)
    out: Path = args.output
    if not out.parent.exists():
        raise UsageError(f"folder does not exist: {out.parent}")
    actor = _user_actor(args)
    if args.form == "visitor-log":
        from desktop.exporters import visitor_log

        if out.suffix.lower() not in (".xlsx", ".pdf"):
            raise UsageError(f"output must end in .xlsx or .pdf: {out}")
        rows = visitors.day_log(actor, args.date)
        from desktop.services import retention

        visitor_log.export_visitor_log(
            rows,
            args.date,
            settings.company_name(),
            settings.get("visitor_log_form_no"),
            out,
            retention.retention_days(),
        )
        print(f"{out}: {len(rows)} visits on {args.date}")
    elif args.form == "onsite":
        from desktop.exporters import onsite

        if out.suffix.lower() != ".pdf":
            raise UsageError(f"output must end in .pdf: {out}")
        rows = visitors.on_site(actor)
        onsite.export_onsite_pdf(rows, settings.company_name(), clock.now(), out)
        print(f"{out}: {len(rows)} parties on site")
    elif args.form == "expenses":
        from desktop.exporters import finance_reports
        from desktop.services import expenses

        if out.suffix.lower() not in (".xlsx", ".pdf"):
            raise UsageError(f"output must end in .xlsx or .pdf: {out}")
        info = expenses.get(actor, args.id)
        finance_reports.export_expenses(info, settings.company_name(), out)
        print(f"{out}: {info.application.number}, {info.status_label}, {info.total}")
    elif args.form in ("arrangement", "itinerary", "feedback"):
        from desktop.exporters import arrangement_forms
        from desktop.services import arrangements

        if out.suffix.lower() not in (".xlsx", ".pdf"):
            raise UsageError(f"output must end in .xlsx or .pdf: {out}")
        reader = actor
        if args.form == "feedback":
            arrangement_forms.write_feedback(reader, args.id, out)
        else:
            detail = arrangements.get(reader, args.id)
            write = (
                arrangement_forms.export_arrangement
                if args.form == "arrangement"
                else arrangement_forms.export_itinerary
            )
            write(detail, settings.company_name(), out)
        print(f"{out}: {args.form} of application {args.id}")
    elif args.form == "monthly-report":
        from desktop.exporters import monthly_report as monthly_export
        from desktop.services import monthly_report

        if out.suffix.lower() not in (".xlsx", ".pdf"):
            raise UsageError(f"output must end in .xlsx or .pdf: {out}")
        try:
            year, month = monthly_report.parse_month(args.month)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        report = monthly_report.build(actor, year, month)
        monthly_export.export_monthly_report(report, out)
        print(f"{out}: {report.label}, " + ", ".join(f"{k} {v}" for k, v in report.summary[:4]))
    elif args.form == "application":
        from desktop.exporters import application_form
        from desktop.services import applications

        if out.suffix.lower() not in (".xlsx", ".pdf"):
            raise UsageError(f"output must end in .xlsx or .pdf: {out}")
        detail = applications.get(actor, args.id)
        application_form.export_application(
            detail, settings.company_name(), settings.get("application_form_no"), out
        )
        print(f"{out}: {detail.info.number} revision {detail.info.revision}, {detail.info.status_label}")
    elif args.form == "audit-log":
        from desktop.exporters.audit_log import export_audit_log
        from desktop.services import audit

        if out.suffix.lower() != ".xlsx":
            raise UsageError(f"output must end in .xlsx: {out}")
        rows = audit.all_rows(actor, date_from=args.date_from, date_to=args.date_to)
        export_audit_log(rows, out, title=f"审计日志 {clock.now():%Y-%m-%d %H:%M}")
        print(f"{out}: {len(rows)} audit entries")
    elif args.form in ("fine", "standards", "hotels"):
        if out.suffix.lower() not in (".xlsx", ".pdf"):
            raise UsageError(f"output must end in .xlsx or .pdf: {out}")
        _export_reference(actor, args, out)
    return 0


def _export_reference(actor, args: argparse.Namespace, out: Path) -> None:
    """赞助单 and the one-page references (issue 15); exporting reads, never writes."""
    from desktop.services import settings

    if args.form == "fine":
        from desktop.exporters import fine_slip
        from desktop.services import fines

        slip = fines.get(actor, args.id)
        fine_slip.export_fine(slip, settings.company_name(), settings.get("fine_form_no"), out)
        print(f"{out}: 赞助单 {slip.fine.person} {slip.total}")
        return
    from desktop.exporters import references
    from desktop.services import resources, standards

    if args.form == "standards":
        levels = standards.levels()
        references.export_standards(levels, settings.company_name(), out)
        print(f"{out}: {len(levels)} levels")
    else:
        hotels = resources.items("hotels")
        references.export_hotels(hotels, settings.company_name(), out)
        print(f"{out}: {len(hotels)} hotels")


def cmd_import(args: argparse.Namespace) -> int:

    from desktop.importers.tabular import ImportRefused
    from desktop.services import imports

    _open(args.db)
    actor = _user_actor(args, required_for="import")
    if len(args.file) > 1 or args.file[0].is_dir() or args.file[0].suffix.lower() in (".pdf", ".ofd", ".xml"):
        return _import_einvoices(args, actor)
    try:
        result = imports.preview(
            actor, args.file[0], sheet=args.sheet, encoding=args.encoding, profile=args.profile
        )
    except ImportRefused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    batch = _commit_import(args, result, lambda: imports.commit(actor, result))
    if not args.json:
        counts = {
            s: sum(1 for line in result.parsed.lines if line.status == s)
            for s in ("new", "duplicate", "error")
        }
        print(
            f"{result.parsed.file}: header row {result.parsed.header_row}, {result.parsed.kind}; "
            f"{counts['new']} new, {counts['duplicate']} duplicate, {counts['error']} with errors, "
            f"{len(result.parsed.skipped)} skipped"
            + (f"; imported as batch {batch}" if batch else " (dry run)" if args.dry_run else "")
        )
        for line in result.parsed.lines:
            if line.status != "new":
                print(f"  {line.reason}")
    return 0


def _commit_import(args: argparse.Namespace, result, commit) -> int | None:
    """Commit what is new (unless --dry-run), tell the other PCs, and print the JSON contract
    when asked; the same for spreadsheets and e-invoice files. Returns the batch id."""
    import json

    batch = None
    if not args.dry_run and result.new_lines:
        batch = commit()
        _tell_other_pcs({"imports", "expenses", "reconciliation"})
    if args.json:
        data = result.as_json()
        if not args.dry_run:
            data["batch"] = batch
        print(json.dumps(data, ensure_ascii=False, indent=2))
    return batch


def _import_einvoices(args: argparse.Namespace, actor) -> int:
    """E-invoice files and folders (issue 13): the JSON contract of a spreadsheet import, kind
    "e-invoice", one line per invoice with the file it came from. One unreadable file alone is
    refused with its one sentence; among others it is an error line."""

    from desktop.importers import einvoice
    from desktop.importers.tabular import ImportRefused
    from desktop.services import invoices

    sheets = [p for p in args.file if not p.is_dir() and not einvoice.is_einvoice(p)]
    if sheets:
        print(
            f"{sheets[0].name}: import a spreadsheet on its own; several files must all be e-invoices "
            "(.pdf .ofd .xml) or folders of them",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        result = invoices.preview_files(actor, args.file)
    except ImportRefused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    if len(result.lines) == 1 and result.lines[0].invoice is None:
        print(result.lines[0].reason, file=sys.stderr)
        return EXIT_USAGE
    batch = _commit_import(args, result, lambda: invoices.commit_files(actor, result))
    if args.json:
        return 0
    counts = result.counts()
    print(
        f"{result.file}: {result.kind}; {counts['new']} new, {counts['duplicate']} duplicate, "
        f"{counts['error']} with errors"
        + (f"; imported as batch {batch}" if batch else " (dry run)" if args.dry_run else "")
    )
    for line in result.lines:
        if line.reason:
            print(f"  {line.file}: {line.reason}")
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    from desktop.exporters import finance_reports
    from desktop.services import reconcile, settings

    _open(args.db)
    if args.output.suffix.lower() not in (".xlsx", ".pdf"):
        raise UsageError(f"output must end in .xlsx or .pdf: {args.output}")
    if args.date_to < args.date_from:
        raise UsageError("--to is before --from")
    actor = _user_actor(args, required_for="reconcile")
    result = reconcile.run(actor, args.date_from, args.date_to)
    _tell_other_pcs({"reconciliation", "expenses"})
    data = reconcile.report_data(actor, args.date_from, args.date_to, settings.company_name())
    finance_reports.write_report(data, args.output)
    print(
        f"{args.output}: {result.matched} matched now, {len(data.matched)} matched in all, "
        f"{len(data.unmatched)} to review, {len(data.flags)} flags"
    )
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.view not in [*_view_keys(), "arrangement"]:
        raise UsageError(f"unknown view {args.view!r}; choose one of: {', '.join(_view_keys())}")
    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size must be WIDTHxHEIGHT, not {args.size!r}") from None
    info = _open(args.db)
    from desktop.services import settings
    from desktop.services.auth import ADMIN_OFFICE, AUDITOR, RECEPTIONIST, Actor
    from desktop.views.app import create_application
    from desktop.views.main_window import MainWindow

    language = args.shot_lang or args.lang or settings.get("language")
    app = create_application(language)
    # A front-desk and admin-office identity (ID numbers masked), plus the roles the view needs.
    from desktop.services.auth import PERMISSIONS
    from desktop.views.registry import main_views

    roles = {RECEPTIONIST, ADMIN_OFFICE, AUDITOR}
    spec = next((s for s in main_views() if s.key == args.view), None)
    if spec is not None and not any(roles & PERMISSIONS[p] for p in spec.permissions):
        roles |= set(PERMISSIONS[spec.permissions[0]])
    actor = Actor(
        user_id=0, username="screenshot", display_name=app.translate("cli", "前台"), roles=frozenset(roles)
    )
    if args.user:  # the view as that user sees it
        actor = _user_actor(args)
    if args.view == "arrangement":
        window = _arrangement_window(actor)
    else:
        window = MainWindow(actor, db_label=db.display_url(info.url))  # no password in the PNG
        window.show_view(args.view)
    window.resize(width, height)
    window.show()
    _settle(app)
    image = window.grab()
    window.close()
    if not image.save(str(args.output)):
        raise UsageError(f"cannot write {args.output}")
    print(f"{args.output}: {args.view} {image.width()}x{image.height()}")
    return 0


def _arrangement_window(actor):
    """The arrangement of the first approved reception that has items (for review shots)."""
    import datetime as _dt

    from desktop.services import arrangements
    from desktop.views.arrangement_editor import ArrangementDialog

    entries = [
        e
        for e in arrangements.schedule(actor, clock.today(), clock.today() + _dt.timedelta(days=60))
        if e.item is not None
    ]
    if not entries:
        raise UsageError("no approved reception with an arrangement to show (try the demo data)")
    dialog = ArrangementDialog(actor, entries[0].application_id)
    if dialog.items.rows:
        dialog.table.selectRow(1 if len(dialog.items.rows) > 1 else 0)
    return dialog


def _settle(app) -> None:
    """Let background searches finish and layouts settle before grabbing."""
    import time

    from desktop.views import ops

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        app.processEvents()
        if not ops.busy():
            break
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
        time.sleep(0.02)


def run_gui(args: argparse.Namespace) -> int:
    from desktop.views import trace

    if args.demo and args.db:
        raise UsageError("--demo makes its own temporary database; drop --db, or use 'demo'")
    # Logs go to the user's own data folder, even in demo mode, before anything can fail.
    trace.install()
    folder: Path | None = None
    try:
        if args.demo:
            folder = Path(tempfile.mkdtemp(prefix="reception-demo-"))
            paths.set_data_dir(folder)
        return _run_gui(args, folder)
    finally:
        if folder is not None:
            # The demo's database and files are temporary: they go when the program ends.
            import shutil

            db.close_database()
            shutil.rmtree(folder, ignore_errors=True)


def _run_gui(args: argparse.Namespace, demo_folder: Path | None) -> int:
    from desktop.services import auth, demo, settings
    from desktop.views.app import create_application, install_language

    demo_note = demo_note_later = ""
    if demo_folder is not None:
        info = _open(f"sqlite:///{demo_folder / 'demo.sqlite3'}")
        demo.seed_demo()
        language = args.lang or settings.get("language")
        app = create_application(language)
    else:
        # The connection screen may come before any database is open: the application first,
        # in the default language; the office's language once its database is open.
        language = args.lang or i18n.DEFAULT_LANGUAGE
        app = create_application(language)

        def open_and_set_language(url: str) -> db.DatabaseInfo:
            nonlocal language
            opened = _open(url)
            if not args.lang and settings.get("language") != language:
                language = install_language(app, settings.get("language"))
            return opened

        from desktop.views.connection import connect_and_log_in

        started = connect_and_log_in(args.db, open_and_set_language, company=settings.company_name)
        if started is None:
            return 0
        info, actor = started
    from desktop.views.session import Session

    if args.demo:
        actor = auth.actor_by_username(demo.DEMO_ADMIN)
        demo_note = app.translate(
            "cli", "演示模式：已自动以演示管理员 {user} 登录（其他演示账户密码 {pw}）。数据库是临时的：{path}"
        ).format(user=demo.DEMO_ADMIN, pw=demo.DEMO_PASSWORD, path=info.path)
        demo_note_later = app.translate(
            "cli", "演示模式：演示账户密码 {pw}。数据库是临时的，程序退出时删除：{path}"
        ).format(pw=demo.DEMO_PASSWORD, path=info.path)
        print(demo_note)
    if actor.language and not args.lang and actor.language != language:
        install_language(app, actor.language)
    session = Session(
        app,
        demo_note=demo_note,
        demo_note_later=demo_note_later,
        db_label=db.display_url(info.url),
        install_language=lambda lang: install_language(app, lang),
        language_fixed=bool(args.lang),
    )
    from desktop.views import ops, remote_changes

    # Other PCs' check-ins, approvals and imports show here within a second or two (issue 12).
    remote_changes.start(info.url)
    session.open_window(actor)
    from desktop.views import housekeeping

    # The daily backup (SQLite) and the retention run, off the UI thread, now and once a day.
    housekeeping.start()
    try:
        result = app.exec()
    finally:
        remote_changes.stop()
        housekeeping.stop()
    ops.wait_all()  # the windows asked already; nothing is cut in half on the way out
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "demo":
            return cmd_demo(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "import":
            return cmd_import(args)
        if args.command == "reconcile":
            return cmd_reconcile(args)
        if args.command == "screenshot":
            return cmd_screenshot(args)
        if args.command == "verify-audit":
            return cmd_verify_audit(args)
        if args.command == "backup":
            return cmd_backup(args)
        if args.command == "restore":
            return cmd_restore(args)
        if args.command == "retention":
            return cmd_retention(args)
        return run_gui(args)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except db.DatabaseOpenError as exc:
        print(f"reception-manager: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise is: no traceback for users
        from desktop.services.errors import ServiceError

        if os.environ.get("RECEPTION_DEBUG"):
            traceback.print_exc()
        text = " ".join(str(exc).split()) or exc.__class__.__name__
        if not isinstance(exc, ServiceError):
            text = f"{exc.__class__.__name__}: {text}"
        print(f"reception-manager: {text}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        db.close_database()
