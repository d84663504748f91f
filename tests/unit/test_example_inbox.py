"""The sample inbox is reproducible: generating it twice gives the same bytes."""

import os
from pathlib import Path
from types import ModuleType

import pytest

from ..support import EXAMPLE_INBOX


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def font_available(make_inbox: ModuleType) -> None:
    try:
        make_inbox._font_path()
    except FileNotFoundError as missing:
        if os.environ.get("CI") == "true":
            pytest.fail(str(missing))
        pytest.skip(str(missing))


@pytest.mark.usefixtures("font_available")
def test_generation_is_deterministic_and_matches_the_committed_names(
    make_inbox: ModuleType, tmp_path: Path
) -> None:
    make_inbox.write_inbox(tmp_path / "a")
    make_inbox.write_inbox(tmp_path / "b")
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first == second
    assert sorted(first) == sorted(_files(EXAMPLE_INBOX))


@pytest.mark.usefixtures("font_available")
def test_generator_refuses_to_replace_a_folder_that_is_not_a_maildir(
    make_inbox: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "precious.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        make_inbox.write_inbox(tmp_path)
    assert (tmp_path / "precious.txt").read_text() == "keep me"
