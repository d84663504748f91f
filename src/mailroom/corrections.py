"""A recruiter's corrections: route an unrouted message, override a verdict, and
judge a vacancy's mail again after its closing time moved in the config.

Each correction judges the stored bytes again, saves the decision and plans
the reply the new verdict calls for (`mailroom.rejudging`). Each is written
to the audit log with who and why, shows its plan without changing anything
under `--dry-run`, and when repeated finds nothing to change.
"""

import argparse
from dataclasses import replace

import store
from mailroom.app import App
from mailroom.arguments import SubcommandParser
from mailroom.errors import ExitCode, UserError
from mailroom.lookup import message_pk
from mailroom.rejudging import add_audit_options, carry_out, judge_again
from parse import VacancyWindow, Verdict

ROUTE, OVERRIDE, REJUDGE = "route", "verdict_override", "rejudge"
# Verdicts a recruiter may set; `unrouted` is undone by routing instead.
SETTABLE = tuple(v.value for v in Verdict if v is not Verdict.UNROUTED)


def route(app: App, args: argparse.Namespace) -> int:
    """Judge an `unrouted` message again as mail for `--vacancy`."""
    _require_configured(app, args.vacancy)
    target = _target(app, args.ref)
    if target.verdict != Verdict.UNROUTED:
        if target.vacancy == args.vacancy:
            print(f"{args.ref}: already routed to {args.vacancy}; nothing changed")
            return ExitCode.OK
        raise UserError(
            f"{args.ref} is not unrouted (verdict {target.verdict}); "
            "correct it with `mailroom verdict` instead"
        )
    analysis = judge_again(app, target, args.vacancy)
    carry_out(app, args, ROUTE, target, analysis, {})
    return ExitCode.OK


def override(app: App, args: argparse.Namespace) -> int:
    """Set the verdict by hand; the parser's own verdict is kept in the audit line."""
    target = _target(app, args.ref)
    wanted = Verdict(args.verdict)
    if target.verdict == wanted:
        print(f"{args.ref}: already {wanted}; nothing changed")
        return ExitCode.OK
    if target.vacancy is None:
        raise UserError(
            f"{args.ref} has no vacancy; route it first: mailroom route {args.ref} --vacancy SLUG"
        )
    parsed = judge_again(app, target, target.vacancy)
    kept = parsed.reasons if parsed.verdict is wanted else ()
    analysis = replace(parsed, verdict=wanted, reasons=kept)
    carry_out(app, args, OVERRIDE, target, analysis, {"parser_verdict": parsed.verdict.value})
    return ExitCode.OK


def rejudge(app: App, args: argparse.Namespace) -> int:
    """Judge again the vacancy's mail whose verdict the configured closing time may
    change: late mail that now arrived in time, on-time mail that now arrived after.

    A verdict a recruiter set by hand stands.
    """
    closes_at = _require_configured(app, args.vacancy).closes_at
    with app.db.transaction() as session:
        overridden = store.overridden_messages(session, OVERRIDE)
        in_time = store.judged_for_vacancy(
            session, args.vacancy, (Verdict.LATE,), arrived_until=closes_at
        )
        after = store.judged_for_vacancy(
            session, args.vacancy, (Verdict.VALID, Verdict.INVALID), arrived_after=closes_at
        )
    affected = [m for m in (*in_time, *after) if m.message_pk not in overridden]
    changed = 0
    for target in affected:
        analysis = judge_again(app, target, args.vacancy)
        if analysis.verdict != target.verdict:
            carry_out(app, args, REJUDGE, target, analysis, {"closes_at": closes_at.isoformat()})
            changed += 1
    if not changed:
        print(f"{args.vacancy}: no verdict changes with the configured closing time; nothing to do")
    return ExitCode.OK


def add_parsers(commands: "argparse._SubParsersAction[SubcommandParser]") -> None:
    """`route`, `verdict` and `rejudge`, with the options every correction shares."""
    ref_help = "the reference the replies quote (IPO-00012) or a message id"
    routing = commands.add_parser("route", help="judge an unrouted message again for a vacancy")
    routing.add_argument("ref", help=ref_help)
    routing.add_argument("--vacancy", required=True, help="the vacancy's slug")
    verdict = commands.add_parser("verdict", help="override a message's verdict")
    verdict.add_argument("ref", help=ref_help)
    verdict.add_argument("verdict", choices=SETTABLE, help="the verdict that holds")
    again = commands.add_parser(
        "rejudge", help="judge a vacancy's mail again after its closing time moved in the config"
    )
    again.add_argument("--vacancy", required=True, help="the vacancy's slug")
    for parser in (routing, verdict, again):
        add_audit_options(parser)


def _target(app: App, reference: str) -> store.Judged:
    with app.db.transaction() as session:
        target = store.judged_message(session, message_pk(reference))
    if target is None:
        raise UserError(f"no judged message {reference} in the store")
    return target


def _require_configured(app: App, slug: str) -> VacancyWindow:
    """The vacancy as the config has it now (its closing time included)."""
    for window in app.windows:
        if window.slug == slug:
            return window
    known = ", ".join(w.slug for w in app.windows) or "(none configured)"
    raise UserError(f"--vacancy: no vacancy {slug!r} in the config; known: {known}")
