-- Substring search on names that stays fast at a million organizations: an FTS5 index with
-- the trigram tokenizer (SQLite >= 3.34), kept in step with the table by triggers. Queries
-- of fewer than 3 characters cannot use trigrams; search falls back to a prefix range scan.
CREATE VIRTUAL TABLE organizations_search USING fts5(
  name, short_name, content='organizations_organizations', content_rowid='id', tokenize='trigram');
CREATE TRIGGER organizations_search_insert AFTER INSERT ON organizations_organizations BEGIN
  INSERT INTO organizations_search (rowid, name, short_name) VALUES (new.id, new.name, new.short_name);
END;
CREATE TRIGGER organizations_search_delete AFTER DELETE ON organizations_organizations BEGIN
  INSERT INTO organizations_search (organizations_search, rowid, name, short_name)
    VALUES ('delete', old.id, old.name, old.short_name);
END;
CREATE TRIGGER organizations_search_update AFTER UPDATE OF name, short_name ON organizations_organizations BEGIN
  INSERT INTO organizations_search (organizations_search, rowid, name, short_name)
    VALUES ('delete', old.id, old.name, old.short_name);
  INSERT INTO organizations_search (rowid, name, short_name) VALUES (new.id, new.name, new.short_name);
END;
