package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/werkbank-nl/werkbank/store/search"
)

// schema is what a coach copy learns of the database at run time, so that tables added by later
// migrations are cleaned by the same rules without changes here.
type schema struct {
	tables map[string]*tableInfo // ordinary tables, not FTS shadow tables nor sqlite_ ones
	order  []string              // their names, sorted
	fts    []ftsTable
	stats  []string // sqlite_stat1, sqlite_stat4, ...
}

type tableInfo struct {
	rowid bool
	cols  map[string]bool
	text  []string // columns declared TEXT (STRICT tables) or without a type
	pk    []string
	fks   []foreignKey
}

type foreignKey struct {
	parent   string
	from, to []string
}

type ftsTable struct {
	name    string
	sql     string
	content string // "" for a contentless table; the content table's name for external content
	hasOpt  bool   // whether a content= option was given at all
	cols    []string
}

func (sc *schema) has(table, col string) bool {
	t, ok := sc.tables[table]
	return ok && t.cols[col]
}

var (
	reContent     = regexp.MustCompile(`(?i)\bcontent\s*=\s*(?:'([^']*)'|"([^"]*)"|([A-Za-z_][A-Za-z0-9_]*))`)
	reVirtualFTS5 = regexp.MustCompile(`(?is)^\s*CREATE\s+VIRTUAL\s+TABLE\s+.*?\bUSING\s+fts5\s*\(`)
)

func readSchema(ctx context.Context, conn *sql.Conn) (*schema, error) {
	sc := &schema{tables: map[string]*tableInfo{}}
	rows, err := conn.QueryContext(ctx, "SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'table' ORDER BY name")
	if err != nil {
		return nil, err
	}
	type entry struct{ name, sql string }
	var all []entry
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.name, &e.sql); err != nil {
			rows.Close()
			return nil, err
		}
		all = append(all, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var virtual []string
	for _, e := range all {
		if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(e.sql)), "CREATE VIRTUAL TABLE") {
			virtual = append(virtual, e.name)
		}
	}
	shadow := func(name string) bool {
		for _, v := range virtual {
			if strings.HasPrefix(name, v+"_") {
				return true
			}
		}
		return false
	}
	for _, e := range all {
		switch {
		case strings.HasPrefix(e.name, "sqlite_stat"):
			sc.stats = append(sc.stats, e.name)
		case strings.HasPrefix(e.name, "sqlite_"):
		case reVirtualFTS5.MatchString(e.sql):
			f := ftsTable{name: e.name, sql: e.sql}
			if m := reContent.FindStringSubmatch(e.sql); m != nil {
				f.hasOpt, f.content = true, m[1]+m[2]+m[3]
			}
			if f.cols, err = columnNames(ctx, conn, e.name); err != nil {
				return nil, err
			}
			sc.fts = append(sc.fts, f)
		case strings.HasPrefix(strings.ToUpper(strings.TrimSpace(e.sql)), "CREATE VIRTUAL TABLE"), shadow(e.name):
		default:
			ti, err := readTable(ctx, conn, e.name, e.sql)
			if err != nil {
				return nil, err
			}
			sc.tables[e.name] = ti
			sc.order = append(sc.order, e.name)
		}
	}
	sort.Strings(sc.order)
	return sc, nil
}

