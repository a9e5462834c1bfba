package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The worked examples of wor.md through the calculator, without a database.
func TestBerekenWorkedExamples(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "geen.db")
	for _, tc := range []struct {
		rule, date  string
		rawEnd, end string
		text        string // substring of the text output
	}{
		{"opschorting", "14-03-2025", "2025-04-14", "2025-04-14", "uitvoering op zijn vroegst di 15 apr 2025"},     // 1
		{"beroep", "2025-03-14", "2025-04-14", "2025-04-14", "art 26 lid 2 WOR"},                                   // 1
		{"beroep", "31-01-2025", "2025-02-28", "2025-02-28", "31 jan 2025 + 1 maand = vr 28 feb 2025"},             // 2
		{"opschorting", "2024-01-31", "2024-02-29", "2024-02-29", "do 29 feb 2024"},                                // 2
		{"nietigheid", "10-06-2025", "2025-07-10", "2025-07-10", "art 27 lid 5 WOR"},                               // 4
		{"agenda", "18-03-2025", "2025-03-11", "2025-03-11", "18 mrt 2025 − 7 dagen = di 11 mrt 2025"},             // 5
		{"ov-verzoek", "03-11-2025", "2025-11-17", "2025-11-17", "art 23 lid 1 WOR"},                               // 6
		{"beroep", "2025-10-31", "2025-11-30", "2025-12-01", "einde (ruw):  zo 30 nov 2025  (valt op een zondag)"}, // Atw
		{"agenda", "2025-04-28", "2025-04-21", "2025-04-21", "valt op Tweede Paasdag"},                             // backward
	} {
		code, out, errs := runCmd(t, home, "bereken", tc.rule, tc.date, "--db", db)
		if code != 0 || !strings.Contains(out, tc.text) {
			t.Errorf("bereken %s %s: %d\n%s%s\nwant %q", tc.rule, tc.date, code, out, errs, tc.text)
		}
		code, out, errs = runCmd(t, home, "--db", db, "bereken", tc.rule, tc.date, "--json")
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); code != 0 || err != nil {
			t.Fatalf("bereken --json: %d %v %s %s", code, err, out, errs)
		}
		if m["raw_end"] != tc.rawEnd || m["end"] != tc.end || m["rule"] != tc.rule {
			t.Errorf("bereken %s %s --json: raw_end %v end %v, want %s %s", tc.rule, tc.date, m["raw_end"], m["end"], tc.rawEnd, tc.end)
		}
		for _, k := range []string{"article", "explanation", "start", "title", "statutory"} {
			if _, ok := m[k]; !ok {
				t.Errorf("JSON lacks %s: %s", k, out)
			}
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("the calculator created a database: %v", err)
	}
}

func TestBerekenBadInput(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "geen.db")
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"bereken", "opschorting", "31-02-2025"}, 2, "februari 2025 heeft geen dag 31"},
		{[]string{"bereken", "opschorting", "2025-13-01"}, 2, "maand 13 bestaat niet"},
		{[]string{"bereken", "opschorting", "gisteren"}, 2, "is geen datum"},
		{[]string{"bereken", "bezwaar", "2025-03-14"}, 2, "onbekende regel \"bezwaar\": kies agenda, ov-verzoek, opschorting, beroep, nietigheid"},
		{[]string{"bereken", "opschorting"}, 2, "gebruik: werkbank bereken REGEL DATUM"},
		{[]string{"bereken", "beroep", "2025-03-14", "--regelset", "wms"}, 1, "geen wettelijke termijn bekend voor beroep onder wms"},
		{[]string{"bereken", "beroep", "2025-03-14", "--regelset", "pvt"}, 2, "onbekende regelset"},
	} {
		code, out, errs := runCmd(t, home, append(tc.args, "--db", db)...)
		if code != tc.code || !strings.Contains(errs, tc.msg) || out != "" {
			t.Errorf("%v: %d %q %q, want %d %q", tc.args, code, out, errs, tc.code, tc.msg)
		}
	}
}

func TestBerekenRegels(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "geen.db")
	code, out, _ := runCmd(t, home, "bereken", "--regels", "--db", db)
	for _, want := range []string{"agenda", "art 14 lid 2 sub g WOR", "7 dagen vóór", "opschorting", "1 maand na", "nietigheid", "art 27 lid 5 WOR"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("--regels lacks %q: %d\n%s", want, code, out)
		}
	}
	code, out, _ = runCmd(t, home, "bereken", "--regels", "--json", "--db", db)
	var rules []map[string]any
	if err := json.Unmarshal([]byte(out), &rules); code != 0 || err != nil || len(rules) != 5 {
		t.Fatalf("--regels --json: %d %v %s", code, err, out)
	}
	code, out, _ = runCmd(t, home, "bereken", "--regels", "--json", "--regelset", "wmcz", "--db", db)
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("wmcz rules: %d %q", code, out)
	}
}

