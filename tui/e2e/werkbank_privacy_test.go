//go:build unix

package e2e

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// TestLogHoldsNothingPersonal fills the demo with the real binary, walks the TUI through every view
// with a few actions (an actielijst imported on the command line, a search, a document read, its original opened in the "viewer"), quits, and then
// reads the log: it may say what happened, never who or what about. The original handed to the viewer
// (xdg-open is a script on PATH here) is gone after the exit.
func TestLogHoldsNothingPersonal(t *testing.T) {
	bin := Build(t, werkbankPkg)
	home := t.TempDir()
	tmp := filepath.Join(home, "tmp")
	bindir := filepath.Join(home, "bin")
	for _, d := range []string{tmp, bindir} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	opened := filepath.Join(home, "geopend.txt")
	script := "#!/bin/sh\nstat -c '%a %n' \"$1\" >> " + opened + "\n"
	if err := os.WriteFile(filepath.Join(bindir, "xdg-open"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	env := []string{"PATH=" + bindir + ":" + os.Getenv("PATH"), "TMPDIR=" + tmp}
	db := filepath.Join(home, "werkbank.db")

	demo := exec.Command(bin, "--db", db, "demo", "--vandaag", "2025-11-25")
	demo.Env = append(environment(home), env...)
	if out, err := demo.CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}

	// An actielijst from the command line, its file named after a member as an AS would name it.
	member := personal(t, db)[0]
	list := filepath.Join(home, "acties "+member+".csv")
	os.WriteFile(list, []byte("Actie;Wie\nRooster opvragen bij HR;"+member+"\n"), 0o600)
	imp := exec.Command(bin, "--db", db, "import-acties", list)
	imp.Env = append(environment(home), env...)
	if out, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("import-acties: %v\n%s", err, out)
	}

	term := Start(t, bin, Options{Home: home, Env: env}, "--db", db)
	term.WaitForText("OR Zorggroep Rivierenland")
	for i, name := range []string{"Agenda", "Acties", "Archief", "Brieven", "Dossiers", "Overzicht"} {
		n := []string{"2", "3", "4", "5", "6", "1"}[i]
		term.SendKeys(n)
		term.WaitForText("[" + n + " " + name + "]")
	}
	term.SendKeys("4")
	term.WaitForText("nieuwste eerst")
	term.SendKeys("o")
	term.WaitForText("Geopend in de standaardviewer")
	term.SendKeys("enter")
	term.WaitForText("origineel openen")
	term.SendKeys("esc")
	term.WaitForText("nieuwste eerst")
	term.SendKeys("/")
	term.Type("rooster")
	term.SendKeys("enter")
	term.SendKeys("esc", "esc")
	term.SendKeys("5")
	term.WaitForText("[5 Brieven]")
	term.SendKeys("enter")
	term.SendKeys("esc", "esc")
	term.SendKeys(",")
	term.WaitForText("Instellingen")
	term.SendKeys("tab", "tab")
	term.WaitForText("[Leden]")
	term.SendKeys("esc")
	term.WaitForNoText("[Leden]")
	term.SendKeys("q")
	if code := term.WaitExit(DefaultTimeout); code != 0 {
		t.Fatalf("exit code %d\n%s", code, term.Stderr())
	}

	// The viewer got a private file, and it is gone now werkbank has stopped.
	got, err := os.ReadFile(opened)
	if err != nil || !strings.HasPrefix(string(got), "600 ") {
		t.Fatalf("viewer call: %q %v", got, err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in TMPDIR after exit: %v", left)
	}

	logPath := filepath.Join(home, ".local", "state", "werkbank", "werkbank.log")
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(logPath); fi.Mode().Perm() != 0o600 {
		t.Errorf("log mode %o", fi.Mode().Perm())
	}
	log := string(raw)
	if !strings.Contains(log, "demo filled") || !strings.Contains(log, "actions imported") || !strings.Contains(log, "tui closed") {
		t.Fatalf("the log did not record the run:\n%s", log)
	}
	for _, s := range personal(t, db) {
		if strings.Contains(log, s) {
			t.Errorf("the log holds %q:\n%s", s, log)
		}
	}
}

// personal lists what must never be logged: names of members and bestuurders, document titles and
// lines of their text, letter subjects and lines of letter text.
func personal(t *testing.T, db string) []string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var out []string
	for _, q := range []string{
		`SELECT name FROM members`, `SELECT name FROM bestuurders`, `SELECT title FROM documents`,
		`SELECT text FROM documents`, `SELECT subject FROM letters`, `SELECT body FROM letter_versions`,
	} {
		rows, err := conn.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			for _, line := range strings.Split(s, "\n") {
				// Whole names and titles; of long texts, the lines long enough to be telling.
				if line = strings.TrimSpace(line); len(line) >= 12 || strings.Contains(q, "name") && line != "" {
					out = append(out, line)
				}
			}
		}
		rows.Close()
	}
	if len(out) < 20 {
		t.Fatalf("only %d personal strings found: is the demo filled?", len(out))
	}
	return out
}
