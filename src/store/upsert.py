"""Insert-or-ignore and insert-or-update that stay correct under concurrent writers,
and statements built once per engine instead of once per message.

Building a statement costs more than running it on SQLite (a third of the
daemon's time per message went to building and cache-keying statements
that differ only in their values). So the statements every message runs
are made once, with bound parameters, and take their values at execution;
those that need the engine's own INSERT (ON CONFLICT, RETURNING) are made
once per engine by `prepared`.
"""

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.models import Base

S = TypeVar("S")


def table_of(model: type[Base]) -> Table:
    """The table behind an ORM class: statements on it skip the ORM's bulk
    layer, which also splits an insert by which values are None."""
    return model.metadata.tables[model.__tablename__]


def engine_insert(dialect: str, table: Table) -> Any:
    """The engine's own INSERT, which knows ON CONFLICT (both engines) and RETURNING."""
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


def dialect_insert(session: Session, model: type[Base]) -> Any:
    """`engine_insert` for the session's engine, on the model's table."""
    return engine_insert(dialect_of(session), table_of(model))


def prepared(session: Session, build: Callable[[str], S]) -> S:
    """The statement `build` makes for the session's engine (given its dialect
    name), made on first use and kept: `build` must take its values as bound
    parameters, never from its caller."""
    statement: S = _prepared(build, dialect_of(session))
    return statement


@cache
def _prepared(build: Callable[[str], S], dialect: str) -> S:
    return build(dialect)


def insert_or_ignore(
    session: Session,
    model: type[Base],
    values: dict[str, Any] | list[dict[str, Any]],
    key: list[str],
) -> None:
    """Insert the row (or each of a list of rows, as one executemany) unless one
    with the same `key` exists (or appears meanwhile)."""
    session.execute(_ignoring(dialect_of(session), table_of(model), tuple(key)), values)


def insert_new(
    session: Session, model: type[Base], rows: list[dict[str, Any]], key: list[str]
) -> list[Any]:
    """`insert_or_ignore`, telling which rows were new: the first `key`
    column of each row this insert added (none of those another writer had)."""
    table = table_of(model)
    statement = (
        engine_insert(dialect_of(session), table)
        .values(rows)
        .on_conflict_do_nothing(index_elements=key)
        .returning(table.c[key[0]])
    )
    return list(session.scalars(statement))


@cache
def _ignoring(dialect: str, table: Table, key: tuple[str, ...]) -> Any:
    return engine_insert(dialect, table).on_conflict_do_nothing(index_elements=list(key))


def insert_or_update(
    session: Session, model: type[Base], values: dict[str, Any], key: list[str]
) -> None:
    """Insert the row, or update the existing one with the same `key`."""
    statement = dialect_insert(session, model).values(values)
    changes = {name: statement.excluded[name] for name in values if name not in key}
    session.execute(statement.on_conflict_do_update(index_elements=key, set_=changes))


def dialect_of(session: Session) -> str:
    """The session's engine by its dialect name: "sqlite" or "postgresql"."""
    return session.get_bind().dialect.name
