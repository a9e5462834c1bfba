package store

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/werkbank-nl/werkbank/store/extract"
)

// Pseudonymisation for a coach copy: people's names become stable labels (Lid A, Lid B, ...,
// Bestuurder, Persoon A for other people werkbank records by name: senders, owners, presenters,
// chairs), in every text column of every table, and every e-mail address becomes "[e-mail]".
//
// A full name is matched without regard to case; a first name or a surname alone only as written
// (capitalised), so that "ik ben" does not lose its verb to a member called Ben. Matches respect word
// boundaries in the Unicode sense (Zoë, Eßer). An original file cannot be rewritten safely (a PDF, a
// DOCX with tracked changes), so every original whose content names a person, holds an e-mail address,
// or cannot be read back as text is left out; its pseudonymised text stays searchable.

type pseudonyms struct {
	labels   map[string]string // exact variant, or lower-cased full name, to label
	full     map[string]bool   // lower-cased full names: matched without regard to case
	maxWords int
	people   int
}

var reEmail = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)

// personColumns hold one person's name (or a role word) per row.
var personColumns = [][2]string{
	{"documents", "sender"}, {"actions", "owner"}, {"agenda_items", "presenter"}, {"agenda_items", "raised_by"},
	{"agenda_templates", "presenter"}, {"meetings", "chair"}, {"backlog", "raised_by"}, {"impositions", "imposed_by"},
}

// roleWords are values of person columns that name a role, not a person.
var roleWords = map[string]bool{
	"as": true, "ambtelijk secretaris": true, "voorzitter": true, "vicevoorzitter": true, "vice-voorzitter": true,
	"secretaris": true, "lid": true, "leden": true, "bestuurder": true, "directie": true, "hr": true, "or": true,
	"ondernemingsraad": true, "allen": true, "iedereen": true, "db": true, "dagelijks bestuur": true, "-": true,
	"griffie": true, "secretariaat": true, "commissie": true,
}

// tussenvoegsels start a Dutch surname ("de Vries", "van den Berg").
var tussenvoegsels = map[string]bool{"van": true, "de": true, "den": true, "der": true, "het": true, "ten": true,
	"ter": true, "te": true, "in": true, "'t": true, "op": true, "la": true, "le": true, "du": true, "da": true}

// orgWords start a name that is an organisation rather than a person; such a name is replaced only whole.
var orgWords = map[string]bool{"gemeente": true, "afdeling": true, "directie": true, "raad": true, "stichting": true,
	"bureau": true, "team": true, "college": true, "ministerie": true, "provincie": true, "ondernemingsraad": true}

// collectPeople reads every person werkbank holds by name and gives each a label.
func collectPeople(ctx context.Context, tx *sql.Tx, sc *schema) (*pseudonyms, error) {
	p := &pseudonyms{labels: map[string]string{}, full: map[string]bool{}}
	ambiguous := map[string]bool{}
	seen := map[string]bool{}
	add := func(name, label string, parts bool) {
		name = strings.Join(strings.Fields(name), " ")
		key := strings.ToLower(name)
		if utf8.RuneCountInString(name) < 3 || roleWords[key] || seen[key] {
			return
		}
		seen[key] = true
		p.people++
		p.labels[key] = label
		p.full[key] = true
		p.maxWords = max(p.maxWords, len(wordSpans(name)))
		if !parts {
			return
		}
		for _, v := range nameParts(name) {
			if old, ok := p.labels[v]; ok && old != label {
				ambiguous[v] = true
				continue
			}
			p.labels[v] = label
		}
	}
	type src struct {
		q     string
		label func(i int) string
	}
	srcs := []src{
		{"SELECT name FROM bestuurders ORDER BY id", func(i int) string {
			if i == 0 {
				return "Bestuurder"
			}
			return "Bestuurder " + letters(i)
		}},
		{"SELECT name FROM members ORDER BY id", func(i int) string { return "Lid " + letters(i) }},
	}
	for _, s := range srcs {
		names, err := queryStrings(ctx, tx, s.q)
		if err != nil {
			return nil, err
		}
		for i, n := range names {
			add(n, s.label(i), true)
		}
	}
	others := 0
	for _, pc := range personColumns {
		if !sc.has(pc[0], pc[1]) {
			continue
		}
		vals, err := queryStrings(ctx, tx, fmt.Sprintf("SELECT DISTINCT %s FROM %s ORDER BY 1", quoteIdent(pc[1]), quoteIdent(pc[0])))
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			v = strings.TrimSpace(reEmail.ReplaceAllString(v, ""))
			v = strings.TrimSpace(strings.Trim(v, "<>\"'"))
			key := strings.ToLower(strings.Join(strings.Fields(v), " "))
			if key == "" || roleWords[key] || seen[key] || utf8.RuneCountInString(key) < 3 || p.labels[v] != "" {
				continue // a role, someone known already, or a known first name or surname alone
			}
			first := strings.ToLower(strings.Fields(v)[0])
			add(v, "Persoon "+letters(others), !orgWords[first])
			others++
		}
	}
	for v := range ambiguous {
		p.labels[v] = "[naam]"
	}
	return p, nil
}

