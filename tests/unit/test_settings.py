"""The configuration: the example loads, mistakes name their key, env overrides win."""

import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailroom.cli import main
from mailroom.config import ConfigError, load_settings
from mailroom.environment import NOT_SETTINGS
from mailroom.facts import build_reply_wording

from ..support import EXAMPLE_CONFIG, REPO


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
        tmp_path, 'timezone = "Europe/Amsterdam"\n# The', 'timezone = "Mars/Olympus"\n# The'
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


def test_example_config_counts_the_dutch_holidays_and_trusts_our_mx() -> None:
    settings = load_settings(EXAMPLE_CONFIG)
    assert "King's Day" in (settings.firm.working_days.holidays or [])
    assert settings.firm.authserv_id == "mx1.chassesearch.nl"
    assert settings.limits.replies_per_address_per_day == 3


def test_reply_settings_have_safe_defaults(tmp_path: Path) -> None:
    """No working-days table counts every holiday; no authserv-id trusts no header."""
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    start, end = text.index("authserv_id = "), text.index("\n[store]")
    text = text[:start] + text[end:]
    text = text.replace("replies_per_address_per_day = 3\n", "")
    settings = load_settings(_write(tmp_path, text))
    assert settings.firm.working_days.holidays is None
    assert settings.firm.working_days.closure_days == []
    assert settings.firm.authserv_id is None
    assert settings.limits.replies_per_address_per_day == 3


def test_a_misspelt_holiday_is_named_with_its_path(tmp_path: Path) -> None:
    path = _example_with(tmp_path, '"King\'s Day",', '"Kings Day",')
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    message = str(error.value)
    assert "firm.working_days.holidays: Value error, unknown holiday 'Kings Day'" in message
    assert '"King\'s Day"' in message  # the known names are listed


def test_closure_days_are_dates(tmp_path: Path) -> None:
    path = _example_with(tmp_path, "closure_days = []", 'closure_days = ["31 december"]')
    with pytest.raises(ConfigError, match=r"firm\.working_days\.closure_days\.0"):
        load_settings(path)


