"""`python -m bench`: generate, load, measure in alternating rounds, report.

The last line printed is the summary line (`report.summary_line`). The exit
status is 1 when a pipeline failed or did not judge every message valid, so
a smoke run notices a broken benchmark.
"""

import argparse
import compileall
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tests.dovecot import Dovecot
from tests.support import REPO

from . import pipelines, report
from .corpus import corpus
from .idle import idle_cycle
from .latency import push_latency
from .mailbox import mailbox
from .pipelines import Trial

M = TypeVar("M")

ENGINES = ("pypdf", "pdfium")


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    engines = [engine for engine in options.engines.split(",") if engine]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        print(f"bench: unknown engine(s) {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    _compile_sources()
    print(f"corpus: {options.messages} messages, seed {options.seed}", flush=True)
    messages = corpus(options.seed, options.messages)
    notes: list[str] = []
    trials: defaultdict[str, list[Trial]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="mailroom-bench-") as temporary:
        work = Path(temporary)
        for engine in [e for e in engines if e != "pypdf"]:
            if not pipelines.engine_available(engine, work):
                engines.remove(engine)
                notes.append(f"{engine}: this mailroom refuses pdf_engine={engine}; not measured")
        print("loading the mailbox", flush=True)
        with mailbox(messages) as dovecot:
            for number in range(1, options.rounds + 1):
                for trial in _round(dovecot, work, engines):
                    trials[trial.pipeline].append(trial)
                    print(
                        f"round {number}: {trial.pipeline} {trial.usage.wall_s:.2f} s, "
                        f"valid {trial.valid}, exit {trial.usage.returncode}",
                        flush=True,
                    )
            pushed = messages[: options.latency]
            latency = _measured(
                "push latency", len(pushed), lambda: push_latency(dovecot, pushed, work), notes
            )
            idle = _measured(
                "idle cycle",
                options.idle_messages,
                lambda: idle_cycle(dovecot, options.idle_messages, work),
                notes,
            )
    failed = [
        f"{trial.pipeline}: exit {trial.usage.returncode}, {trial.valid} valid"
        for runs in trials.values()
        for trial in runs
        if trial.usage.returncode != 0 or trial.valid != options.messages
    ]
    notes += failed
    summaries = {
        name: report.summarise(name, runs, options.messages) for name, runs in trials.items()
    }
    settings = {"messages": options.messages, "rounds": options.rounds, "seed": options.seed}
    written = report.write(options.out, settings, summaries, notes, latency, idle)
    print(report.table(summaries))
    print(report.stage_table(summaries))
    if latency is not None:
        print(latency.line())
    if idle is not None:
        print(idle.line())
    for note in notes:
        print(f"note: {note}")
    print(f"written: {written} (and .json)")
    print(report.summary_line(summaries, report.ratios(summaries)))
    return 1 if failed else 0


def _compile_sources() -> None:
    """Byte-compile mailroom and the baseline, as installing a package does.

    Where writing bytecode is switched off (PYTHONDONTWRITEBYTECODE, as in
    some containers), every start would otherwise compile each module of
    mailroom again, about 0.6 s of the main process's CPU that no installed
    daemon spends.
    """
    for folder in ("src", "bench"):
        compileall.compile_dir(REPO / folder, quiet=1)


def _measured(what: str, count: int, measure: Callable[[], M], notes: list[str]) -> M | None:
    """`measure()`, announced as `what`, or None: when there is nothing to
    measure (`count` 0), or with a note when it ran out of time."""
    if not count:
        return None
    print(f"{what}: {count} messages", flush=True)
    try:
        return measure()
    except TimeoutError as exc:
        notes.append(f"{what} not measured: {exc}")
        return None


def _round(dovecot: Dovecot, work: Path, engines: list[str]) -> list[Trial]:
    """One run of each pipeline on the same mailbox, in a fixed order."""
    done = [pipelines.naive(dovecot, work)]
    done += [pipelines.mailroom(dovecot, work, engine) for engine in engines]
    done.append(pipelines.raw_fetch(dovecot, work))
    return done


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--messages", type=int, default=2000, help="corpus size (2000)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (3)")
    parser.add_argument("--seed", type=int, default=13, help="corpus seed (13)")
    parser.add_argument(
        "--latency",
        type=int,
        default=50,
        help="messages sent one at a time for the IDLE push latency (50; 0 skips it)",
    )
    parser.add_argument(
        "--idle-messages",
        type=int,
        default=20000,
        help="handled messages a running daemon's idle cycle is timed over (20000; 0 skips it)",
    )
    parser.add_argument(
        "--engines", default="pypdf,pdfium", help="mailroom PDF engines to run (pypdf,pdfium)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent / "results",
        help="where the markdown and JSON results go (bench/results)",
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
