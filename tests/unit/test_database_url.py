"""A database URL mailroom cannot use is refused in words, before any driver error."""

from pathlib import Path

import pytest

import store


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("not a url", "not a database URL"),
        ("postgres://ops:s3cret@db.internal/mailroom", "not 'postgres'"),
        ("mysql://ops:s3cret@db.internal/mailroom", "not 'mysql'"),
        ("postgresql+psycopg2://ops:s3cret@db.internal/mailroom", "driver 'psycopg2'"),
        ("sqlite+pysqlcipher:///x.db", "driver 'pysqlcipher'"),
    ],
)
def test_a_url_for_another_database_or_driver_is_refused_without_its_password(
    url: str, said: str
) -> None:
    with pytest.raises(store.BadDatabaseUrl) as refused:
        store.connect(url)
    message = str(refused.value)
    assert said in message and "s3cret" not in message and "\n" not in message


def test_a_folder_is_no_sqlite_file(tmp_path: Path) -> None:
    with pytest.raises(store.BadDatabaseUrl, match=f"the SQLite file {tmp_path} cannot be opened"):
        store.connect(f"sqlite:///{tmp_path}")


def test_the_sqlite_file_folder_is_made_only_when_its_parent_exists(tmp_path: Path) -> None:
    database = store.connect(f"sqlite:///{tmp_path / 'var' / 'mailroom.db'}")
    database.dispose()
    assert (tmp_path / "var" / "mailroom.db").is_file()
    with pytest.raises(store.BadDatabaseUrl, match="typo/var for the SQLite file cannot be made"):
        store.connect(f"sqlite:///{tmp_path / 'typo' / 'var' / 'mailroom.db'}")
    assert not (tmp_path / "typo").exists()
