package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docxText reads the written file back and returns the text of each w:p of word/document.xml, tabs and
// breaks as spaces, after checking that every part is well-formed XML.
func docxText(t *testing.T, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	defer zr.Close()
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = data
		if err := wellFormed(data); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
		"word/numbering.xml", "word/_rels/document.xml.rels"} {
		if parts[need] == nil {
			t.Errorf("part %s missing", need)
		}
	}

	var paras []string
	var cur strings.Builder
	in := false
	dec := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "p":
				cur.Reset()
			case "t":
				in = true
			case "tab", "br":
				cur.WriteString(" ")
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "p":
				if s := strings.TrimSpace(cur.String()); s != "" {
					paras = append(paras, s)
				}
			case "t":
				in = false
			}
		case xml.CharData:
			if in {
				cur.Write(tok)
			}
		}
	}
	return paras
}

func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

func TestDOCXContainsEveryTextInOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lijst.docx")
	if err := Write(path, FormatDOCX, sampleDoc()); err != nil {
		t.Fatal(err)
	}
	paras := docxText(t, path)
	all := strings.Join(paras, "\n")
	inOrder(t, all,
		"Besluitenlijst OR-vergadering",
		"Café de Ëik, 14 april 2025",
		"Opening & mededelingen",
		`Kosten: € 1.250 voor de cursus "ideeën" <intern>.`,
		"Utrecht, 14 april 2025",
		"Vastgesteld",
		"Besluiten",
		"Advies over reorganisatie één",
		"Instemming met het naïeve reglement",
		"Eerste punt", "Tweede punt",
		"Acties",
		"Nr", "Actie", "Wie",
		"Notulen rondsturen; daarna archiveren",
		`Brief aan bestuurder "Zoë"`, "Piet & Ïda",
		"Datum: 14 april 2025", "Kenmerk: OR-2025-014",
		"J. de Vries", "voorzitter", "A. Bakker", "secretaris",
		"Slotwoord na de pagina-einde.",
	)
}

func TestDOCXEscapesMarkup(t *testing.T) {
	var buf bytes.Buffer
	d := Doc{Title: `a < b & "c"`, Blocks: []Block{Paragraph{Text: "</w:t><w:evil/> & \x01"}}}
	if err := DOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "x.docx")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	paras := docxText(t, path)
	if len(paras) != 2 || paras[0] != `a < b & "c"` || !strings.HasPrefix(paras[1], "</w:t><w:evil/> & ") {
		t.Errorf("paragraphs = %q", paras)
	}
	raw := unzipPart(t, buf.Bytes(), "word/document.xml")
	if strings.Contains(raw, "<w:evil/>") {
		t.Error("text was not escaped")
	}
	if core := unzipPart(t, buf.Bytes(), "docProps/core.xml"); !strings.Contains(core, "a &lt; b &amp;") {
		t.Errorf("core.xml title not escaped: %s", core)
	}
}

// Each numbered list restarts at 1, which needs its own numbering instance.
func TestDOCXNumberedListsRestart(t *testing.T) {
	var buf bytes.Buffer
	d := Doc{Blocks: []Block{List{Numbered: true, Items: []string{"a"}}, List{Items: []string{"b"}}, List{Numbered: true, Items: []string{"c"}}}}
	if err := DOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	doc := unzipPart(t, buf.Bytes(), "word/document.xml")
	inOrder(t, doc, `<w:numId w:val="2"/>`, `<w:numId w:val="1"/>`, `<w:numId w:val="3"/>`)
	num := unzipPart(t, buf.Bytes(), "word/numbering.xml")
	for _, want := range []string{`w:numId="2"`, `w:numId="3"`, `<w:startOverride w:val="1"/>`} {
		if !strings.Contains(num, want) {
			t.Errorf("numbering.xml lacks %s", want)
		}
	}
}

func TestDOCXLetter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "brief.docx")
	if err := Write(path, FormatDOCX, sampleLetter().Doc()); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(docxText(t, path), "\n")
	inOrder(t, all, "Ondernemingsraad Acme B.V.", "De heer P. Jansen", "Utrecht, 14 april 2025",
		"Betreft: advies ex artikel 25", "Kenmerk: OR-2025-014", "Uw kenmerk: DIR/2025/77",
		"Geachte heer Jansen,", "ontvingen wij", "financiële onderbouwing",
		"Met vriendelijke groet, namens de ondernemingsraad", "J. de Vries", "A. Bakker",
		"Bijlagen: Advies", "Bijlage met cijfers", "Cc: Personeelsvertegenwoordiging")
	if strings.Count(all, "advies ex artikel 25") != 1 {
		t.Error("a letter's title must not be printed as well as its Betreft line")
	}
}

func unzipPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return string(b)
}
