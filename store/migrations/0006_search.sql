-- Search over actions and decisions by their text, beside the archive's document_fts.
--
-- Both tables have the columns of document_fts (title, body and their stemmed copies), so that one
-- parsed query (search.Parse) matches all three. Triggers keep them in step with the rows, so code that
-- writes actions or decisions needs to know nothing about search: a row in the prullenbak
-- (deleted_at set) leaves the index and comes back when restored. werkbank_stem is search.StemText,
-- registered by the store on every connection it opens.
CREATE VIRTUAL TABLE action_fts USING fts5(
	title, body, title_stem, body_stem,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
INSERT INTO action_fts(action_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 5.0, 0.5)');

CREATE TRIGGER action_fts_insert AFTER INSERT ON actions WHEN new.deleted_at IS NULL BEGIN
	INSERT INTO action_fts(rowid, title, body, title_stem, body_stem)
	VALUES (new.id, new.description, new.notes, werkbank_stem(new.description), werkbank_stem(new.notes));
END;
CREATE TRIGGER action_fts_update AFTER UPDATE OF description, notes, deleted_at ON actions BEGIN
	DELETE FROM action_fts WHERE rowid = old.id;
	INSERT INTO action_fts(rowid, title, body, title_stem, body_stem)
	SELECT new.id, new.description, new.notes, werkbank_stem(new.description), werkbank_stem(new.notes)
	WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER action_fts_delete AFTER DELETE ON actions BEGIN
	DELETE FROM action_fts WHERE rowid = old.id;
END;
INSERT INTO action_fts(rowid, title, body, title_stem, body_stem)
SELECT id, description, notes, werkbank_stem(description), werkbank_stem(notes) FROM actions WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE decision_fts USING fts5(
	title, body, title_stem, body_stem,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
INSERT INTO decision_fts(decision_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 5.0, 0.5)');

CREATE TRIGGER decision_fts_insert AFTER INSERT ON decisions WHEN new.deleted_at IS NULL BEGIN
	INSERT INTO decision_fts(rowid, title, body, title_stem, body_stem)
	VALUES (new.id, new.text, '', werkbank_stem(new.text), '');
END;
CREATE TRIGGER decision_fts_update AFTER UPDATE OF text, deleted_at ON decisions BEGIN
	DELETE FROM decision_fts WHERE rowid = old.id;
	INSERT INTO decision_fts(rowid, title, body, title_stem, body_stem)
	SELECT new.id, new.text, '', werkbank_stem(new.text), '' WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER decision_fts_delete AFTER DELETE ON decisions BEGIN
	DELETE FROM decision_fts WHERE rowid = old.id;
END;
INSERT INTO decision_fts(rowid, title, body, title_stem, body_stem)
SELECT id, text, '', werkbank_stem(text), '' FROM decisions WHERE deleted_at IS NULL;

