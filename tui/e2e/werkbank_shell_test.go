//go:build unix

package e2e

import (
	"fmt"
	"path/filepath"
	"testing"
)

const werkbankPkg = "github.com/werkbank-nl/werkbank/cmd/werkbank"

// TestShellFlow starts werkbank on a new database, loads the demo from the welcome screen, visits all
// six views and settings, resizes, and quits cleanly. It runs at 100x30 and at 80x24.
func TestShellFlow(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			bin := Build(t, werkbankPkg)
			term := Start(t, bin, Options{Cols: size[0], Rows: size[1]})
			term.WaitForText("Welkom bij werkbank")
			term.SendKeys("d")
			term.WaitForText("OR Zorggroep Rivierenland")
			for i, name := range []string{"Agenda", "Acties", "Archief", "Brieven", "Dossiers", "Overzicht"} {
				n := []string{"2", "3", "4", "5", "6", "1"}[i]
				term.SendKeys(n)
				term.WaitForText("[" + n + " " + name + "]")
			}
			term.SendKeys(",")
			term.WaitForText("Instellingen")
			term.SendKeys("tab", "tab")
			term.WaitForText("[Leden]")
			term.WaitForText("voorzitter")
			term.SendKeys("esc")
			term.WaitForNoText("[Leden]")
			term.Resize(80, 24)
			term.WaitForText("[1 Overzicht]")
			term.Resize(70, 20)
			term.WaitForText("dit venster is 70x20")
			term.Resize(size[0], size[1])
			term.WaitForText("[1 Overzicht]")
			term.SendKeys("q")
			if code := term.WaitExit(DefaultTimeout); code != 0 {
				t.Fatalf("exit code %d\n%s", code, term.Stderr())
			}
		})
	}
}

// TestChangeFromOtherProcess runs two werkbank processes on one database: what the second one saves,
// the first one shows after its next key.
func TestChangeFromOtherProcess(t *testing.T) {
	bin := Build(t, werkbankPkg)
	home := t.TempDir()
	db := filepath.Join(home, "gedeeld.db")
	a := Start(t, bin, Options{Home: home}, "--db", db)
	a.WaitForText("Welkom bij werkbank")
	a.SendKeys("d")
	a.WaitForText("OR Zorggroep Rivierenland")
	a.SendKeys(",", "tab", "tab")
	a.WaitForText("[Leden]")

	b := Start(t, bin, Options{Home: home}, "--db", db)
	b.WaitForText("OR Zorggroep Rivierenland")
	b.SendKeys(",", "tab", "tab")
	b.WaitForText("[Leden]")
	b.SendKeys("n")
	b.WaitForText("Nieuw lid")
	b.Type("Zoë van Elders")
	b.SendKeys("ctrl+s")
	b.WaitForText("Zoë van Elders opgeslagen")

	a.WaitForNoText("Zoë van Elders")
	a.SendKeys("j")
	a.WaitForText("Zoë van Elders")

	for _, term := range []*Term{a, b} {
		term.SendKeys("esc", "q")
		if code := term.WaitExit(DefaultTimeout); code != 0 {
			t.Fatalf("exit code %d\n%s", code, term.Stderr())
		}
	}
}