func columnNames(ctx context.Context, conn *sql.Conn, table string) ([]string, error) {
	rows, err := conn.QueryContext(ctx, "SELECT name FROM pragma_table_info(?) ORDER BY cid", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func readTable(ctx context.Context, conn *sql.Conn, name, ddl string) (*tableInfo, error) {
	norm := strings.Join(strings.Fields(strings.ToUpper(ddl)), " ")
	ti := &tableInfo{rowid: !strings.Contains(norm, "WITHOUT ROWID"), cols: map[string]bool{}}
	rows, err := conn.QueryContext(ctx, "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", name)
	if err != nil {
		return nil, err
	}
	type pkCol struct {
		name string
		n    int
	}
	var pks []pkCol
	for rows.Next() {
		var col, typ string
		var pk int
		if err := rows.Scan(&col, &typ, &pk); err != nil {
			rows.Close()
			return nil, err
		}
		ti.cols[col] = true
		if t := strings.ToUpper(typ); t == "" || strings.Contains(t, "TEXT") || strings.Contains(t, "CHAR") || strings.Contains(t, "CLOB") {
			ti.text = append(ti.text, col)
		}
		if pk > 0 {
			pks = append(pks, pkCol{col, pk})
		}
	}
	rows.Close()
	sort.Slice(pks, func(i, j int) bool { return pks[i].n < pks[j].n })
	for _, p := range pks {
		ti.pk = append(ti.pk, p.name)
	}
	fkRows, err := conn.QueryContext(ctx, `SELECT id, "table", "from", COALESCE("to", '') FROM pragma_foreign_key_list(?) ORDER BY id, seq`, name)
	if err != nil {
		return nil, err
	}
	defer fkRows.Close()
	last := -1
	for fkRows.Next() {
		var id int
		var parent, from, to string
		if err := fkRows.Scan(&id, &parent, &from, &to); err != nil {
			return nil, err
		}
		if id != last {
			ti.fks = append(ti.fks, foreignKey{parent: parent})
			last = id
		}
		fk := &ti.fks[len(ti.fks)-1]
		fk.from = append(fk.from, from)
		if to != "" {
			fk.to = append(fk.to, to)
		}
	}
	return ti, fkRows.Err()
}

// contentlessFill refills a contentless FTS5 table the way the store fills it. A contentless table
// werkbank does not know how to fill stops the coach copy: its old index would hold removed text.
var contentlessFill = map[string]func(ctx context.Context, tx *sql.Tx) error{
	search.Table: fillDocumentFTS,
}

// fillDocumentFTS indexes every document outside the prullenbak, as import and restore do.
func fillDocumentFTS(ctx context.Context, tx *sql.Tx) error {
	ids, err := queryIDs(ctx, tx, "SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY id")
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := reindexDocument(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

func queryIDs(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// rebuildFTS rebuilds every FTS5 index from what remains, so no segment keeps a term of removed or
// replaced text: a contentless index is dropped, created from its own DDL and refilled; an index over
// a content table is rebuilt from that table; an index that keeps its own text is dropped and filled
// again from the rows that remain (pseudonymised when names is set).
func rebuildFTS(ctx context.Context, tx *sql.Tx, sc *schema, names *pseudonyms) error {
	for _, f := range sc.fts {
		var err error
		switch {
		case f.hasOpt && f.content == "":
			fill, ok := contentlessFill[f.name]
			if !ok {
				if fill, err = triggerFill(ctx, tx, f.name); err != nil {
					return fmt.Errorf("zoekindex %s: %w", f.name, err)
				}
			}
			err = recreateFTS(ctx, tx, f, func() error { return fill(ctx, tx) })
		case f.hasOpt:
			_, err = tx.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s(%s) VALUES ('rebuild')", quoteIdent(f.name), quoteIdent(f.name)))
		default:
			err = rebuildStoredFTS(ctx, tx, sc, f, names)
		}
		if err != nil {
			return fmt.Errorf("zoekindex %s: %w", f.name, err)
		}
	}
	return nil
}

// recreateFTS drops an FTS5 table, creates it again from its DDL with its configuration (the rank
// weights), and fills it.
func recreateFTS(ctx context.Context, tx *sql.Tx, f ftsTable, fill func() error) error {
	type kv struct {
		k string
		v any
	}
	var config []kv
	rows, err := tx.QueryContext(ctx, fmt.Sprintf("SELECT k, v FROM %s WHERE k <> 'version'", quoteIdent(f.name+"_config")))
	if err != nil {
		return err
	}
	for rows.Next() {
		var c kv
		if err := rows.Scan(&c.k, &c.v); err != nil {
			rows.Close()
			return err
		}
		config = append(config, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, q := range []string{"DROP TABLE " + quoteIdent(f.name), f.sql} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	for _, c := range config {
		q := fmt.Sprintf("INSERT INTO %s(%s, rank) VALUES (?, ?)", quoteIdent(f.name), quoteIdent(f.name))
		if _, err := tx.ExecContext(ctx, q, c.k, c.v); err != nil {
			return err
		}
	}
	return fill()
}

// rebuildStoredFTS handles an FTS5 table that keeps its own copy of the text. Rows of removed source
// rows are gone already when triggers keep the index in step; otherwise the source is found by name
// (x_fts indexes xs) and rows without a source row are left out.
func rebuildStoredFTS(ctx context.Context, tx *sql.Tx, sc *schema, f ftsTable, names *pseudonyms) error {
	filter := ""
	if !hasTriggerFor(ctx, tx, f.name) {
		src := ""
		base := strings.TrimSuffix(f.name, "_fts")
		for _, cand := range []string{base + "s", base, base + "es"} {
			if t, ok := sc.tables[cand]; ok && t.rowid && base != f.name {
				src = cand
				break
			}
		}
		if src == "" {
			return fmt.Errorf("onbekend welke tabel deze index vult; de kopie is niet gemaakt")
		}
		filter = fmt.Sprintf(" WHERE rowid IN (SELECT rowid FROM %s)", quoteIdent(src))
	}
	rows, err := tx.QueryContext(ctx, fmt.Sprintf("SELECT rowid, %s FROM %s%s", identList(f.cols), quoteIdent(f.name), filter))
	if err != nil {
		return err
	}
	var kept [][]any
	for rows.Next() {
		vals := make([]any, len(f.cols)+1)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return err
		}
		if names != nil {
			for i := 1; i < len(vals); i++ {
				if s, ok := vals[i].(string); ok {
					vals[i] = names.replace(s)
				}
			}
		}
		kept = append(kept, vals)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	ins := fmt.Sprintf("INSERT INTO %s(rowid, %s) VALUES (?%s)", quoteIdent(f.name), identList(f.cols), strings.Repeat(", ?", len(f.cols)))
	return recreateFTS(ctx, tx, f, func() error {
		for _, vals := range kept {
			if _, err := tx.ExecContext(ctx, ins, vals...); err != nil {
				return err
			}
		}
		return nil
	})
}

var reUpdateOf = regexp.MustCompile(`(?is)\bAFTER\s+UPDATE\s+OF\s+"?([A-Za-z_][A-Za-z0-9_]*)`)

// triggerFill refills a contentless index that triggers keep in step with its table: an update of the
// rows (no value changes) fires the store's own AFTER UPDATE trigger, which indexes each row exactly as
// a save does. An index without such a trigger stops the coach copy.
func triggerFill(ctx context.Context, tx *sql.Tx, fts string) (func(context.Context, *sql.Tx) error, error) {
	rows, err := tx.QueryContext(ctx, "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE ?", "%"+fts+"%")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var tbl, ddl string
		if err := rows.Scan(&tbl, &ddl); err != nil {
			return nil, err
		}
		if m := reUpdateOf.FindStringSubmatch(ddl); m != nil {
			q := fmt.Sprintf("UPDATE %s SET %s = %s", quoteIdent(tbl), quoteIdent(m[1]), quoteIdent(m[1]))
			return func(ctx context.Context, tx *sql.Tx) error {
				_, err := tx.ExecContext(ctx, q)
				return err
			}, nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("onbekend hoe die opnieuw te vullen; de kopie is niet gemaakt")
}

func hasTriggerFor(ctx context.Context, tx *sql.Tx, fts string) bool {
	var n int
	tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE ?", "%"+fts+"%").Scan(&n)
	return n > 0
}

func quoteIdent(s string) string  { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
func quoteString(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }

func identList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = quoteIdent(c)
	}
	return strings.Join(q, ", ")
}