def test_a_faq_answer_with_a_typo_stops_the_start_with_its_path(
    tmp_path: Path, isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The settings only describe; the answers are rendered where the app is built."""
    path = _example_with(tmp_path, "{{ facts.salary_scale }}", "{{ facts.salry_scale }}")
    settings = load_settings(path)
    with pytest.raises(
        ConfigError, match=r"^vacancies\.0\.faq\.0\.nl: UndefinedError: .*salry_scale"
    ):
        build_reply_wording(settings)
    for command in (["config", "check"], ["run", "--once"]):
        assert main(["--config", str(path), *command]) == 2
        error = capsys.readouterr().err
        assert error.startswith("config error: vacancies.0.faq.0.nl: UndefinedError"), command
    assert not (isolated_env / "mailroom.db").exists()  # stopped before opening anything


def test_a_faq_answer_with_broken_syntax_stops_the_start(tmp_path: Path) -> None:
    path = _example_with(
        tmp_path, "{{ percent(facts.ikb_percent) }}", "{{ percent(facts.ikb_percent }}"
    )
    with pytest.raises(ConfigError, match=r"vacancies\.0\.faq\.1\.(nl|en): TemplateSyntaxError"):
        build_reply_wording(load_settings(path))


def test_a_faq_needs_keywords_in_both_languages(tmp_path: Path) -> None:
    path = _example_with(tmp_path, 'keywords_en = [\n    "salary"', 'keywords_xx = [\n    "salary"')
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert "vacancies.0.faq.0.keywords_en: required" in str(error.value)


# --- strict values: numbers are numbers in the file, text in the environment --------


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "\npdf_workers = 2\n",
            '\npdf_workers = "2"\n',
            "limits.pdf_workers: write a whole number, without quotes (got '2')",
        ),
        (
            "\npdf_wall_seconds = 60\n",
            '\npdf_wall_seconds = "60"\n',
            "limits.pdf_wall_seconds: write a number, without quotes (got '60')",
        ),
        (
            "\npoll_interval_seconds = 60\n",
            "\npoll_interval_seconds = true\n",
            "poll_interval_seconds: write a whole number, without quotes (got True)",
        ),
        (
            "closure_days = []",
            'closure_days = ["2025-12-31"]',
            "firm.working_days.closure_days.0: write a TOML date, without quotes: 2026-01-06"
            " (got '2025-12-31')",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_in_the_file_is_refused_with_the_fix(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(_example_with(tmp_path, old, new))
    assert f"\n  {problem}" in str(error.value)


def test_environment_text_becomes_the_key_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILROOM_POLL_INTERVAL_SECONDS", "30")
    monkeypatch.setenv("MAILROOM_LIMITS__PDF_WORKERS", "3")
    monkeypatch.setenv("MAILROOM_LIMITS__PDF_WALL_SECONDS", "2.5")
    monkeypatch.setenv("MAILROOM_PRIVACY__SALT_FILE", "/srv/salt")
    settings = load_settings(EXAMPLE_CONFIG)
    assert settings.poll_interval_seconds == 30
    assert settings.limits.pdf_workers == 3 and settings.limits.pdf_wall_seconds == 2.5
    assert settings.privacy.salt_file == Path("/srv/salt")


def test_a_bad_environment_value_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILROOM_LIMITS__PDF_WORKERS", "two")
    with pytest.raises(ConfigError) as error:
        load_settings(EXAMPLE_CONFIG)
    assert "limits.pdf_workers: " in str(error.value)
    assert "(got 'two' from MAILROOM_LIMITS__PDF_WORKERS)" in str(error.value)


# --- environment variables that override nothing ------------------------------------


@pytest.mark.parametrize(
    ("variable", "known"),
    [
        ("MAILROOM_LIMTS__PDF_WORKERS", ["MAILROOM_LIMITS__…", "MAILROOM_FIRM__…"]),
        ("mailroom_limts__pdf_workers", ["MAILROOM_POLL_INTERVAL_SECONDS", "MAILROOM_SOURCES"]),
        ("MAILROOM_LIMITS__PDF_WORKRES", ["MAILROOM_LIMITS__PDF_WORKERS"]),
        ("MAILROOM_FIRM__WORKING_DAYS__HOLIDAY", ["MAILROOM_FIRM__WORKING_DAYS__HOLIDAYS"]),
        ("MAILROOM_TRANSPORT__DIRECTROY", ["MAILROOM_TRANSPORT__DIRECTORY"]),
        ("MAILROOM_IMAP_PASSWORD", ["MAILROOM_STORE__…"]),
    ],
)
def test_an_unknown_override_is_refused_with_the_known_names(
    monkeypatch: pytest.MonkeyPatch, variable: str, known: list[str]
) -> None:
    monkeypatch.setenv(variable, "3")
    with pytest.raises(ConfigError) as error:
        load_settings(EXAMPLE_CONFIG)
    message = str(error.value)
    assert message.startswith(f"{variable}: unknown setting")
    assert "\n" not in message
    for name in known:
        assert name in message.split("; known: ")[1]


def test_a_key_inside_a_plain_value_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILROOM_STORE__URL__HOST", "db")
    with pytest.raises(ConfigError, match=r"^MAILROOM_STORE__URL__HOST: MAILROOM_STORE__URL has"):
        load_settings(EXAMPLE_CONFIG)


def test_variables_that_are_no_settings_are_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI's, the tests' and the example generator's, and a secret's own variable."""
    for name in NOT_SETTINGS:
        monkeypatch.setenv(name, "anything")
    smtp = (
        '[transport]\nkind = "smtp"\nhost = "smtp.example.nl"\nusername = "info"\n'
        'password = { env = "MAILROOM_SMTP_PASSWORD" }\n\n[limits]'
    )
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    start, end = text.index("\n[transport]") + 1, text.index("\n[limits]") + 1
    path = _write(tmp_path, text[:start] + smtp + text[end + len("[limits]") :])
    monkeypatch.setenv("MAILROOM_SMTP_PASSWORD", "secret")
    assert load_settings(path).transport.kind == "smtp"
    with pytest.raises(ConfigError, match=r"^MAILROOM_SMTP_PASSWORD: unknown setting"):
        load_settings(EXAMPLE_CONFIG)  # no secret there is read from it


def test_every_variable_the_code_reads_is_a_setting_or_allowed() -> None:
    """A new `MAILROOM_*` variable read outside the settings must join NOT_SETTINGS."""
    read = re.compile(r"""(?:environ\.get\(|environ\[|export )["']?(MAILROOM_\w+)""")
    found = {
        name
        for folder in ("src", "tests", "examples", ".ci")
        for path in (REPO / folder).rglob("*")
        if path.is_file() and path.suffix in {".py", ""}
        for name in read.findall(path.read_text(encoding="utf-8", errors="replace"))
    }
    assert {"MAILROOM_CONFIG", "MAILROOM_TEST_PG_DSN", "MAILROOM_PDF_FONT"} <= found
    assert found <= NOT_SETTINGS


# --- template folders -----------------------------------------------------------------


def test_a_missing_template_folder_is_reported_once_with_its_path(tmp_path: Path) -> None:
    path = _example_with(tmp_path, 'directory = "config/templates"', 'directory = "config/nope"')
    done = subprocess.run(
        [sys.executable, "-m", "mailroom", "--config", str(path), "config", "check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"config error: templates.directory: no folder config/nope (that is {REPO}/config/nope);"
        " point it at the folder that holds nl/ and en/\n"
    )


def test_a_vacancy_template_folder_is_checked_under_its_own_key(
    tmp_path: Path, isolated_env: Path
) -> None:
    path = _example_with(tmp_path, "# retention_days = 365", f'templates_dir = "{tmp_path}/own"')
    with pytest.raises(ConfigError) as error:
        build_reply_wording(load_settings(path))
    assert str(error.value) == (
        f"vacancies.0.templates_dir: no folder {tmp_path}/own;"
        " point it at the folder that holds nl/ and en/"
    )
    (tmp_path / "own").mkdir()
    assert build_reply_wording(load_settings(path)).renderers.keys() == {"ipo-bij12"}


def test_a_default_template_folder_without_the_templates_is_named_once(
    tmp_path: Path, isolated_env: Path
) -> None:
    """The classic slip: pointing at config/ instead of config/templates/."""
    (tmp_path / "templates" / "nl").mkdir(parents=True)
    (tmp_path / "templates" / "nl" / "_common.j2").write_text("", encoding="utf-8")
    path = _example_with(
        tmp_path, 'directory = "config/templates"', f'directory = "{tmp_path}/templates"'
    )
    with pytest.raises(ConfigError) as error:
        build_reply_wording(load_settings(path))
    [line] = str(error.value).splitlines()
    assert line.startswith(f"templates.directory: {tmp_path}/templates lacks nl/confirmation.j2,")
    assert "nl/_common.j2" not in line and "en/_common.j2" in line


def test_the_pdfium_engine_without_its_library_names_the_key_and_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _example_with(tmp_path, 'pdf_engine = "pypdf"', 'pdf_engine = "pdfium"')
    assert load_settings(path).limits.pdf_engine == "pdfium"
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # as if not installed
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert re.search(r"limits\.pdf_engine: .*pip install 'mailroom\[pdfium\]'", str(error.value))


def test_an_unknown_pdf_engine_is_refused(tmp_path: Path) -> None:
    path = _example_with(tmp_path, 'pdf_engine = "pypdf"', 'pdf_engine = "mupdf"')
    with pytest.raises(ConfigError, match=r"limits\.pdf_engine: .*'pypdf' or 'pdfium'"):
        load_settings(path)
