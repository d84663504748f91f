"""Load `mailroom.toml`, turning every problem into a message that names the key."""

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mailroom.environment import unknown_variables, variable_for
from mailroom.settings import Settings

_HINTS = {
    "extra_forbidden": "unknown key: remove it or check its spelling against config/mailroom.toml",
    "missing": "required: add this key",
    "int_type": "write a whole number, without quotes",
    "float_type": "write a number, without quotes",
    "bool_type": "write true or false, without quotes",
    "date_type": "write a TOML date, without quotes: 2026-01-06",
    "datetime_type": "write a TOML date-time, without quotes: 2026-01-06T23:59:59",
}


class ConfigError(Exception):
    """The configuration cannot be used; the message says where and how to fix it."""


def load_settings(path: Path) -> Settings:
    """Read and validate the file; environment variables override its values.

    A `MAILROOM_*` variable that overrides nothing is an error, not ignored.
    """
    data = read_file(path)
    unknown = unknown_variables(os.environ, data)
    if unknown:
        raise ConfigError("\n".join(unknown))
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise ConfigError(describe(path, exc, os.environ)) from exc


def read_file(path: Path) -> dict[str, Any]:
    """The file's own values, before the environment and the defaults add theirs."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(
            f"{path}: no such file; pass --config PATH or set MAILROOM_CONFIG"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise ConfigError(
            f"{path}: cannot be read ({reason}); pass --config with the TOML file"
        ) from exc
    return data


def describe(path: Path, error: ValidationError, environ: Mapping[str, str]) -> str:
    """One line per problem: `key.path: what is wrong (the value given)`.

    A value an environment variable gave names that variable; the hints
    about quotes are for the file, where a number is written without them.
    """
    lines = [f"{path}: {error.error_count()} problem(s) in the configuration"]
    for problem in error.errors():
        key = ".".join(str(part) for part in problem["loc"]) or "(top level)"
        variable = variable_for(problem["loc"], environ)
        message = problem["msg"] if variable else _HINTS.get(problem["type"], problem["msg"])
        given = problem.get("input")
        if problem["type"] == "missing" or isinstance(given, dict):
            shown = ""
        else:
            shown = f" (got {given!r} from {variable})" if variable else f" (got {given!r})"
        lines.append(f"  {key}: {message}{shown}")
    return "\n".join(lines)
