"""A real Dovecot 2.3 IMAP server for integration tests, with a throwaway configuration.

`DovecotServer` owns one `dovecot -F` process (usually one per test session);
`Dovecot` is the per-test handle: a fresh account on that server, so every
test starts with an empty mailbox whose UIDs begin at 1. Nothing under
/etc/dovecot is read or written: the configuration, certificate, passwd
files, sockets (`base_dir`), state (`state_dir`), mail and log all live in
one directory, made with `tempfile.mkdtemp(prefix="mailroom-dovecot-",
dir="/tmp")` and removed at the end. It is outside pytest's private 0700
temporary directory because Dovecot refuses uid 0 for mail: as root, mail
runs as `nobody` (`mail_uid`/`mail_gid`/`first_valid_uid`), which must be
able to reach it. As any other user, Dovecot runs rootless as that user.

Listeners, on 127.0.0.1 only and on free ports picked once: `imap_port`
(plain, STARTTLS offered, plaintext LOGIN allowed) and `imaps_port`
(implicit TLS). `ssl = yes` with a self-signed certificate for `localhost`
and 127.0.0.1 generated at start; `ca_file` is that certificate, so
``ssl.create_default_context(cafile=ca_file)`` verifies the server and the
default trust store does not.

Authentication (`auth_mechanisms = plain login xoauth2`): Dovecot 2.3's
XOAUTH2 mechanism (mech-oauth2) hands the bearer token to the passdb as if
it were a plain password, so a `passwd-file` passdb whose "password" is the
token accepts it; no `oauth2` passdb or token-introspection server is
needed. Two passdbs restricted with `mechanisms =` keep the credentials
apart, as on a real provider:

    passdb { driver = passwd-file  mechanisms = plain login
             args = scheme=PLAIN username_format=%u <base>/etc/passwords/%u }
    passdb { driver = passwd-file  mechanisms = xoauth2
             args = scheme=PLAIN username_format=%u <base>/etc/tokens/%u }

so the password is not a valid token and the token is not a valid
password. One passwd file per account (the `%u` in the path) because
Dovecot re-checks a passwd-file at most once a second: an account appended
to a shared file is "unknown" for up to a second, while a new file is read
at its first lookup. A missing file is an ordinary "unknown user" refusal.
A static userdb gives every account `home=<base>/mail/<user>` with
`mail_location = maildir:~/Maildir`: Maildir++, hierarchy separator "."
(`DELIMITER`; Dovecot refuses "/" in a folder name).

Speed: Dovecot delays every failed login (`auth_failure_delay`, 2 s) and
anvil's per-IP "auth penalty" doubles that up to 15 s; setting
`login_trusted_networks` did not lift the penalty in 2.3.19. The config
sets `auth_failure_delay = 0` and gives the `anvil-auth-penalty` socket
mode 0 (the documented off switch), so a refused login answers in about
half a second (failures are flushed on a fixed 500 ms timer).
`mail_fsync = never`: nothing here has to survive a power cut.

Messages come back with CRLF line ends whatever was appended (Dovecot stores
LF in maildir and converts on FETCH). INTERNALDATE keeps the instant, not
the zone: it is answered in the server's zone.

MOVE and UIDPLUS are in Dovecot 2.3's default capability list; no mail
plugins are loaded. Helper clients turn imaplib's debug formatting off
(imapclient switches it on and routes it to a logger), select read-only
and fetch with BODY.PEEK, so they never change flags, and are always
logged out. Dovecot's log file (`log_path`) is in the base directory;
start-up failures include its tail, and tests/integration/conftest.py adds
it to the report of any failing test that used the `dovecot` fixture.
"""

import contextlib
import ctypes
import datetime as dt
import grp
import os
import pwd
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from ssl import SSLContext, create_default_context
from typing import Any

import pytest
from imapclient import IMAPClient

from .certs import write_certificate

