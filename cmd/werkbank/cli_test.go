package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs werkbank in-process with a private HOME and returns exit code, stdout and stderr.
func runCmd(t *testing.T, home string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"HOME": home}
	code := run(args, env2(&out, &errb, env))
	return code, out.String(), errb.String()
}

func env2(out, errb *bytes.Buffer, vars map[string]string) env {
	return env{stdin: strings.NewReader(""), stdout: out, stderr: errb, getenv: func(k string) string { return vars[k] }}
}

func TestDemoAndLeden(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	code, out, errs := runCmd(t, home, "--db", db, "demo", "--vandaag", "2025-11-25", "--seed", "7")
	if code != 0 || !strings.Contains(out, "demo geladen") {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	// The demo refuses a database that holds data.
	code, _, errs = runCmd(t, home, "demo", "--db", db)
	if code != 1 || !strings.Contains(errs, "bevat al gegevens") {
		t.Fatalf("second demo: %d %q", code, errs)
	}
	// Global flag after the subcommand, JSON shape.
	code, out, errs = runCmd(t, home, "leden", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("leden: %d %s", code, errs)
	}
	var members []map[string]any
	if err := json.Unmarshal([]byte(out), &members); err != nil {
		t.Fatalf("leden --json is not a JSON array: %v\n%s", err, out)
	}
	if len(members) != 9 {
		t.Fatalf("%d members, want 9", len(members))
	}
	for _, k := range []string{"id", "body_id", "name", "role", "email", "term_start", "term_end"} {
		if _, ok := members[0][k]; !ok {
			t.Errorf("member JSON lacks %q: %v", k, members[0])
		}
	}
	if _, ok := members[0]["id"].(float64); !ok {
		t.Errorf("id is not a number: %v", members[0]["id"])
	}
	code, out, _ = runCmd(t, home, "--db", db, "leden")
	if code != 0 || !strings.Contains(out, "OR Zorggroep Rivierenland (9 leden)") || !strings.Contains(out, "voorzitter") {
		t.Fatalf("leden text: %d %q", code, out)
	}
}

func TestDemoIsDeterministic(t *testing.T) {
	home := t.TempDir()
	var outs []string
	for _, name := range []string{"a.db", "b.db"} {
		db := filepath.Join(home, name)
		if code, _, errs := runCmd(t, home, "demo", "--db", db, "--seed", "3", "--vandaag", "25-11-2025"); code != 0 {
			t.Fatal(errs)
		}
		_, out, _ := runCmd(t, home, "leden", "--json", "--db", db)
		outs = append(outs, out)
	}
	if outs[0] != outs[1] {
		t.Fatal("same seed gave different demo data")
	}
}

func TestLedenOnEmptyDatabase(t *testing.T) {
	home := t.TempDir()
	code, out, _ := runCmd(t, home, "leden", "--json", "--db", filepath.Join(home, "leeg.db"))
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("empty leden --json: %d %q", code, out)
	}
}

func TestPathsAndEnv(t *testing.T) {
	home := t.TempDir()
	var out, errb bytes.Buffer
	vars := map[string]string{"HOME": home, "WERKBANK_DB": filepath.Join(home, "x", "env.db"), "XDG_STATE_HOME": filepath.Join(home, "state")}
	if code := run([]string{"paths", "--json"}, env2(&out, &errb, vars)); code != 0 {
		t.Fatal(errb.String())
	}
	var p map[string]string
	if err := json.Unmarshal(out.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p["database"] != vars["WERKBANK_DB"] || !strings.HasPrefix(p["log"], filepath.Join(home, "state")) || p["backups"] == "" {
		t.Fatalf("paths: %v", p)
	}
	// --db wins over WERKBANK_DB.
	out.Reset()
	run([]string{"--db", filepath.Join(home, "flag.db"), "paths"}, env2(&out, &errb, vars))
	if !strings.Contains(out.String(), "flag.db") {
		t.Fatalf("--db did not win: %s", out.String())
	}
	// Default under the XDG data dir.
	_, out2, _ := runCmd(t, home, "paths")
	if !strings.Contains(out2, filepath.Join(home, ".local", "share", "werkbank", "werkbank.db")) {
		t.Fatalf("default path: %s", out2)
	}
}

func TestVersion(t *testing.T) {
	home := t.TempDir()
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := runCmd(t, home, args...)
		if code != 0 || !strings.HasPrefix(out, "werkbank ") || !strings.Contains(out, "schemaversie") {
			t.Fatalf("%v: %d %q", args, code, out)
		}
	}
	code, out, _ := runCmd(t, home, "version", "--json")
	var v map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v["version"] == "" || v["schema"] == nil {
		t.Fatalf("version --json: %d %q", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	home := t.TempDir()
	cases := [][]string{
		{"bestaatniet"},
		{"leden", "--bogus"},
		{"demo", "--vandaag", "31-02-2025"},
		{"--db"},
		{"leden", "extra"},
	}
	for _, args := range cases {
		code, _, errs := runCmd(t, home, args...)
		if code != 2 || !strings.HasPrefix(errs, "werkbank: ") {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, code, errs)
		}
	}
}

func TestRefusesForeignFile(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "notities.txt")
	os.WriteFile(db, []byte("geen database"), 0o600)
	code, _, errs := runCmd(t, home, "leden", "--db", db)
	if code != 1 || !strings.Contains(errs, "geen SQLite-database") {
		t.Fatalf("foreign file: %d %q", code, errs)
	}
	if b, _ := os.ReadFile(db); string(b) != "geen database" {
		t.Fatal("file changed")
	}
}

func TestReadOnlyFlag(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	runCmd(t, home, "demo", "--db", db)
	code, _, errs := runCmd(t, home, "--read-only", "demo", "--db", db)
	if code != 1 || errs == "" {
		t.Fatalf("demo on read-only: %d %q", code, errs)
	}
	code, _, errs = runCmd(t, home, "leden", "--read-only", "--db", filepath.Join(home, "none.db"))
	if code != 1 || !strings.Contains(errs, "bestaat niet") {
		t.Fatalf("missing read-only: %d %q", code, errs)
	}
}
