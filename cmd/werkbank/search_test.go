package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestSearchCommand(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	if code, _, errs := runCmd(t, home, "--db", db, "demo", "--vandaag", "2025-11-25", "--documenten", "60"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := runCmd(t, home, "search", "reorganisatie", "type:brief", "--db", db, "--limit", "3")
	if code != 0 || !strings.Contains(out, "treffer") || !strings.Contains(out, "»") || errs != "" {
		t.Fatalf("text: %d %q %q", code, out, errs)
	}
	// JSON: a top-level array of hits with snake_case fields; a word may start with a dash.
	code, out, errs = runCmd(t, home, "--db", db, "search", "reorganisatie", "-zzzonbekend", "--json")
	var hits []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &hits) != nil || len(hits) == 0 || len(hits) > 50 {
		t.Fatalf("json: %d %q %q", code, out, errs)
	}
	for _, f := range []string{"kind", "id", "title", "type", "date", "dossier_title", "sender", "snippet", "confidential"} {
		if _, ok := hits[0][f]; !ok {
			t.Errorf("field %s missing in %v", f, hits[0])
		}
	}
	// Nothing found is an empty array, never null; problems are Dutch on stderr; hostile input is text.
	for _, q := range []string{`zzzonbekend`, `"`, `NEAR(`, `type:`, `jaar:abc AND`, strings.Repeat("x", 10000)} {
		code, out, errs = runCmd(t, home, "--db", db, "search", q, "--json")
		if code != 0 || strings.TrimSpace(out) != "[]" || strings.Contains(strings.ToLower(errs), "sqlite") || strings.Contains(errs, "fts5") {
			t.Errorf("%.20q: %d %q %q", q, code, out, errs)
		}
	}
	if _, _, errs = runCmd(t, home, "--db", db, "search", "reorganisatie", "type:"); !strings.Contains(errs, "zonder waarde") {
		t.Errorf("problem not shown: %q", errs)
	}
	if code, _, _ = runCmd(t, home, "--db", db, "search", "x", "--limit", "0"); code != 2 {
		t.Errorf("--limit 0: exit %d", code)
	}
	if code, _, _ = runCmd(t, home, "--db", db, "search"); code != 2 {
		t.Errorf("no query: exit %d", code)
	}
}
