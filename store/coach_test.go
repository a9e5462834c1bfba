package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/extract"
)

// The secret is one word, so the full-text vocabulary holds it (or its stem) as one term.
const coachSecret = "Zilvervosplan"

type coachFixture struct {
	s      *Store
	path   string
	body   model.Body
	member string // a member's full name, planted in public text as well
}

// plantSecrets fills a database with public content and with the secret in every place the issue
// names: a confidential DOCX original and its extracted text, a confidential agenda item and its
// minutes note, an action linked to that item, a confidential action's history, a confidential
// letter's older version, a confidential document in the prullenbak, and rows under an expired
// imposition the AS has not released.
func plantSecrets(t *testing.T) coachFixture {
	t.Helper()
	s, path := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	f := coachFixture{s: s, path: path, body: b, member: "Sanne de Vries"}
	exec := func(q string, args ...any) int64 {
		t.Helper()
		res, err := s.w.ExecContext(ctx, q, args...)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		id, _ := res.LastInsertId()
		return id
	}
	if _, err := s.SaveBestuurder(ctx, model.Bestuurder{BodyID: b.ID, Name: "Herman Bosch", Email: "h.bosch@example.nl"}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{f.member, "Piet Jansen"} {
		if _, err := s.CreateMember(ctx, model.Member{BodyID: b.ID, Name: n, Role: model.RoleLid, Email: "x@example.nl"}); err != nil {
			t.Fatal(err)
		}
	}
	active := exec(`INSERT INTO impositions (body_id, imposed_by, subject, from_date) VALUES (?, 'Herman Bosch', ?, '2025-01-01')`,
		b.ID, "reorganisatie "+coachSecret)
	expired := exec(`INSERT INTO impositions (body_id, imposed_by, subject, from_date, until_date) VALUES (?, 'bestuurder', 'oud', '2024-01-01', '2024-12-31')`, b.ID)
	released := exec(`INSERT INTO impositions (body_id, imposed_by, subject, from_date, until_date, released) VALUES (?, 'bestuurder', 'vrijgegeven', '2024-01-01', '2024-06-30', '2024-07-05')`, b.ID)

	// Documents through the real import: originals, extracted text and the full-text index.
	dir := t.TempDir()
	put := func(name string, data []byte, meta model.DocumentMeta) model.Document {
		t.Helper()
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o600)
		fh, _ := os.Open(p)
		defer fh.Close()
		meta.BodyID = b.ID
		d, err := s.ImportFile(ctx, name, fh, meta)
		if err != nil {
			t.Fatalf("import %s: %v", name, err)
		}
		return d
	}
	put("geheim.docx", docxFile(t, "Plan", "Het "+coachSecret+" raakt 42 medewerkers."), model.DocumentMeta{ImpositionID: active, Confidential: true})
	binned := put("weg.txt", []byte(coachSecret+" in de prullenbak"), model.DocumentMeta{Title: coachSecret + " prullenbak", ImpositionID: active, Confidential: true})
	if err := s.DeleteDocument(ctx, binned.ID); err != nil {
		t.Fatal(err)
	}
	put("oud.txt", []byte("Verlopen maar niet vrijgegeven: "+coachSecret+"."), model.DocumentMeta{ImpositionID: expired, Confidential: true})
	put("vrij.txt", []byte("Vrijgegeven stuk over roosters."), model.DocumentMeta{ImpositionID: released, Confidential: true})
	put("openbaar.docx", docxFile(t, "Roosterbeleid", "Het roosterbeleid wordt geëvalueerd."), model.DocumentMeta{})
	put("notitie.txt", []byte("Notitie van "+f.member+" over thuiswerken."), model.DocumentMeta{Sender: f.member})

	meeting := exec(`INSERT INTO meetings (body_id, kind, date, start_min, end_min, chair, created_at) VALUES (?, 'or-vergadering', '2025-12-02', 810, 960, ?, 'x')`, b.ID, f.member)
	exec(`INSERT INTO agenda_items (meeting_id, position, title, minutes, presenter) VALUES (?, 1, 'Opening', 5, ?)`, meeting, f.member)
	item := exec(`INSERT INTO agenda_items (meeting_id, position, title, minutes, notes, imposition_id) VALUES (?, 2, ?, 30, ?, ?)`,
		meeting, "Reorganisatie "+coachSecret, "Notulen: "+coachSecret+" besproken", active)
	exec(`INSERT INTO actions (body_id, description, owner, created_on, agenda_item_id) VALUES (?, ?, 'AS', '2025-11-01', ?)`,
		b.ID, "Uitwerken "+coachSecret, item)
	open := exec(`INSERT INTO actions (body_id, description, owner, created_on, notes) VALUES (?, 'Rooster opvragen', ?, '2025-11-01', 'gevraagd')`, b.ID, f.member)
	exec(`INSERT INTO action_history (action_id, at, field, old, new) VALUES (?, 'x', 'notes', '', 'gevraagd')`, open)
	conf := exec(`INSERT INTO actions (body_id, description, owner, created_on, imposition_id) VALUES (?, 'Vertrouwelijk', 'AS', '2025-11-01', ?)`, b.ID, active)
	exec(`INSERT INTO action_history (action_id, at, field, old, new) VALUES (?, 'x', 'notes', ?, '')`, conf, coachSecret+" oud")
	exec(`INSERT INTO decisions (body_id, year, seq, date, text, meeting_id) VALUES (?, 2025, 1, '2025-12-02', 'Agenda vastgesteld', ?)`, b.ID, meeting)
	letter := exec(`INSERT INTO letters (body_id, template, subject, imposition_id, created_at) VALUES (?, 'adviesbrief', 'Advies', ?, 'x')`, b.ID, active)
	exec(`INSERT INTO letter_versions (letter_id, n, body, created_at) VALUES (?, 1, ?, 'x'), (?, 2, 'Tweede versie', 'x')`, letter, "Eerste versie: "+coachSecret, letter)
	pub := exec(`INSERT INTO letters (body_id, template, subject, created_at) VALUES (?, 'uitnodiging', 'Uitnodiging', 'x')`, b.ID)
	exec(`INSERT INTO letter_versions (letter_id, n, body, fields, created_at) VALUES (?, 1, ?, ?, 'x')`, pub,
		"Geachte heer Bosch, namens "+f.member, `{"naam": "`+f.member+`"}`)
	// A public action is deleted to the prullenbak: its bin entry stays.
	gone := exec(`INSERT INTO actions (body_id, description, owner, created_on) VALUES (?, 'Weggegooid', 'AS', '2025-11-01')`, b.ID)
	if err := s.DeleteAction(ctx, gone); err != nil {
		t.Fatal(err)
	}
	return f
}

