"""The ordered verdict table of docs/architecture.md §5, one small rule per row.

Each rule says whether it applies and with which reason codes; the first
rule that applies decides. The order is a plain tuple so it reads like the
table it implements.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from parse.analysis import Reason, Verdict
from parse.context import VacancyWindow
from parse.documents import Parcel, document_problems, has_application_documents


@dataclass(frozen=True)
class Facts:
    """What the rules need, gathered once from the message and its context."""

    machine: str | None
    applying: bool
    parcel: Parcel
    vacancy: VacancyWindow | None
    arrived_at: datetime
    replies_to_us: bool = False
    asks: bool = False

    @property
    def has_documents(self) -> bool:
        return bool(self.parcel.attachments) or self.parcel.too_large

    @property
    def application_like(self) -> bool:
        """Documents, or words about applying that do not ask anything.

        "Hierbij mijn sollicitatie" without the files is an incomplete
        application; "Sollicitatie: kan ik mijn cv later sturen?" is a
        question. In a reply to our own reply only documents count, as the
        quoted text of our mail speaks of applying.
        """
        if self.has_documents:
            return True
        return self.applying and not self.asks and not self.replies_to_us


class Rule(Protocol):
    verdict: Verdict
    description: str

    def check(self, facts: Facts) -> tuple[Reason, ...] | None:
        """Reason codes if the rule applies, None if it does not."""
        ...


class Automated:
    verdict = Verdict.AUTOMATED
    description = "machine mail (bounce, auto-reply, bulk) without application documents"

    def check(self, facts: Facts) -> tuple[Reason, ...] | None:
        if facts.machine and not has_application_documents(facts.parcel):
            return (Reason(facts.machine),)
        return None


class Unrouted:
    verdict = Verdict.UNROUTED
    description = "no vacancy can be chosen for the message"

    def check(self, facts: Facts) -> tuple[Reason, ...] | None:
        return (Reason.NO_VACANCY,) if facts.vacancy is None else None


class Late:
    verdict = Verdict.LATE
    description = "an application that arrived after the vacancy's closing time"

    def check(self, facts: Facts) -> tuple[Reason, ...] | None:
        vacancy = facts.vacancy
        late = (
            vacancy is not None and facts.application_like and facts.arrived_at > vacancy.closes_at
        )
        return (Reason.AFTER_CLOSING,) if late else None


class Valid:
    verdict = Verdict.VALID
    description = "an application with exactly two distinct, readable PDFs"

    def check(self, facts: Facts) -> tuple[Reason, ...] | None:
        ok = facts.application_like and not document_problems(facts.parcel)
        return () if ok else None


class Invalid:
    verdict = Verdict.INVALID
    description = "any other application: every problem is named"

    def check(self, facts: Facts) -> tuple[Reason, ...] | None:
        return document_problems(facts.parcel) if facts.application_like else None


class Question:
    verdict = Verdict.QUESTION
    description = "anything else a person wrote to the mailbox"

    def check(self, facts: Facts) -> tuple[Reason, ...] | None:
        return ()


RULES: tuple[Rule, ...] = (Automated(), Unrouted(), Late(), Valid(), Invalid(), Question())


def judge(facts: Facts) -> tuple[Verdict, tuple[Reason, ...]]:
    """The first rule that applies gives the verdict and its reasons."""
    for rule in RULES:
        reasons = rule.check(facts)
        if reasons is not None:
            return rule.verdict, reasons
    raise AssertionError("the Question rule always applies")
