-- The archive: the full-text index of documents and the size limit of an import.
--
-- document_fts is exactly search.DDL (store/search/doc.go); a test checks that the two agree. rowid is
-- documents.id; the store keeps one row per document that is not in the prullenbak.
CREATE VIRTUAL TABLE document_fts USING fts5(
	title, body, title_stem, body_stem,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
INSERT INTO document_fts(document_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 5.0, 0.5)');

-- A mail's attachments are found by their parent; the list pages by body and date.
CREATE INDEX documents_parent ON documents(parent_id);
CREATE INDEX documents_body_list ON documents(body_id, deleted_at, date DESC, id DESC);

-- Files above this size (in MB) are refused by an import.
INSERT INTO settings (key, value) VALUES ('import_max_mb', '100') ON CONFLICT (key) DO NOTHING;
