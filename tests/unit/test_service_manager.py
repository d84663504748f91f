"""The sd_notify messages reach a real datagram socket standing in for systemd's."""

import logging
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailroom.service_manager import ServiceManager


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    """A bound AF_UNIX datagram socket and the `$NOTIFY_SOCKET` value that names it."""
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.settimeout(5)
        yield sock, str(path)


def received(sock: socket.socket, count: int) -> list[str]:
    return [sock.recv(4096).decode() for _ in range(count)]


def test_each_message_arrives_as_one_datagram(listener: tuple[socket.socket, str]) -> None:
    sock, address = listener
    manager = ServiceManager.from_environment({"NOTIFY_SOCKET": address})
    manager.ready()
    manager.status("cycle done: 3 handled,\n1 failed")
    manager.watchdog()
    manager.stopping()
    assert received(sock, 4) == [
        "READY=1",
        "STATUS=cycle done: 3 handled, 1 failed",
        "WATCHDOG=1",
        "STOPPING=1",
    ]


def test_abstract_namespace_socket() -> None:
    name = f"mailroom-test-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(5)
        ServiceManager.from_environment({"NOTIFY_SOCKET": "@" + name}).ready()
        assert received(sock, 1) == ["READY=1"]


def test_without_notify_socket_nothing_is_sent_and_nothing_fails(
    listener: tuple[socket.socket, str],
) -> None:
    sock, _ = listener
    manager = ServiceManager.from_environment({})
    manager.ready()
    manager.status("idle")
    manager.watchdog()
    manager.stopping()
    sock.settimeout(0.2)
    with pytest.raises(TimeoutError):
        sock.recv(4096)


def test_a_vanished_service_manager_is_logged_once_and_never_raises(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    manager = ServiceManager.from_environment({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    with caplog.at_level(logging.DEBUG, logger="mailroom.service"):
        manager.ready()
        manager.watchdog()
        manager.status("still here")
    messages = [r.getMessage() for r in caplog.records if r.name == "mailroom.service"]
    assert len(messages) == 1
    assert messages[0].startswith("cannot notify the service manager")


@pytest.mark.parametrize(
    ("environ", "interval"),
    [
        ({"WATCHDOG_USEC": "120000000"}, 60.0),
        ({"WATCHDOG_USEC": "120000000", "WATCHDOG_PID": str(os.getpid())}, 60.0),
        ({"WATCHDOG_USEC": "120000000", "WATCHDOG_PID": str(os.getpid() + 1)}, None),
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "soon"}, None),
        ({}, None),
    ],
)
def test_watchdog_interval_is_half_the_timeout_and_only_for_us(
    environ: dict[str, str], interval: float | None
) -> None:
    manager = ServiceManager.from_environment({"NOTIFY_SOCKET": "/run/x", **environ})
    assert manager.watchdog_interval() == interval


def test_the_process_environment_is_read_by_default(
    listener: tuple[socket.socket, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sock, address = listener
    monkeypatch.setenv("NOTIFY_SOCKET", address)
    monkeypatch.setenv("WATCHDOG_USEC", "3000000")
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    manager = ServiceManager.from_environment()
    manager.watchdog()
    assert received(sock, 1) == ["WATCHDOG=1"]
    assert manager.watchdog_interval() == 1.5
