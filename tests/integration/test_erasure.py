"""Erasure sticks on read-only sources: forget, then two more cycles over the same
Maildir or mbox store nothing and answer nothing; and `forget` asks on a terminal."""

import argparse
import mailbox
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import func, select

from mailroom.cli import main
from mailroom.commands import status
from mailroom.cycle import run_cycle
from mailroom.privacy import forget
from mailroom.settings import MboxSourceSettings, Settings
from store.models import Applicant, InboundMessage

from ..store_fixtures import ENGINES, app_on_engine
from ..support import EXAMPLE_CONFIG, EXAMPLE_INBOX, MX, REPO

SANNE = "sanne.devries@example.nl"


def _as_mbox(folder: Path, target: Path) -> Path:
    """The example Maildir exported as one mbox file, as a mail client would."""
    box = mailbox.mbox(target)
    for path in sorted(folder.glob("*/*")):
        box.add(path.read_bytes())
    box.close()
    return target


@pytest.fixture(params=["maildir", "mbox"])
def local_settings(request: pytest.FixtureRequest, settings: Settings, tmp_path: Path) -> Settings:
    if request.param == "maildir":
        return settings
    path = _as_mbox(EXAMPLE_INBOX, tmp_path / "inbox.mbox")
    source = MboxSourceSettings(kind="mbox", name="export", path=path, trusted_received_by=[MX])
    return settings.model_copy(update={"sources": [source]})


@pytest.mark.parametrize("engine", ENGINES)
def test_forget_then_two_cycles_store_and_answer_nothing_again(
    engine: str,
    local_settings: Settings,
    isolated_env: Path,
    make_inbox: ModuleType,
    capsys: pytest.CaptureFixture[str],
) -> None:
    outbox = isolated_env / "outbox"
    everyone = len(make_inbox.CASES)
    with app_on_engine(engine, local_settings) as app:
        assert sum(run_cycle(app).verdicts.values()) == everyone
        assert forget(app, SANNE).erased.messages == 1
        replies = sorted(outbox.glob("*.eml"))

        for _ in range(2):
            report = run_cycle(app)
            assert (report.erased_again, report.seen_before) == (1, everyone - 1)
            assert (report.verdicts, report.replies_planned, report.failed) == ({}, 0, 0)

        assert sorted(outbox.glob("*.eml")) == replies
        with app.db.transaction() as session:
            assert session.scalar(select(func.count()).select_from(InboundMessage)) == everyone - 1
            assert not session.scalars(select(Applicant).filter_by(address=SANNE)).all()
        assert status(app, argparse.Namespace(json=False)) == 0
    assert "erased messages seen again: 1 (read 2 times" in capsys.readouterr().out


def _forget_on_a_terminal(answer: str, *options: str) -> tuple[int, str]:
    """`mailroom forget` with a pseudo-terminal as its input, typing `answer`."""
    leader, follower = os.openpty()
    command = [sys.executable, "-m", "mailroom", "--config", str(EXAMPLE_CONFIG)]
    try:
        process = subprocess.Popen(
            [*command, "forget", SANNE, *options],
            cwd=REPO,
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        os.write(leader, answer.encode())
        out, err = process.communicate(timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    assert "Traceback" not in err
    return process.returncode, out


def test_on_a_terminal_forget_lists_and_asks_first_unless_yes(
    isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(EXAMPLE_CONFIG), "run", "--once"]) == 0

    code, out = _forget_on_a_terminal("n\n")
    assert code == 1 and "nothing erased" in out
    assert f"erase everything held on {SANNE}? [y/N]" in out
    assert "messages" in out and "documents" in out and "replies" in out
    sar = ["--config", str(EXAMPLE_CONFIG), "subject-export", SANNE]
    assert main([*sar, "--out", str(isolated_env / "kept")]) == 0

    code, out = _forget_on_a_terminal("y\n")
    assert code == 0 and "erased 1 message(s)" in out
    assert main([*sar, "--out", str(isolated_env / "gone")]) == 1

    code, out = _forget_on_a_terminal("", "--yes")
    assert code == 0 and "[y/N]" not in out and "erased 0 message(s)" in out
