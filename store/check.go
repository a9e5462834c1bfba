package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/werkbank-nl/werkbank/store/search"
)

// Report is the outcome of Check. Each list is empty (never nil) when that part is in order.
type Report struct {
	Database string `json:"database"`
	// CheckedCopy is true when a read-only database was checked through a temporary copy.
	CheckedCopy bool `json:"checked_copy"`
	// Integrity holds what PRAGMA integrity_check found (SQLite's own English lines).
	Integrity []string `json:"integrity"`
	// ForeignKeys holds rows that point at a row that does not exist.
	ForeignKeys []ForeignKeyProblem `json:"foreign_keys"`
	// FullText has one entry per FTS5 table.
	FullText []FullTextCheck `json:"full_text"`
	// Archive holds documents without their complete original or their search entry, and search
	// entries without a document.
	Archive []string `json:"archive"`
	OK      bool     `json:"ok"`
}

// ForeignKeyProblem is one row of PRAGMA foreign_key_check.
type ForeignKeyProblem struct {
	Table  string `json:"table"`
	RowID  int64  `json:"row_id"`
	Parent string `json:"parent"`
}

// FullTextCheck is the outcome of FTS5's integrity-check for one table.
type FullTextCheck struct {
	Table   string `json:"table"`
	OK      bool   `json:"ok"`
	Message string `json:"message,omitempty"`
}

// maxListed bounds each list in a report: a badly damaged file can yield thousands of lines.
const maxListed = 50

// Check runs SQLite's integrity_check and foreign_key_check, FTS5's integrity-check on every full-text
// table, and werkbank's own archive rules. The FTS5 check is written as an INSERT, so on a read-only
// database everything runs on a private temporary copy (made with the backup API, page for page, so
// damage is copied as it is); the database itself is never written. An error means the check could
// not run at all; problems found are in the report.
func (s *Store) Check(ctx context.Context) (Report, error) {
	rep := Report{Database: s.path, Integrity: []string{}, ForeignKeys: []ForeignKeyProblem{},
		FullText: []FullTextCheck{}, Archive: []string{}}
	readDB, ftsBegin := s.r, s.begin
	if s.readOnly {
		tmp, err := s.privateCopy(ctx)
		if err != nil {
			return rep, err
		}
		defer os.Remove(tmp)
		c, err := sql.Open("sqlite", dsn(tmp, url.Values{}))
		if err != nil {
			return rep, err
		}
		defer c.Close()
		c.SetMaxOpenConns(1)
		readDB, rep.CheckedCopy = c, true
		ftsBegin = func(ctx context.Context) (*sql.Tx, error) { return c.BeginTx(ctx, nil) }
	}
	// The read checks share one snapshot (a read transaction on the read pool), so documents and their
	// search entries are compared as of one moment while other processes go on writing.
	readBegin := func(ctx context.Context) (*sql.Tx, error) { return readDB.BeginTx(ctx, nil) }
	err := inTx(ctx, readBegin, func(tx *sql.Tx) {
		rep.Integrity = integrity(ctx, tx)
		rep.ForeignKeys = foreignKeys(ctx, tx, &rep.Integrity)
		rep.Archive = archive(ctx, tx)
	})
	if err != nil {
		return rep, err
	}
	// FTS5's check is an INSERT: it needs the write connection, briefly, and is rolled back.
	if err := inTx(ctx, ftsBegin, func(tx *sql.Tx) { rep.FullText = fullText(ctx, tx) }); err != nil {
		return rep, err
	}
	rep.OK = len(rep.Integrity) == 0 && len(rep.ForeignKeys) == 0 && len(rep.Archive) == 0
	for _, f := range rep.FullText {
		rep.OK = rep.OK && f.OK
	}
	return rep, nil
}

// inTx runs fn in a transaction that is always rolled back.
func inTx(ctx context.Context, begin func(context.Context) (*sql.Tx, error), fn func(*sql.Tx)) error {
	tx, err := begin(ctx)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	fn(tx)
	return nil
}

