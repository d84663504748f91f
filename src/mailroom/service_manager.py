"""Tell systemd how the daemon is doing (the sd_notify protocol), with the standard library.

Under `Type=notify` systemd waits for `READY=1` before it counts the service
as started, shows the last `STATUS=` line in `systemctl status`, and, with
`WatchdogSec=`, restarts a daemon whose `WATCHDOG=1` pings stop. The protocol
is one datagram per message to the AF_UNIX socket named in `$NOTIFY_SOCKET`
(a leading `@` means Linux's abstract namespace).

Outside systemd every method is a quiet no-op. A send that fails is logged
once at debug level and never raises: losing touch with the service manager
must not stop mail from being handled.
"""

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger("mailroom.service")

MICROSECONDS = 1_000_000


class ServiceManager:
    """The notification channel to systemd, or a stand-in that does nothing."""

    def __init__(self, address: str | None, watchdog_seconds: float | None = None) -> None:
        self._address = _socket_address(address) if address else None
        self._watchdog_seconds = watchdog_seconds
        self._failed = False

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> "ServiceManager":
        """The channel systemd set up for this process, read from its environment."""
        env = os.environ if environ is None else environ
        return cls(env.get("NOTIFY_SOCKET") or None, _watchdog_seconds(env, os.getpid()))

    def ready(self) -> None:
        """Start-up is done: systemd marks the unit active and `systemctl start` returns."""
        self._send("READY=1")

    def status(self, text: str) -> None:
        """One line for `systemctl status`, such as the last cycle's counts."""
        self._send("STATUS=" + " ".join(text.split()))

    def watchdog(self) -> None:
        """Proof of life; must come more often than `WatchdogSec=`."""
        self._send("WATCHDOG=1")

    def stopping(self) -> None:
        """Shutdown has begun, so systemd shows `deactivating` rather than a hang."""
        self._send("STOPPING=1")

    def watchdog_interval(self) -> float | None:
        """Seconds between watchdog pings (half of systemd's timeout), or None when not asked."""
        return self._watchdog_seconds

    def _send(self, message: str) -> None:
        if self._address is None:
            return
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.connect(self._address)
                sock.sendall(message.encode())
        except OSError as exc:
            if not self._failed:
                self._failed = True
                log.debug("cannot notify the service manager: %s", exc)


def _socket_address(address: str) -> str:
    """Python names an abstract socket with a leading NUL where systemd writes `@`."""
    return "\0" + address[1:] if address.startswith("@") else address


def _watchdog_seconds(env: Mapping[str, str], pid: int) -> float | None:
    """Half of `$WATCHDOG_USEC`, as sd_watchdog_enabled(3) advises, if the watchdog is ours.

    `$WATCHDOG_PID` names the process systemd expects pings from; when it
    names another (a child that inherited the environment) we stay silent.
    """
    usec = env.get("WATCHDOG_USEC", "")
    owner = env.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    if owner and (not owner.isdigit() or int(owner) != pid):
        return None
    return int(usec) / MICROSECONDS / 2
