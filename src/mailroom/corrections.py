"""A recruiter's corrections: route an unrouted message, override a verdict, and
judge a vacancy's mail again after its closing time moved in the config.

Each correction judges the stored bytes again (docs/architecture.md §4: every
step can be redone from the store), saves the decision and plans the reply
the new verdict calls for by the normal rules and policy (§5, §6). Each is
written to the audit log with who and why, shows its plan without changing
anything under `--dry-run`, and when repeated finds nothing to change.
"""

import argparse
import getpass
from dataclasses import replace
from email import message_from_bytes, policy

import store
from ingest import headers_only
from mailroom.app import App
from mailroom.arguments import SubcommandParser
from mailroom.errors import ExitCode, UserError
from mailroom.lookup import message_pk, reference_of
from mailroom.pipeline import decision_of, documents_of, judge
from mailroom.replies import plan_for
from parse import Analysis, VacancyWindow, Verdict

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
    analysis = _judge_again(app, target, args.vacancy)
    _carry_out(app, args, ROUTE, target, analysis, {})
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
    parsed = _judge_again(app, target, target.vacancy)
    kept = parsed.reasons if parsed.verdict is wanted else ()
    analysis = replace(parsed, verdict=wanted, reasons=kept)
    _carry_out(app, args, OVERRIDE, target, analysis, {"parser_verdict": parsed.verdict.value})
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
        analysis = _judge_again(app, target, args.vacancy)
        if analysis.verdict != target.verdict:
            _carry_out(app, args, REJUDGE, target, analysis, {"closes_at": closes_at.isoformat()})
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
        parser.add_argument("--note", default="", help="why: kept in the audit log")
        parser.add_argument("--by", help="who: kept in the audit log (default: the OS user)")
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would change and which reply, only"
        )


def _carry_out(
    app: App,
    args: argparse.Namespace,
    action: str,
    target: store.Judged,
    analysis: Analysis,
    extra: dict[str, str],
) -> None:
    """Save the new decision, withdraw replies still waiting for the old one, plan the
    normal reply and audit it, all in one transaction; or, dry, only say so."""
    reference = reference_of(app, target.message_pk, analysis.vacancy)
    change = f"{target.verdict} -> {analysis.verdict} (vacancy {analysis.vacancy})"
    reply = plan_for(app, analysis, target.message_pk, target.arrived_at)
    if args.dry_run:
        print(f"{reference}: would change {change}; would plan {_reply_words(reply)}")
        return
    now = app.clock()
    detail = {
        "message": target.message_pk,
        "reference": reference,
        "verdict_before": target.verdict,
        "verdict_after": analysis.verdict.value,
        "vacancy": analysis.vacancy,
        "reply": reply.kind if reply else None,
        "by": args.by or getpass.getuser(),
        "note": args.note,
        **extra,
    }
    with app.db.transaction() as session:
        decision = decision_of(app, analysis, target.arrived_at)
        store.save_decision(session, target.message_pk, decision, documents_of(analysis), now)
        store.settle(
            session,
            target.message_pk,
            complete=analysis.verdict is Verdict.VALID,
            question=analysis.verdict is Verdict.QUESTION,
        )
        store.withdraw_replies(
            session, target.message_pk, reply.kind if reply else None, f"withdrawn by {action}"
        )
        planned = reply is not None and store.plan_reply(session, target.message_pk, reply, now)
        who = store.subject_hash(target.address, app.salt) if target.address else None
        store.audit(session, action, now, who, detail)
    words = _reply_words(reply) if planned or reply is None else f"no new {reply.kind} (one exists)"
    print(f"{reference}: changed {change}; planned {words}")


def _reply_words(reply: store.PlannedReply | None) -> str:
    if reply is None:
        return "no reply (the rules call for none)"
    if reply.failed:
        return f"no {reply.kind} (it could not be written: {reply.reason})"
    if reply.content is None:
        return f"no {reply.kind} (held back: {reply.reason})"
    return f"a {reply.kind} to the sender"


def _judge_again(app: App, target: store.Judged, vacancy: str | None) -> Analysis:
    """The stored bytes judged as of their arrival, for `vacancy`."""
    over_cap = app.settings.limits.max_message_bytes + 1 if _only_headers(target.raw) else None
    return judge(app, target.message_pk, target.raw, target.arrived_at, over_cap, vacancy)


def _only_headers(raw: bytes) -> bool:
    """Whether only the headers of a message over the size cap were kept (§4 step 2):
    nothing after the header block, though the headers announce more than text.
    Parse needs to know only that it was over the cap, not by how much."""
    if headers_only(raw) != raw:
        return False
    return message_from_bytes(raw, policy=policy.default).get_content_maintype() != "text"


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
