//go:build unix

package e2e

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// editScript is the $EDITOR of the flow: it fills the letter's open fields in place, as the AS would in
// vim, with Dutch characters the Word file must keep.
const editScript = `#!/bin/sh
sed -i \
  -e 's/{{sub}}/e/g' \
  -e 's/{{uw_kenmerk}}/BEST-2025-031/g' \
  -e 's/{{bijlagen_aanvraag}}/de notitie en de planning/g' \
  -e 's/{{procedure}}/Wij vroegen aanvullende informatie en ontvingen die tijdig./g' \
  -e 's/{{datum_ov}}/3 december 2025/g' \
  -e 's/{{datum_or_vergadering}}/9 december 2025/g' \
  -e 's/{{samenvatting_besluit}}/De telefooncentrale wordt vervangen door een systeem in de cloud./g' \
  -e 's/{{criteria}}/- bereikbaarheid voor cliënten/g' \
  -e 's/{{bezwaren}}/De financiële onderbouwing ontbreekt; de naïeve planning is niet haalbaar./g' \
  "$1"
`

// TestBrievenFlow drafts an adviesbrief for a new dossier, edits it in $EDITOR, exports a .docx through
// the path prompt, marks it sent, and finds it in the archive.
func TestBrievenFlow(t *testing.T) {
	bin := Build(t, werkbankPkg)
	home := t.TempDir()
	script := filepath.Join(home, "editor.sh")
	if err := os.WriteFile(script, []byte(editScript), 0o700); err != nil {
		t.Fatal(err)
	}
	term := Start(t, bin, Options{Home: home, Env: []string{"EDITOR=" + script, "VISUAL="}})
	term.WaitForText("Welkom bij werkbank")
	term.SendKeys("d")
	term.WaitForText("OR Zorggroep Rivierenland")

	// A new adviesaanvraag, received today.
	term.SendKeys("6")
	term.WaitForText("[6 Dossiers]")
	term.SendKeys("n")
	term.WaitForText("Nieuw dossier voor")
	term.SendKeys("tab")
	term.Type("Nieuwe telefooncentrale")
	term.SendKeys("ctrl+s")
	term.WaitForText("Nieuwe telefooncentrale")

	term.SendKeys("5")
	term.WaitForText("[5 Brieven]")
	term.WaitForText("3 brieven")
	term.SendKeys("n")
	term.WaitForText("kies een sjabloon")
	term.SendKeys("j", "j")
	term.WaitForText("elk bezwaar met zijn redenen")
	term.SendKeys("enter")
	term.WaitForText("kies het dossier")
	term.WaitForText("› Nieuwe telefooncentrale")
	term.SendKeys("enter")
	term.WaitForText("Adviesbrief (negatief) · dossier Nieuwe telefooncentrale")
	term.WaitForText("concept · versie 1")
	term.WaitForText("open velden")

	term.SendKeys("ctrl+e")
	term.WaitForText("Versie 2 opgeslagen uit de editor")
	term.WaitForText("alle velden ingevuld")

	out := filepath.Join(home, "advies.docx")
	term.SendKeys("x")
	term.WaitForText("Exporteren: Adviesbrief (negatief)")
	term.SendKeys("tab", "ctrl+u")
	term.Type(out)
	term.SendKeys("enter")
	term.WaitForText("advies.docx geschreven")
	doc := documentXML(t, out)
	for _, want := range []string{"BEST-2025-031", "bereikbaarheid voor cliënten", "De financiële onderbouwing ontbreekt",
		"naïeve planning", "advies ex artikel 25 lid 1 sub e WOR over nieuwe telefooncentrale"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}

	term.SendKeys("s")
	term.WaitForText("Brief als verzonden markeren op")
	term.SendKeys("j")
	term.WaitForText("gearchiveerd · r heropenen")
	term.WaitForText("verzonden")

	term.SendKeys("4")
	term.WaitForText("[4 Archief]")
	term.WaitForText("Advies ex artikel 25 lid 1 sub e WOR")
	term.SendKeys("q")
	if code := term.WaitExit(DefaultTimeout); code != 0 {
		t.Fatalf("exit code %d\n%s", code, term.Stderr())
	}
}

// documentXML reads word/document.xml of a .docx, failing unless it is a valid zip.
func documentXML(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is no valid zip: %v", path, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s has no word/document.xml", path)
	return ""
}
