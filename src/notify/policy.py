"""Who may get an automatic reply (DESIGN §6); held-back replies keep a reason."""

import re
from dataclasses import dataclass

from notify.reply import Reply

_NO_REPLY_LOCAL_PART = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster|bounces?)([+\-_.].*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReplyPolicy:
    """The firm's own identity, which must never be answered automatically."""

    own_addresses: frozenset[str]
    own_domains: frozenset[str]

    def hold_back_reason(self, reply: Reply) -> str | None:
        """Why this reply must not be sent, or None when it may go."""
        if reply.to is None or not reply.to.address:
            return "null_sender"
        local, _, domain = reply.to.address.lower().rpartition("@")
        if _NO_REPLY_LOCAL_PART.match(local):
            return "no_reply_sender"
        if reply.to.address.lower() in self.own_addresses or domain in self.own_domains:
            return "own_address"
        return None
