//go:build unix

package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// writeHelp are help texts of keys that change data; none may show on a coach copy.
var writeHelp = []string{"n nieuw", "bewerken", "verwijderen", "importeren", "vrijgeven", "kopie voor coach", "actief maken"}

// TestCoachCopyFlow makes a coach copy of the demo council with the real binary, opens it without any
// flag, visits every view with its full help and tries write keys, and checks that the file's bytes
// and mtime and the folder's listing are exactly as before.
func TestCoachCopyFlow(t *testing.T) {
	bin := Build(t, werkbankPkg)
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	dir := filepath.Join(home, "coach")
	os.Mkdir(dir, 0o700)
	copyPath := filepath.Join(dir, "kopie.db")
	for _, args := range [][]string{{"--db", db, "demo", "--vandaag", "2025-11-25"}, {"--db", db, "coach-copy", copyPath}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_STATE_HOME="+filepath.Join(home, "state"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	before, _ := os.ReadFile(copyPath)
	st, _ := os.Stat(copyPath)
	list := names(t, dir)

	term := Start(t, bin, Options{Home: home}, "--db", copyPath)
	term.WaitForText("Kopie voor coach, alleen lezen, gemaakt op")
	term.WaitForText("OR Zorggroep Rivierenland")
	views := []string{"Overzicht", "Agenda", "Acties", "Archief", "Brieven", "Dossiers"}
	for i, name := range views {
		n := string(rune('1' + i))
		term.SendKeys(n)
		term.WaitForText("[" + n + " " + name + "]")
		for _, k := range []string{"n", "e", "x", "d"} {
			term.SendKeys(k)
		}
		term.SendKeys("esc", n)
		term.WaitForText("[" + n + " " + name + "]")
		term.SendKeys("?")
		term.WaitForText("alle toetsen")
		noWriteHelp(t, name, term.Screen())
		term.SendKeys("?")
	}
	term.SendKeys(",")
	term.WaitForText("Instellingen")
	for i := 0; i < 4; i++ {
		noWriteHelp(t, "Instellingen", term.Screen())
		term.SendKeys("c", "tab")
	}
	term.SendKeys("esc")
	term.WaitForNoText("Instellingen")
	term.SendKeys("q")
	if code := term.WaitExit(DefaultTimeout); code != 0 {
		t.Fatalf("exit code %d\n%s", code, term.Stderr())
	}
	after, _ := os.ReadFile(copyPath)
	st2, _ := os.Stat(copyPath)
	if !bytes.Equal(before, after) || !st.ModTime().Equal(st2.ModTime()) {
		t.Error("opening the coach copy changed the file")
	}
	if got := names(t, dir); got != list {
		t.Errorf("folder was %q, is %q", list, got)
	}
}

func noWriteHelp(t *testing.T, view, screen string) {
	t.Helper()
	for _, h := range writeHelp {
		if strings.Contains(screen, h) {
			t.Errorf("%s on a coach copy shows %q:\n%s", view, h, screen)
		}
	}
}

func names(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return strings.Join(out, ",")
}
