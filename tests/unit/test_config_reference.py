"""README.md names no section or key that config/mailroom.toml, the reference, lacks.

The reference counts its commented examples too (the IMAP source and SMTP
transport are written out there in comments). A README key is any
backticked word that is the name of a setting; it must be in the section
the same line names, or in some section when the line names none.
"""

import re
from collections.abc import Iterator
from typing import Any, get_args

from pydantic import BaseModel

from mailroom.settings import Settings

from ..support import EXAMPLE_CONFIG, REPO

TABLE = re.compile(r"^\[\[?([a-z_.]+)\]\]?\s*(.*)$")
KEY = re.compile(r"^([a-z_][a-z0-9_]*)\s*(?:=.*)?$")
README_LINES = (REPO / "README.md").read_text(encoding="utf-8").splitlines()


def reference_keys() -> set[tuple[str, str]]:
    """(section, key) for every key written in the reference, commented or not.

    A sub-table counts as a key of its parent (`routing` of `vacancies`).
    """
    found: set[tuple[str, str]] = set()
    section = ""
    for line in EXAMPLE_CONFIG.read_text(encoding="utf-8").splitlines():
        text = line.lstrip("# ").strip()
        if table := TABLE.match(text):
            section = table.group(1)
            parent, _, child = section.rpartition(".")
            found.add((parent, child))
        elif (key := re.match(r"^([a-z_][a-z0-9_]*)\s*=", text)) is not None:
            found.add((section, key.group(1)))
    return found


def setting_names(models: tuple[type[BaseModel], ...] = (Settings,)) -> Iterator[str]:
    """Every field name in the settings, at any depth (list items and unions included)."""
    for model in models:
        for name, field in model.model_fields.items():
            yield name
            yield from setting_names(tuple(_inner_models(field.annotation)))


def _inner_models(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from _inner_models(argument)


def readme_mentions() -> Iterator[tuple[int, str | None, str]]:
    """(line number, section or None, key) for each key README names, and
    (line number, section, "") for each section it names."""
    names = set(setting_names())
    for number, line in enumerate(README_LINES, start=1):
        section: str | None = None
        for token in re.findall(r"`([^`]+)`", line):
            if table := TABLE.match(token):
                section, rest = table.group(1), table.group(2)
                yield number, section, ""
                if (key := KEY.match(rest)) is not None:
                    yield number, section, key.group(1)
            elif (key := KEY.match(token)) is not None and key.group(1) in names:
                yield number, section, key.group(1)


def test_the_readme_names_only_sections_and_keys_the_reference_holds() -> None:
    reference = reference_keys()
    sections = {s for s, _ in reference} | {f"{p}.{k}".lstrip(".") for p, k in reference}
    keys = {k for _, k in reference}
    missing = [
        f"README.md:{number}: `{section}` {key}".rstrip()
        for number, section, key in readme_mentions()
        if not (
            (key == "" and section in sections)
            or (key and section is None and key in keys)
            or (key and (section, key) in reference)
        )
    ]
    assert missing == []


def test_the_check_sees_what_the_readme_names() -> None:
    """The extraction finds the sections and keys of the configuration table."""
    mentions = {(section, key) for _, section, key in readme_mentions()}
    assert {("privacy", ""), ("privacy", "salt_file"), ("store", "url")} <= mentions
    assert {("vacancies", "title_en"), ("vacancies.faq", "keywords_en")} <= mentions
    assert {(None, "retention_days"), (None, "procedure_ends"), (None, "oauth2_token")} <= mentions
    assert not {key for _, key in mentions} & {"automated", "bounce", "tls", "imap"}
