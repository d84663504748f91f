"""The reference number an applicant is quoted and the committee files under.

One format for both: a reply says "IPO-00012" and the committee's export
lists and folders that application under the same words, so a question
quoting the number finds its row.
"""


def reference_number(prefix: str, message_pk: int) -> str:
    """ "IPO-00012": the vacancy's `reference_prefix` and the stored message's key."""
    return f"{prefix}-{message_pk:05d}"
