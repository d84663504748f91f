"""The reference number an applicant is quoted and the committee files under.

One format for both: a reply says "IPO-00012" and the committee's export
lists and folders that application under the same words, so a question
quoting the number finds its row.
"""

import re

# "IPO-00012", "ipo-bij12-00012" or "12": the digits after the last dash are the key.
_REFERENCE = re.compile(r"(?:[A-Za-z0-9-]*-)?0*(\d{1,18})")


def reference_number(prefix: str, message_pk: int) -> str:
    """ "IPO-00012": the vacancy's `reference_prefix` and the stored message's key."""
    return f"{prefix}-{message_pk:05d}"


def message_key(reference: str) -> int | None:
    """The stored message's key in "IPO-00012" (any prefix, any case) or in a bare
    internal id ("12"); None when the text is neither."""
    found = _REFERENCE.fullmatch(reference.strip())
    return int(found.group(1)) if found else None
