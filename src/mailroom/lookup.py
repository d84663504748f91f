"""From the reference a recruiter types to the stored message, and back."""

from mailroom.app import App
from mailroom.errors import UserError
from notify import message_key, reference_number


def message_pk(reference: str) -> int:
    """The stored message's key in "IPO-00012" or "12"; a UserError for anything else."""
    key = message_key(reference)
    if key is None:
        raise UserError(f"{reference!r} is not a reference like IPO-00012 or a message id")
    return key


def reference_of(app: App, message_pk: int, vacancy: str | None) -> str:
    """ "IPO-00012" as the replies quote it; "message 12" while it has no vacancy."""
    prefix = reference_prefix(app, vacancy)
    return reference_number(prefix, message_pk) if prefix else f"message {message_pk}"


def reference_prefix(app: App, vacancy: str | None) -> str | None:
    """The configured vacancy's reference prefix; None without a (configured) vacancy."""
    facts = app.vacancies.get(vacancy) if vacancy else None
    return facts.reference_prefix if facts is not None else None
