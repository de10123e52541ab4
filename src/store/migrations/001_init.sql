-- Documents are identified by the content hash of their decoded input: the same article ingested
-- twice is one row. Layers are stored per document and layer name, with the stage versions that
-- produced them, so a newer analysis replaces them in place.
CREATE TABLE documents (
  id          TEXT PRIMARY KEY,
  title       TEXT,
  site        TEXT,
  url         TEXT,
  published   TEXT,
  status      TEXT NOT NULL,
  raw         TEXT NOT NULL,
  text        TEXT NOT NULL,
  meta        TEXT NOT NULL,
  offsets     TEXT NOT NULL,
  records     TEXT NOT NULL,
  diagnostics TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE layers (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  stages      TEXT NOT NULL,
  spans       TEXT NOT NULL,
  PRIMARY KEY (document_id, name)
);

-- A story is a named set of documents analyzed together; its report is stored whole, as
-- report.json would be, with the stage versions that made it.
CREATE TABLE stories (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  stages     TEXT NOT NULL,
  summary    TEXT NOT NULL,
  report     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE story_documents (
  story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  document_id TEXT NOT NULL REFERENCES documents(id),
  position    INTEGER NOT NULL,
  PRIMARY KEY (story_id, document_id)
);
CREATE INDEX story_documents_document ON story_documents(document_id);

-- Full-text search over documents, kept in step with the documents table by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;
