// Package search is the text side of archive search: how the full-text columns are filled (Fold,
// StemText), the FTS5 table they live in (DDL), how a user's search box becomes a safe FTS5 MATCH
// expression plus filters (Parse), and how matches are marked in the UI (Highlight, Snippet).
//
// It does no I/O; the store runs DDL in a migration, fills the columns on import and binds Query.Match
// as a parameter of `WHERE document_fts MATCH ?`.
package search

// Table is the name of the FTS5 table created by DDL.
const Table = "document_fts"

// DDL creates the archive's FTS5 table and sets its ranking. Run it once, inside a migration; the rank
// configuration is stored in the table itself (in document_fts_config), so `ORDER BY rank` uses the
// weights without naming them in every query (3-4x faster than ORDER BY bm25(...)).
//
// The table is contentless (content=”): the text already lives in the documents table, and the stem
// columns are derived, so storing either again would only double the file. contentless_delete=1
// (SQLite 3.43+) lets the store delete or replace a row by rowid without passing the old text, which
// external content tables require and get silently wrong when the text changed in between. The price is
// that FTS5's snippet() and highlight() return NULL; use Snippet and Highlight on the stored text of
// the rows shown instead.
//
// Filling a row (rowid = documents.id):
//
//	INSERT INTO document_fts(rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)
//	   -- title, body, StemText(title), StemText(body)
//	DELETE FROM document_fts WHERE rowid = ?
//
// A changed document is deleted and inserted again (contentless tables allow no UPDATE of single
// columns). title and body are the text as written: the unicode61 tokenizer folds case and diacritics
// itself. Confidential documents are indexed like any other; filtering them is the query's job.
//
// Weights in bm25 follow column order: title 10, body 1, title_stem 5, body_stem 0.5. A word found as
// written counts more than one found only through its stem, and a hit in the title more than one in
// the body.
const DDL = `CREATE VIRTUAL TABLE document_fts USING fts5(
	title, body, title_stem, body_stem,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
INSERT INTO document_fts(document_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 5.0, 0.5)');
`
