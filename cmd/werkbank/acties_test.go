package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestActiesBesluitenAndExport(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	// The demo is dated around the real today, so some of its actions are late now.
	if code, _, errs := runCmd(t, home, "--db", db, "demo", "--documenten", "0"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := runCmd(t, home, "--db", db, "acties", "--json")
	if code != 0 {
		t.Fatalf("acties: %d %s", code, errs)
	}
	var all []map[string]any
	if err := json.Unmarshal([]byte(out), &all); err != nil || len(all) == 0 {
		t.Fatalf("not a JSON array: %v\n%.300s", err, out)
	}
	for _, k := range []string{"id", "description", "owner", "due", "status", "postponed", "meeting_id", "overdue_days", "created_on"} {
		if _, ok := all[0][k]; !ok {
			t.Errorf("action JSON lacks %q", k)
		}
	}
	code, out, _ = runCmd(t, home, "--db", db, "acties", "--te-laat", "--json")
	var late []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &late) != nil || len(late) == 0 || len(late) >= len(all) {
		t.Fatalf("te laat: %d of %d", len(late), len(all))
	}
	for _, a := range late {
		if a["overdue_days"].(float64) <= 0 {
			t.Fatalf("not late: %v", a)
		}
	}
	code, out, _ = runCmd(t, home, "--db", db, "acties", "--open")
	if code != 0 || !strings.Contains(out, "te laat (") || strings.Contains(out, "gereed") {
		t.Fatalf("acties --open:\n%s", out)
	}
	code, out, _ = runCmd(t, home, "--db", db, "besluiten", "--jaar", "1999", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("empty year: %d %q", code, out)
	}
	code, out, _ = runCmd(t, home, "--db", db, "besluiten", "--json")
	var decisions []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &decisions) != nil || len(decisions) == 0 {
		t.Fatalf("besluiten: %s", out)
	}
	dir := t.TempDir()
	for _, kind := range []string{"acties", "besluiten"} {
		for _, f := range []string{"md", "csv", "docx", "pdf"} {
			path := filepath.Join(dir, kind+"."+f)
			code, out, errs := runCmd(t, home, "--db", db, "export", kind, "--format", f, "--out", path)
			if code != 0 || !strings.Contains(out, "geschreven") {
				t.Fatalf("export %s %s: %d %s", kind, f, code, errs)
			}
			if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
				t.Fatalf("%s: %v", path, err)
			}
		}
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "acties.csv"))
	if !strings.HasPrefix(string(csv), "\uFEFFnr;actie;eigenaar") {
		t.Fatalf("csv %.80q", csv)
	}
	if code, _, errs := runCmd(t, home, "--db", db, "export", "acties", "--format", "xls"); code != 2 || !strings.Contains(errs, "onbekend formaat") {
		t.Fatalf("bad format: %d %s", code, errs)
	}
	if code, _, _ := runCmd(t, home, "--db", db, "besluiten", "--jaar", "25"); code != 2 {
		t.Fatal("year 25 accepted")
	}
}

func TestImportActiesCommand(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	if code, _, errs := runCmd(t, home, "--db", db, "demo", "--documenten", "0", "--vandaag", "2025-11-25"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	_, before, _ := runCmd(t, home, "--db", db, "acties", "--json")
	bad := filepath.Join(home, "lijst.csv")
	os.WriteFile(bad, []byte("Wat;Wie;Wanneer\nRooster;AS;28-01-2025\nKantine;Onbekend;\n;AS;\n"), 0o600)
	code, out, errs := runCmd(t, home, "--db", db, "import-acties", bad)
	if code != 1 || !strings.Contains(errs, "regel 3: eigenaar \"Onbekend\"") || !strings.Contains(errs, "regel 4: omschrijving ontbreekt") ||
		!strings.Contains(errs, "er is niets geïmporteerd") || !strings.Contains(out, "omschrijving = Wat (A)") {
		t.Fatalf("bad file: %d\n%s\n%s", code, out, errs)
	}
	if _, after, _ := runCmd(t, home, "--db", db, "acties", "--json"); after != before {
		t.Fatal("a refused import changed the actions")
	}
	code, out, errs = runCmd(t, home, "--db", db, "import-acties", bad, "--vrije-eigenaar", "--proef")
	if code != 1 || strings.Contains(errs, "Onbekend") {
		t.Fatalf("free owners still refuse the empty description only: %d %s", code, errs)
	}
	good := filepath.Join(home, "goed.csv")
	os.WriteFile(good, []byte("kolom1,kolom2,datum\nRooster opvragen,AS,28-01-2025\nKantine navragen,as,\n"), 0o600)
	if code, _, errs := runCmd(t, home, "--db", db, "import-acties", good); code != 2 || !strings.Contains(errs, "--kolom-omschrijving") {
		t.Fatalf("undetected columns: %d %s", code, errs)
	}
	code, out, errs = runCmd(t, home, "--db", db, "import-acties", good, "--kolom-omschrijving", "A", "--kolom-eigenaar", "kolom2", "--proef")
	if code != 0 || !strings.Contains(out, "proef: 2 acties") {
		t.Fatalf("dry run: %d %s %s", code, out, errs)
	}
	code, out, errs = runCmd(t, home, "--db", db, "import-acties", good, "--kolom-omschrijving", "A", "--kolom-eigenaar", "2", "--json")
	var res map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res["imported"].(float64) != 2 {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	if code, _, _ := runCmd(t, home, "--db", db, "import-acties"); code != 2 {
		t.Fatal("no file accepted")
	}
}
