-- Chinese full-text search of articles: FTS5 with the trigram tokenizer (SQLite >= 3.34) over
-- title and visible body text, kept in step by triggers. Queries of 1–2 characters cannot use
-- trigrams; search falls back to a bounded LIKE scan of titles.
CREATE VIRTUAL TABLE publishing_search USING fts5(
  title, body_text, content='publishing_articles', content_rowid='id', tokenize='trigram');
CREATE TRIGGER publishing_search_insert AFTER INSERT ON publishing_articles BEGIN
  INSERT INTO publishing_search (rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
END;
CREATE TRIGGER publishing_search_delete AFTER DELETE ON publishing_articles BEGIN
  INSERT INTO publishing_search (publishing_search, rowid, title, body_text)
    VALUES ('delete', old.id, old.title, old.body_text);
END;
CREATE TRIGGER publishing_search_update AFTER UPDATE OF title, body_text ON publishing_articles BEGIN
  INSERT INTO publishing_search (publishing_search, rowid, title, body_text)
    VALUES ('delete', old.id, old.title, old.body_text);
  INSERT INTO publishing_search (rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
END;