// nameParts are the forms a name is also written in: the first name, the surname with its
// tussenvoegsel (both capitalisations), and the bare surname when there is no tussenvoegsel.
func nameParts(name string) []string {
	w := strings.Fields(name)
	if len(w) < 2 {
		return nil
	}
	var out []string
	if isName(w[0]) {
		out = append(out, w[0])
	}
	i := 1
	for i < len(w)-1 && tussenvoegsels[strings.ToLower(w[i])] {
		i++
	}
	sur := strings.Join(w[i:], " ")
	if i > 1 {
		tv := strings.Join(w[1:i], " ")
		out = append(out, tv+" "+sur, upperFirst(tv)+" "+sur)
	} else if isName(sur) {
		out = append(out, sur)
	}
	return out
}

// isName says whether a word can stand alone as a name to replace: capitalised, three letters or more.
func isName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return utf8.RuneCountInString(s) >= 3 && unicode.IsUpper(r)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// letters numbers labels A, B, ..., Z, AA, AB, ...
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func (p *pseudonyms) count() int { return p.people }

// label returns the label of a matched variant.
func (p *pseudonyms) label(m string) string {
	if l, ok := p.labels[m]; ok {
		return l
	}
	if l, ok := p.labels[strings.ToLower(strings.Join(strings.Fields(m), " "))]; ok {
		return l
	}
	return "[naam]"
}

