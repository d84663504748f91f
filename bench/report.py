"""The figures of a run: medians per pipeline, ratios, a table, and the summary line.

Every figure is the median over the rounds of that pipeline's runs, and a
ratio is one of medians. CPU per message and core use come from the process
tree (`measure`); the stage split from mailroom's own `decision` log lines,
which time each stage's wall clock in the main process.
"""

import json
import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from .idle import IdleCycle
from .latency import Latency
from .measure import MIB
from .pipelines import STAGES, Trial

STAGE_LEGEND = (
    "fetch: IMAP FETCH; store: the raw bytes' transaction; parse: waiting for a PDF worker "
    "to judge the message (MIME, rules, PDF text); decide: planning the reply (written ahead "
    "by the composer process) and storing decision, documents and reply; file: the IMAP flag "
    "(or move). Replies are written to the outbox after the cycle, outside these stages. "
    "Workers are the PDF workers and the composer."
)
LIBRARIES = ("imapclient", "pypdf", "pypdfium2", "SQLAlchemy", "psutil")


@dataclass(frozen=True)
class Summary:
    """One pipeline's medians over its rounds."""

    pipeline: str
    rounds: int
    messages_per_s: float
    wall_s: float
    main_cpu_ms: float
    children_cpu_ms: float
    cores_busy: float
    main_rss_mib: float
    worker_rss_mib: float
    valid: int
    stage_ms: dict[str, float]


def summarise(pipeline: str, trials: Sequence[Trial], messages: int) -> Summary:
    """The medians of `trials` (all of one pipeline) over `messages` messages."""
    cores = os.cpu_count() or 1

    def median(values: list[float]) -> float:
        return statistics.median(values)

    usages = [trial.usage for trial in trials]
    return Summary(
        pipeline=pipeline,
        rounds=len(trials),
        messages_per_s=median([messages / u.wall_s for u in usages]),
        wall_s=median([u.wall_s for u in usages]),
        main_cpu_ms=median([u.main_cpu_s * 1000 / messages for u in usages]),
        children_cpu_ms=median([u.children_cpu_s * 1000 / messages for u in usages]),
        cores_busy=median([(u.main_cpu_s + u.children_cpu_s) / (u.wall_s * cores) for u in usages]),
        main_rss_mib=median([u.main_rss / MIB for u in usages]),
        worker_rss_mib=median([u.worker_rss_mib for u in usages]),
        valid=min(trial.valid for trial in trials),
        stage_ms={
            stage: median([t.stage_ms[stage] / messages for t in trials])
            for stage in STAGES
            if all(stage in t.stage_ms for t in trials)
        },
    )


def ratios(summaries: dict[str, Summary]) -> dict[str, float | None]:
    """Speed of mailroom (each engine) to the naive script, and to the raw fetch."""

    def ratio(top: str, bottom: str) -> float | None:
        if top not in summaries or bottom not in summaries:
            return None
        return summaries[top].messages_per_s / summaries[bottom].messages_per_s

    return {
        "mailroom/naive": ratio("mailroom-pypdf", "naive"),
        "pdfium/naive": ratio("mailroom-pdfium", "naive"),
        "mailroom/raw-fetch": ratio("mailroom-pypdf", "raw-fetch"),
        "pdfium/raw-fetch": ratio("mailroom-pdfium", "raw-fetch"),
    }


def environment() -> dict[str, object]:
    """Where the figures were measured."""
    versions: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "libraries": versions,
    }


