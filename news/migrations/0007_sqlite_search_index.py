"""SQLite's full-text index for search (FTS5): a no-op on PostgreSQL, or where SQLite lacks FTS5.

A contentless FTS5 table, ``news_article_fts``, holds per article (rowid = article id) three columns built by
triggers from the columns ``Article.save()`` keeps current: ``title_folded`` and ``rest_folded`` (the title,
then lead and body, without diacritics, from ``search_folded``) and ``exact`` (title and lead with their
diacritics, from ``search_document``). Matching and ranking then read the index instead of every row's text;
without the table, ``news.search`` scans ``search_folded`` with LIKE and gives the same answers, slower.
"""

from django.db import migrations

TITLE = "substr({row}.search_folded, 1, max(instr({row}.search_folded, '|') - 1, 0))"
REST = "substr({row}.search_folded, instr({row}.search_folded, '|') + 1)"


def _values(row: str) -> str:
    return f"{TITLE.format(row=row)}, {REST.format(row=row)}, {row}.search_document"


FORWARD = [
    "CREATE VIRTUAL TABLE news_article_fts USING fts5("
    "title_folded, rest_folded, exact, content='', tokenize='unicode61 remove_diacritics 0')",
    "INSERT INTO news_article_fts(rowid, title_folded, rest_folded, exact) "
    f"SELECT id, {_values('news_article')} FROM news_article",
    "CREATE TRIGGER news_article_fts_insert AFTER INSERT ON news_article BEGIN "
    f"INSERT INTO news_article_fts(rowid, title_folded, rest_folded, exact) VALUES (new.id, {_values('new')}); "
    "END",
    "CREATE TRIGGER news_article_fts_delete AFTER DELETE ON news_article BEGIN "
    "INSERT INTO news_article_fts(news_article_fts, rowid, title_folded, rest_folded, exact) "
    f"VALUES ('delete', old.id, {_values('old')}); "
    "END",
    "CREATE TRIGGER news_article_fts_update AFTER UPDATE OF search_folded, search_document ON news_article BEGIN "
    "INSERT INTO news_article_fts(news_article_fts, rowid, title_folded, rest_folded, exact) "
    f"VALUES ('delete', old.id, {_values('old')}); "
    f"INSERT INTO news_article_fts(rowid, title_folded, rest_folded, exact) VALUES (new.id, {_values('new')}); "
    "END",
]

BACKWARD = [
    "DROP TRIGGER IF EXISTS news_article_fts_update",
    "DROP TRIGGER IF EXISTS news_article_fts_delete",
    "DROP TRIGGER IF EXISTS news_article_fts_insert",
    "DROP TABLE IF EXISTS news_article_fts",
]


def has_fts5(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        return any(row[0] == "ENABLE_FTS5" for row in cursor.fetchall())


class SQLiteFTS5OnlyRunSQL(migrations.RunSQL):
    """RunSQL that runs only on SQLite built with FTS5."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "sqlite" and has_fts5(schema_editor.connection):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "sqlite":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("news", "0006_postgres_search")]

    operations = [SQLiteFTS5OnlyRunSQL(FORWARD, BACKWARD)]
