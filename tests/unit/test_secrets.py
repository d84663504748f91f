"""Secrets come from a file, the environment, a systemd credential or a command."""

import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from mailroom.secrets import Secret, SecretError


def test_file_secret_drops_the_trailing_newline(tmp_path: Path) -> None:
    (tmp_path / "pw").write_text("s3cret\n")
    assert Secret(file=tmp_path / "pw").read() == "s3cret"


def test_environment_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILROOM_IMAP_PASSWORD", "from-env")
    assert Secret(env="MAILROOM_IMAP_PASSWORD").read() == "from-env"


def test_systemd_credential(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "imap").write_text("from-credential")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(tmp_path))
    assert Secret(credential="imap").read() == "from-credential"


def test_command_output_is_the_secret() -> None:
    secret = Secret(command=[sys.executable, "-c", "print('fresh-token')"])
    assert secret.read() == "fresh-token"


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        (Secret(file=Path("/nonexistent/pw")), "cannot read secret file /nonexistent/pw"),
        (Secret(env="MAILROOM_NOT_SET_ANYWHERE"), "MAILROOM_NOT_SET_ANYWHERE is not set"),
        (Secret(credential="imap"), "CREDENTIALS_DIRECTORY is not set"),
        (Secret(command=[sys.executable, "-c", "raise SystemExit(3)"]), "secret command"),
    ],
)
def test_unreadable_secrets_say_which_and_why(
    secret: Secret, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    with pytest.raises(SecretError, match=message):
        secret.read()


@pytest.mark.parametrize("given", [{}, {"file": "a", "env": "B"}])
def test_exactly_one_place_must_be_named(given: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="exactly one of file, env, credential or command"):
        Secret(**given)  # type: ignore[arg-type]
