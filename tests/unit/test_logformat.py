"""Log lines as text, logfmt and JSON: fields, quoting, exceptions, the journal, levels."""

import io
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailroom.config import ConfigError, load_settings
from mailroom.logformat import configure_logging, formatter, logfmt_value
from mailroom.settings import LoggingSettings

from ..support import EXAMPLE_CONFIG

DECISION = {"message": 12, "verdict": "valid", "reasons": "no_pdf one_pdf", "parse_ms": 12.3}


def _lines(kind: str, *, journal: bool = False, fail: bool = False, **fields: object) -> str:
    """What one `decision` line of the pipeline's logger looks like in `kind`."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(formatter(kind, journal=journal))
    logger = logging.Logger("mailroom.pipeline")  # not registered: no global state
    logger.addHandler(handler)
    if fail:
        try:
            _ = 1 / 0
        except ZeroDivisionError:
            logger.exception("decision failed", extra={"fields": fields})
    else:
        logger.info("decision", extra={"fields": fields})
    return out.getvalue()


def test_text_appends_the_fields_to_the_usual_line() -> None:
    line = _lines("text", **DECISION)
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO mailroom\.pipeline: decision "
        r'message=12 verdict=valid reasons="no_pdf one_pdf" parse_ms=12\.3\n',
        line,
    ), line


def test_logfmt_starts_with_time_level_logger_and_message() -> None:
    line = _lines("logfmt", **DECISION)
    assert re.fullmatch(
        r"ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z level=info logger=mailroom\.pipeline "
        r'msg=decision message=12 verdict=valid reasons="no_pdf one_pdf" parse_ms=12\.3\n',
        line,
    ), line


def test_json_is_one_object_per_line_with_the_fields_as_keys() -> None:
    line = _lines("json", **DECISION)
    assert line.count("\n") == 1
    values = json.loads(line)
    assert values.pop("ts").endswith("Z")
    assert values == {"level": "info", "logger": "mailroom.pipeline", "msg": "decision", **DECISION}


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("valid", "valid"),
        ("two words", '"two words"'),
        ('say "hi"', r'"say \"hi\""'),
        ("a=b", '"a=b"'),
        ("back\\slash", r'"back\\slash"'),
        ("line\nbreak\ttab", r'"line\nbreak\ttab"'),
        ("bell\x07", r'"bell\u0007"'),
        ("", '""'),
        (None, '""'),
        (True, "true"),
        (3, "3"),
        ("café", "café"),
    ],
)
def test_logfmt_quotes_and_escapes_only_what_needs_it(value: object, written: str) -> None:
    assert logfmt_value(value) == written


def test_field_keys_cannot_break_a_line_or_hide_the_fixed_keys() -> None:
    line = _lines("logfmt", **{"msg": "mine", "level": 1, "odd key=": "x"})
    assert " msg=decision " in line and " msg_=mine level_=1 odd_key_=x" in line
    assert json.loads(_lines("json", msg="mine"))["msg"] == "decision"


@pytest.mark.parametrize("kind", ["logfmt", "json"])
def test_an_exception_is_one_value_on_one_line(kind: str) -> None:
    output = _lines(kind, fail=True, message=12)
    assert output.count("\n") == 1, output
    if kind == "json":
        exc = json.loads(output)["exc"]
    else:
        [exc] = re.findall(r' exc=("(?:[^"\\]|\\.)*")$', output.rstrip("\n"))
        exc = json.loads(exc)  # logfmt's escapes are JSON's
        assert " message=12 " in output
    assert exc.startswith("Traceback (most recent call last):\n")
    assert exc.endswith("ZeroDivisionError: division by zero")


def test_text_keeps_the_traceback_below_the_line() -> None:
    first, *rest = _lines("text", fail=True, message=12).splitlines()
    assert first.endswith("ERROR mailroom.pipeline: decision failed message=12")
    assert rest[0] == "Traceback (most recent call last):"
    assert rest[-1] == "ZeroDivisionError: division by zero"


@pytest.fixture
def root_logging() -> Iterator[logging.Logger]:
    """configure_logging changes the root logger; put it back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.parametrize(
    ("kind", "start"), [("text", "INFO mailroom.cycle: "), ("logfmt", "level=info ")]
)
def test_under_systemd_the_journal_stamps_the_time(
    kind: str, start: str, root_logging: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = LoggingSettings.model_validate({"format": kind})
    configure_logging(settings, daemon=True, environ={"JOURNAL_STREAM": "8:12345"})
    logging.getLogger("mailroom.cycle").info("cycle", extra={"fields": {"handled": 3}})
    configure_logging(settings, daemon=True, environ={})
    logging.getLogger("mailroom.cycle").info("cycle", extra={"fields": {"handled": 4}})
    journal_line, stamped_line = capsys.readouterr().err.splitlines()
    assert journal_line.startswith(start) and journal_line.endswith("handled=3")
    assert not stamped_line.startswith(start) and stamped_line.endswith("handled=4")


def test_run_logs_at_the_configured_level_and_other_commands_only_warn(
    root_logging: logging.Logger,
) -> None:
    quiet = LoggingSettings(level="error")
    configure_logging(quiet, daemon=True)
    assert root_logging.level == logging.ERROR
    configure_logging(LoggingSettings(), daemon=True)
    assert root_logging.level == logging.INFO
    configure_logging(LoggingSettings(level="debug"), daemon=False)
    assert root_logging.level == logging.WARNING
    configure_logging(quiet, daemon=True, verbose=True)
    assert root_logging.level == logging.DEBUG
    ours = [h for h in root_logging.handlers if type(h).__name__ == "StderrHandler"]
    assert len(ours) == 1  # each call replaces the handler the one before set


@pytest.mark.parametrize(
    ("line", "wrong", "named"),
    [
        ('format = "text"', 'format = "xml"', "format: Input should be 'text', 'logfmt' or 'json'"),
        ('level = "info"', 'level = "INFO"', "level: Input should be 'debug', 'info', 'warning'"),
    ],
)
def test_a_bad_format_or_level_names_the_key_and_the_choices(
    tmp_path: Path, line: str, wrong: str, named: str
) -> None:
    path = tmp_path / "mailroom.toml"
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    path.write_text(text.replace(line, wrong, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert f"  logging.{named}" in str(error.value)
