"""Alembic environment: runs online against the engine `store.migrate` passes."""

from alembic import context
from sqlalchemy import Engine

from store.locks import take_turn
from store.migrate import include_object
from store.models import Base

engine = context.config.attributes["engine"]
assert isinstance(engine, Engine)

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    take_turn(connection, "migrate")  # two instances upgrading at once: one migrates
    # What the schema was once this migration may go ahead: after another
    # instance's migration, already the head.
    context.config.attributes["found"] = context.get_context().get_current_revision()
    with context.begin_transaction():
        context.run_migrations()
