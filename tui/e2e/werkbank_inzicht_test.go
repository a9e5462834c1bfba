//go:build unix

package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestInzichtInCoachCopy makes a coach copy of the demo council, opens it, goes from Overzicht to
// Inzicht with i, switches year, quarter and bodies, and checks that the copy's bytes and mtime are
// as before.
func TestInzichtInCoachCopy(t *testing.T) {
	bin := Build(t, werkbankPkg)
	home := t.TempDir()
	db := filepath.Join(home, "w.db")
	copyPath := filepath.Join(home, "kopie.db")
	for _, args := range [][]string{{"--db", db, "demo", "--vandaag", "2025-11-25"}, {"--db", db, "coach-copy", copyPath}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_STATE_HOME="+filepath.Join(home, "state"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	before, _ := os.ReadFile(copyPath)
	st, _ := os.Stat(copyPath)

	term := Start(t, bin, Options{Home: home}, "--db", copyPath)
	term.WaitForText("Kopie voor coach, alleen lezen")
	term.WaitForText("[1 Overzicht]")
	term.WaitForText("i inzicht")
	term.SendKeys("i")
	term.WaitForText("· Inzicht")
	term.WaitForText("op tijd verstuurd")
	// The demo is dated around 25 Nov 2025; step back to that year whatever today is.
	for y := time.Now().Year(); y != 2025; {
		if y > 2025 {
			term.SendKeys("left")
			y--
		} else {
			term.SendKeys("right")
			y++
		}
	}
	term.WaitForText("Inzicht 2025 ")
	term.WaitForText("Art 24 (algemene gang van zaken) 2025")
	term.SendKeys("v")
	term.WaitForText("Inzicht K1 2025")
	term.SendKeys("a")
	term.WaitForText("alle organen")
	term.SendKeys("pgdn")
	term.WaitForText("Acties")
	term.SendKeys("esc")
	term.WaitForNoText("· Inzicht")
	term.WaitForText("[1 Overzicht]")
	term.SendKeys("q")
	if code := term.WaitExit(DefaultTimeout); code != 0 {
		t.Fatalf("exit code %d\n%s", code, term.Stderr())
	}
	after, _ := os.ReadFile(copyPath)
	st2, _ := os.Stat(copyPath)
	if !bytes.Equal(before, after) || !st.ModTime().Equal(st2.ModTime()) {
		t.Error("Inzicht changed the coach copy")
	}
}
