"""Secrets in the configuration: named by where they live, never written inline.

A password or token comes from a file, an environment variable, a systemd
credential (`$CREDENTIALS_DIRECTORY/<name>`, as `LoadCredential=` provides)
or the output of a command (for OAuth tokens a helper refreshes).
"""

import os
import subprocess
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

COMMAND_TIMEOUT_SECONDS = 30


class SecretError(Exception):
    """A configured secret cannot be read; the message says which and why."""


class Secret(BaseModel):
    """Exactly one of `file`, `env`, `credential` or `command`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: Path | None = None
    env: str | None = None
    credential: str | None = None
    command: list[str] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _exactly_one(self) -> "Secret":
        given = [k for k in ("file", "env", "credential", "command") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of file, env, credential or command")
        return self

    def read(self) -> str:
        """The secret's value, without a trailing newline."""
        if self.file is not None:
            return _read_file(self.file)
        if self.env is not None:
            if self.env not in os.environ:
                raise SecretError(f"environment variable {self.env} is not set")
            return os.environ[self.env]
        if self.credential is not None:
            directory = os.environ.get("CREDENTIALS_DIRECTORY")
            if not directory:
                raise SecretError("CREDENTIALS_DIRECTORY is not set (use LoadCredential=)")
            return _read_file(Path(directory) / self.credential)
        assert self.command is not None
        return _run(self.command)


def _read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise SecretError(f"cannot read secret file {path}: {exc.strerror}") from exc


def _run(command: list[str]) -> str:
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS, check=True
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise SecretError(f"secret command {command[0]} failed: {exc}") from exc
    return done.stdout.strip()
