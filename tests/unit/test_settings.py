"""The configuration: the example loads, mistakes name their key, env overrides win."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailroom.config import ConfigError, load_settings

from ..support import EXAMPLE_CONFIG


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mailroom.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _example_with(tmp_path: Path, old: str, new: str) -> Path:
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    assert old in text
    return _write(tmp_path, text.replace(old, new, 1))


def test_example_config_describes_the_seed_vacancy() -> None:
    settings = load_settings(EXAMPLE_CONFIG)
    [vacancy] = settings.vacancies
    assert settings.firm.address == "info@chassesearch.nl"
    assert vacancy.opens_at == datetime(2025, 12, 18, 23, 0, tzinfo=UTC)
    assert vacancy.closes_at == datetime(2026, 1, 6, 22, 59, 59, tzinfo=UTC)
    assert str(vacancy.privacy_url) == "https://chassesearch.nl/contact/privacy-statement/"
    assert vacancy.retention_days is None
    assert {step.starts for step in vacancy.planning if step.starts} >= {
        datetime(2026, 1, 8).date(),
        datetime(2026, 1, 14).date(),
    }


def test_closing_date_without_time_means_end_of_day(tmp_path: Path) -> None:
    path = _example_with(tmp_path, "closes = 2026-01-06T23:59:59", "closes = 2026-01-06")
    [vacancy] = load_settings(path).vacancies
    assert vacancy.closes_at == datetime(2026, 1, 6, 22, 59, 59, tzinfo=UTC)


def test_misspelt_key_is_named_with_its_path(tmp_path: Path) -> None:
    path = _example_with(tmp_path, 'address = "info@', 'adress = "info@')
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    message = str(error.value)
    assert "firm.adress: unknown key" in message
    assert "firm.address: required" in message


def test_bad_value_is_named_with_its_path(tmp_path: Path) -> None:
    path = _example_with(
        tmp_path, 'timezone = "Europe/Amsterdam"\n\n[store]', 'timezone = "Mars/Olympus"\n\n[store]'
    )
    with pytest.raises(ConfigError, match=r"firm\.timezone: .*unknown time zone 'Mars/Olympus'"):
        load_settings(path)


def test_bad_nested_value_names_list_index(tmp_path: Path) -> None:
    path = _example_with(tmp_path, 'slug = "ipo-bij12"', 'slug = "IPO BIJ12"')
    with pytest.raises(ConfigError, match=r"vacancies\.0\.slug"):
        load_settings(path)


def test_syntax_error_and_missing_file_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(_write(tmp_path, "[firm\nname = 1"))
    with pytest.raises(ConfigError, match="no such file"):
        load_settings(tmp_path / "absent.toml")


def test_environment_overrides_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILROOM_STORE__URL", "postgresql+psycopg://mailroom@db/mailroom")
    monkeypatch.setenv("MAILROOM_TRANSPORT__DIRECTORY", "/srv/outbox")
    settings = load_settings(EXAMPLE_CONFIG)
    assert settings.store.url == "postgresql+psycopg://mailroom@db/mailroom"
    assert settings.transport.directory == Path("/srv/outbox")
    assert settings.transport.kind == "file"


def test_bad_environment_value_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILROOM_POLL_INTERVAL_SECONDS", "soon")
    with pytest.raises(ConfigError, match="poll_interval_seconds"):
        load_settings(EXAMPLE_CONFIG)


def test_sent_copy_must_name_an_imap_source(tmp_path: Path) -> None:
    smtp = (
        '[transport]\nkind = "smtp"\nhost = "smtp.example.nl"\n'
        'sent_copy_source = "example"\n\n[templates]'
    )
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    start, end = text.index("\n[transport]") + 1, text.index("\n[limits]") + 1
    path = _write(tmp_path, text[:start] + text[end:].replace("[templates]", smtp, 1))
    with pytest.raises(ConfigError, match=r"transport\.sent_copy_source: 'example' is not an IMAP"):
        load_settings(path)
