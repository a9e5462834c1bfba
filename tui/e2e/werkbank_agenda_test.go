//go:build unix

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAgendaFlow builds an agenda the way the AS does: a new meeting from its standard agenda, an item
// added below the actielijst and moved up with K, the agenda exported to Word through the path prompt,
// and marked sent, which the list then shows as late (the meeting is today).
func TestAgendaFlow(t *testing.T) {
	bin := Build(t, werkbankPkg)
	term := Start(t, bin, Options{})
	term.WaitForText("Welkom bij werkbank")
	term.SendKeys("d")
	term.WaitForText("OR Zorggroep Rivierenland")
	term.SendKeys("2")
	term.WaitForText("Vergaderingen")
	term.SendKeys("n")
	term.WaitForText("Nieuwe vergadering")
	// Today at 07:00 sorts before every demo meeting, so it is the first row.
	today := time.Now().Format("2006-01-02")
	term.SendKeys("tab", "ctrl+u")
	term.Type(today)
	term.SendKeys("tab", "ctrl+u")
	term.Type("07:00")
	term.SendKeys("tab", "ctrl+u")
	term.Type("09:00")
	term.SendKeys("ctrl+s")
	term.WaitForText("07:00–09:00")
	term.SendKeys("enter")
	term.WaitForText("Rondvraag")
	term.SendKeys("j", "j", "j", "n")
	term.WaitForText("Nieuw agendapunt")
	term.Type("Kantinebeleid")
	term.SendKeys("ctrl+s")
	term.WaitForText("5   07:35  Kantinebeleid")
	term.SendKeys("K")
	term.WaitForText("4   07:25  Kantinebeleid")
	out := filepath.Join(term.Home(), "agenda.docx")
	term.SendKeys("x")
	term.WaitForText("Exporteren")
	term.SendKeys("tab", "tab", "ctrl+u")
	term.Type(out)
	term.SendKeys("enter")
	term.WaitForText("agenda.docx geschreven")
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Fatalf("export: %v", err)
	}
	term.SendKeys("s")
	term.WaitForText("te laat verzonden")
	term.SendKeys("esc")
	term.WaitForText("Vergaderingen")
	if !strings.Contains(term.Screen(), "✗") {
		t.Fatalf("late agenda not marked in the list:\n%s", term.Screen())
	}
	term.SendKeys("q")
	if code := term.WaitExit(DefaultTimeout); code != 0 {
		t.Fatalf("exit code %d\n%s", code, term.Stderr())
	}
}
