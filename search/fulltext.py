"""The full-text part of the search table, per database vendor.

SQLite: an FTS5 table (rowid = SearchEntry.id) with the unicode61 tokenizer, fed
normalised text. PostgreSQL: a stored, generated tsvector column ('simple'
configuration over normalised text, title weighted A) with a GIN index.
"""

from django.db import connection

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2')"
)
POSTGRES_CREATE = [
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS tsv tsvector "
    "GENERATED ALWAYS AS (setweight(to_tsvector('simple', title_norm), 'A') || "
    "to_tsvector('simple', body_norm)) STORED",
    "CREATE INDEX IF NOT EXISTS search_entry_tsv ON search_searchentry USING GIN (tsv)",
]


def create_fulltext(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": [SQLITE_CREATE], "postgresql": POSTGRES_CREATE}.get(
        vendor, []
    )
    for statement in statements:
        schema_editor.execute(statement)


def drop_fulltext(schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS tsv"
        )


def write_fulltext(entry_id: int, title_norm: str, body_norm: str) -> None:
    """Keep the FTS5 table in step with an entry (PostgreSQL's column is generated)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry_id])
        cursor.execute(
            "INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)",
            [entry_id, title_norm, body_norm],
        )


def delete_fulltext(entry_ids: list[int]) -> None:
    if connection.vendor != "sqlite" or not entry_ids:
        return
    with connection.cursor() as cursor:
        placeholders = ", ".join(["%s"] * len(entry_ids))
        cursor.execute(
            f"DELETE FROM search_fts WHERE rowid IN ({placeholders})",  # noqa: S608
            entry_ids,
        )


def match_sql(terms: list[str], prefix_last: bool = False) -> tuple[str, list, str]:
    """(SQL selecting `id, score` of matching entries, its params, rank direction).

    Terms are \\w-only words (search.text.query_terms), quoted for FTS5, so no query
    syntax from the reader reaches the engine.
    """
    if connection.vendor == "postgresql":
        parts = [
            f"{t}:*" if prefix_last and i == len(terms) - 1 else t
            for i, t in enumerate(terms)
        ]
        tsquery = " & ".join(parts)
        return (
            "SELECT id, ts_rank(tsv, q) AS score FROM search_searchentry, "
            "to_tsquery('simple', %s) AS q WHERE tsv @@ q",
            [tsquery],
            "DESC",
        )
    quoted = [f'"{t}"' for t in terms]
    if prefix_last:
        quoted[-1] += "*"
    return (
        "SELECT rowid AS id, bm25(search_fts, 4.0, 1.0) AS score FROM search_fts "
        "WHERE search_fts MATCH %s",
        [" ".join(quoted)],
        "ASC",
    )
