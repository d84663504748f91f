"""The reference a reply quotes leads back to its message, whichever way it is typed."""

import pytest

from notify import message_key, reference_number


@pytest.mark.parametrize("key", [1, 12, 99999, 123456])
def test_a_reference_leads_back_to_its_message(key: int) -> None:
    assert message_key(reference_number("IPO", key)) == key


@pytest.mark.parametrize(
    ("typed", "key"), [("ipo-00012", 12), (" IPO-00012 ", 12), ("12", 12), ("BIJ-12-007", 7)]
)
def test_case_spaces_and_bare_ids_are_accepted(typed: str, key: int) -> None:
    assert message_key(typed) == key


@pytest.mark.parametrize("typed", ["", "IPO-", "IPO-12a", "twelve", "IPO 12"])
def test_anything_else_is_no_reference(typed: str) -> None:
    assert message_key(typed) is None