INSTALL_HINT = "dovecot not installed: apt-get install -y dovecot-imapd"
HOST = "127.0.0.1"
DELIMITER = "."  # Maildir++: "Processed/Accepted" is the IMAP folder "Processed.Accepted"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
CLIENT_TIMEOUT = 15.0
_SEARCH_PATH = os.pathsep.join(
    [os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin", "/sbin"]
)
_LIBEXEC_DIRS = ("/usr/lib/dovecot", "/usr/libexec/dovecot", "/usr/local/libexec/dovecot")
_APPENDUID = re.compile(rb"\[APPENDUID \d+ (\d+)\]")
_RECENT = "\\Recent"


class DovecotError(RuntimeError):
    """Dovecot did not start or stop as asked; the message carries its log tail."""


def dovecot_binary(
    search_path: str = _SEARCH_PATH, libexec_dirs: Iterable[str] = _LIBEXEC_DIRS
) -> str:
    """The `dovecot` executable; skips the test where it (or its IMAP service) is
    missing, and fails it instead under CI=true."""
    binary = shutil.which("dovecot", path=search_path)
    missing = binary is None
    if binary is not None:
        # dovecot-core without dovecot-imapd has the master but no imap-login.
        known = [Path(d) for d in libexec_dirs if Path(d).is_dir()]
        missing = bool(known) and not any((d / "imap-login").exists() for d in known)
    if missing or binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail(INSTALL_HINT, pytrace=False)
        pytest.skip(INSTALL_HINT)
    return binary


@dataclass(frozen=True)
class Account:
    """One mailbox's credentials: `password` for PLAIN/LOGIN, `token` for XOAUTH2."""

    user: str
    password: str
    token: str


@dataclass(frozen=True)
class _RunAs:
    """Who owns the mail: `nobody` when we are root, else ourselves."""

    uid: int
    gid: int
    name: str
    rootless: bool

    @classmethod
    def for_this_process(cls) -> "_RunAs":
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            return cls(nobody.pw_uid, nobody.pw_gid, nobody.pw_name, rootless=False)
        me = pwd.getpwuid(os.geteuid())
        return cls(me.pw_uid, me.pw_gid, me.pw_name, rootless=True)


class DovecotServer:
    """One Dovecot instance on fixed ports and a fixed data directory.

    `stop()` and `start()` may be called any number of times (an outage);
    the ports, certificate, accounts and mail survive. `close()` stops it
    for good and removes `base_dir`.
    """

    def __init__(self, binary: str | None = None) -> None:
        self.binary = binary or dovecot_binary()
        self.host = HOST
        self.imap_port, self.imaps_port = _free_ports(self.host, 2)
        self.base_dir = Path(tempfile.mkdtemp(prefix="mailroom-dovecot-", dir=_tmp_root()))
        self.base_dir.chmod(0o755)
        self.run_as = _RunAs.for_this_process()
        etc = self.base_dir / "etc"
        self.config_file = etc / "dovecot.conf"
        self.ca_file = etc / "cert.pem"
        self.key_file = etc / "key.pem"
        self.passwords_dir = etc / "passwords"
        self.tokens_dir = etc / "tokens"
        self.mail_dir = self.base_dir / "mail"
        self.log_file = self.base_dir / "dovecot.log"
        self.stderr_file = self.base_dir / "dovecot.stderr"
        self._run_dir = self.base_dir / "run"
        self._accounts: list[Account] = []
        self._process: subprocess.Popen[bytes] | None = None
        try:
            etc.mkdir(mode=0o755)
            self.mail_dir.mkdir(mode=0o755)
            if not self.run_as.rootless:
                os.chown(self.mail_dir, self.run_as.uid, self.run_as.gid)
            write_certificate(self.ca_file, self.key_file)
            self.passwords_dir.mkdir(mode=0o755)
            self.tokens_dir.mkdir(mode=0o755)
            self.config_file.write_text(self._config())
        except BaseException:
            shutil.rmtree(self.base_dir, ignore_errors=True)
            raise

    # -- accounts ---------------------------------------------------------

    def add_account(self, user: str | None = None) -> Account:
        """A new account with an empty mailbox; usable at once, running or not."""
        name = user or f"user{len(self._accounts) + 1}@example.test"
        if any(account.user == name for account in self._accounts):
            raise ValueError(f"account {name} exists")
        if "/" in name or ":" in name or name.startswith("."):
            raise ValueError(f"unusable account name {name!r}")
        account = Account(name, f"pw-{secrets.token_hex(8)}", f"ya29.{secrets.token_hex(16)}")
        self._accounts.append(account)
        _write_atomically(self.passwords_dir / name, f"{name}:{account.password}\n")
        _write_atomically(self.tokens_dir / name, f"{name}:{account.token}\n")
        return account

    # -- process ----------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = START_TIMEOUT) -> None:
        """Start Dovecot (no-op when running) and wait until both ports greet."""
        if self.running:
            return
        self._reap()
        # A pid file left by a killed master would make the new one refuse to start.
        (self._run_dir / "master.pid").unlink(missing_ok=True)
        with self.stderr_file.open("ab") as stderr:
            self._process = subprocess.Popen(
                [self.binary, "-F", "-c", str(self.config_file)],
                stdin=subprocess.DEVNULL,
                stdout=stderr,
                stderr=subprocess.STDOUT,
                cwd=self.base_dir,
                start_new_session=True,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        deadline = time.monotonic() + timeout
        while not self._greets():
            code = self._process.poll()
            if code is not None:
                _signal_group(self._process.pid, signal.SIGKILL)
                self._process = None
                raise DovecotError(f"dovecot exited with status {code}{self._diagnostics()}")
            if time.monotonic() > deadline:
                self.stop()
                raise DovecotError(
                    f"dovecot not accepting on {self.host}:{self.imap_port}/{self.imaps_port}"
                    f" after {timeout:.0f}s{self._diagnostics()}"
                )
            time.sleep(0.05)

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """SIGTERM to Dovecot's process group, SIGKILL after `timeout`; returns
        once every process is gone and both ports are free. No-op when stopped.

        The whole group, not just the master: Dovecot 2.3's master exits on
        SIGTERM within about a second, but a logged-in `imap` process and the
        `log` process keep each other alive (imap waits for its log pipe to
        close, log for its last client), so open sessions would outlive it."""
        process = self._process
        if process is None:
            return
        group = process.pid  # start_new_session: the master leads its own group
        _signal_group(group, signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            _signal_group(group, signal.SIGKILL)
            process.wait(timeout)
        if not _wait_until(lambda: not _group_alive(group), timeout):
            _signal_group(group, signal.SIGKILL)
            _wait_until(lambda: not _group_alive(group), timeout)
        if not _wait_until(self._ports_free, timeout):
            raise DovecotError(f"ports still bound after stop{self._diagnostics()}")
        self._process = None

    def close(self) -> None:
        """Stop for good and delete every file, mail included."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.base_dir, ignore_errors=True)

    def __enter__(self) -> "DovecotServer":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- diagnostics ------------------------------------------------------

    def log_size(self) -> int:
        try:
            return self.log_file.stat().st_size
        except FileNotFoundError:
            return 0

    def log_tail(self, lines: int = 40, since: int = 0) -> str:
        """The last `lines` lines of Dovecot's log, from byte offset `since` on."""
        try:
            with self.log_file.open("rb") as log:
                log.seek(since)
                text = log.read().decode("utf-8", "replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def _diagnostics(self) -> str:
        parts = [f"\n--- {self.log_file} (tail) ---\n{self.log_tail() or '(empty)'}"]
        with contextlib.suppress(FileNotFoundError):
            stderr = self.stderr_file.read_text("utf-8", "replace").strip()
            if stderr:
                parts.append(f"\n--- dovecot stderr ---\n{stderr[-4000:]}")
        return "".join(parts)

    # -- internals --------------------------------------------------------

    def _reap(self) -> None:
        if self._process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(0)
            self._process = None

    def _greets(self) -> bool:
        """Both listeners answer with an IMAP greeting (IMAPS after a verified handshake)."""
        try:
            with socket.create_connection((self.host, self.imap_port), timeout=2) as plain:
                if not _greeting(plain):
                    return False
            context = create_default_context(cafile=str(self.ca_file))
            with (
                socket.create_connection((self.host, self.imaps_port), timeout=2) as raw,
                context.wrap_socket(raw, server_hostname="localhost") as tls,
            ):
                return _greeting(tls)
        except OSError:
            return False

    def _ports_free(self) -> bool:
        return all(_bindable(self.host, port) for port in (self.imap_port, self.imaps_port))

    def _config(self) -> str:
        run_as = self.run_as
        rootless = ""
        if run_as.rootless:
            rootless = f"""
default_internal_user = {run_as.name}
default_internal_group = {grp.getgrgid(run_as.gid).gr_name}
default_login_user = {run_as.name}
service imap-login {{
  chroot =
}}
service anvil {{
  chroot =
}}
"""
        return f"""# Generated by tests/dovecot.py for one test run; nothing here is shared.
instance_name = mailroom-test-{os.getpid()}-{self.imap_port}
protocols = imap
listen = {self.host}
base_dir = {self._run_dir}
state_dir = {self.base_dir / "state"}
log_path = {self.log_file}
log_timestamp = "%Y-%m-%d %H:%M:%S "
shutdown_clients = yes

ssl = yes
ssl_cert = <{self.ca_file}
ssl_key = <{self.key_file}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no

auth_mechanisms = plain login xoauth2
auth_verbose = yes
auth_failure_delay = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.passwords_dir}/%u
  mechanisms = plain login
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.tokens_dir}/%u
  mechanisms = xoauth2
}}
userdb {{
  driver = static
  args = uid={run_as.uid} gid={run_as.gid} home={self.mail_dir}/%u
}}

first_valid_uid = {run_as.uid}
first_valid_gid = {min(run_as.gid, 1)}
mail_uid = {run_as.uid}
mail_gid = {run_as.gid}
mail_location = maildir:~/Maildir
mail_plugins =
mail_fsync = never
namespace inbox {{
  inbox = yes
  separator = {DELIMITER}
}}

service imap-login {{
  inet_listener imap {{
    address = {self.host}
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    address = {self.host}
    port = {self.imaps_port}
    ssl = yes
  }}
}}
# No growing delay per client IP after failed logins (see the module docstring).
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{rootless}"""


class Dovecot:
    """A test's view of the server: one fresh account, and helpers for setting
    up and inspecting its mailbox. Every helper opens its own session and
    logs out before returning."""

    def __init__(self, server: DovecotServer, account: Account) -> None:
        self.server = server
        self.account = account
        self._log_start = server.log_size()

    @property
    def host(self) -> str:
        return self.server.host

    @property
    def imap_port(self) -> int:
        return self.server.imap_port

    @property
    def imaps_port(self) -> int:
        return self.server.imaps_port

    @property
    def ca_file(self) -> Path:
        return self.server.ca_file

    @property
    def base_dir(self) -> Path:
        return self.server.base_dir

    @property
    def user(self) -> str:
        return self.account.user

    @property
    def password(self) -> str:
        return self.account.password

    @property
    def token(self) -> str:
        return self.account.token

    @property
    def delimiter(self) -> str:
        return DELIMITER

    def start(self) -> None:
        self.server.start()

    def stop(self) -> None:
        self.server.stop()

    def log_tail(self, lines: int = 40) -> str:
        """Dovecot's log lines written since this handle was made (at most `lines`)."""
        return self.server.log_tail(lines, since=self._log_start)

    def ssl_context(self) -> SSLContext:
        """Verifies the server against `ca_file`, host name included."""
        return create_default_context(cafile=str(self.ca_file))

    # -- sessions ---------------------------------------------------------

    def client(
        self,
        ssl: bool = False,
        starttls: bool = False,
        *,
        login: bool = True,
        timeout: float = CLIENT_TIMEOUT,
    ) -> IMAPClient:
        """A client for this account, logged in with the password unless
        `login=False`. `ssl`: IMAPS port; `starttls`: plain port, then STARTTLS;
        both verify against `ca_file`. INTERNALDATEs come back timezone-aware.
        The caller logs out (or use `session()`)."""
        if ssl and starttls:
            raise ValueError("choose ssl (implicit TLS) or starttls, not both")
        context = self.ssl_context()
        client = IMAPClient(
            self.host,
            port=self.imaps_port if ssl else self.imap_port,
            ssl=ssl,
            ssl_context=context,
            timeout=timeout,
        )
        client._imap.debug = 0  # imapclient sets 5: every line formatted for a logger
        client.normalise_times = False
        try:
            if starttls:
                client.starttls(context)
            if login:
                client.login(self.user, self.password)
        except BaseException:
            close_quietly(client)
            raise
        return client

    @contextlib.contextmanager
    def session(self, ssl: bool = False, starttls: bool = False) -> Iterator[IMAPClient]:
        client = self.client(ssl=ssl, starttls=starttls)
        try:
            yield client
        finally:
            close_quietly(client)

    # -- setup ------------------------------------------------------------

    def append(
        self,
        folder: str,
        raw: bytes,
        internaldate: dt.datetime,
        flags: Iterable[str] = (),
    ) -> int:
        """Store `raw` in `folder` (created if missing) with that INTERNALDATE
        (timezone-aware, whole seconds count); returns its UID."""
        if internaldate.tzinfo is None or internaldate.utcoffset() is None:
            raise ValueError("internaldate must be timezone-aware")
        with self.session() as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            response = client.append(folder, raw, flags=tuple(flags), msg_time=internaldate)
        match = _APPENDUID.search(_as_bytes(response))
        if match is None:
            raise DovecotError(f"APPEND without APPENDUID: {response!r}")
        return int(match.group(1))

    def create_folder(self, name: str) -> None:
        """Create `name` (parents too); nothing happens when it exists."""
        with self.session() as client:
            if not client.folder_exists(name):
                client.create_folder(name)

    def delete_folder(self, name: str) -> None:
        """Delete `name` and every folder below it; nothing happens when absent."""
        with self.session() as client:
            below = [
                _as_str(entry[2])
                for entry in client.list_folders(directory=name + DELIMITER, pattern="*")
            ]
            for folder in [*sorted(below, key=len, reverse=True), name]:
                if client.folder_exists(folder):
                    client.delete_folder(folder)

    # -- inspection -------------------------------------------------------

    def folders(self) -> list[str]:
        with self.session() as client:
            return sorted(_as_str(entry[2]) for entry in client.list_folders())

    def folder_uids(self, folder: str) -> list[int]:
        with self.session() as client:
            client.select_folder(folder, readonly=True)
            return sorted(int(uid) for uid in client.search("ALL"))

    def messages(self, folder: str) -> list[bytes]:
        """Every message's bytes, in UID order."""
        fetched = self._fetch(folder, b"BODY[]", "BODY.PEEK[]")
        return [fetched[uid] for uid in sorted(fetched)]

    def flags(self, folder: str) -> dict[int, frozenset[str]]:
        """Flags per UID, without \\Recent (which depends on who looked first)."""
        fetched = self._fetch(folder, b"FLAGS", "FLAGS")
        return {
            uid: frozenset(_as_str(flag) for flag in flags if _as_str(flag) != _RECENT)
            for uid, flags in fetched.items()
        }

    def internaldates(self, folder: str) -> dict[int, dt.datetime]:
        """INTERNALDATE per UID, timezone-aware."""
        return self._fetch(folder, b"INTERNALDATE", "INTERNALDATE")

    def _fetch(self, folder: str, key: bytes, item: str) -> dict[int, Any]:
        with self.session() as client:
            client.select_folder(folder, readonly=True)
            uids = client.search("ALL")
            if not uids:
                return {}
            return {int(uid): data[key] for uid, data in client.fetch(uids, [item]).items()}


# -- pytest glue -------------------------------------------------------------


@contextlib.contextmanager
def running_dovecot() -> Iterator[DovecotServer]:
    """A started server, stopped and deleted on exit (skips where Dovecot is missing)."""
    with DovecotServer() as server:
        server.start()
        yield server


@contextlib.contextmanager
def fresh_mailbox(server: DovecotServer) -> Iterator[Dovecot]:
    """A handle on a new, empty account; the server is running before and after."""
    server.start()
    handle = Dovecot(server, server.add_account())
    try:
        yield handle
    finally:
        server.start()  # a test that simulated an outage leaves it up for the next


def close_quietly(client: IMAPClient) -> None:
    """Log out, or just drop the connection when the server is gone."""
    with contextlib.suppress(Exception):
        client.logout()
    with contextlib.suppress(Exception):
        client.shutdown()


# -- helpers -------------------------------------------------------------------


def _tmp_root() -> str:
    return "/tmp" if Path("/tmp").is_dir() else tempfile.gettempdir()


def _free_ports(host: str, count: int) -> list[int]:
    """Distinct free ports below the kernel's ephemeral range, so no outgoing
    connection (or another fixture's port 0) can take one while Dovecot is
    stopped for an outage test; from the ephemeral range where none is below."""
    low = _ephemeral_range()[0]
    chosen: list[int] = []
    if low > 11_000:
        candidates = random.Random().sample(range(10_000, low), k=min(200, low - 10_000))
        chosen = [port for port in candidates if _bindable(host, port, reuse=False)][:count]
    while len(chosen) < count:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((host, 0))
            port = int(sock.getsockname()[1])
        if port not in chosen:
            chosen.append(port)
    return chosen


def _ephemeral_range() -> tuple[int, int]:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999


def _bindable(host: str, port: int, reuse: bool = True) -> bool:
    """Nothing listens on the port (with `reuse`, as Dovecot binds: TIME_WAIT is fine)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        if reuse:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def _greeting(sock: socket.socket) -> bool:
    greeted = sock.recv(4096).startswith(b"* OK")
    if greeted:
        sock.sendall(b"a LOGOUT\r\n")
        with contextlib.suppress(OSError):
            sock.recv(4096)
    return greeted


def _wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _signal_group(pgid: int, signum: int) -> None:
    """Signal the process group our `dovecot` leads (only its own processes)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


def _group_alive(pgid: int) -> bool:
    """A process of the group is still running; zombies left to init don't count."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    proc = Path("/proc")
    if not proc.is_dir():
        return True
    for stat in proc.glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            state, _ppid, pgrp = stat.read_text().rsplit(")", 1)[1].split()[:3]
            if int(pgrp) == pgid and state not in {"Z", "X"}:
                return True
    return False


def _die_with_parent() -> None:
    """In the child: get SIGTERM when pytest dies, so no Dovecot outlives it."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text)
    temporary.chmod(0o644)  # read by Dovecot's auth process (user `dovecot`)
    temporary.replace(path)


def _as_bytes(value: object) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode()


def _as_str(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
