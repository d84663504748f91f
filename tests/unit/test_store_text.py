"""What text both database engines can store."""

import pytest

from store.types import clean_text


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("Financiën, €, 日本", "Financiën, €, 日本"),
        ("Ti\x00tel", "Titel"),
        ("half \ud800 een paar", "half  een paar"),
        ("\udcffbeide\x00", "beide"),
        ("", ""),
    ],
)
def test_nul_and_lone_surrogates_are_left_out(value: str, stored: str) -> None:
    assert clean_text(value) == stored
