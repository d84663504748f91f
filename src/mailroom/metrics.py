"""Prometheus metrics: what this process saw, plus what the store holds at scrape time.

Counters and histograms here count events of this process (messages
handled, poll and IDLE trouble) and restart at zero with it, as Prometheus
expects of `_total` and histograms; backlog and questions come from the
store on each scrape (mailroom.store_collector). Each `Metrics` owns its
registry, never the library's global one, so several apps (and tests) in
one process do not collide. Labels carry verdicts, stage and source names
only: nothing about a person.
"""

import socket
from collections.abc import Iterator, Mapping
from datetime import tzinfo

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector

import store
from mailroom.clock import Clock
from mailroom.store_collector import StoreCollector
from parse import PdfSandbox

# From a parsed header (milliseconds) to a PDF at its wall-time limit (a minute).
STAGE_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
# From an idle poll over handled mail (hundredths of a second) to a large backlog.
CYCLE_BUCKETS = (
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
    60.0,
    120.0,
    300.0,
    600.0,
)


class Metrics:
    """The daemon's metrics; the methods are called where the events happen.

    `registry` is what is served: every sample of this process's own
    registry with the label `instance` added, so the series of several
    instances on one database stay apart wherever they are gathered.
    """

    def __init__(self, instance: str = "") -> None:
        self.instance = instance or socket.gethostname()
        self._own = CollectorRegistry()
        self.registry = CollectorRegistry()
        self.registry.register(_Labelled(self._own, self.instance))
        self._messages = Counter(
            "mailroom_messages",
            "Messages handled by this process, by verdict.",
            ["verdict"],
            registry=self._own,
        )
        self._stages = Histogram(
            "mailroom_stage_seconds",
            "Time one message spent in each stage (fetch, store, parse, decide, file).",
            ["stage"],
            buckets=STAGE_BUCKETS,
            registry=self._own,
        )
        self._poll_errors = _per_source(self._own, "poll_errors", "Polls of a source that failed.")
        self._idle_errors = _per_source(
            self._own, "idle_errors", "IMAP IDLE waits that broke and fell back to polling."
        )
        self._idle_wakeups = _per_source(
            self._own, "idle_wakeups", "IMAP IDLE waits ended by the server announcing mail."
        )
        self._cycles = Histogram(
            "mailroom_cycle_seconds",
            "Time one cycle took: every source read and the outbox drained.",
            buckets=CYCLE_BUCKETS,
            registry=self._own,
        )
        self._last_cycle = Gauge(
            "mailroom_last_cycle_timestamp_seconds",
            "When the last cycle ended (Unix time); alert when it stops moving.",
            registry=self._own,
        )

    def message_handled(self, verdict: str, stage_seconds: Mapping[str, float]) -> None:
        """One message decided (or failed: pass "failed"), with the seconds each stage took."""
        self._messages.labels(verdict).inc()
        for stage, seconds in stage_seconds.items():
            self._stages.labels(stage).observe(seconds)

    def poll_error(self, source: str) -> None:
        self._poll_errors.labels(source).inc()

    def idle_error(self, source: str) -> None:
        self._idle_errors.labels(source).inc()

    def idle_wakeup(self, source: str) -> None:
        self._idle_wakeups.labels(source).inc()

    def cycle_finished(self, seconds: float) -> None:
        self._cycles.observe(seconds)
        self._last_cycle.set_to_current_time()

    def watch_store(self, db: store.Database, clock: Clock, zone: tzinfo) -> None:
        """Report the store's backlog, questions and failures at each scrape."""
        self._own.register(StoreCollector(db, clock, zone))

    def watch_pdf_workers(self, sandbox: PdfSandbox) -> None:
        """Report how often the sandbox had to replace a PDF worker."""
        self._own.register(_PdfRestarts(sandbox))


class _Labelled(Collector):
    """Every metric of `source` with `instance` among its labels."""

    def __init__(self, source: CollectorRegistry, instance: str) -> None:
        self._source = source
        self._instance = instance

    def collect(self) -> Iterator[Metric]:
        for metric in self._source.collect():
            labelled = Metric(metric.name, metric.documentation, metric.type, metric.unit)
            labelled.samples = [
                sample._replace(labels={**sample.labels, "instance": self._instance})
                for sample in metric.samples
            ]
            yield labelled


class _PdfRestarts(Collector):
    def __init__(self, sandbox: PdfSandbox) -> None:
        self._sandbox = sandbox

    def collect(self) -> Iterator[Metric]:
        yield CounterMetricFamily(
            "mailroom_pdf_worker_restarts",
            "PDF workers replaced because they died, overran or hung.",
            value=self._sandbox.restarts,
        )


def _per_source(registry: CollectorRegistry, name: str, documentation: str) -> Counter:
    return Counter(f"mailroom_{name}", documentation, ["source"], registry=registry)