// The demo is dated around the real today, since termijnen and dossiers count from the clock.
func demoToday(t *testing.T) (string, string) {
	t.Helper()
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	today := time.Now().Format("2006-01-02")
	if code, _, errs := runCmd(t, home, "--db", db, "demo", "--vandaag", today, "--documenten", "0"); code != 0 {
		t.Fatal(errs)
	}
	return home, db
}

func TestTermijnenAndDossiers(t *testing.T) {
	home, db := demoToday(t)
	code, out, errs := runCmd(t, home, "--db", db, "termijnen", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var items []struct {
		Source    string `json:"source"`
		DossierID int64  `json:"dossier_id"`
		Days      int    `json:"days"`
		State     string `json:"state"`
		Remaining string `json:"remaining"`
		Deadline  struct {
			Rule   string `json:"rule"`
			RawEnd string `json:"raw_end"`
			End    string `json:"end"`
		} `json:"deadline"`
	}
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("termijnen --json: %v\n%s", err, out)
	}
	rules := map[string]bool{}
	last := ""
	for _, it := range items {
		rules[it.Deadline.Rule] = true
		if it.Deadline.End < last {
			t.Errorf("not sorted by date: %s after %s", it.Deadline.End, last)
		}
		last = it.Deadline.End
		if it.Days < 0 && (it.State != "verlopen" || it.Remaining != "verlopen") {
			t.Errorf("expired item says %s/%s", it.State, it.Remaining)
		}
		if it.Days < -14 {
			t.Errorf("term expired %d days ago still listed", -it.Days)
		}
	}
	for _, r := range []string{"opschorting", "beroep", "nietigheid", "ov-verzoek", "afgesproken", "agenda"} {
		if !rules[r] {
			t.Errorf("no %s term among %v", r, rules)
		}
	}
	// --tot cuts the list; the text output names the article.
	tot := time.Now().AddDate(0, 0, 10).Format("02-01-2006")
	code, out, _ = runCmd(t, home, "--db", db, "termijnen", "--tot", tot)
	if code != 0 || !strings.Contains(out, "art 25 lid 6 WOR") || strings.Contains(out, "geen wettelijke termijn") {
		t.Errorf("termijnen --tot %s: %d\n%s", tot, code, out)
	}
	if code, _, errs := runCmd(t, home, "--db", db, "termijnen", "--tot", "30-02-2026"); code != 2 || !strings.Contains(errs, "februari 2026 heeft geen dag 30") {
		t.Errorf("bad --tot: %d %q", code, errs)
	}

	code, out, _ = runCmd(t, home, "--db", db, "dossiers", "--open", "--json")
	var ds []map[string]any
	if err := json.Unmarshal([]byte(out), &ds); code != 0 || err != nil {
		t.Fatalf("dossiers --json: %d %v", code, err)
	}
	if len(ds) != 6 {
		t.Errorf("%d open dossiers, want 6", len(ds))
	}
	for _, d := range ds {
		for _, k := range []string{"id", "kind", "title", "status", "next_deadline"} {
			if _, ok := d[k]; !ok {
				t.Errorf("dossier lacks %s: %v", k, d)
			}
		}
		if d["status"] != "open" {
			t.Errorf("--open lists %v", d)
		}
		if d["title"] == "Reorganisatie facilitaire dienst" {
			next, _ := d["next_deadline"].(map[string]any)
			if next["rule"] != "opschorting" {
				t.Errorf("next deadline of the reorganisation: %v", d["next_deadline"])
			}
		}
	}
	code, out, _ = runCmd(t, home, "--db", db, "dossiers")
	if code != 0 || !strings.Contains(out, "Nieuw declaratiesysteem") || !strings.Contains(out, "gesloten") {
		t.Errorf("dossiers: %d\n%s", code, out)
	}
}

func TestTermijnenEmptyDatabase(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "leeg.db")
	for _, cmd := range []string{"termijnen", "dossiers"} {
		code, out, errs := runCmd(t, home, "--db", db, cmd, "--json")
		if code != 0 || strings.TrimSpace(out) != "[]" {
			t.Errorf("%s on an empty database: %d %q %q", cmd, code, out, errs)
		}
	}
}