// integrity runs PRAGMA integrity_check. SQLite may return several problems in one row and may also
// fail outright on a badly damaged file; every distinct line is kept, the "*** in database" headers not.
func integrity(ctx context.Context, tx *sql.Tx) []string {
	out := []string{}
	seen := map[string]bool{}
	add := func(text string) {
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line == "ok" || strings.HasPrefix(line, "*** in database") || seen[line] {
				continue
			}
			seen[line] = true
			out = append(out, line)
		}
	}
	rows, err := tx.QueryContext(ctx, fmt.Sprintf("PRAGMA integrity_check(%d)", maxListed))
	if err != nil {
		add(err.Error())
		return out
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			add(err.Error())
			return out
		}
		add(line)
	}
	if err := rows.Err(); err != nil {
		add(err.Error())
	}
	return out
}

// foreignKeys lists dangling references; a failure to run the check itself goes to integrity.
func foreignKeys(ctx context.Context, tx *sql.Tx, integrity *[]string) []ForeignKeyProblem {
	out := []ForeignKeyProblem{}
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		*integrity = append(*integrity, err.Error())
		return out
	}
	defer rows.Close()
	for rows.Next() && len(out) < maxListed {
		var p ForeignKeyProblem
		var rowid sql.NullInt64
		var fk int64
		if err := rows.Scan(&p.Table, &rowid, &p.Parent, &fk); err != nil {
			*integrity = append(*integrity, err.Error())
			return out
		}
		p.RowID = rowid.Int64
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		*integrity = append(*integrity, err.Error())
	}
	return out
}

// fullText runs FTS5's integrity-check on every FTS5 table in the schema, whoever made it.
func fullText(ctx context.Context, tx *sql.Tx) []FullTextCheck {
	out := []FullTextCheck{}
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND lower(sql) LIKE 'create virtual table%using fts5%' ORDER BY name`)
	if err != nil {
		return append(out, FullTextCheck{Table: "?", Message: err.Error()})
	}
	var names []string
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil {
			names = append(names, n)
		}
	}
	rows.Close()
	for _, n := range names {
		q := `"` + strings.ReplaceAll(n, `"`, `""`) + `"`
		_, err := tx.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s(%s) VALUES ('integrity-check')", q, q))
		c := FullTextCheck{Table: n, OK: err == nil}
		if err != nil {
			c.Message = err.Error()
		}
		out = append(out, c)
	}
	return out
}

// archive checks what no constraint can: every original is complete (its chunks add up to its size),
// and every document outside the prullenbak has exactly its search entry.
func archive(ctx context.Context, tx *sql.Tx) []string {
	out := []string{}
	var hasFTS int
	tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = ?", search.Table).Scan(&hasFTS)
	queries := []struct{ q, format string }{
		{`SELECT d.id FROM documents d JOIN blobs b ON b.sha256 = d.sha256
			WHERE b.size <> (SELECT COALESCE(SUM(length(c.data)), 0) FROM blob_chunks c WHERE c.sha256 = b.sha256)`,
			"document %d: het origineel is niet compleet"},
	}
	if hasFTS > 0 {
		queries = append(queries,
			struct{ q, format string }{`SELECT id FROM documents WHERE deleted_at IS NULL
				AND id NOT IN (SELECT rowid FROM ` + search.Table + `)`, "document %d: staat niet in de zoekindex"},
			struct{ q, format string }{`SELECT rowid FROM ` + search.Table + `
				WHERE rowid NOT IN (SELECT id FROM documents WHERE deleted_at IS NULL)`, "zoekindex: regel %d hoort bij geen document"})
	}
	for _, c := range queries {
		rows, err := tx.QueryContext(ctx, c.q)
		if err != nil {
			out = append(out, err.Error())
			continue
		}
		for rows.Next() && len(out) < maxListed {
			var id int64
			if rows.Scan(&id) == nil {
				out = append(out, fmt.Sprintf(c.format, id))
			}
		}
		if err := rows.Err(); err != nil {
			out = append(out, err.Error())
		}
		rows.Close()
	}
	return out
}
