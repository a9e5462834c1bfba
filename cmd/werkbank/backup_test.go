package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
)

// runIn runs werkbank in-process with stdin.
func runIn(t *testing.T, home, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := env2(&out, &errb, map[string]string{"HOME": home})
	e.stdin = strings.NewReader(stdin)
	return run(args, e), out.String(), errb.String()
}

// demoDB makes a database with the demo council (other commands' tests use it too).
func demoDB(t *testing.T) (home, db string) {
	t.Helper()
	home = t.TempDir()
	db = filepath.Join(home, "w.db")
	if code, _, errs := runCmd(t, home, "--db", db, "demo", "--vandaag", "2025-11-25"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	return home, db
}

// smallDB makes a small council database: a body, members, a meeting with items and two archived
// documents. (The demo is much larger, and slow under -race.)
func smallDB(t *testing.T) (home, db string) {
	t.Helper()
	home = t.TempDir()
	db = filepath.Join(home, "w.db")
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b, err := s.CreateBody(ctx, model.Body{Name: "OR Testbedrijf", Kind: model.KindOR})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Anna de Vries", "Bram Jansen", "Cor Bakker"} {
		if _, err := s.CreateMember(ctx, model.Member{BodyID: b.ID, Name: n, Role: model.RoleLid}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate("2025-12-02"), Start: 570, End: 720},
		[]model.AgendaItem{{Title: "Opening", Minutes: 5}, {Title: "Rooster", Minutes: 30}}); err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{"Notulen over het rooster.", "Advies over de thuiswerkregeling."} {
		if _, err := s.ArchiveText(ctx, fmt.Sprintf("stuk-%d.txt", i), text, model.DocumentMeta{BodyID: b.ID}); err != nil {
			t.Fatal(err)
		}
	}
	return home, db
}

func TestBackupCommand(t *testing.T) {
	home, db := smallDB(t)
	code, out, errs := runCmd(t, home, "--db", db, "backup")
	if code != 0 || !strings.Contains(out, "Back-up gemaakt: "+filepath.Join(home, ".local/share/werkbank/backups")) {
		t.Fatalf("%d %q %q", code, out, errs)
	}
	out1 := filepath.Join(home, "kopie.db")
	if code, _, errs := runCmd(t, home, "--db", db, "backup", out1); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCmd(t, home, "--db", db, "backup", out1); code != 1 || !strings.Contains(errs, "bestaat al") {
		t.Fatalf("overwrite: %d %q", code, errs)
	}
	code, out, _ = runCmd(t, home, "--db", db, "backup", t.TempDir(), "--json")
	var b map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &b) != nil || !strings.HasPrefix(filepath.Base(b["path"].(string)), "w-") || b["size"].(float64) <= 0 {
		t.Fatalf("json: %d %s", code, out)
	}
	if code, _, _ := runCmd(t, home, "--db", db, "backup", "a", "b"); code != 2 {
		t.Fatalf("two outputs: %d", code)
	}
}

func countMembers(t *testing.T, db string) int {
	t.Helper()
	c, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var n int
	if err := c.QueryRow("SELECT count(*) FROM members WHERE deleted_at IS NULL").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRestoreCommandAsksFirst(t *testing.T) {
	home, db := smallDB(t)
	backup := filepath.Join(home, "b.db")
	runCmd(t, home, "--db", db, "backup", backup)
	all := countMembers(t, db)
	c, _ := sql.Open("sqlite", "file:"+db)
	c.Exec("UPDATE members SET deleted_at = '2025-11-25T10:00:00Z'")
	c.Close()
	if n := countMembers(t, db); n != 0 {
		t.Fatalf("%d members", n)
	}
	code, out, errs := runIn(t, home, "n\n", "--db", db, "restore", backup)
	if code != 1 || !strings.Contains(out, "Doorgaan? [j/N]") || !strings.Contains(errs, "niets gewijzigd") || countMembers(t, db) != 0 {
		t.Fatalf("declined: %d %q %q", code, out, errs)
	}
	code, out, errs = runIn(t, home, "ja\n", "--db", db, "restore", backup)
	if code != 0 || !strings.Contains(out, "Back-up teruggezet") || all == 0 || countMembers(t, db) != all {
		t.Fatalf("confirmed: %d %q %q", code, out, errs)
	}
	aside, _ := filepath.Glob(filepath.Join(home, "w-voor-herstel-*.db"))
	if len(aside) != 1 || countMembers(t, aside[0]) != 0 {
		t.Fatalf("saved aside: %v", aside)
	}
	// --ja asks nothing; a file that is not a backup is refused.
	notes := filepath.Join(home, "notities.txt")
	os.WriteFile(notes, []byte("geen back-up"), 0o600)
	if code, out, errs := runIn(t, home, "", "--db", db, "restore", notes, "--ja"); code != 1 || strings.Contains(out, "Doorgaan") || !strings.Contains(errs, "geen SQLite-database") {
		t.Fatalf("not a backup: %d %q %q", code, out, errs)
	}
	if code, _, errs := runIn(t, home, "", "--db", db, "restore", filepath.Join(home, "weg.db"), "--ja"); code != 1 || !strings.Contains(errs, "bestaat niet") {
		t.Fatalf("missing: %d %q", code, errs)
	}
}

func TestCheckCommand(t *testing.T) {
	home, db := smallDB(t)
	code, out, errs := runCmd(t, home, "--db", db, "check")
	if code != 0 || !strings.Contains(out, "Alles in orde.") || !strings.Contains(out, "✓ zoekindex document_fts: in orde") {
		t.Fatalf("%d %q %q", code, out, errs)
	}
	code, out, _ = runCmd(t, home, "--db", db, "check", "--json", "--read-only")
	var rep map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep["ok"] != true || rep["checked_copy"] != true {
		t.Fatalf("json: %d %s", code, out)
	}
	for _, k := range []string{"integrity", "foreign_keys", "full_text", "archive"} {
		if _, ok := rep[k].([]any); !ok {
			t.Errorf("%s is not a list: %v", k, rep[k])
		}
	}
}

// TestCheckDamagedCopy damages a table page of a copy on purpose: check exits 1 with a plain report.
func TestCheckDamagedCopy(t *testing.T) {
	home, db := smallDB(t)
	damaged := filepath.Join(home, "beschadigd.db")
	if code, _, errs := runCmd(t, home, "--db", db, "backup", damaged); code != 0 {
		t.Fatal(errs)
	}
	c, _ := sql.Open("sqlite", "file:"+damaged+"?mode=ro")
	var root int64
	c.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = 'members'").Scan(&root)
	c.Close()
	f, err := os.OpenFile(damaged, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(bytes.Repeat([]byte{0xFF}, 64), (root-1)*4096+8)
	f.Close()
	for _, ro := range []bool{false, true} {
		args := []string{"--db", damaged, "check"}
		if ro {
			args = append(args, "--read-only")
		}
		code, out, errs := runCmd(t, home, args...)
		if code != 1 || !strings.Contains(out, "✗ bestand: beschadigd") || !strings.Contains(out, "Er zijn problemen gevonden") ||
			!strings.Contains(out, "werkbank restore BACKUP") {
			t.Fatalf("read-only %v: %d\n%s\n%s", ro, code, out, errs)
		}
	}
}
