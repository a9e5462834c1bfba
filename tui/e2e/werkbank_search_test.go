//go:build unix

package e2e

import (
	"strings"
	"testing"
)

// TestSearchAsYouTypeFlow types a query in the Archief one key at a time (each key starts a search;
// answers to earlier keys must never win), sees the results settle on the whole word, narrows them
// with the type key, opens a hit with its matches marked and jumps between them.
func TestSearchAsYouTypeFlow(t *testing.T) {
	bin := Build(t, werkbankPkg)
	term := Start(t, bin, Options{})
	term.WaitForText("Welkom bij werkbank")
	term.SendKeys("d")
	term.WaitForText("OR Zorggroep Rivierenland")
	term.SendKeys("4")
	term.WaitForText("nieuwste eerst")
	term.SendKeys("/")
	term.WaitForText("Typ om te zoeken")
	term.Type("thuiswerkregeling")
	term.WaitForText("Zoeken: thuiswerkregeling")
	term.WaitForText("»thuiswerkregeling«")
	screen := term.Screen()
	if !strings.Contains(screen, "treffer") {
		t.Fatalf("no count on screen:\n%s", screen)
	}
	// Every snippet on screen marks the whole word: none is left from a shorter prefix ("thuis").
	for _, line := range strings.Split(screen, "\n") {
		if i := strings.Index(line, "»"); i >= 0 && !strings.HasPrefix(strings.ToLower(line[i:]), "»thuiswerkregeling«") {
			t.Fatalf("a stale result is on screen: %q\n%s", line, screen)
		}
	}
	term.SendKeys("ctrl+t")
	term.WaitForText("soort: brief-in")
	term.SendKeys("ctrl+t")
	term.WaitForText("soort: brief-uit")
	term.WaitForText("› brief-uit") // the narrowed hits are in
	term.SendKeys("enter")
	term.WaitForText("treffer 1 van")
	term.SendKeys("esc")
	term.WaitForText("Zoeken: thuiswerkregeling")
	term.SendKeys("esc")
	term.WaitForText("nieuwste eerst")
	term.SendKeys("q")
	if code := term.WaitExit(DefaultTimeout); code != 0 {
		t.Fatalf("exit code %d\n%s", code, term.Stderr())
	}
}
