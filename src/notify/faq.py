"""Which of a vacancy's frequent questions a message asks (docs/architecture.md §6).

A keyword matches at the start of a word, case- and width-insensitively,
so "salaris" finds "Salarisschaal" but not "maandsalaris" (list such
compounds as keywords of their own), and "den haag" finds "Den  Haag".
Keywords of every language count whatever language the reply is in: an
English question may still say "IKB". Matching only adds standard
information to the acknowledgement; the question itself always stays open
for a recruiter, so a false match costs a paragraph, not an answer.
"""

import re
import unicodedata

from notify.reply import FaqEntry

_NEVER = re.compile(r"(?!)")


def matching(entries: tuple[FaqEntry, ...], text: str) -> tuple[FaqEntry, ...]:
    """The entries any of whose keywords occur in `text`, in configured order."""
    folded = _fold(text)
    return tuple(entry for entry in entries if _pattern(entry.keywords).search(folded))


def _pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    words = [r"\s+".join(map(re.escape, _fold(k).split())) for k in keywords if k.strip()]
    return re.compile(r"\b(?:" + "|".join(words) + ")") if words else _NEVER


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()
