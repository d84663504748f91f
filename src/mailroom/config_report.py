"""`mailroom config check`: every setting in force, where it came from, secrets masked.

Ops read this to learn why the daemon does what it does: a value may come
from the file, from a `MAILROOM_*` variable that overrides it, or from the
default in the settings models. The check validates first, so an invalid
configuration still fails with the key's path before anything is shown.
A secret is shown by where it lives (`{ credential = "imap" }`), never read;
a password inside a URL is masked.
"""

import argparse
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from mailroom.arguments import SubcommandParser
from mailroom.config import read_file
from mailroom.config_lines import Key, key_lines, line_of
from mailroom.environment import variable_for
from mailroom.errors import ExitCode
from mailroom.secrets import Secret
from mailroom.settings import Settings

MASK = "****"
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*:)[^@/\s]*@")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
# Text views keep each setting on one line; --json gives the whole value.
_LONGEST_TEXT = 60
_LONGEST_LIST = 80

Origin = Literal["file", "env", "default"]


@dataclass(frozen=True)
class Entry:
    """One setting in force: its dotted key, its (masked) value and its origin."""

    key: str
    value: Any
    origin: Origin
    variable: str | None = None
    line: int | None = None

    @property
    def source(self) -> str:
        if self.variable:
            return f"env {self.variable}"
        return f"file:{self.line}" if self.line else self.origin


def add_parser(commands: "argparse._SubParsersAction[SubcommandParser]") -> None:
    config = commands.add_parser("config", help="configuration")
    check = config.add_subparsers(dest="config_command", required=True).add_parser(
        "check",
        help="validate the configuration, print every setting in force and where it came from",
    )
    check.add_argument("--json", action="store_true", help="print JSON for scripts")


def report(path: Path, settings: Settings, *, as_json: bool) -> int:
    """Print the effective configuration; the text ends with the line scripts look for."""
    lines = key_lines(path.read_text(encoding="utf-8"))
    entries = effective(settings, read_file(path), os.environ, lines)
    vacancies = len(settings.vacancies)
    if as_json:
        print(json.dumps(as_document(path, entries, vacancies), ensure_ascii=False, indent=2))
    else:
        print(f"# file:N is line N of {path}; env names the variable that overrides it")
        print("\n".join(as_lines(entries)))
        print(f"{path}: configuration is valid ({vacancies} vacancies)")
    return ExitCode.OK


def effective(
    settings: Settings,
    file_data: Mapping[str, Any],
    environ: Mapping[str, str],
    lines: Mapping[Key, int] | None = None,
) -> list[Entry]:
    """Every leaf setting, in the models' order, with its origin (and line in the file)."""
    entries = []
    for key, value in _leaves(settings, ()):
        variable = _overriding_variable(key, environ)
        entry = Entry(_dotted(key), _masked(value), "default")
        if variable is not None:
            entry = replace(entry, origin="env", variable=variable)
        elif _holds(file_data, key):
            entry = replace(entry, origin="file", line=line_of(lines or {}, key))
        entries.append(entry)
    return entries


def as_lines(entries: Sequence[Entry]) -> list[str]:
    """`key = value  # origin`, aligned, each value shortened to fit one line."""
    shown = [f"{entry.key} = {_short(entry.value)}" for entry in entries]
    width = min(max((len(line) for line in shown), default=0), _LONGEST_LIST)
    return [f"{line:<{width}}  # {e.source}" for line, e in zip(shown, entries, strict=True)]


def as_document(path: Path, entries: Sequence[Entry], vacancies: int) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for entry in entries:
        settings[entry.key] = {"value": entry.value, "origin": entry.origin}
        if entry.variable:
            settings[entry.key]["variable"] = entry.variable
        if entry.line:
            settings[entry.key]["line"] = entry.line
    return {"config": str(path), "valid": True, "vacancies": vacancies, "settings": settings}


def mask_url(text: str) -> str:
    """`postgresql+psycopg://u:secret@h/db` -> `postgresql+psycopg://u:****@h/db`."""
    return _URL_PASSWORD.sub(lambda match: f"{match['head']}{MASK}@", text)


def _leaves(value: Any, key: Key) -> Iterator[tuple[Key, Any]]:
    """Tables and lists of tables are walked into; a secret reference is one leaf."""
    if isinstance(value, BaseModel) and not isinstance(value, Secret):
        for name in type(value).model_fields:
            yield from _leaves(getattr(value, name), (*key, name))
    elif isinstance(value, dict) and value:
        for name, inner in value.items():
            yield from _leaves(inner, (*key, name))
    elif isinstance(value, list) and any(isinstance(item, BaseModel | dict) for item in value):
        for index, item in enumerate(value):
            yield from _leaves(item, (*key, index))
    else:
        yield key, value


def _overriding_variable(key: Key, environ: Mapping[str, str]) -> str | None:
    """The variable that set this key or a table holding it (`MAILROOM_SOURCES` sets all)."""
    for depth in range(len(key), 0, -1):
        variable = variable_for(key[:depth], environ)
        if variable is not None:
            return variable
    return None


def _holds(data: Any, key: Key) -> bool:
    """Whether the file itself wrote the value at `key`."""
    for part in key:
        in_table = isinstance(data, Mapping) and isinstance(part, str) and part in data
        in_list = isinstance(data, list) and isinstance(part, int) and part < len(data)
        if not (in_table or in_list):
            return False
        data = data[part]
    return True


def _masked(value: Any) -> Any:
    """The value as JSON holds it, with nothing secret left in it.

    Passwords and tokens are `Secret` references by type (settings.py allows no
    other kind), so only a URL can still carry one inline.
    """
    if isinstance(value, Secret):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, str):
        return mask_url(value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [_masked(item) for item in value]
    if isinstance(value, dict):
        return {name: _masked(inner) for name, inner in value.items()}
    if value is None or isinstance(value, bool | int | float):
        return value
    return mask_url(str(value))  # a URL, an e-mail address: text to show


def _dotted(key: Key) -> str:
    return ".".join(
        str(part) if _BARE_KEY.match(str(part)) else json.dumps(part, ensure_ascii=False)
        for part in key
    )


def _short(value: Any) -> str:
    """TOML-like, on one line: long texts cut with their length, long lists with their count."""
    if value is None:
        return "(unset)"
    if isinstance(value, str):
        if len(value) > _LONGEST_TEXT:
            return f"{_quoted(value[: _LONGEST_TEXT - 1])}… ({len(value)} characters)"
        return _quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        inner = ", ".join(f"{_dotted((name,))} = {_short(item)}" for name, item in value.items())
        return f"{{ {inner} }}" if inner else "{}"
    if isinstance(value, list):
        return _short_list([_short(item) for item in value])
    return str(value)


def _short_list(items: list[str]) -> str:
    shown: list[str] = []
    for item in items:
        if shown and len(", ".join([*shown, item])) > _LONGEST_LIST:
            return f"[{', '.join(shown)}, …] ({len(items)} items)"
        shown.append(item)
    return f"[{', '.join(shown)}]"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
