"""Every user error, run as a shell would run it: one line naming what to fix, status 2."""

from pathlib import Path

import pytest

from mailroom.cli import main

from ..clirun import assert_user_error, mailroom
from ..support import EXAMPLE_CONFIG

IN_WINDOW = "2026-01-07T10:00+01:00"


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("nonsense://x", "'nonsense'"),
        ("postgresql+psycopg3://u@db.internal/mailroom", "'psycopg3'"),
        ("sqlite:///{tmp}/missing/deeper/mailroom.db", "missing/deeper"),
        ("sqlite:///{tmp}/a-file/mailroom.db", "a-file"),
    ],
)
def test_a_database_url_that_cannot_work_names_store_url(
    url: str, named: str, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (isolated_env / "a-file").write_text("not a folder")
    monkeypatch.setenv("MAILROOM_STORE__URL", url.format(tmp=isolated_env))
    assert_user_error(mailroom("status"), "store.url: ", named)
    assert not (isolated_env / "missing").exists()


def test_an_unreachable_postgresql_names_host_and_port_but_not_the_password(
    isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAILROOM_STORE__URL", "postgresql+psycopg://ops:s3cret@127.0.0.1:1/mail")
    for command in (["run", "--once"], ["db", "upgrade"]):
        line = assert_user_error(mailroom(*command), "database unreachable at 127.0.0.1:1 (")
        assert "s3cret" not in line


@pytest.mark.parametrize("command", ["export", "subject-export"])
def test_an_output_folder_that_cannot_be_used_is_named_with_what_is_wanted(
    command: str, isolated_env: Path
) -> None:
    assert main(["--config", str(EXAMPLE_CONFIG), "--as-of", IN_WINDOW, "run", "--once"]) == 0
    target = ["--vacancy", "ipo-bij12"] if command == "export" else ["sanne.devries@example.nl"]
    a_file = isolated_env / "notes.txt"
    a_file.write_text("mine")
    crowded = isolated_env / "crowded"
    crowded.mkdir()
    (crowded / "thesis.pdf").write_bytes(b"%PDF-1.4 mine")

    for out in (a_file, crowded, a_file / "below"):
        line = assert_user_error(mailroom(command, *target, "--out", str(out)), f"--out: {out} ")
        assert "new folder" in line or "empty folder" in line
    assert a_file.read_text() == "mine" and [p.name for p in crowded.iterdir()] == ["thesis.pdf"]


@pytest.mark.parametrize("command", [["export", "--out", "committee"], ["search", "stikstof"]])
def test_an_unknown_vacancy_is_named_with_the_known_slugs(
    command: list[str], isolated_env: Path
) -> None:
    assert_user_error(
        mailroom(*command, "--vacancy", "nope"), "--vacancy: no vacancy 'nope'", "known: ipo-bij12"
    )
    assert not (isolated_env / "committee").exists()


@pytest.mark.parametrize("limit", ["-1", "ten"])
def test_a_number_that_is_not_a_positive_whole_number_is_refused_while_parsing(
    limit: str, isolated_env: Path
) -> None:
    line = assert_user_error(mailroom("search", "stikstof", "--limit", limit), "--limit: ")
    assert f"1 or more, not '{limit}'" in line
    assert not (isolated_env / "mailroom.db").exists(), "refused before the database was opened"


@pytest.mark.parametrize(
    "args",
    [
        ["--as-of", "2026-01-05T12:00", "status"],
        ["status", "--as-of", "next tuesday"],
    ],
)
def test_as_of_without_a_zone_says_how_to_write_it_before_or_after_the_subcommand(
    args: list[str], isolated_env: Path
) -> None:
    line = assert_user_error(
        mailroom(*args), "--as-of: give an ISO time with a zone, e.g. 2026-01-05T12:00+01:00"
    )
    assert "_aware" not in line and "invalid" not in line


def test_a_config_path_that_is_a_folder_is_one_line(isolated_env: Path) -> None:
    line = assert_user_error(mailroom("status", config=str(isolated_env)), "config error: ")
    assert str(isolated_env) in line and "--config" in line
