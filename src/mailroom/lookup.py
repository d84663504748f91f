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
    facts = app.vacancies.get(vacancy) if vacancy else None
    if facts is None:
        return f"message {message_pk}"
    return reference_number(facts.reference_prefix, message_pk)
