package letterexport

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/store/export"
	"github.com/werkbank-nl/werkbank/store/extract"
)

// sample renders the negative advice with Dutch characters in its body.
func sample(t *testing.T) letter.Rendered {
	t.Helper()
	tp, _ := letter.Default("adviesbrief-negatief")
	v := letter.DraftFields(letter.Facts{
		Body:  model.Body{Name: "OR", Kind: model.KindOR, Company: "Zorggroep Rivierenland", Address: "Postbus 412, 4000 AK Tiel", Place: "Tiel"},
		Chair: "Anneke Smit", Secretary: "Zoë Brouwer",
		Bestuurder: model.Bestuurder{Name: "Ingrid Bakker", Title: "bestuurder", Salutation: "mevrouw"},
		Today:      model.NewDate(2025, 10, 24), Seq: 7,
		Dossier: &letter.DossierFacts{Title: "Reorganisatie facilitaire dienst", Received: model.NewDate(2025, 9, 12), OVHeld: model.NewDate(2025, 10, 10)},
	})
	for k, val := range map[string]string{
		"sub": "e", "uw_kenmerk": "DIR/2025/77", "bijlagen_aanvraag": "notitie en planning", "datum_or_vergadering": "2025-10-21",
		"procedure":            "Wij vroegen op 15 september aanvullende informatie en ontvingen die op 1 oktober.",
		"samenvatting_besluit": "- de facilitaire dienst gaat op in het servicecentrum\n- 12 functies vervallen",
		"criteria":             "1. werkgelegenheid\n2. kwaliteit van de zorg",
		"bezwaren":             "De financiële onderbouwing ontbreekt. Er is geen sociaal plan voor de naïeve aanname van natuurlijk verloop; de ideeën van het personeel zijn niet gehoord.",
	} {
		v[k] = val
	}
	r, err := letter.Render(tp.Source, v)
	if err != nil {
		t.Fatal(err)
	}
	if r.Markers() != 0 {
		t.Fatalf("sample still has markers: %v", r.Missing)
	}
	return r
}

func TestBlocks(t *testing.T) {
	got := Blocks("Eerste alinea\nloopt door.\n\nInleiding:\n- een\n- twee\n1. eerste\n2) tweede\n\nSlot.")
	want := []export.Block{
		export.Paragraph{Text: "Eerste alinea loopt door."},
		export.Paragraph{Text: "Inleiding:"},
		export.List{Items: []string{"een", "twee"}},
		export.List{Items: []string{"eerste", "tweede"}, Numbered: true},
		export.Paragraph{Text: "Slot."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v", got)
	}
}

func TestDOCX(t *testing.T) {
	r := sample(t)
	path := filepath.Join(t.TempDir(), "advies.docx")
	if err := Write(path, "docx", r); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var doc string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			doc = string(b)
		}
	}
	if doc == "" {
		t.Fatal("no word/document.xml")
	}
	inOrder(t, doc, "Ondernemingsraad Zorggroep Rivierenland", "Mevrouw I. Bakker", "Tiel, 24 oktober 2025",
		"advies ex artikel 25 lid 1 sub e WOR over reorganisatie facilitaire dienst", "OR-2025-007", "DIR/2025/77",
		"Geachte mevrouw Bakker,", "Op 12 september 2025 vroeg u", "de facilitaire dienst gaat op in het servicecentrum",
		"werkgelegenheid", "De ondernemingsraad adviseert negatief", "De financiële onderbouwing ontbreekt",
		"naïeve", "ideeën", "artikel 25 lid 6 WOR", "Met vriendelijke groet,", "namens de ondernemingsraad",
		"Anneke Smit", "Zoë Brouwer")
	// The archive reads the same file back: every Dutch character intact.
	res, err := extract.Extract(context.Background(), "advies.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"financiële", "naïeve", "Zoë", "één maand"} {
		if !strings.Contains(res.Text, w) {
			t.Errorf("extracted text lacks %q", w)
		}
	}
}

func TestPDF(t *testing.T) {
	r := sample(t)
	data, err := Bytes("pdf", r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("starts with %q", data[:8])
	}
	res, err := extract.Extract(context.Background(), "advies.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(res.Text), " ")
	if !strings.Contains(text, "Betreft: advies ex artikel 25 lid 1 sub e WOR over reorganisatie facilitaire dienst") {
		t.Errorf("PDF text lacks the Betreft line:\n%s", text)
	}
}

func TestMarkdownAndText(t *testing.T) {
	r := sample(t)
	for _, f := range []string{"md", "txt"} {
		data, err := Bytes(f, r)
		if err != nil {
			t.Fatal(err)
		}
		inOrder(t, string(data), "Betreft", "Geachte mevrouw Bakker,", "adviseert negatief", "Anneke Smit")
	}
}

func TestMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bestaat-niet")
	err := Write(filepath.Join(dir, "brief.docx"), "docx", sample(t))
	if err == nil || !strings.Contains(err.Error(), "map bestaat niet") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("folder created")
	}
	if err := Write(filepath.Join(t.TempDir(), "brief.odt"), "odt", sample(t)); err == nil || !strings.Contains(err.Error(), "onbekend formaat") {
		t.Errorf("odt: %v", err)
	}
}

func TestFileName(t *testing.T) {
	l := letter.Letter{ID: 3, Template: "adviesbrief-negatief"}
	if got := FileName(l, "OR-2025-007", "docx"); got != "brief-OR-2025-007-adviesbrief-negatief.docx" {
		t.Errorf("got %q", got)
	}
	if got := FileName(l, "[nog invullen: kenmerk]", "pdf"); got != "brief-3-adviesbrief-negatief.pdf" {
		t.Errorf("got %q", got)
	}
}

func inOrder(t *testing.T, s string, want ...string) {
	t.Helper()
	rest := s
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			if strings.Contains(s, w) {
				t.Errorf("%q out of order", w)
			} else {
				t.Errorf("%q missing", w)
			}
			continue
		}
		rest = rest[i+len(w):]
	}
}
