"""The reply policy (docs/architecture.md §6): each rule that holds a reply back, and the order."""

import pytest

from notify import Mailbox, ReplyPolicy

from .test_notify_render import make_reply

POLICY = ReplyPolicy(
    own_addresses=frozenset({"info@chassesearch.nl"}),
    own_domains=frozenset({"chassesearch.nl"}),
    max_replies_per_address=3,
)
JAN = Mailbox("Jan", "jan.devries@example.nl")


def hold_back(
    to: Mailbox | None = JAN,
    *,
    machine_signal: str | None = None,
    dmarc_failed: bool = False,
    replies_in_window: int = 0,
) -> str | None:
    return POLICY.hold_back_reason(
        make_reply(to=to),
        machine_signal=machine_signal,
        dmarc_failed=dmarc_failed,
        replies_in_window=replies_in_window,
    )


@pytest.mark.parametrize(
    "address", ["jan.devries@example.nl", "info@example.nl", "noreplyer.fan@example.nl"]
)
# Whether an address is a machine's is read by `parse` (machine_address); the
# policy acts on the signal's name, so these are ordinary here.
def test_an_ordinary_address_may_get_a_reply(address: str) -> None:
    assert hold_back(Mailbox("Jan", address)) is None


@pytest.mark.parametrize("to", [None, Mailbox("", ""), Mailbox("Jan", "")])
def test_a_null_sender_gets_no_reply(to: Mailbox | None) -> None:
    assert hold_back(to) == "null_sender"


@pytest.mark.parametrize(
    "address",
    [
        "jan@localhost",
        "jan@",
        "@example.nl",
        "jan de vries@example.nl",
        '"jan"@example.nl',
        "jan@example.nl\r\nBcc: eve@example.com",
        "jan@exa\u202emple.nl",
        "a@b@example.nl",
        f"{'j' * 65}@example.nl",
        f"jan@{'x' * 250}.nl",
        "jan@xn--.nl",
    ],
)
def test_an_address_no_relay_would_take_gets_no_reply(address: str) -> None:
    assert hold_back(Mailbox("Jan", address)) == "invalid_address"


@pytest.mark.parametrize("address", ["jürgen@example.de", "jan@bücher.example", "张伟@例子.中国"])
def test_an_international_address_may_get_a_reply(address: str) -> None:
    """Whether the relay can carry it is decided when it is sent (SMTPUTF8)."""
    assert hold_back(Mailbox("Jürgen", address)) is None


@pytest.mark.parametrize("signal", ["auto_submitted", "list_headers", "machine_address"])
def test_a_machine_signal_holds_the_reply_back_by_its_name(signal: str) -> None:
    assert hold_back(machine_signal=signal) == signal


@pytest.mark.parametrize(
    "address",
    ["info@chassesearch.nl", "INFO@ChasseSearch.NL", "inge@chassesearch.nl", "x@CHASSESEARCH.NL"],
)
def test_our_own_addresses_get_no_reply(address: str) -> None:
    assert hold_back(Mailbox("Chasse", address)) == "own_address"


def test_a_dmarc_failure_holds_the_reply_back() -> None:
    assert hold_back(dmarc_failed=True) == "dmarc_fail"
    assert hold_back(dmarc_failed=False) is None


@pytest.mark.parametrize(
    ("earlier", "reason"), [(0, None), (2, None), (3, "reply_cap"), (9, "reply_cap")]
)
def test_past_the_cap_an_address_gets_no_more_replies(earlier: int, reason: str | None) -> None:
    """Three replies in the window may go; the fourth is held back."""
    assert hold_back(replies_in_window=earlier) == reason


def test_the_cap_is_configurable() -> None:
    strict = ReplyPolicy(frozenset(), frozenset(), max_replies_per_address=1)
    reply = make_reply(to=JAN)
    clean = {"machine_signal": None, "dmarc_failed": False}
    assert strict.hold_back_reason(reply, **clean, replies_in_window=0) is None
    assert strict.hold_back_reason(reply, **clean, replies_in_window=1) == "reply_cap"


@pytest.mark.parametrize(
    ("to", "signal", "expected"),
    [
        (None, "list_headers", "null_sender"),
        (Mailbox("", "jan@localhost"), "list_headers", "invalid_address"),
        (Mailbox("", "info@chassesearch.nl"), "list_headers", "list_headers"),
        (Mailbox("", "info@chassesearch.nl"), None, "own_address"),
        (JAN, None, "dmarc_fail"),
    ],
)
def test_the_first_rule_that_applies_names_the_reason(
    to: Mailbox | None, signal: str | None, expected: str
) -> None:
    """Every later rule applies as well here; the reason kept is the earliest one."""
    assert hold_back(to, machine_signal=signal, dmarc_failed=True, replies_in_window=99) == expected
