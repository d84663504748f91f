"""A migrated store on either engine, for tests parametrised over SQLite and PostgreSQL."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import store

from .databases import fresh_postgres_url

ENGINES = ["sqlite", "postgresql"]


@contextmanager
def migrated_database(engine: str, tmp_path: Path) -> Iterator[store.Database]:
    """A fresh database at the newest revision, disposed (and on PostgreSQL dropped) after."""
    if engine == "sqlite":
        database = store.connect(f"sqlite:///{tmp_path / 'store.db'}")
        store.upgrade(database)
        try:
            yield database
        finally:
            database.dispose()
        return
    with fresh_postgres_url() as url:
        database = store.connect(url)
        store.upgrade(database)
        try:
            yield database
        finally:
            database.dispose()
