"""`config check` shows every setting with its origin and never a secret's value."""

import json
import os
from pathlib import Path

import pytest

from mailroom.cli import main
from mailroom.config import load_settings, read_file
from mailroom.config_report import Entry, effective, mask_url

from ..clirun import mailroom
from ..support import EXAMPLE_CONFIG

PASSWORD = "hunter2-not-for-eyes"
IMAP_SOURCE = """\
[[sources]]
kind = "imap"
name = "chasse"
host = "imap.example.org"
username = "info@chassesearch.nl"
password = { env = "CHASSE_IMAP_PASSWORD" }

[transport]"""


@pytest.fixture
def with_imap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example plus an IMAP account whose password comes from the environment."""
    monkeypatch.setenv("CHASSE_IMAP_PASSWORD", PASSWORD)
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8").replace("[transport]", IMAP_SOURCE, 1)
    path = tmp_path / "mailroom.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _entries(path: Path) -> dict[str, Entry]:
    return {e.key: e for e in effective(load_settings(path), read_file(path), os.environ)}


def test_each_value_names_the_file_the_variable_or_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MAILROOM_LIMITS__PDF_WORKERS", "4")
    monkeypatch.setenv("MAILROOM_STORE__URL", f"postgresql+psycopg://mailroom:{PASSWORD}@db/mr")
    entries = _entries(EXAMPLE_CONFIG)

    assert entries["limits.pdf_workers"] == Entry(
        "limits.pdf_workers", 4, "env", "MAILROOM_LIMITS__PDF_WORKERS"
    )
    assert entries["store.url"].value == "postgresql+psycopg://mailroom:****@db/mr"
    assert entries["limits.max_attempts"] == Entry("limits.max_attempts", 3, "file")
    assert entries["firm.own_domains"] == Entry("firm.own_domains", ["chassesearch.nl"], "file")
    assert entries["transport.per_minute"] == Entry("transport.per_minute", 600, "default")
    assert entries["logging.format"].origin == "file"
    assert entries["digest.time"] == Entry("digest.time", "08:00:00", "default")
    # Lists of tables are walked item by item; a key a table leaves out is a default.
    assert entries["vacancies.0.planning.4.ends"].origin == "file"
    assert entries["vacancies.0.planning.4.starts"] == Entry(
        "vacancies.0.planning.4.starts", None, "default"
    )
    assert entries["vacancies.0.facts.salary_scale"].value == 17


def test_a_variable_that_sets_a_whole_table_is_the_origin_of_its_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sources = [{"kind": "mbox", "name": "archive", "path": "examples/archive.mbox"}]
    monkeypatch.setenv("MAILROOM_SOURCES", json.dumps(sources))
    entries = _entries(EXAMPLE_CONFIG)
    assert entries["sources.0.kind"] == Entry("sources.0.kind", "mbox", "env", "MAILROOM_SOURCES")
    assert entries["sources.0.trusted_received_by"].variable == "MAILROOM_SOURCES"


def test_secrets_show_where_they_live_never_their_value(
    with_imap: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MAILROOM_STORE__URL", f"postgresql+psycopg://mailroom:{PASSWORD}@db/mr")
    assert main(["--config", str(with_imap), "config", "check"]) == 0
    text = capsys.readouterr().out
    assert main(["--config", str(with_imap), "config", "check", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)

    assert PASSWORD not in text and PASSWORD not in json.dumps(document)
    lines = text.splitlines()
    [password] = [line for line in lines if line.startswith("sources.1.password =")]
    assert password.split("#")[0].strip() == 'sources.1.password = { env = "CHASSE_IMAP_PASSWORD" }'
    written = 1 + with_imap.read_text().splitlines().index(
        'password = { env = "CHASSE_IMAP_PASSWORD" }'
    )
    assert password.endswith(f"# file:{written}")
    [url] = [line for line in lines if line.startswith("store.url =")]
    assert '"postgresql+psycopg://mailroom:****@db/mr"' in url
    assert url.endswith("# env MAILROOM_STORE__URL")
    assert lines[-1] == f"{with_imap}: configuration is valid (1 vacancies)"

    settings = document["settings"]
    assert document["valid"] is True and document["vacancies"] == 1
    assert settings["sources.1.password"] == {
        "value": {"env": "CHASSE_IMAP_PASSWORD"},
        "origin": "file",
        "line": written,
    }
    assert settings["sources.1.port"] == {"value": None, "origin": "default"}
    assert settings["store.url"]["variable"] == "MAILROOM_STORE__URL"
    # The text view shortens long values; JSON keeps them whole.
    assert len(settings["vacancies.0.faq.0.nl"]["value"]) > 300
    [answer] = [line for line in lines if line.startswith("vacancies.0.faq.0.nl =")]
    assert "characters)" in answer and len(answer) < 130


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://u:pw@h/db", "postgresql+psycopg://u:****@h/db"),
        (
            "postgresql://u:p%40ss:w@h:5432/db?sslmode=require",
            "postgresql://u:****@h:5432/db?sslmode=require",
        ),
        (
            "postgresql+psycopg://mailroom@db.internal/mailroom",
            "postgresql+psycopg://mailroom@db.internal/mailroom",
        ),
        ("sqlite:///var/mailroom.db", "sqlite:///var/mailroom.db"),
        (
            "https://chassesearch.nl/contact/privacy-statement/",
            "https://chassesearch.nl/contact/privacy-statement/",
        ),
    ],
)
def test_a_password_in_a_url_is_masked(url: str, shown: str) -> None:
    assert mask_url(url) == shown


def test_an_invalid_configuration_fails_first_with_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8").replace('level = "info"', 'level = "loud"')
    bad.write_text(text, encoding="utf-8")
    result = mailroom("config", "check", "--json", config=str(bad))
    assert result.returncode == 2 and result.stdout == ""
    assert (
        "logging.level: Input should be 'debug', 'info', 'warning', 'error' or 'critical'"
        in result.stderr
    )
