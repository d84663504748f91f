"""Who may get an automatic reply (docs/architecture.md §6); held-back replies keep a reason.

The whole policy is `hold_back_reason`: the conductor stores its answer
with the reply as `suppressed`, so a withheld reply is a decision on
record, not a silent gap. Verdicts that call for no reply at all (machine
mail, replies to our own replies) never reach it; the signals that a
program sent a message are found by `parse` and arrive here by name.
"""

from dataclasses import dataclass
from datetime import timedelta

from notify.reply import Reply
from notify.rfc5322 import ComposeError, envelope_address

# The per-address cap counts replies over this span, back from the message's arrival.
CAP_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class ReplyPolicy:
    """The firm's own identity, and how many replies one address may get per `CAP_WINDOW`."""

    own_addresses: frozenset[str]
    own_domains: frozenset[str]
    max_replies_per_address: int = 3

    def hold_back_reason(
        self,
        reply: Reply,
        *,
        machine_signal: str | None,
        dmarc_failed: bool,
        replies_in_window: int,
    ) -> str | None:
        """Why this reply must not be sent, or None when it may go. The first rule decides:

        - `null_sender`: no address to answer;
        - `invalid_address`: an address no relay would take (see `envelope_address`);
        - the machine signal `parse` found (`auto_submitted`, `list_headers`,
          `machine_address`, ... see `parse.machines`): RFC 3834 asks that
          machines get no automatic answer, whatever the verdict;
        - `own_address`: our own address or domains (a loop, or our staff);
        - `dmarc_fail`: our receiving server found the From address forged, so
          a reply would go to someone who never wrote (backscatter);
        - `reply_cap`: `replies_in_window` replies already went to this
          address in the `CAP_WINDOW` before the message arrived.
        """
        if reply.to is None or not reply.to.address:
            return "null_sender"
        try:
            envelope_address(reply.to.address)
        except ComposeError:
            return "invalid_address"
        if machine_signal is not None:
            return machine_signal
        domain = reply.to.address.lower().rpartition("@")[2]
        if reply.to.address.lower() in self.own_addresses or domain in self.own_domains:
            return "own_address"
        if dmarc_failed:
            return "dmarc_fail"
        if replies_in_window >= self.max_replies_per_address:
            return "reply_cap"
        return None
