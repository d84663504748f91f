"""Amounts and percentages in the reader's language, for FAQ answers and templates."""

from decimal import Decimal

from babel.numbers import format_currency, format_decimal

Number = int | float | Decimal | str


def money(amount: Number, language: str) -> str:
    """Euros with cents: "€ 7.943,51" in Dutch, "€7,943.51" in English."""
    return str(format_currency(amount, "EUR", locale=language))


def percent(value: Number, language: str) -> str:
    """A number of percent as written: 21.82 gives "21,82%" / "21.82%"."""
    return f"{format_decimal(value, locale=language)}%"