func tableCounts(t *testing.T, db *sql.DB) map[string]int {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
		AND name NOT LIKE '%_fts_%'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	out := map[string]int{}
	for _, n := range names {
		var c int
		if err := db.QueryRow("SELECT count(*) FROM " + quoteIdent(n)).Scan(&c); err != nil {
			t.Fatal(err)
		}
		out[n] = c
	}
	return out
}

// scratchDB opens a private plain copy of a coach copy for inspection (fts5vocab tables need writes).
func scratchDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "scratch.db")
	os.WriteFile(p, data, 0o600)
	db, err := sql.Open("sqlite", dsn(p, url.Values{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// assertAbsent checks raw bytes, every fts5vocab, every original extracted again, and search.
func assertAbsent(t *testing.T, copyPath string, words ...string) {
	t.Helper()
	raw, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		for _, form := range []string{w, strings.ToLower(w), strings.ToUpper(w)} {
			if bytes.Contains(raw, []byte(form)) {
				t.Errorf("raw bytes of the copy hold %q at %d", form, bytes.Index(raw, []byte(form)))
			}
		}
	}
	db := scratchDB(t, copyPath)
	fts, err := queryCol(db, "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5(%'")
	if err != nil || len(fts) == 0 {
		t.Fatalf("no FTS tables found: %v", err)
	}
	for _, name := range fts {
		v := name + "_coachvocab"
		if _, err := db.Exec(fmt.Sprintf("CREATE VIRTUAL TABLE %s USING fts5vocab(%s, 'row')", v, name)); err != nil {
			t.Fatal(err)
		}
		var total int
		db.QueryRow("SELECT count(*) FROM " + v).Scan(&total)
		if total == 0 {
			t.Errorf("%s: empty vocabulary; the index was not refilled", name)
		}
		for _, w := range words {
			prefix := termPrefix(w)
			terms, _ := queryCol(db, "SELECT term FROM "+v+" WHERE term LIKE ?", prefix+"%")
			if len(terms) > 0 {
				t.Errorf("%s vocabulary holds %v", name, terms)
			}
		}
	}
	s, err := Open(copyPath, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.IsCoachCopy() || !s.ReadOnly() {
		t.Errorf("coach %v read-only %v", s.IsCoachCopy(), s.ReadOnly())
	}
	ids, _ := queryCol(s.r, "SELECT id FROM documents WHERE sha256 IS NOT NULL")
	for _, id := range ids {
		var name string
		s.r.QueryRow("SELECT file_name FROM documents WHERE id = ?", id).Scan(&name)
		var buf bytes.Buffer
		var n int64
		fmt.Sscan(id, &n)
		if err := s.WriteOriginal(context.Background(), n, &buf); err != nil {
			t.Fatal(err)
		}
		res, err := extract.Extract(context.Background(), name, buf.Bytes())
		if err != nil {
			t.Fatalf("extract %s: %v", name, err)
		}
		for _, w := range words {
			if strings.Contains(strings.ToLower(res.Text+res.Title+res.Author), strings.ToLower(w)) {
				t.Errorf("original %s still holds %q", name, w)
			}
		}
	}
	for _, w := range words {
		var hits int
		if err := s.r.QueryRow("SELECT count(*) FROM document_fts WHERE document_fts MATCH ?", `"`+termPrefix(w)+`"*`).Scan(&hits); err != nil {
			t.Fatal(err)
		}
		if hits > 0 {
			t.Errorf("search for %q finds %d documents", w, hits)
		}
	}
}

// termPrefix is the first word of w, folded, cut to six letters: every stem and inflection starts so.
func termPrefix(w string) string {
	w = strings.ToLower(strings.FieldsFunc(w, func(r rune) bool { return r == '.' || r == ' ' })[0])
	return w[:min(len(w), 6)]
}

func queryCol(db *sql.DB, q string, args ...any) ([]string, error) {
	rows, err := db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v any
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprint(v))
	}
	return out, rows.Err()
}

func TestCoachCopyLeavesNoSecret(t *testing.T) {
	f := plantSecrets(t)
	ctx := context.Background()
	before := tableCounts(t, f.s.r)
	srcBytes, _ := os.ReadFile(f.path)
	out := filepath.Join(t.TempDir(), "coach.db")
	sum, err := f.s.CoachCopy(ctx, out, CoachOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if now, _ := os.ReadFile(f.path); !bytes.Equal(now, srcBytes) {
		t.Error("the source changed")
	}
	assertAbsent(t, out, coachSecret)
	got := map[string]int{}
	for _, c := range sum.Withheld {
		got[c.Table] = c.Count
	}
	want := map[string]int{"impositions": 2, "documents": 3, "agenda_items": 1, "actions": 2, "action_history": 1,
		"letters": 1, "letter_versions": 2, "bin": 1}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("withheld %s = %d, want %d (summary %+v)", k, got[k], v, sum.Withheld)
		}
	}
	c, err := Open(out, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	after := tableCounts(t, c.r)
	for table, n := range before {
		exp := n - got[table]
		switch table {
		case "settings":
			exp += 2 // coach_created, coach_summary
		case "blobs":
			exp = n - 3 // the three withheld originals
		case "blob_chunks":
			continue
		}
		if after[table] != exp {
			t.Errorf("%s: %d rows in the copy, want %d", table, after[table], exp)
		}
	}
	if made, _ := c.Setting(ctx, SettingCoachCreated, ""); made != "2025-11-25" {
		t.Errorf("coach_created %q", made)
	}
	var journal string
	c.r.QueryRow("PRAGMA journal_mode").Scan(&journal)
	if raw, _ := os.ReadFile(out); raw[18] != 1 || raw[19] != 1 {
		t.Errorf("header bytes 18-19 = %d %d, want rollback journal (1 1)", raw[18], raw[19])
	}
	// The released imposition's document stays and is searchable.
	var hits int
	c.r.QueryRow("SELECT count(*) FROM document_fts WHERE document_fts MATCH 'roosters'").Scan(&hits)
	if hits != 1 {
		t.Errorf("released document found %d times", hits)
	}
	var stats int
	c.r.QueryRow("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'").Scan(&stats)
	if stats != 0 {
		t.Error("statistics tables left in the copy")
	}
}

func TestCoachCopyPseudonymised(t *testing.T) {
	f := plantSecrets(t)
	out := filepath.Join(t.TempDir(), "coach.db")
	sum, err := f.s.CoachCopy(context.Background(), out, CoachOptions{Pseudonymise: true})
	if err != nil {
		t.Fatal(err)
	}
	assertAbsent(t, out, coachSecret, "Sanne", "Vries", "Bosch", "Jansen", "example.nl")
	if sum.People < 3 {
		t.Errorf("people %d", sum.People)
	}
	c, err := Open(out, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	names, _ := queryCol(c.r, "SELECT name FROM members ORDER BY id")
	if strings.Join(names, ",") != "Lid A,Lid B" {
		t.Errorf("members %v", names)
	}
	var chair, body string
	c.r.QueryRow("SELECT chair FROM meetings").Scan(&chair)
	c.r.QueryRow("SELECT body FROM letter_versions").Scan(&body)
	if chair != "Lid A" || body != "Geachte heer Bestuurder, namens Lid A" {
		t.Errorf("chair %q, letter %q", chair, body)
	}
	// The note that names a member keeps its text (pseudonymised, searchable) but loses its original.
	var sha sql.NullString
	var text string
	c.r.QueryRow("SELECT sha256, text FROM documents WHERE file_name = 'notitie.txt'").Scan(&sha, &text)
	if sha.Valid || !strings.Contains(text, "Lid A") {
		t.Errorf("notitie: original kept %v, text %q", sha.Valid, text)
	}
	var hits int
	c.r.QueryRow("SELECT count(*) FROM document_fts WHERE document_fts MATCH 'thuiswerken'").Scan(&hits)
	if hits != 1 {
		t.Errorf("pseudonymised note found %d times", hits)
	}
	c.r.QueryRow("SELECT sha256 FROM documents WHERE file_name = 'openbaar.docx'").Scan(&sha)
	if !sha.Valid {
		t.Error("an original that names nobody was left out")
	}
}

func TestCoachCopyWithoutOriginals(t *testing.T) {
	f := plantSecrets(t)
	out := filepath.Join(t.TempDir(), "coach.db")
	sum, err := f.s.CoachCopy(context.Background(), out, CoachOptions{WithoutOriginals: true})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Open(out, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var blobs, texts int
	c.r.QueryRow("SELECT count(*) FROM blob_chunks").Scan(&blobs)
	c.r.QueryRow("SELECT count(*) FROM documents WHERE text <> ''").Scan(&texts)
	if blobs != 0 || texts == 0 || sum.OriginalsOut == 0 {
		t.Errorf("chunks %d, texts %d, summary %+v", blobs, texts, sum)
	}
}

func TestCoachCopyRefusals(t *testing.T) {
	f := plantSecrets(t)
	ctx := context.Background()
	dir := t.TempDir()
	out := filepath.Join(dir, "coach.db")
	os.WriteFile(out, []byte("bestaand"), 0o600)
	if _, err := f.s.CoachCopy(ctx, out, CoachOptions{}); !errors.Is(err, ErrCoachExists) {
		t.Errorf("existing file: %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "bestaand" {
		t.Error("existing file changed")
	}
	if _, err := f.s.CoachCopy(ctx, f.path, CoachOptions{Overwrite: true}); !errors.Is(err, ErrCoachSource) {
		t.Errorf("source as target: %v", err)
	}
	if _, err := f.s.CoachCopy(ctx, out, CoachOptions{Overwrite: true}); err != nil {
		t.Errorf("overwrite: %v", err)
	}
	// An unwritable folder: a clear message and no file at all.
	ro := filepath.Join(dir, "alleen-lezen")
	os.Mkdir(ro, 0o500)
	if os.Geteuid() != 0 {
		if _, err := f.s.CoachCopy(ctx, filepath.Join(ro, "c.db"), CoachOptions{}); err == nil || !strings.Contains(err.Error(), "kan niet schrijven") {
			t.Errorf("unwritable: %v", err)
		}
	}
	// A full disk at any stage: a clear message, nothing left behind, the source as it was.
	src, _ := os.ReadFile(f.path)
	for _, stage := range []string{"clean", "rename"} {
		full := filepath.Join(dir, "vol-"+stage)
		os.Mkdir(full, 0o700)
		coachFailHook = func(s string) error {
			if s == stage {
				return model.ErrDiskFull
			}
			return nil
		}
		_, err := f.s.CoachCopy(ctx, filepath.Join(full, "c.db"), CoachOptions{Pseudonymise: true, Passphrase: []byte("x")})
		coachFailHook = func(string) error { return nil }
		if !errors.Is(err, model.ErrDiskFull) || !strings.Contains(err.Error(), "kopie voor coach mislukt") {
			t.Errorf("%s: %v", stage, err)
		}
		if entries, _ := os.ReadDir(full); len(entries) != 0 {
			t.Errorf("%s: left behind %v", stage, entries)
		}
	}
	if now, _ := os.ReadFile(f.path); !bytes.Equal(now, src) {
		t.Error("the source changed")
	}
}

func TestCoachCopyEncrypted(t *testing.T) {
	ScryptWorkFactor = 10
	f := plantSecrets(t)
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "coach.db.age")
	if _, err := f.s.CoachCopy(ctx, out, CoachOptions{Passphrase: []byte("paard batterij")}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(out)
	if !bytes.HasPrefix(raw, []byte(ageMagic)) || bytes.Contains(raw, []byte("SQLite format 3")) {
		t.Fatal("not an age file")
	}
	if _, err := Open(out, Options{}); !errors.Is(err, ErrEncrypted) {
		t.Errorf("without passphrase: %v", err)
	}
	if _, err := Open(out, Options{Passphrase: func() ([]byte, error) { return []byte("fout"), nil }}); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("wrong passphrase: %v", err)
	}
	var tmp string
	s, err := Open(out, Options{Passphrase: func() ([]byte, error) { return []byte("paard batterij"), nil }})
	if err != nil {
		t.Fatal(err)
	}
	tmp = s.Path()
	fi, err := os.Stat(tmp)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("decrypted copy %s: %v %v", tmp, fi, err)
	}
	if !s.IsCoachCopy() || !s.ReadOnly() {
		t.Error("decrypted copy is not a read-only coach copy")
	}
	var n int
	s.r.QueryRow("SELECT count(*) FROM members").Scan(&n)
	if n != 2 {
		t.Errorf("members %d", n)
	}
	s.Close()
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("decrypted copy left behind: %v", err)
	}
	if now, _ := os.ReadFile(out); !bytes.Equal(now, raw) {
		t.Error("the encrypted file changed")
	}
}

// TestCoachCopyOpensUntouched opens a coach copy and an older one: bytes, mtime and the folder stay.
func TestCoachCopyOpensUntouched(t *testing.T) {
	f := plantSecrets(t)
	ctx := context.Background()
	dir := t.TempDir()
	out := filepath.Join(dir, "coach.db")
	if _, err := f.s.CoachCopy(ctx, out, CoachOptions{}); err != nil {
		t.Fatal(err)
	}
	// An older coach copy: the schema of the previous version of werkbank.
	older := filepath.Join(dir, "ouder.db")
	raw, err := sql.Open("sqlite", dsn(older, url.Values{}))
	if err != nil {
		t.Fatal(err)
	}
	n := len(migrations) - 1
	stmts := append(append([]string{}, migrations[:n]...), fmt.Sprintf("PRAGMA user_version = %d", n),
		fmt.Sprintf("PRAGMA application_id = %d", int32(CoachAppID)),
		"INSERT INTO bodies (name, kind, rule_set, created_at) VALUES ('OR Oud', 'or', 'wor', 'x')", "PRAGMA journal_mode = DELETE")
	for _, q := range stmts {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	data, _ := os.ReadFile(out)
	for _, p := range []string{out, older} {
		before, _ := os.ReadFile(p)
		st, _ := os.Stat(p)
		list, _ := os.ReadDir(dir)
		s, err := Open(p, Options{Now: fixedNow})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if _, err := s.Bodies(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSetting(ctx, "x", "y"); !errors.Is(err, model.ErrReadOnly) {
			t.Errorf("write on a coach copy: %v", err)
		}
		s.Close()
		after, _ := os.ReadFile(p)
		st2, _ := os.Stat(p)
		list2, _ := os.ReadDir(dir)
		if !bytes.Equal(before, after) || !st.ModTime().Equal(st2.ModTime()) || len(list) != len(list2) {
			t.Errorf("%s changed by opening it (files %d -> %d)", p, len(list), len(list2))
		}
	}
	// A newer one is refused, with a message that says so.
	newer := filepath.Join(dir, "nieuwer.db")
	nw := bytes.Clone(data)
	nw[63]++
	os.WriteFile(newer, nw, 0o600)
	if _, err := Open(newer, Options{}); !errors.Is(err, ErrTooNew) {
		t.Errorf("newer copy: %v", err)
	}
	_ = io.Discard
}

func TestExpiredImpositions(t *testing.T) {
	f := plantSecrets(t)
	list, err := f.s.ExpiredImpositions(context.Background(), f.body.ID, model.MustDate("2025-11-25"))
	if err != nil || len(list) != 1 || list[0].Subject != "oud" {
		t.Fatalf("%+v %v", list, err)
	}
}
