//go:build unix

package e2e

import (
	"archive/zip"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMinutesFlow takes the minutes of a meeting the way the AS does: a meeting planned for today, minutes
// mode opened from the agenda with N, notes on two items, a decision and an action (owner and due date in
// two keystrokes), the verslag written as Word, the new action found on Acties, its date set to today
// there, and the action shown on Overzicht under "deze week".
func TestMinutesFlow(t *testing.T) {
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
	term.SendKeys("N")
	term.WaitForText("· Notulen")
	term.WaitForText("niet vastgelegd")

	term.SendKeys("enter")
	term.WaitForText("ctrl+s opslaan")
	term.Type("Anneke opent de vergadering om 07:02.")
	term.SendKeys("ctrl+s")
	term.WaitForText("Notities bij punt 1 opgeslagen")
	term.SendKeys("j", "enter")
	term.WaitForText("ctrl+s opslaan")
	term.Type("Het verslag wordt ongewijzigd vastgesteld.")
	term.SendKeys("ctrl+s")
	term.WaitForText("Notities bij punt 2 opgeslagen")

	term.SendKeys("b")
	term.WaitForText("Besluit bij punt 2")
	term.Type("De OR stelt het verslag van de vorige vergadering vast.")
	term.SendKeys("enter")
	term.WaitForText("vastgelegd")
	term.SendKeys("a")
	term.WaitForText("Wat moet er gebeuren?")
	term.Type("Kantinebeleid navragen bij facilitair")
	term.SendKeys("enter")
	term.WaitForText("Wie?")
	term.SendKeys("1")
	term.WaitForText("Wanneer?")
	term.SendKeys("1")
	term.WaitForText("Kantinebeleid navragen bij facilitair (")

	out := filepath.Join(term.Home(), "verslag.docx")
	term.SendKeys("v")
	term.WaitForText("Verslag maken")
	term.SendKeys("tab", "ctrl+u")
	term.Type(out)
	term.SendKeys("enter")
	term.WaitForText("verslag.docx geschreven")
	text := docxText(t, out)
	for _, want := range []string{"Anneke opent de vergadering", "Het verslag wordt ongewijzigd vastgesteld", "De OR stelt het verslag",
		"Kantinebeleid navragen bij facilitair"} {
		if !strings.Contains(text, want) {
			t.Errorf("verslag lacks %q", want)
		}
	}

	term.SendKeys("esc")
	term.WaitForNoText("· Notulen")
	term.SendKeys("3")
	term.WaitForText("[3 Acties]")
	term.WaitForText("Kantinebeleid navragen")
	for i := 0; i < 30 && !selectedRow(term.Screen(), "Kantinebeleid navragen"); i++ {
		term.SendKeys("j")
		time.Sleep(150 * time.Millisecond) // let the moved marker reach the screen before looking again
	}
	if !selectedRow(term.Screen(), "Kantinebeleid navragen") {
		t.Fatalf("cannot select the new action:\n%s", term.Screen())
	}
	term.SendKeys("e")
	term.WaitForText("bewerken")
	term.SendKeys("tab", "tab", "ctrl+u")
	term.Type(today)
	term.SendKeys("ctrl+s")
	term.WaitForText("opgeslagen")
	term.SendKeys("1")
	term.WaitForText("[1 Overzicht]")
	term.WaitForText("deze week")
	term.WaitForText("Kantinebeleid")
	term.SendKeys("q")
	if code := term.WaitExit(DefaultTimeout); code != 0 {
		t.Fatalf("exit code %d\n%s", code, term.Stderr())
	}
}

// selectedRow reports whether the row marked with › holds text.
func selectedRow(screen, text string) bool {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "›") && strings.Contains(l, text) {
			return true
		}
	}
	return false
}

// docxText is the text of a .docx body, tags removed.
func docxText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("verslag: %v", err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		var out strings.Builder
		in := false
		for _, c := range string(b) {
			switch {
			case c == '<':
				in = true
			case c == '>':
				in = false
			case !in:
				out.WriteRune(c)
			}
		}
		return out.String()
	}
	t.Fatal("verslag has no word/document.xml")
	return ""
}
