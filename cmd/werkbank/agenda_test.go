package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestVergaderingenAndExportAgenda(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	if code, _, errs := runCmd(t, home, "--db", db, "demo", "--vandaag", "2025-11-25"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := runCmd(t, home, "--db", db, "vergaderingen", "--json")
	if code != 0 {
		t.Fatalf("vergaderingen: %d %s", code, errs)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) == 0 {
		t.Fatalf("not a JSON array: %v\n%.300s", err, out)
	}
	for _, k := range []string{"id", "kind", "date", "start", "end", "status", "agenda_due", "agenda_state", "agenda_deadline"} {
		if _, ok := list[0][k]; !ok {
			t.Errorf("meeting JSON lacks %q", k)
		}
	}
	id := strconv.Itoa(int(list[0]["id"].(float64)))
	code, out, _ = runCmd(t, home, "--db", db, "vergaderingen")
	if code != 0 || !strings.Contains(out, "agenda uiterlijk") || !strings.Contains(out, "OR-vergadering") {
		t.Fatalf("text: %d %s", code, out)
	}
	dir := t.TempDir()
	for _, f := range []string{"md", "docx", "pdf", "ics", "eml"} {
		path := filepath.Join(dir, "agenda."+f)
		code, out, errs := runCmd(t, home, "export", "agenda", id, "--format", f, "--openbaar", "--out", path, "--db", db)
		if code != 0 || !strings.Contains(out, path) {
			t.Fatalf("%s: %d %s %s", f, code, out, errs)
		}
		if raw, err := os.ReadFile(path); err != nil || len(raw) == 0 {
			t.Fatalf("%s: %v", f, err)
		}
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "agenda.pdf"))
	if !bytes.HasPrefix(raw, []byte("%PDF")) {
		t.Fatal("not a pdf")
	}
	// The format follows from --out when --format is left out.
	if code, _, errs := runCmd(t, home, "--db", db, "export", "agenda", id, "--out", filepath.Join(dir, "x.docx")); code != 0 {
		t.Fatalf("format from extension: %s", errs)
	}
	bad := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"export"}, 2, "soorten"},
		{[]string{"export", "notulen"}, 2, "onbekende soort"},
		{[]string{"export", "agenda", "abc", "--format", "pdf"}, 2, "geen vergadering-id"},
		{[]string{"export", "agenda", id, "--format", "odt"}, 2, "onbekend formaat"},
		{[]string{"export", "agenda", id}, 2, "kies een formaat"},
		{[]string{"export", "agenda", "9999", "--format", "pdf", "--out", filepath.Join(dir, "n.pdf")}, 1, "bestaat niet"},
		{[]string{"export", "agenda", id, "--format", "pdf", "--out", filepath.Join(dir, "geen", "a.pdf")}, 1, "bestaat niet"},
	}
	for _, b := range bad {
		code, _, errs := runCmd(t, home, append(b.args, "--db", db)...)
		if code != b.code || !strings.Contains(errs, b.msg) {
			t.Errorf("%v: %d %q", b.args, code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "n.pdf")); !os.IsNotExist(err) {
		t.Error("file left for an unknown meeting")
	}
}

func TestVergaderingenEmptyDatabase(t *testing.T) {
	home := t.TempDir()
	code, out, _ := runCmd(t, home, "--db", filepath.Join(home, "leeg.db"), "vergaderingen", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("%d %q", code, out)
	}
}
