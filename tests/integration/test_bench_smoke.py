"""`make bench` in miniature: 20 messages, one round, no figure judged.

It proves the benchmark still runs end to end against this mailroom: every
pipeline finishes, mailroom judges every message valid and writes a reply
to each, results are written, and the summary line keeps its exact shape.
One outcome is judged: the idle cycle over handled messages fetches no body
(Dovecot's own count, so a daemon that fetched them would fail this).
"""

import json
import re
import subprocess
import sys
from pathlib import Path

from ..dovecot import dovecot_binary
from ..support import REPO

SUMMARY = re.compile(
    r"bench: mailroom/naive=\d+\.\d\d pdfium/naive=(\d+\.\d\d|n/a) "
    r"main_cpu_ms=\d+\.\d worker_rss_mib=\d+"
)
IDLE = re.compile(
    r"Idle cycle over 200 handled messages: \d+\.\d\d s, 0 bodies fetched "
    r"\(first cycle \d+\.\d\d s\)"
)


def test_a_small_bench_run_judges_everything_and_reports(tmp_path: Path) -> None:
    dovecot_binary()  # skipped without Dovecot (failed under CI=true), like the fixture
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--messages",
            "20",
            "--rounds",
            "1",
            "--latency",
            "3",
            "--idle-messages",
            "200",
            "--out",
            tmp_path,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=150,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    last = result.stdout.splitlines()[-1]
    assert SUMMARY.fullmatch(last), last
    assert any(IDLE.fullmatch(line) for line in result.stdout.splitlines()), result.stdout

    [written] = tmp_path.glob("bench-*-n20.json")
    assert written.with_suffix(".md").read_text().rstrip().endswith(last)
    document = json.loads(written.read_text())
    assert document["summary"] == last
    pipelines = document["pipelines"]
    for name in ("naive", "mailroom-pypdf", "raw-fetch"):
        assert pipelines[name]["valid"] == 20, name
        assert pipelines[name]["messages_per_s"] > 0
    assert set(pipelines["mailroom-pypdf"]["stage_ms"]) >= {"fetch_ms", "parse_ms", "store_ms"}
    assert document["environment"]["cores"] >= 1
    latency = document["push_latency"]
    assert latency["count"] == 3 and 0 < latency["p50_s"] <= latency["p95_s"]
    idle = document["idle_cycle"]
    assert idle["messages"] == 200 and idle["bodies_fetched"] == 0
    assert idle["steady_s"] > 0 and idle["first_s"] > 0
