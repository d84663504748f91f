"""Insert-or-ignore and insert-or-update that stay correct under concurrent writers."""

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.models import Base


def dialect_insert(session: Session, model: type[Base]) -> Any:
    """The engine's own INSERT, which knows ON CONFLICT (both engines) and RETURNING."""
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(model)


def insert_or_ignore(
    session: Session,
    model: type[Base],
    values: dict[str, Any] | list[dict[str, Any]],
    key: list[str],
) -> None:
    """Insert the row (or each of a list of rows, as one executemany) unless one
    with the same `key` exists (or appears meanwhile)."""
    statement = dialect_insert(session, model).on_conflict_do_nothing(index_elements=key)
    session.execute(statement, values)


def insert_or_update(
    session: Session, model: type[Base], values: dict[str, Any], key: list[str]
) -> None:
    """Insert the row, or update the existing one with the same `key`."""
    statement = dialect_insert(session, model).values(values)
    changes = {name: statement.excluded[name] for name in values if name not in key}
    session.execute(statement.on_conflict_do_update(index_elements=key, set_=changes))
