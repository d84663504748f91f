"""Throwaway databases for store tests: a SQLite file, or a fresh PostgreSQL database.

PostgreSQL comes from MAILROOM_TEST_PG_DSN (a server URL; a database is
created and dropped per test) or the local server. Where none answers the
test is skipped with a hint; under CI=true that is a failure instead.
"""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from sqlalchemy.engine import make_url

DEFAULT_PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@contextmanager
def fresh_postgres_url() -> Iterator[str]:
    server = make_url(os.environ.get("MAILROOM_TEST_PG_DSN", DEFAULT_PG_SERVER))
    name = f"mailroom_test_{uuid.uuid4().hex[:12]}"
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        connection = psycopg.connect(admin, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        hint = (
            f"PostgreSQL not reachable ({exc.__class__.__name__}): "
            "apt-get install postgresql, start it, or set MAILROOM_TEST_PG_DSN"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(hint)
        pytest.skip(hint)
    with connection:
        connection.execute(f'CREATE DATABASE "{name}"')
        try:
            yield server.set(database=name).render_as_string(hide_password=False)
        finally:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
