"""The full-text part of the search table, per database vendor.

SQLite: an FTS5 table (rowid = SearchEntry.id) with the unicode61 tokenizer, fed
normalised text. PostgreSQL: a stored, generated tsvector column ('simple'
configuration over normalised text, title weighted A) with a GIN index. Both also
hold a language token (`langfr`), so one index lookup gives the matches of one
language.
"""

from django.db import connection

from search.text import match_forms

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, body, tags, tokenize = 'unicode61 remove_diacritics 2')"
)
POSTGRES_CREATE = [
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS tsv tsvector "
    "GENERATED ALWAYS AS (setweight(to_tsvector('simple', title_norm), 'A') || "
    "to_tsvector('simple', body_norm) || "
    "setweight(to_tsvector('simple', 'lang' || language), 'D')) STORED",
    "CREATE INDEX IF NOT EXISTS search_entry_tsv ON search_searchentry USING GIN (tsv)",
]
# Titles alone (ranking when too many entries match to score them all): an expression
# index, because a weight-restricted query (`word:A`) makes PostgreSQL recheck and
# detoast the whole tsvector of every candidate row.
TITLE_TSV = "to_tsvector('simple', title_norm)"
POSTGRES_TITLE_INDEX = (
    "CREATE INDEX IF NOT EXISTS search_entry_title_tsv ON search_searchentry "
    f"USING GIN (({TITLE_TSV}))"
)


def create_fulltext(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": [SQLITE_CREATE], "postgresql": POSTGRES_CREATE}.get(
        vendor, []
    )
    for statement in statements:
        schema_editor.execute(statement)


def create_title_index(schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_TITLE_INDEX)


def drop_title_index(schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_title_tsv")


def drop_fulltext(schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS tsv"
        )


def write_fulltext_many(rows: list[tuple[int, str, str, str]]) -> None:
    """(entry id, normalised title, normalised body, language) per entry; SQLite
    only: PostgreSQL's column is generated."""
    if connection.vendor != "sqlite" or not rows:
        return
    delete_fulltext([row[0] for row in rows])
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, body, tags) VALUES (%s, %s, %s, %s)",
            [
                (pk, title, body, f"lang{language}")
                for pk, title, body, language in rows
            ],
        )


def delete_fulltext(entry_ids: list[int]) -> None:
    if connection.vendor != "sqlite" or not entry_ids:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(entry_ids), 500):
            chunk = entry_ids[start : start + 500]
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"DELETE FROM search_fts WHERE rowid IN ({placeholders})",  # noqa: S608
                chunk,
            )


def _language_token(language: str) -> str:
    return "lang" + "".join(c for c in language if c.isalnum())


def match_sql(
    terms: list[str],
    language: str,
    *,
    prefix_last: bool = False,
    title_only: bool = False,
    with_score: bool = False,
) -> tuple[str, list, str]:
    """(SQL selecting `id` [and `score`] of matching entries, params, rank direction).

    Terms are \\w-only words (search.text.query_terms), quoted for FTS5, so no query
    syntax from the reader reaches the engine. A search matches each term's light
    stem as a prefix (search.text.match_forms: "vaccin" finds "vaccins"); the
    autocomplete (`prefix_last`) matches the words as typed, the last as a prefix.
    """
    lang = _language_token(language)
    if prefix_last:
        forms = [(t, i == len(terms) - 1) for i, t in enumerate(terms)]
    else:
        forms = match_forms(terms)
    if connection.vendor == "postgresql":
        parts = [f"{t}:*" if prefix else t for t, prefix in forms]
        score = ", ts_rank(tsv, q) AS score" if with_score else ""
        if title_only:
            return (
                "SELECT id FROM search_searchentry, "  # noqa: S608 - fixed SQL
                f"to_tsquery('simple', %s) AS q WHERE {TITLE_TSV} @@ q "
                "AND language = %s",
                [" & ".join(parts), language],
                "DESC",
            )
        # The language token carries no weight restriction: a weighted lexeme makes
        # PostgreSQL recheck (and detoast) the tsvector of every candidate row.
        return (
            f"SELECT id{score} FROM search_searchentry, "  # noqa: S608 - fixed SQL
            "to_tsquery('simple', %s) AS q WHERE tsv @@ q",
            [" & ".join([*parts, lang])],
            "DESC",
        )
    quoted = [f'"{t}"*' if prefix else f'"{t}"' for t, prefix in forms]
    phrase = " ".join(quoted)
    if title_only:
        phrase = f"title : ({phrase})"
    score = ", bm25(search_fts, 4.0, 1.0, 0.0) AS score" if with_score else ""
    return (
        f"SELECT rowid AS id{score} FROM search_fts WHERE search_fts MATCH %s",  # noqa: S608
        [f'({phrase}) AND tags : "{lang}"'],
        "ASC",
    )
