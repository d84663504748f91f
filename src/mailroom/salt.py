"""The installation's secret salt: keys the audit log's address hashes and the tombstones."""

import contextlib
import os
import secrets
from pathlib import Path

SALT_BYTES = 32


def installation_salt(path: Path) -> bytes:
    """The salt kept at `path`, made (mode 0600) the first time it is needed.

    Made in a private file and linked into place, so two processes starting
    at once agree on one salt and neither can read a half-written one. Every
    instance sharing a database must share this file: tombstones written
    under one salt are not recognised under another.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(secrets.token_bytes(SALT_BYTES))
            with contextlib.suppress(FileExistsError):
                os.link(draft, path)
        finally:
            draft.unlink()
    return path.read_bytes()
