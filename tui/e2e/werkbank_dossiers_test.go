//go:build unix

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// TestDossierFlow follows an adviesaanvraag the way the AS does: a new dossier, a negative advice, a
// deviating decision notified in writing; the suspension and appeal terms appear on the dossier with
// their Atw end date, and on Overzicht, where enter jumps back to the dossier.
func TestDossierFlow(t *testing.T) {
	bin := Build(t, werkbankPkg)
	term := Start(t, bin, Options{})
	term.WaitForText("Welkom bij werkbank")
	term.SendKeys("d")
	term.WaitForText("OR Zorggroep Rivierenland")
	today := model.DateOf(time.Now())
	started, advice, decision := today.AddDays(-40), today.AddDays(-30), today.AddDays(-25)

	term.SendKeys("6")
	term.WaitForText("Dossiers  [open]")
	term.SendKeys("n")
	term.WaitForText("Nieuw dossier")
	term.SendKeys("tab")
	term.Type("Reorganisatie ICT")
	term.SendKeys("tab", "tab", "tab", "ctrl+u")
	term.Type(started.String())
	term.SendKeys("ctrl+s")
	term.WaitForText("Adviesaanvraag · Reorganisatie ICT")

	// An impossible date is refused at the field; nothing is saved.
	term.SendKeys("n")
	term.WaitForText("Gebeurtenis toevoegen")
	term.SendKeys("j", "j", "j", "j", "enter")
	term.WaitForText("advies uitgebracht vastleggen")
	term.SendKeys("ctrl+u")
	term.Type("31-02-2025")
	term.SendKeys("ctrl+s")
	term.WaitForText("februari 2025 heeft geen dag 31")
	term.SendKeys("ctrl+u")
	term.Type(advice.String())
	term.SendKeys("tab", "right", "ctrl+s")
	term.WaitForText("advies uitgebracht: negatief")

	term.SendKeys("n")
	term.WaitForText("Gebeurtenis toevoegen")
	term.SendKeys("j", "j", "j", "j", "j", "enter")
	term.WaitForText("besluit schriftelijk meegedeeld vastleggen")
	term.SendKeys("ctrl+u")
	term.Type(decision.String())
	term.SendKeys("ctrl+s")
	term.WaitForText("besluit meegedeeld (afwijkend)")

	end, err := termijn.Calc(termijn.WOR, termijn.CodeBeroep, decision, termijn.Calendar{})
	if err != nil {
		t.Fatal(err)
	}
	term.WaitForText(end.End.Compact() + "  Beroep bij de Ondernemingskamer")
	screen := term.Screen()
	if !strings.Contains(screen, end.End.Compact()+"  Einde opschorting besluit") {
		t.Fatalf("suspension term missing (want %s):\n%s", end.End.Compact(), screen)
	}

	term.SendKeys("1")
	term.WaitForText("Einde opschorting besluit · Reorganisatie ICT")
	if !strings.Contains(term.Screen(), "Beroep bij de Ondernemingskamer · Reorganisatie ICT") {
		t.Fatalf("appeal term not on Overzicht:\n%s", term.Screen())
	}
	for i := 0; i < 12 && !selectedRow(term.Screen(), "Reorganisatie ICT"); i++ {
		term.SendKeys("j")
		time.Sleep(50 * time.Millisecond)
	}
	term.SendKeys("enter")
	term.WaitForText("Adviesaanvraag · Reorganisatie ICT")
	term.SendKeys("q")
	if code := term.WaitExit(DefaultTimeout); code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, term.Stderr())
	}
}
