"""Insert-or-ignore and insert-or-update that stay correct under concurrent writers."""

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.models import Base


def _insert(session: Session, model: type[Base]) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(model)


def insert_or_ignore(
    session: Session, model: type[Base], values: dict[str, Any], key: list[str]
) -> None:
    """Insert the row unless one with the same `key` exists (or appears meanwhile)."""
    session.execute(
        _insert(session, model).values(values).on_conflict_do_nothing(index_elements=key)
    )


def insert_or_update(
    session: Session, model: type[Base], values: dict[str, Any], key: list[str]
) -> None:
    """Insert the row, or update the existing one with the same `key`."""
    statement = _insert(session, model).values(values)
    changes = {name: statement.excluded[name] for name in values if name not in key}
    session.execute(statement.on_conflict_do_update(index_elements=key, set_=changes))
