-- Chinese full-text search of articles: pg_trgm GIN indexes over title and visible body text
-- (ILIKE '%q%' with q of 3 or more characters uses them). See organizations/0002 for why the
-- extension lives in schema public.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX publishing_articles_title_trgm ON publishing_articles USING gin (title public.gin_trgm_ops);
CREATE INDEX publishing_articles_body_trgm ON publishing_articles USING gin (body_text public.gin_trgm_ops);
