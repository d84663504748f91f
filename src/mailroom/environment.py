"""Which `MAILROOM_*` environment variables override a setting, and which are typos.

pydantic-settings silently ignores a variable that names no setting, so a
misspelt override (`MAILROOM_LIMTS__PDF_WORKERS`) would leave the file's
value in force without a word. Every variable with the prefix must
therefore name a setting, be one of the few that are not settings, or be
the variable a secret in the file is read from.
"""

import types
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from mailroom.settings import Settings

PREFIX = Settings.model_config.get("env_prefix", "")
DELIMITER = Settings.model_config.get("env_nested_delimiter") or "__"

# Variables that share the prefix without being settings: the file the CLI
# reads, the PostgreSQL server the tests use, the font the example
# generator draws its PDFs with.
NOT_SETTINGS = frozenset({"MAILROOM_CONFIG", "MAILROOM_TEST_PG_DSN", "MAILROOM_PDF_FONT"})


def unknown_variables(environ: Mapping[str, str], file_data: Mapping[str, Any]) -> list[str]:
    """One line per prefixed variable that would be ignored, with the names it could mean.

    Names are compared without regard to case, as pydantic-settings reads them.
    """
    allowed = NOT_SETTINGS | {name.upper() for name in _secret_variables(file_data)}
    problems: list[str] = []
    for name in sorted(environ):
        upper = name.upper()
        if upper.startswith(PREFIX.upper()) and upper not in allowed:
            problem = _problem(name, (Settings,), upper[len(PREFIX) :].lower(), PREFIX)
            if problem is not None:
                problems.append(problem)
    return problems


def variable_for(key: tuple[str | int, ...], environ: Mapping[str, str]) -> str | None:
    """The set variable that gave the value at `key`, if one did."""
    wanted = PREFIX + DELIMITER.join(str(part) for part in key)
    return next((name for name in environ if name.upper() == wanted.upper()), None)


def _problem(name: str, models: tuple[type[BaseModel], ...], rest: str, prefix: str) -> str | None:
    """None when `rest` names a field of `models` (or a key inside one), else the fix."""
    fields = {
        key: field.annotation for model in models for key, field in model.model_fields.items()
    }
    head, _, deeper = rest.partition(DELIMITER)
    if head not in fields:
        known = ", ".join(_spelt(prefix, key, annotation) for key, annotation in fields.items())
        return f"{name}: unknown setting (unset it or fix its spelling); known: {known}"
    if not deeper:
        return None
    inner = tuple(_models(fields[head]))
    if not inner:
        return f"{name}: {prefix}{head.upper()} has no keys inside; set it as a whole"
    return _problem(name, inner, deeper, f"{prefix}{head.upper()}{DELIMITER}")


def _spelt(prefix: str, key: str, annotation: Any) -> str:
    """How a field is overridden: a table by its keys, anything else as a whole."""
    tail = f"{DELIMITER}…" if any(_models(annotation)) else ""
    return f"{prefix}{key.upper()}{tail}"


def _models(annotation: Any) -> Iterator[type[BaseModel]]:
    """The models a field holds directly (through unions and Annotated, not lists)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    elif get_origin(annotation) in (Union, types.UnionType, Annotated):
        for argument in get_args(annotation):
            yield from _models(argument)


def _secret_variables(data: object) -> Iterator[str]:
    """The names in `{ env = "NAME" }` tables: a secret's own variable is no setting."""
    if isinstance(data, Mapping):
        if isinstance(data.get("env"), str):
            yield data["env"]
        for value in data.values():
            yield from _secret_variables(value)
    elif isinstance(data, list):
        for value in data:
            yield from _secret_variables(value)
