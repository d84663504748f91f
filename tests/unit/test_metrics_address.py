"""The metrics endpoint listens on this host only; anything else is refused at load."""

import re

import pytest

from mailroom.config import ConfigError, load_settings
from mailroom.loopback import loopback_address
from mailroom.metrics import Metrics
from mailroom.metrics_server import serve

from ..support import EXAMPLE_CONFIG


@pytest.mark.parametrize(
    ("address", "parsed"),
    [
        ("127.0.0.1:9464", ("127.0.0.1", 9464)),
        ("127.3.2.1:0", ("127.3.2.1", 0)),
        ("[::1]:9464", ("::1", 9464)),
        ("localhost:9464", ("localhost", 9464)),
        ("LocalHost:1", ("LocalHost", 1)),
    ],
)
def test_loopback_addresses_are_accepted(address: str, parsed: tuple[str, int]) -> None:
    assert loopback_address(address) == parsed


@pytest.mark.parametrize(
    "address", ["0.0.0.0:9464", "[::]:9464", "192.168.1.5:9464", "metrics.example.org:9464"]
)
def test_addresses_off_this_host_are_refused(address: str) -> None:
    with pytest.raises(ValueError, match="not a loopback address"):
        loopback_address(address)
    with pytest.raises(ValueError, match="not a loopback address"):
        serve(Metrics(), address)


@pytest.mark.parametrize("address", ["9464", "127.0.0.1", "127.0.0.1:", ":9464", "127.0.0.1:99999"])
def test_malformed_addresses_say_how_to_write_one(address: str) -> None:
    with pytest.raises(
        ValueError, match=re.escape("is not host:port; write it like '127.0.0.1:9464'")
    ):
        loopback_address(address)


def test_the_embedded_default_opens_no_port() -> None:
    assert load_settings(EXAMPLE_CONFIG).metrics.address == ""


def test_a_wide_address_is_a_config_error_naming_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILROOM_METRICS__ADDRESS", "0.0.0.0:9464")
    with pytest.raises(ConfigError, match=r"metrics\.address: .*'0\.0\.0\.0' is not a loopback"):
        load_settings(EXAMPLE_CONFIG)


def test_a_loopback_address_from_the_environment_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILROOM_METRICS__ADDRESS", "127.0.0.1:9464")
    assert load_settings(EXAMPLE_CONFIG).metrics.address == "127.0.0.1:9464"
