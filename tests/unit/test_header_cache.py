"""The header registry that parses each header text once (parse.headercache)."""

from email.headerregistry import HeaderRegistry

from parse import CachingHeaderRegistry
from parse.headercache import MAX_KEPT_CHARS, READING_POLICY


def test_the_same_text_is_parsed_once_and_shared() -> None:
    registry = CachingHeaderRegistry()
    first = registry("Content-Type", 'application/pdf; name="CV.pdf"')
    again = registry("Content-Type", 'application/pdf; name="CV.pdf"')
    assert again is first
    assert str(first) == str(HeaderRegistry()("Content-Type", 'application/pdf; name="CV.pdf"'))
    assert first.content_type == "application/pdf" and first.params["name"] == "CV.pdf"


def test_a_text_longer_than_a_header_line_is_parsed_each_time() -> None:
    """Hostile mail with huge headers cannot fill the cache with them."""
    registry = CachingHeaderRegistry()
    long = "x" * (MAX_KEPT_CHARS + 1)
    assert registry("Subject", long) is not registry("Subject", long)
    assert registry("Subject", long) == long


def test_the_cache_keeps_at_most_what_it_is_given() -> None:
    registry = CachingHeaderRegistry(kept=4)
    first = registry("Subject", "subject 0")
    for number in range(1, 6):
        registry("Subject", f"subject {number}")
    assert registry("Subject", "subject 0") is not first  # pushed out, parsed again


def test_reading_shares_the_parse_between_fetches() -> None:
    """What judging a message relies on: its parts' headers fetched again and
    again are one parse, not one per fetch."""
    factory = READING_POLICY.header_factory
    assert factory("Content-Type", "text/plain") is factory("Content-Type", "text/plain")
