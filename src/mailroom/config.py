"""Load `mailroom.toml`, turning every problem into a message that names the key."""

import tomllib
from pathlib import Path

from pydantic import ValidationError

from mailroom.settings import Settings

_HINTS = {
    "extra_forbidden": "unknown key: remove it or check its spelling against config/mailroom.toml",
    "missing": "required: add this key",
}


class ConfigError(Exception):
    """The configuration cannot be used; the message says where and how to fix it."""


def load_settings(path: Path) -> Settings:
    """Read and validate the file; environment variables override its values."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(
            f"{path}: no such file; pass --config PATH or set MAILROOM_CONFIG"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise ConfigError(describe(path, exc)) from exc


def describe(path: Path, error: ValidationError) -> str:
    """One line per problem: `key.path: what is wrong (the value given)`."""
    lines = [f"{path}: {error.error_count()} problem(s) in the configuration"]
    for problem in error.errors():
        key = ".".join(str(part) for part in problem["loc"]) or "(top level)"
        message = _HINTS.get(problem["type"], problem["msg"])
        given = problem.get("input")
        shown = (
            "" if problem["type"] == "missing" or isinstance(given, dict) else f" (got {given!r})"
        )
        lines.append(f"  {key}: {message}{shown}")
    return "\n".join(lines)
