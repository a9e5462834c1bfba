//go:build unix

package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// TestArchiefImportFlow imports a folder through the Archief (with a file that fails), reads the
// summary, and opens the imported document.
func TestArchiefImportFlow(t *testing.T) {
	bin := Build(t, werkbankPkg)
	dir := filepath.Join(t.TempDir(), "stukken")
	if err := os.MkdirAll(filepath.Join(dir, "2025"), 0o700); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "2025", "notulen-ov-zoë.md"), []byte("# Notulen OV met Zoë\n\nDe OR stemt in met het rooster; één voorbehoud over de ploegendienst.\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "nep.docx"), []byte("gewone tekst"), 0o600)

	term := Start(t, bin, Options{})
	term.WaitForText("Welkom bij werkbank")
	term.SendKeys("d")
	term.WaitForText("OR Zorggroep Rivierenland")
	term.SendKeys("4")
	term.WaitForText("[4 Archief]")
	term.WaitForText("nieuwste eerst")
	term.SendKeys("i")
	term.WaitForText("tab vult aan")
	term.Type(filepath.Dir(dir) + "/stu")
	term.SendKeys("tab")
	term.WaitForText("stukken/")
	term.SendKeys("enter")
	term.WaitForText("Import klaar")
	term.WaitForText("geen zip-archief, dus geen DOCX")
	term.SendKeys("esc")
	term.WaitForText("Notulen OV met Zoë")
	term.SendKeys("enter")
	term.WaitForText("één voorbehoud over de ploegendienst")
	term.SendKeys("esc")
	term.WaitForText("nieuwste eerst")
	term.SendKeys("q")
	if code := term.WaitExit(DefaultTimeout); code != 0 {
		t.Fatalf("exit code %d\n%s", code, term.Stderr())
	}
}
