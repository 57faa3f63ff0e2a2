-- Substring search on names that stays fast at a million organizations: pg_trgm GIN indexes
-- (LIKE/ILIKE '%q%' with q of 3 or more characters uses them). The extension is created in
-- schema public so that it is found from any schema; it needs CREATE privilege on the
-- database (pg_trgm is a trusted extension since PostgreSQL 13). Trigram extraction of CJK
-- characters needs a UTF-8 database whose LC_CTYPE is not "C" (C.UTF-8 or zh_CN.UTF-8).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX organizations_organizations_name_trgm
  ON organizations_organizations USING gin (name public.gin_trgm_ops);
CREATE INDEX organizations_organizations_short_name_trgm
  ON organizations_organizations USING gin (short_name public.gin_trgm_ops);
