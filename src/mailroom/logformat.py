"""Log lines as text for people, or logfmt or JSON for a collector.

Structured lines carry their values in `extra={"fields": {...}}`:

    log.info("decision", extra={"fields": {"message": 12, "verdict": "valid"}})

text:   `2026-01-07 10:00:00,123 INFO mailroom.pipeline: decision message=12 verdict=valid`
logfmt: `ts=2026-01-07T09:00:00.123Z level=info logger=mailroom.pipeline msg=decision message=12 …`
json:   `{"ts": "…", "level": "info", "logger": "…", "msg": "decision", "message": 12, …}`

Under systemd (`$JOURNAL_STREAM` set) the journal stamps each line, so text
and logfmt leave the time out. An exception is one `exc` value in logfmt and
JSON (its newlines escaped) so a collector never splits it; text keeps the
traceback people are used to. Fields hold internal ids and verdicts only,
never personal data.
"""

import json
import logging
import os
import re
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from mailroom.settings import LoggingSettings

# The keys every logfmt/JSON line starts with; a field of the same name is
# written with a trailing underscore rather than hiding one of them.
RESERVED = ("ts", "level", "logger", "msg", "exc", "stack")
_UNQUOTED = re.compile(r'^[^\s"=\\]+$')
_KEY_UNSAFE = re.compile(r'[\s"=\\]')


def configure_logging(
    settings: LoggingSettings | None,
    *,
    verbose: bool = False,
    daemon: bool = False,
    environ: Mapping[str, str] = os.environ,
) -> None:
    """One handler on the root logger, on stderr, replacing the one set before.

    Called once before the settings are read (no settings: text, warnings
    only) and again after. `run` logs at the configured level; other
    commands only warn; `--verbose` means debug everywhere.
    """
    settings = settings or LoggingSettings()
    if verbose:
        level = logging.DEBUG
    elif daemon:
        level = logging.getLevelNamesMapping()[settings.level.upper()]
    else:
        level = logging.WARNING
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, StderrHandler)]:
        root.removeHandler(handler)
    handler = StderrHandler()
    handler.setFormatter(formatter(settings.format, journal="JOURNAL_STREAM" in environ))
    root.addHandler(handler)
    root.setLevel(level)


def formatter(kind: str, *, journal: bool = False) -> logging.Formatter:
    """The formatter for `kind` ("text", "logfmt", "json"); `journal` drops the time."""
    if kind == "logfmt":
        return LogfmtFormatter(stamped=not journal)
    if kind == "json":
        return JsonFormatter()
    return TextFormatter(stamped=not journal)


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to the `sys.stderr` of the moment, as a test that captures it expects."""

    def emit(self, record: logging.LogRecord) -> None:
        # Not setStream(): it flushes the previous stream, which may be closed.
        self.stream = sys.stderr
        super().emit(record)


class TextFormatter(logging.Formatter):
    """`<time> LEVEL logger: msg key=value …`, the traceback below as usual."""

    def __init__(self, *, stamped: bool = True) -> None:
        time = "%(asctime)s " if stamped else ""
        super().__init__(f"{time}%(levelname)s %(name)s: %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        pairs = _pairs(_fields(record))
        return f"{line} {pairs}" if pairs else line


class LogfmtFormatter(logging.Formatter):
    """`ts=… level=… logger=… msg=… key=value …`, always one line."""

    def __init__(self, *, stamped: bool = True) -> None:
        super().__init__()
        self.stamped = stamped

    def format(self, record: logging.LogRecord) -> str:
        values = _line(record)
        if not self.stamped:
            del values["ts"]
        return _pairs(values)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, the fields, exc if any."""

    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(_line(record), ensure_ascii=False, default=str)


def fields_of(record: logging.LogRecord) -> dict[str, Any]:
    """The record's `extra={"fields": …}`, empty when it has none."""
    fields = getattr(record, "fields", None)
    return dict(fields) if isinstance(fields, Mapping) else {}


def logfmt_value(value: Any) -> str:
    """Bare when it can be, else quoted with `\\"`, `\\\\`, `\\n` and `\\uXXXX` escapes."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    if _UNQUOTED.match(text) and text.isprintable():
        return text
    return json.dumps(text, ensure_ascii=False)


def _line(record: logging.LogRecord) -> dict[str, Any]:
    """Everything a structured line holds, in the order it is written."""
    values: dict[str, Any] = {
        "ts": datetime.fromtimestamp(record.created, UTC)
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z"),
        "level": record.levelname.lower(),
        "logger": record.name,
        "msg": record.getMessage(),
    }
    values.update(_fields(record))
    if record.exc_info:
        values["exc"] = logging.Formatter().formatException(record.exc_info)
    if record.stack_info:
        values["stack"] = record.stack_info
    return values


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    """The fields under keys a line can hold: no blanks, quotes or `=`, none reserved."""
    fields = {}
    for key, value in fields_of(record).items():
        name = _KEY_UNSAFE.sub("_", str(key)) or "_"
        fields[f"{name}_" if name in RESERVED else name] = value
    return fields


def _pairs(values: Mapping[str, Any]) -> str:
    return " ".join(f"{key}={logfmt_value(value)}" for key, value in values.items())
