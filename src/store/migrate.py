"""Schema versions with Alembic, driven from code (no alembic.ini needed)."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from store.database import Database

_SCRIPTS = Path(__file__).with_name("migrations")
# The full-text index lives outside the ORM metadata (FTS5 cannot be declared
# there); autogenerate must not try to drop it.
SEARCH_OBJECTS = ("document_fts", "document_search", "ix_document_search")


def include_object(
    obj: object, name: str | None, kind: str, reflected: bool, compare_to: object
) -> bool:
    """Autogenerate filter: everything but the search index and FTS5 shadow tables."""
    return not (name or "").startswith(SEARCH_OBJECTS)


def alembic_config(db: Database) -> Config:
    """A Config whose env.py uses this database's engine."""
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    config.attributes["engine"] = db.engine
    return config


def upgrade(db: Database, revision: str = "head") -> str | None:
    """Bring the schema to `revision`; a no-op when already there. Returns the
    revision found once this upgrade could go ahead (None for an empty
    database): when several instances upgrade at once, all but the first
    wait for it and find `revision` already there."""
    config = alembic_config(db)
    command.upgrade(config, revision)
    found: str | None = config.attributes.get("found")
    return found


def downgrade(db: Database, revision: str) -> None:
    command.downgrade(alembic_config(db), revision)


def schema_head(db: Database) -> str | None:
    """The newest revision this code knows."""
    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def pending_revision(db: Database) -> str | None:
    """The head revision when the database is behind it, else None."""
    head = schema_head(db)
    with db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return head if current != head else None
