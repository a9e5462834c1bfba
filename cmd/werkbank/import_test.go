package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportCommand(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	if code, _, errs := runCmd(t, home, "--db", db, "demo", "--vandaag", "2025-11-25", "--documenten", "0"); code != 0 {
		t.Fatal(errs)
	}
	dir := filepath.Join(home, "stukken")
	os.MkdirAll(filepath.Join(dir, "sub"), 0o700)
	os.WriteFile(filepath.Join(dir, "memo.txt"), []byte("Memo over de werkdruk bij ICT."), 0o600)
	os.WriteFile(filepath.Join(dir, "sub", "brief.md"), []byte("# Adviesaanvraag fietsregeling\n\nGraag uw advies."), 0o600)
	os.WriteFile(filepath.Join(dir, "sub", "leeg.txt"), nil, 0o600)

	// One file failed: exit 1, every failure named with its reason, the rest imported.
	code, out, errs := runCmd(t, home, "import", dir, "--db", db, "--type", "brief-in")
	if code != 1 || !strings.Contains(out, "2 bestanden opgenomen") || !strings.Contains(out, "leeg.txt: bestand is leeg") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	// Again, only the good ones: duplicates are not failures, exit 0; --json is one object.
	code, out, errs = runCmd(t, home, "import", filepath.Join(dir, "memo.txt"), filepath.Join(dir, "sub", "brief.md"), "--json", "--db", db)
	if code != 0 {
		t.Fatalf("second import: %d %q", code, errs)
	}
	var sum map[string]any
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if sum["duplicates"].(float64) != 2 || sum["imported"].(float64) != 0 {
		t.Fatalf("summary %v", sum)
	}
	if f, ok := sum["failures"].([]any); !ok || len(f) != 0 {
		t.Fatalf("failures is not an empty array: %v", sum["failures"])
	}
	// Confidential: an imposition without an end date covers the files.
	os.WriteFile(filepath.Join(home, "geheim.txt"), []byte("Voorgenomen verkoop divisie Wonen."), 0o600)
	code, out, _ = runCmd(t, home, "import", filepath.Join(home, "geheim.txt"), "--vertrouwelijk", "--db", db)
	if code != 0 || !strings.Contains(out, "vertrouwelijk: alles valt onder geheimhouding") {
		t.Fatalf("confidential import: %d %q", code, out)
	}
	// Usage mistakes: exit 2.
	for _, args := range [][]string{{"import"}, {"import", dir, "--type", "factuur"}, {"import", dir, "--dossier", "x"}} {
		if code, _, _ := runCmd(t, home, append(args, "--db", db)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	// Adding generated documents to a filled database.
	code, out, errs = runCmd(t, home, "demo", "--documenten", "20", "--db", db)
	if code != 0 || !strings.Contains(out, "20 gegenereerde documenten toegevoegd") {
		t.Fatalf("demo --documenten: %d %q %q", code, out, errs)
	}
}
