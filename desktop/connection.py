"""Which database this PC opens, what a test of that connection says, and where its password is kept.

Several PCs of one office share one PostgreSQL database; each PC enters the server once on the
connection screen (``desktop/views/connection.py``, which stores the fields per PC in
``QSettings``). Nothing here imports Qt: the probe runs off the UI thread, and the CLI could use
it too.

The password goes to the system's keyring (Windows Credential Manager, macOS Keychain, Secret
Service) when one is usable; otherwise the screen says so and it is kept in the user's own
settings file — an office PC without a keyring must still be able to start unattended.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, replace

import peewee

from desktop import db, paths
from desktop.i18n import translate

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
DEFAULT_PORT = 5432
KEYRING_SERVICE = "ReceptionManager"


@dataclass(frozen=True)
class Connection:
    """The fields of the connection screen; :meth:`url` is what :func:`db.open_database` takes."""

    kind: str = SQLITE
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    password: str = ""

    def url(self) -> str:
        if self.kind == SQLITE:
            return paths.default_database_url()
        user = urllib.parse.quote(self.user, safe="")
        if self.password:
            user += ":" + urllib.parse.quote(self.password, safe="")
        host = self.host.strip()
        if ":" in host:  # an IPv6 address
            host = f"[{host}]"
        return f"postgresql://{user}@{host}:{int(self.port)}/{urllib.parse.quote(self.database.strip(), safe='')}"

    def label(self) -> str:
        """Where it points, without the password (window titles, logs)."""
        if self.kind == SQLITE:
            return str(paths.default_database_path())
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}"

    def credential_key(self) -> str:
        """The keyring's "user name" for this server's password: one entry per server and role."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def without_password(self) -> Connection:
        return replace(self, password="")


def missing_fields(conn: Connection) -> dict[str, str]:
    """Fields a PostgreSQL connection cannot do without, with the sentence shown next to each."""
    if conn.kind != POSTGRESQL:
        return {}
    errors: dict[str, str] = {}
    if not conn.host.strip():
        errors["host"] = translate("connection", "请填写服务器地址。")
    if not conn.database.strip():
        errors["database"] = translate("connection", "请填写数据库名称。")
    if not conn.user.strip():
        errors["user"] = translate("connection", "请填写用户名。")
    if not 0 < int(conn.port) < 65536:
        errors["port"] = translate("connection", "端口应在 1 到 65535 之间。")
    return errors


# ----------------------------------------------------------------------------- the probe

OK = "ok"  # a database of this program, up to date
EMPTY = "empty"  # reachable and empty: opening it runs the first set-up
OLDER = "older"  # an older schema: opening it upgrades it
UNREACHABLE = "unreachable"
AUTH = "auth"  # wrong user name or password
REFUSED = "refused"  # the server does not let this PC or role in (pg_hba.conf, CONNECT right)
NO_DATABASE = "no_database"
FOREIGN = "foreign"  # tables of some other program
NEWER = "newer"  # written by a newer version of this program
INVALID = "invalid"  # the fields or the driver are wrong before anything is tried
FAILED = "failed"  # anything else, with the server's own words


@dataclass(frozen=True)
class ProbeResult:
    state: str
    message: str  # one sentence for the user
    version: str = ""  # the schema version found, e.g. "0018"

    @property
    def usable(self) -> bool:
        """True when opening this database would work (perhaps after a set-up or upgrade)."""
        return self.state in (OK, EMPTY, OLDER)


def latest_version() -> str:
    names = sorted(p.stem for p in paths.MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))
    return names[-1][:4] if names else ""


def probe(url: str) -> ProbeResult:
    """Try ``url`` without changing anything and say in one sentence what opening it would do."""
    try:
        database, kind, path = db._make_database(url)
    except db.DatabaseOpenError as exc:
        return ProbeResult(INVALID, str(exc))
    if kind == SQLITE and path is not None and not path.exists():
        return ProbeResult(
            EMPTY, translate("connection", "本机数据库文件尚不存在：首次启动时创建，并设置管理员账户。")
        )
    try:
        database.connect()
    except (peewee.DatabaseError, peewee.InterfaceError) as exc:
        return _connect_failure(url, exc)
    except Exception as exc:  # noqa: BLE001 - a driver error peewee did not wrap
        return _connect_failure(url, exc)
    try:
        return _schema_state(database)
    except (peewee.DatabaseError, peewee.InterfaceError, db.DatabaseBusy) as exc:
        return ProbeResult(
            FAILED, translate("connection", "无法读取数据库：{error}").format(error=_one_line(exc))
        )
    finally:
        database.close()


