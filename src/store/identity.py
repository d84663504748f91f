"""How a person's address becomes their identity in the store."""


def normalise_address(address: str) -> str:
    """Lower case, surrounding space removed, and any plus-tag dropped.

    `Sanne+IPO@Example.nl` and `sanne@example.nl` are one applicant; the tag
    still routes the message (routing reads the recipient, not this).
    """
    local, at, domain = address.strip().lower().rpartition("@")
    if not at:
        return address.strip().lower()
    return f"{local.partition('+')[0] or local}@{domain}"