// replace returns s with every name and e-mail address replaced.
func (p *pseudonyms) replace(s string) string {
	s = reEmail.ReplaceAllString(s, "[e-mail]")
	var b strings.Builder
	last := 0
	for _, m := range p.matches(s) {
		b.WriteString(s[last:m[0]])
		b.WriteString(p.label(s[m[0]:m[1]]))
		last = m[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// names reports whether s names a person or holds an e-mail address.
func (p *pseudonyms) names(s string) bool {
	return reEmail.MatchString(s) || len(p.matches(s)) > 0
}

// matches finds the names in s that stand as whole words: at each word, the longest run of up to
// maxWords words (separated by spaces, hyphens or a dot) that is a known variant. A map lookup per
// word keeps this linear in the text, whatever the number of people.
func (p *pseudonyms) matches(s string) [][2]int {
	var out [][2]int
	words := wordSpans(s)
	for i := 0; i < len(words); {
		n := 0
		for k := min(p.maxWords, len(words)-i); k >= 1 && n == 0; k-- {
			if !joinable(s, words[i:i+k]) {
				continue
			}
			cand := strings.Join(strings.Fields(s[words[i][0]:words[i+k-1][1]]), " ")
			if _, ok := p.labels[cand]; ok || p.full[strings.ToLower(cand)] {
				out = append(out, [2]int{words[i][0], words[i+k-1][1]})
				n = k
			}
		}
		i += max(n, 1)
	}
	return out
}

// wordSpans are the byte ranges of the words of s (letters, digits, marks, and an apostrophe inside).
func wordSpans(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		if isWordRune(r) || r == '\'' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// joinable says whether consecutive words are separated only as within a name.
func joinable(s string, words [][2]int) bool {
	for i := 1; i < len(words); i++ {
		gap := s[words[i-1][1]:words[i][0]]
		if len(gap) > 3 || strings.Trim(gap, " -.") != "" {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// pseudonymise replaces names in every text column of every table. Triggers are set aside meanwhile
// (letter versions refuse every update, by design) and put back unchanged.
func pseudonymise(ctx context.Context, tx *sql.Tx, sc *schema, p *pseudonyms) error {
	type trig struct{ name, sql string }
	var trigs []trig
	rows, err := tx.QueryContext(ctx, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL")
	if err != nil {
		return err
	}
	for rows.Next() {
		var t trig
		if err := rows.Scan(&t.name, &t.sql); err != nil {
			rows.Close()
			return err
		}
		trigs = append(trigs, t)
	}
	rows.Close()
	for _, t := range trigs {
		if _, err := tx.ExecContext(ctx, "DROP TRIGGER "+quoteIdent(t.name)); err != nil {
			return err
		}
	}
	for _, t := range sc.order {
		if err := pseudonymiseTable(ctx, tx, t, sc.tables[t], p); err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
	}
	for _, t := range trigs {
		if _, err := tx.ExecContext(ctx, t.sql); err != nil {
			return err
		}
	}
	return nil
}

// pseudonymiseTable rewrites the text columns of one table, a page of rows at a time so that a large
// archive's texts are never all in memory.
func pseudonymiseTable(ctx context.Context, tx *sql.Tx, name string, ti *tableInfo, p *pseudonyms) error {
	if len(ti.text) == 0 || name == "blob_chunks" || name == "blobs" {
		return nil
	}
	key := []string{"rowid"}
	if !ti.rowid {
		key = ti.pk
	}
	sel := fmt.Sprintf("SELECT %s, %s FROM %s", identList(key), identList(ti.text), quoteIdent(name))
	if ti.rowid {
		sel += " WHERE rowid > ? ORDER BY rowid LIMIT 200"
	}
	sets := make([]string, len(ti.text))
	for i, c := range ti.text {
		sets[i] = quoteIdent(c) + " = ?"
	}
	where := make([]string, len(key))
	for i, c := range key {
		where[i] = quoteIdent(c) + " IS ?"
	}
	upd := fmt.Sprintf("UPDATE %s SET %s WHERE %s", quoteIdent(name), strings.Join(sets, ", "), strings.Join(where, " AND "))
	var after int64
	for {
		var args []any
		if ti.rowid {
			args = append(args, after)
		}
		rows, err := tx.QueryContext(ctx, sel, args...)
		if err != nil {
			return err
		}
		var changes [][]any
		n := 0
		for rows.Next() {
			n++
			vals := make([]any, len(key)+len(ti.text))
			ptrs := make([]any, len(vals))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return err
			}
			if ti.rowid {
				after = vals[0].(int64)
			}
			changed := false
			set := make([]any, 0, len(vals))
			for _, v := range vals[len(key):] {
				if s, ok := v.(string); ok {
					if r := p.replace(s); r != s {
						v, changed = r, true
					}
				}
				set = append(set, v)
			}
			if changed {
				changes = append(changes, append(set, vals[:len(key)]...))
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, c := range changes {
			if _, err := tx.ExecContext(ctx, upd, c...); err != nil {
				return err
			}
		}
		if !ti.rowid || n == 0 {
			return nil
		}
	}
}

// dropNamingOriginals leaves out every original whose content names a person (or that cannot be read
// back to check), looking at the extracted text and metadata, the raw bytes, and for DOCX and ODT
// every part of the zip. It returns how many documents lost their original.
func dropNamingOriginals(ctx context.Context, tx *sql.Tx, p *pseudonyms) (int, error) {
	type doc struct {
		id             int64
		sha, name, txt string
		noText         bool
	}
	rows, err := tx.QueryContext(ctx, "SELECT id, sha256, file_name, title || ' ' || sender || ' ' || text, no_text FROM documents WHERE sha256 IS NOT NULL")
	if err != nil {
		return 0, err
	}
	var docs []doc
	for rows.Next() {
		var d doc
		if err := rows.Scan(&d.id, &d.sha, &d.name, &d.txt, &d.noText); err != nil {
			rows.Close()
			return 0, err
		}
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	verdict := map[string]bool{} // sha256 -> leave out
	n := 0
	for _, d := range docs {
		out, ok := verdict[d.sha]
		if !ok {
			data, err := readBlobTx(ctx, tx, d.sha)
			if err != nil {
				return 0, err
			}
			out = originalNames(ctx, d.name, data, p)
			verdict[d.sha] = out
		}
		if out || d.noText || p.names(d.txt) {
			if _, err := tx.ExecContext(ctx, "UPDATE documents SET sha256 = NULL WHERE id = ?", d.id); err != nil {
				return 0, err
			}
			n++
		}
	}
	return n, nil
}

// originalNames reports whether an original names a person, or cannot be shown not to.
func originalNames(ctx context.Context, name string, data []byte, p *pseudonyms) bool {
	res, err := extract.Extract(ctx, name, data)
	if err != nil || res.NoText || res.Truncated || len(res.Attachments) > 0 {
		return true
	}
	for _, s := range []string{res.Title, res.Author, res.Sender, res.Text, string(data)} {
		if p.names(s) {
			return true
		}
	}
	if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				return true
			}
			part, err := io.ReadAll(io.LimitReader(rc, 64<<20))
			rc.Close()
			if err != nil || p.names(xmlText(part)) {
				return true
			}
		}
	}
	return false
}

// reTag strips XML tags, so a name split over runs (<w:t>San</w:t><w:t>ne</w:t>) is found too.
var reTag = regexp.MustCompile(`<[^>]*>`)

func xmlText(b []byte) string {
	return string(b) + " " + reTag.ReplaceAllString(string(b), "")
}

func readBlobTx(ctx context.Context, tx *sql.Tx, sha string) ([]byte, error) {
	rows, err := tx.QueryContext(ctx, "SELECT data FROM blob_chunks WHERE sha256 = ? ORDER BY seq", sha)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []byte
	for rows.Next() {
		var chunk []byte
		if err := rows.Scan(&chunk); err != nil {
			return nil, err
		}
		out = append(out, chunk...)
	}
	return out, rows.Err()
}

func queryStrings(ctx context.Context, tx *sql.Tx, q string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		if s.Valid {
			out = append(out, s.String)
		}
	}
	return out, rows.Err()
}
