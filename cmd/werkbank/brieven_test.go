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

func TestBrievenAndExportBrief(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	if code, _, errs := runCmd(t, home, "--db", db, "demo", "--vandaag", "2025-11-25", "--documenten", "0"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := runCmd(t, home, "--db", db, "brieven", "--json")
	if code != 0 {
		t.Fatalf("brieven: %d %s", code, errs)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) < 3 {
		t.Fatalf("not a JSON array of letters: %v\n%.300s", err, out)
	}
	sent := "" // the demo's letter waiting for signatures: complete, so its export has no markers
	for _, l := range list {
		for _, k := range []string{"id", "template", "template_name", "dossier_id", "status", "created_on", "saved_on", "sent_on", "versions"} {
			if _, ok := l[k]; !ok {
				t.Errorf("letter JSON lacks %q", k)
			}
		}
		if l["status"] == "ter-ondertekening" {
			sent = strconv.Itoa(int(l["id"].(float64)))
		}
	}
	if sent == "" {
		t.Fatal("no demo letter ter ondertekening")
	}
	code, out, _ = runCmd(t, home, "--db", db, "brieven")
	if code != 0 || !strings.Contains(out, "Beroep op nietigheid") || !strings.Contains(out, "ter ondertekening") {
		t.Fatalf("text: %d %s", code, out)
	}
	dir := t.TempDir()
	for _, f := range []string{"docx", "pdf", "md", "txt"} {
		path := filepath.Join(dir, "brief."+f)
		code, out, errs := runCmd(t, home, "--db", db, "export", "brief", sent, "--format", f, "--out", path)
		if code != 0 || !strings.Contains(out, path) {
			t.Fatalf("%s: %d %s %s", f, code, out, errs)
		}
		if raw, err := os.ReadFile(path); err != nil || len(raw) == 0 {
			t.Fatalf("%s: %v", f, err)
		}
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "brief.pdf"))
	if !bytes.HasPrefix(raw, []byte("%PDF")) {
		t.Fatal("not a pdf")
	}
	txt, _ := os.ReadFile(filepath.Join(dir, "brief.txt"))
	if !strings.Contains(string(txt), "Tiel, 25 november 2025") || strings.Contains(string(txt), "[nog invullen") {
		t.Errorf("txt:\n%s", txt)
	}
	// The format follows from --out.
	if code, _, errs := runCmd(t, home, "--db", db, "export", "brief", sent, "--out", filepath.Join(dir, "x.docx")); code != 0 {
		t.Fatalf("format from extension: %s", errs)
	}
	bad := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"export", "brief"}, 2, "gebruik"},
		{[]string{"export", "brief", "abc", "--format", "pdf"}, 2, "geen brief-id"},
		{[]string{"export", "brief", sent}, 2, "kies een formaat"},
		{[]string{"export", "brief", sent, "--format", "odt"}, 2, "onbekend formaat"},
		{[]string{"export", "brief", "999", "--format", "pdf"}, 1, "brief 999 bestaat niet"},
		{[]string{"export", "brief", sent, "--out", filepath.Join(dir, "weg", "b.docx")}, 1, "map bestaat niet"},
		{[]string{"brieven", "extra"}, 2, "geen argumenten"},
	}
	for _, b := range bad {
		code, _, errs := runCmd(t, home, append([]string{"--db", db}, b.args...)...)
		if code != b.code || !strings.Contains(errs, b.msg) {
			t.Errorf("%v: %d %q", b.args, code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "weg")); !os.IsNotExist(err) {
		t.Error("folder created by a failed export")
	}
}

func TestBrievenEmpty(t *testing.T) {
	home := t.TempDir()
	code, out, _ := runCmd(t, home, "--db", filepath.Join(home, "leeg.db"), "brieven", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty: %d %q", code, out)
	}
}
