"""The watchdog's view of progress: quiet only counts while a job runs."""

import threading
import time

from mailroom.heartbeat import Heartbeat


def test_a_running_job_without_beats_goes_stale_and_a_beat_freshens_it() -> None:
    heart = Heartbeat()
    time.sleep(0.05)
    assert heart.stalled_for() == 0.0, "no job runs: an idle daemon is never stalled"
    heart.job_started()
    time.sleep(0.05)
    assert heart.stalled_for() >= 0.05
    heart.beat()
    assert heart.stalled_for() < 0.05
    heart.job_finished()
    assert heart.stalled_for() == 0.0


def test_wait_idle_returns_when_the_last_job_ends_and_not_before() -> None:
    heart = Heartbeat()
    heart.job_started()
    assert not heart.wait_idle(0.05), "a job still runs"
    threading.Timer(0.05, heart.job_finished).start()
    assert heart.wait_idle(30)