def _schema_state(database: peewee.Database) -> ProbeResult:
    if isinstance(database, peewee.PostgresqlDatabase):
        encoding = db.non_utf8_encoding(database)
        if encoding:
            return ProbeResult(
                FAILED,
                translate(
                    "connection",
                    "数据库的编码是 {encoding}，不能保存中文：请管理员用 UTF8 编码重新创建数据库"
                    "（createdb --encoding UTF8 --template template0 …）。",
                ).format(encoding=encoding),
            )
    tables = database.get_tables()
    if db.SCHEMA_TABLE not in tables:
        if tables:
            return ProbeResult(
                FOREIGN,
                translate(
                    "connection", "这个数据库里已有其他程序的表，不是本程序的数据库：请使用一个新的空数据库。"
                ),
            )
        return ProbeResult(
            EMPTY,
            translate("connection", "连接成功：数据库是空的，连接后将创建数据表并设置管理员账户。"),
        )
    status = db.migration_runner(database).status()
    applied = [m.name for m in status if m.applied]
    version = max(applied)[:4] if applied else ""
    unknown = [m.name for m in status if m.path is None]
    if unknown:
        return ProbeResult(
            NEWER,
            translate(
                "connection", "数据库由更新版本的本程序创建（数据库版本 {version}），请先升级本程序。"
            ).format(version=max(unknown)[:4]),
            max(unknown)[:4],
        )
    if any(not m.applied for m in status):
        return ProbeResult(
            OLDER,
            translate("connection", "连接成功：数据库版本 {version}，连接时将升级到 {latest}。").format(
                version=version or "—", latest=latest_version()
            ),
            version,
        )
    return ProbeResult(
        OK,
        translate("connection", "连接成功：数据库版本 {version}（最新）。").format(version=version),
        version,
    )


def _sqlstate(exc: BaseException) -> tuple[str | None, str]:
    """The driver's SQLSTATE and message, looked for through peewee's wrapping."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop(0)
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        state = getattr(item, "sqlstate", None) or getattr(item, "pgcode", None)
        if state:
            return state, _one_line(item)
        todo.extend([item.__cause__, item.__context__, *item.args])
    return None, _one_line(exc)


def _connect_failure(url: str, exc: BaseException) -> ProbeResult:
    state, text = _sqlstate(exc)
    lower = text.lower()
    parsed = urllib.parse.urlparse(url)
    where = f"{parsed.hostname or 'localhost'}:{parsed.port or DEFAULT_PORT}"
    name = urllib.parse.unquote(parsed.path.strip("/"))
    if state == "3D000" or ("database" in lower and "does not exist" in lower):
        return ProbeResult(
            NO_DATABASE,
            translate(
                "connection",
                "服务器上没有名为“{name}”的数据库：请先在服务器上创建它（见 README“Several PCs”）。",
            ).format(name=name),
        )
    if state == "28P01" or "password authentication failed" in lower or "no password supplied" in lower:
        return ProbeResult(AUTH, translate("connection", "用户名或密码错误。"))
    if state == "28000" and "pg_hba" in lower:
        return ProbeResult(
            REFUSED,
            translate("connection", "服务器不允许这台电脑连接：请在服务器的 pg_hba.conf 中允许本机地址。"),
        )
    if state in ("28000", "42501"):
        return ProbeResult(
            REFUSED,
            translate("connection", "服务器拒绝了用户“{user}”：请检查用户名和它的权限。").format(
                user=parsed.username or ""
            ),
        )
    if state is None or state.startswith("08") or state in ("57P03", "53300"):
        return ProbeResult(
            UNREACHABLE,
            translate(
                "connection", "无法连接服务器 {where}：请检查地址和端口，以及服务器是否开启并允许本机连接。"
            ).format(where=where),
        )
    return ProbeResult(FAILED, translate("connection", "连接失败：{error}").format(error=text))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or exc.__class__.__name__


# ----------------------------------------------------------------------------- the password


def keyring_usable() -> bool:
    """True when the system has a keyring that really stores secrets (not keyring's "fail" or
    "null" stand-ins, which it picks on a server or a minimal Linux without Secret Service)."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except ImportError:  # pragma: no cover - keyring is a dependency
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring configuration is "no keyring"
        return False
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return False
    return True


def save_password(conn: Connection) -> bool:
    """Put the password in the keyring; False when there is none (or it refused)."""
    if not keyring_usable():
        return False
    import keyring

    try:
        if conn.password:
            keyring.set_password(KEYRING_SERVICE, conn.credential_key(), conn.password)
        else:
            delete_password(conn)
    except Exception:  # noqa: BLE001 - a locked or broken keyring: fall back to the file
        return False
    return True


def load_password(conn: Connection) -> str | None:
    """The password the keyring holds for this server, or None."""
    if not keyring_usable():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, conn.credential_key())
    except Exception:  # noqa: BLE001 - a locked keyring: the connection screen asks again
        return None


def delete_password(conn: Connection) -> None:
    if not keyring_usable():
        return
    import keyring

    try:
        keyring.delete_password(KEYRING_SERVICE, conn.credential_key())
    except Exception:  # noqa: BLE001 - nothing stored is fine
        pass
