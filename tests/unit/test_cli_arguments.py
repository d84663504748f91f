"""The command line's grammar: global options on either side, values checked at parse time."""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from mailroom.cli import build_parser

T = "2026-01-05T12:00+01:00"
MOMENT = datetime(2026, 1, 5, 12, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize(
    "argv",
    [
        ["--config", "x.toml", "-v", "--as-of", T, "run", "--once"],
        ["run", "--once", "--config", "x.toml", "-v", "--as-of", T],
        ["--config", "x.toml", "run", "-v", "--once", "--as-of", T],
    ],
)
def test_global_options_work_before_and_after_the_subcommand(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert (args.config, args.verbose, args.as_of, args.once) == (
        Path("x.toml"),
        True,
        MOMENT,
        True,
    )


def test_nested_subcommands_take_them_too_and_the_later_one_wins() -> None:
    args = build_parser().parse_args(["--config", "a.toml", "db", "upgrade", "--config", "b.toml"])
    assert args.config == Path("b.toml") and args.as_of is None and args.verbose is False


def test_defaults_hold_when_no_global_option_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILROOM_CONFIG", "/etc/mailroom.toml")
    args = build_parser().parse_args(["status"])
    assert (args.config, args.verbose, args.as_of) == (Path("/etc/mailroom.toml"), False, None)


@pytest.mark.parametrize("text", ["0", "-1", "+0", "1.5", "", "²", "many"])
def test_a_limit_below_one_or_not_whole_is_refused(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["search", "x", "--limit", text])
    assert stop.value.code == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(
        f"mailroom search: error: --limit: give a whole number of 1 or more, not {text!r}"
    )


@pytest.mark.parametrize("text", ["1", "+7", " 20 "])
def test_a_positive_limit_is_read_as_a_number(text: str) -> None:
    assert build_parser().parse_args(["search", "x", "--limit", text]).limit == int(text)


@pytest.mark.parametrize(
    ("text", "moment"),
    [(T, MOMENT), ("2026-01-05T11:00Z", MOMENT), ("2026-01-05 11:00:00+00:00", MOMENT)],
)
def test_as_of_takes_an_iso_time_with_any_zone(text: str, moment: datetime) -> None:
    as_of = build_parser().parse_args(["status", "--as-of", text]).as_of
    assert as_of == moment and as_of.astimezone(UTC).hour == 11


def test_a_missing_argument_is_one_line_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["export", "--vacancy", "ipo-bij12"])
    assert capsys.readouterr().err.splitlines() == [
        "mailroom export: error: the following arguments are required: --out "
        "(see mailroom export --help)"
    ]


def test_help_documents_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    help_text = capsys.readouterr().out
    for status in ("0  done", "1  `run --once`: a source was down", "2  a user error", "3  the"):
        assert f"\n  {status}" in help_text
