"""Write the parse corpus: hand-made messages as they reach the shared mailbox.

Every case of the `cases_*` modules becomes ``NNN-short-description.eml`` in
this folder. What mailroom should conclude about each one is written by hand
in ``expected*.toml`` and checked by ``tests/unit/test_corpus.py`` and
``tests/integration/test_machine_mail.py``: this package only writes mail.

Usage: ``python -m tests.corpus.make_corpus [OUT_DIR]`` (default: this
folder). It rewrites every case's file and removes ``NNN-*.eml`` files that
no case names any more; nothing else in the folder is touched.
"""

import sys
from pathlib import Path

from . import cases_applications, cases_autoreplies, cases_bounces, cases_bulk
from .builders import Case, message_bytes

HERE = Path(__file__).resolve().parent
CASES: tuple[Case, ...] = (
    cases_applications.CASES + cases_bounces.CASES + cases_autoreplies.CASES + cases_bulk.CASES
)


def write_corpus(out_dir: Path) -> list[Path]:
    """(Re)write every case; remove case files that no case names any more."""
    names = [case.name for case in CASES]
    if len(set(names)) != len(names) or names != sorted(names):
        raise ValueError("case names must be unique and in order")
    rendered = {f"{case.name}.eml": message_bytes(case) for case in CASES}
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("[0-9][0-9][0-9]-*.eml"):
        if stale.name not in rendered:
            stale.unlink()
    written = []
    for filename, data in rendered.items():
        path = out_dir / filename
        path.write_bytes(data)
        written.append(path)
    return written


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    written = write_corpus(out_dir)
    print(f"wrote {len(written)} messages to {out_dir}")


if __name__ == "__main__":
    main()