def table(summaries: dict[str, Summary]) -> str:
    """A markdown table, one row per pipeline."""
    rows = [
        "| pipeline | messages/s | wall s | CPU ms/msg main | CPU ms/msg children "
        "| cores busy | peak RSS main MiB | peak RSS worker MiB | valid |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in summaries.values():
        rows.append(
            f"| {s.pipeline} | {s.messages_per_s:.1f} | {s.wall_s:.1f} | {s.main_cpu_ms:.1f} "
            f"| {s.children_cpu_ms:.1f} | {s.cores_busy:.0%} | {s.main_rss_mib:.0f} "
            f"| {s.worker_rss_mib:.0f} | {s.valid} |"
        )
    return "\n".join(rows)


def stage_table(summaries: dict[str, Summary]) -> str:
    """mailroom's main-process wall ms per message, by stage (its decision lines)."""
    staged = [s for s in summaries.values() if s.stage_ms]
    if not staged:
        return ""
    names = [stage.removesuffix("_ms") for stage in STAGES]
    rows = [
        "| pipeline | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for s in staged:
        cells = " | ".join(f"{s.stage_ms.get(stage, 0.0):.1f}" for stage in STAGES)
        rows.append(f"| {s.pipeline} | {cells} |")
    return "\n".join(rows)


def summary_line(summaries: dict[str, Summary], ratio: dict[str, float | None]) -> str:
    """The one line any later change is compared by."""

    def shown(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f}"

    mailroom = summaries.get("mailroom-pypdf")
    main_cpu = mailroom.main_cpu_ms if mailroom else float("nan")
    worker = mailroom.worker_rss_mib if mailroom else float("nan")
    return (
        f"bench: mailroom/naive={shown(ratio['mailroom/naive'])} "
        f"pdfium/naive={shown(ratio['pdfium/naive'])} "
        f"main_cpu_ms={main_cpu:.1f} worker_rss_mib={worker:.0f}"
    )


def write(
    out: Path,
    settings: dict[str, object],
    summaries: dict[str, Summary],
    notes: list[str],
    latency: Latency | None = None,
    idle: IdleCycle | None = None,
) -> Path:
    """bench-<date>-n<N>.md and .json in `out`; returns the markdown file."""
    env = environment()
    ratio = ratios(summaries)
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = out / f"bench-{stamp}-n{settings['messages']}"
    document = {
        "environment": env,
        "settings": settings,
        "pipelines": {name: s.__dict__ for name, s in summaries.items()},
        "ratios": ratio,
        "push_latency": latency.__dict__ if latency else None,
        "idle_cycle": idle.__dict__ if idle else None,
        "notes": notes,
        "summary": summary_line(summaries, ratio),
    }
    base.with_suffix(".json").write_text(json.dumps(document, indent=2) + "\n")
    base.with_suffix(".md").write_text(markdown(env, settings, summaries, notes, latency, idle))
    return base.with_suffix(".md")


def markdown(
    env: dict[str, object],
    settings: dict[str, object],
    summaries: dict[str, Summary],
    notes: list[str],
    latency: Latency | None = None,
    idle: IdleCycle | None = None,
) -> str:
    ratio = ratios(summaries)
    shown = ", ".join(f"{k} = {'n/a' if v is None else f'{v:.2f}'}" for k, v in ratio.items())
    lines = [
        f"# mailroom benchmark, {env['date']}",
        "",
        f"{env['cores']} cores ({env['cpu']}), Python {env['python']}, "
        + ", ".join(f"{k} {v or 'not installed'}" for k, v in _libraries(env).items()),
        "",
        "Settings: " + ", ".join(f"{k} = {v}" for k, v in settings.items()),
        "",
        table(summaries),
        "",
        f"Ratios of medians: {shown}.",
        "",
        "mailroom's main-process wall ms per message by stage (decision log lines):",
        "",
        stage_table(summaries),
        "",
        STAGE_LEGEND,
        "",
        *([latency.line(), ""] if latency else []),
        *([idle.line(), ""] if idle else []),
        *[f"- {note}" for note in notes],
        "",
        summary_line(summaries, ratio),
        "",
    ]
    return "\n".join(lines)


def _libraries(env: dict[str, object]) -> dict[str, object]:
    libraries = env["libraries"]
    return libraries if isinstance(libraries, dict) else {}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"
