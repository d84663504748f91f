"""One pipeline run as a process tree: wall time, CPU and peak RSS per process.

psutil samples the tree every `INTERVAL` seconds; a process's CPU is its
last sample (so up to one interval of a process's last work is missed) and
its RSS the highest seen. The root is the "main" process; everything below
it counts as "children". mailroom's PDF workers are the grandchildren: the
root starts a forkserver (and a resource tracker), which forks the workers,
so the worker figure leaves those two helpers out when grandchildren exist.
"""

import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

INTERVAL = 0.05
MIB = 1024 * 1024


@dataclass
class Usage:
    """What one run of a pipeline cost."""

    returncode: int
    wall_s: float
    main_cpu_s: float = 0.0
    children_cpu_s: float = 0.0
    main_rss: int = 0
    children_rss: dict[int, int] = field(default_factory=dict)
    grandchildren: set[int] = field(default_factory=set)

    @property
    def worker_rss_mib(self) -> float:
        """The largest peak RSS of a worker: a grandchild, or a child when there are
        none (0 without children)."""
        workers = self.grandchildren or set(self.children_rss)
        return max((self.children_rss.get(pid, 0) for pid in workers), default=0) / MIB


def run(command: list[str], env: dict[str, str], cwd: Path, log: Path) -> Usage:
    """Run `command` to its end (stdout and stderr to `log`) and measure it."""
    cpu: dict[int, float] = {}
    rss: dict[int, int] = {}
    grandchildren: set[int] = set()
    with log.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=out)
        done = threading.Event()
        sampler = threading.Thread(
            target=_sample, args=(process.pid, cpu, rss, grandchildren, done)
        )
        sampler.start()
        try:
            returncode = process.wait()
        finally:
            wall = time.perf_counter() - started
            done.set()
            sampler.join()
    children = {pid: peak for pid, peak in rss.items() if pid != process.pid}
    return Usage(
        returncode=returncode,
        wall_s=wall,
        main_cpu_s=cpu.get(process.pid, 0.0),
        children_cpu_s=sum(seconds for pid, seconds in cpu.items() if pid != process.pid),
        main_rss=rss.get(process.pid, 0),
        children_rss=children,
        grandchildren=grandchildren,
    )


def _sample(
    pid: int,
    cpu: dict[int, float],
    rss: dict[int, int],
    grandchildren: set[int],
    done: threading.Event,
) -> None:
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    known: dict[int, psutil.Process] = {pid: root}
    while not done.is_set():
        try:
            for child in root.children(recursive=True):
                if child.pid not in known and child.ppid() != pid:
                    grandchildren.add(child.pid)
                known.setdefault(child.pid, child)
        except psutil.Error:
            pass
        for number, process in list(known.items()):
            try:
                with process.oneshot():
                    times = process.cpu_times()
                    resident = process.memory_info().rss
            except psutil.Error:
                continue
            cpu[number] = times.user + times.system
            rss[number] = max(rss.get(number, 0), resident)
        done.wait(INTERVAL)
