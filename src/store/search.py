"""Full-text search over extracted document text, one function for both engines.

Text is indexed after NFKC normalisation and case folding, so "bijlage"
finds "bĳlage" and "CV" finds "cv". SQLite uses FTS5 (ranked by bm25),
PostgreSQL a tsvector of the Dutch and simple configurations together
(ranked by ts_rank), so both stemmed and exact words match.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.orm import Session

from store.types import clean_text
from store.upsert import dialect_of

_WORD = re.compile(r"\w+")
# Made once per engine: they run for every message with documents (store.upsert).
_INDEX_ENTRY = {
    "sqlite": text(
        "INSERT INTO document_fts (rowid, body) SELECT id, :body FROM document "
        "WHERE message_id = :message AND position = :position"
    ),
    "postgresql": text(
        "INSERT INTO document_search (document_id, vector) "
        "SELECT id, to_tsvector('dutch', :body) || to_tsvector('simple', :body) "
        "FROM document WHERE message_id = :message AND position = :position"
    ),
}


@dataclass(frozen=True)
class SearchHit:
    """One applicant whose documents match, with the best-matching passage."""

    applicant: str
    name: str
    vacancy: str | None
    filename: str
    snippet: str
    score: float


def fold(value: str) -> str:
    """The form text is indexed and queried in: NFKC, then case-folded."""
    return unicodedata.normalize("NFKC", value).casefold()


def index_documents(session: Session, message_id: int, texts: dict[int, str]) -> None:
    """Add the text of a message's documents, keyed by position, to the index in
    one statement (an entry's removal follows its document's). The document ids
    are looked up by the statement itself, so inserting the documents needs no
    RETURNING, which SQLite would answer one row at a time."""
    if not texts:
        return
    rows = [
        {"message": message_id, "position": position, "body": clean_text(fold(body))}
        for position, body in texts.items()
    ]
    session.execute(_INDEX_ENTRY[dialect_of(session)], rows)


def search(
    session: Session, query: str, vacancy: str | None = None, limit: int = 20
) -> list[SearchHit]:
    """Applicants whose documents contain every word of `query`, best first."""
    words = _WORD.findall(fold(query))
    if not words:
        return []
    only = " AND m.vacancy = :vacancy" if vacancy is not None else ""
    rows = (
        _sqlite_rows(session, words, only, vacancy)
        if dialect_of(session) == "sqlite"
        else _postgres_rows(session, words, only, vacancy)
    )
    best: dict[str, SearchHit] = {}
    for row in rows:
        hit = SearchHit(
            row.address, row.display_name, row.vacancy, row.filename, row.snippet, float(row.score)
        )
        if hit.applicant not in best or hit.score > best[hit.applicant].score:
            best[hit.applicant] = hit
    return sorted(best.values(), key=lambda h: -h.score)[:limit]


_JOIN = (
    "JOIN document d ON d.id = {key} "
    "JOIN inbound_message m ON m.id = d.message_id "
    "JOIN applicant a ON a.id = m.applicant_id "
)


def _sqlite_rows(
    session: Session, words: list[str], only: str, vacancy: str | None
) -> list[Row[Any]]:
    match = " ".join('"' + word.replace('"', '""') + '"' for word in words)
    statement = text(
        "SELECT a.address, a.display_name, m.vacancy, d.filename, "
        "snippet(document_fts, 0, '[', ']', '…', 12) AS snippet, -bm25(document_fts) AS score "
        "FROM document_fts "
        + _JOIN.format(key="document_fts.rowid")
        + "WHERE document_fts MATCH :match"
        + only
    )
    return list(session.execute(statement, {"match": match, "vacancy": vacancy}))


def _postgres_rows(
    session: Session, words: list[str], only: str, vacancy: str | None
) -> list[Row[Any]]:
    statement = text(
        "WITH q AS (SELECT plainto_tsquery('dutch', :words) "
        "|| plainto_tsquery('simple', :words) AS query) "
        "SELECT a.address, a.display_name, m.vacancy, d.filename, "
        "ts_headline('simple', d.text, plainto_tsquery('simple', :words), "
        "'StartSel=[, StopSel=], MaxWords=20, MinWords=8') AS snippet, "
        "ts_rank(s.vector, q.query) AS score "
        "FROM document_search s CROSS JOIN q "
        + _JOIN.format(key="s.document_id")
        + "WHERE s.vector @@ q.query"
        + only
    )
    return list(session.execute(statement, {"words": " ".join(words), "vacancy": vacancy}))
