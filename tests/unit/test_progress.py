"""The progress line: drawn in place on a terminal, absent anywhere else."""

import io
from collections.abc import Iterator

import pytest

from mailroom.progress import REDRAW_SECONDS, ProgressLine, format_progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Ticks:
    """A monotonic clock that moves one step each time it is read."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def test_the_line_says_handled_of_total_and_the_rate() -> None:
    assert format_progress("inbox", 12, 40, 4.0) == "inbox: handled 12 of 40, 3.0 msg/s"
    assert format_progress("chasse", 7, None, 2.0) == "chasse: handled 7, 3.5 msg/s"
    assert format_progress("inbox", 0, None, 0.0) == "inbox: handled 0, 0.0 msg/s"


def test_on_a_terminal_the_line_is_redrawn_in_place_and_left_standing() -> None:
    terminal = _Terminal()
    line = ProgressLine(terminal, clock=_Ticks(REDRAW_SECONDS))

    assert list(line.track("inbox", range(3), total=3)) == [0, 1, 2]

    drawn = [text.rstrip(" ") for text in terminal.getvalue().split("\r")]
    assert drawn[0] == "" and drawn[1] == "inbox: handled 0 of 3, 0.0 msg/s"
    assert "inbox: handled 2 of 3" in drawn[3]
    assert drawn[-1].startswith("inbox: handled 3 of 3, ") and drawn[-1].endswith(" msg/s\n")
    assert terminal.getvalue().count("\n") == 1


def test_redraws_are_spaced_out_however_fast_items_come() -> None:
    terminal = _Terminal()
    line = ProgressLine(terminal, clock=_Ticks(REDRAW_SECONDS / 10))
    for _ in line.track("inbox", range(100)):
        pass
    redraws = terminal.getvalue().count("\r")
    assert 8 <= redraws <= 14, "about one in ten items, plus the first and the last line"


def test_an_exception_in_the_loop_still_ends_the_line() -> None:
    terminal = _Terminal()

    def fails_at_the_second(items: Iterator[int]) -> None:
        for item in items:
            if item == 1:
                raise RuntimeError("source gone")

    with pytest.raises(RuntimeError):
        fails_at_the_second(ProgressLine(terminal, clock=_Ticks(1.0)).track("imap", range(5)))
    assert terminal.getvalue().endswith("\rimap: handled 1, 0.5 msg/s\n")


def test_a_shorter_text_blanks_what_a_longer_one_left() -> None:
    terminal = _Terminal()
    with ProgressLine(terminal) as line:
        line.show("sent 100 of 200 (9.5/s)")
        line.show("sent 9 of 9 (1.0/s)")
    assert terminal.getvalue().split("\r")[2] == "sent 9 of 9 (1.0/s)    "
    assert terminal.getvalue().endswith("\r" + " " * 19 + "\r"), "gone at the end"


def test_anywhere_but_a_terminal_nothing_is_written() -> None:
    pipe = io.StringIO()
    assert list(ProgressLine(pipe).track("inbox", range(3), total=3)) == [0, 1, 2]
    assert list(ProgressLine(None).track("inbox", "ab")) == ["a", "b"]
    assert pipe.getvalue() == ""
