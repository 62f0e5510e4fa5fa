"""PostgreSQL full-text search without diacritics: a no-op on other databases.

- ``vn_unaccent``: the ``simple`` configuration with ``unaccent`` first, so "Đảng ủy" and "dang uy" meet;
- ``vn_immutable_unaccent(text)``: ``unaccent`` is only STABLE, an index expression needs IMMUTABLE;
- a trigger keeps ``news_article.search_vector`` current (title A, lead B, body C; HTML tags are not words
  to the default parser), and ``search_head`` (title and lead, small: what ranking reads), a GIN index serves
  ``@@``, a trigram GIN index serves typo matches on titles.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vn_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION vn_unaccent (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION vn_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
CREATE OR REPLACE FUNCTION vn_immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
CREATE OR REPLACE FUNCTION news_article_search_vector_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.search_head :=
        setweight(to_tsvector('vn_unaccent', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('vn_unaccent', coalesce(NEW.lead, '')), 'B');
    NEW.search_vector := NEW.search_head || setweight(to_tsvector('vn_unaccent', coalesce(NEW.body, '')), 'C');
    RETURN NEW;
END
$$;
CREATE TRIGGER news_article_search_vector
    BEFORE INSERT OR UPDATE OF title, lead, body ON news_article
    FOR EACH ROW EXECUTE FUNCTION news_article_search_vector_update();
UPDATE news_article SET title = title;
CREATE INDEX article_search_vector_idx ON news_article USING gin (search_vector);
CREATE INDEX article_title_trgm_idx ON news_article USING gin (vn_immutable_unaccent(lower(title)) gin_trgm_ops);
"""

BACKWARD = """
DROP INDEX IF EXISTS article_title_trgm_idx;
DROP INDEX IF EXISTS article_search_vector_idx;
DROP TRIGGER IF EXISTS news_article_search_vector ON news_article;
DROP FUNCTION IF EXISTS news_article_search_vector_update();
DROP FUNCTION IF EXISTS vn_immutable_unaccent(text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS vn_unaccent;
"""


class PostgreSQLOnlyRunSQL(migrations.RunSQL):
    """RunSQL that does nothing on a database other than PostgreSQL (SQLite keeps its folded column)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("news", "0005_search_columns_related_articles")]

    operations = [PostgreSQLOnlyRunSQL(FORWARD, BACKWARD)]
