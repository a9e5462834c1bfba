package export

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// pdfPages returns the text of each page of the PDF at path.
func pdfPages(t *testing.T, path string) []string {
	t.Helper()
	f, r, err := pdf.Open(path)
	if err != nil {
		t.Fatalf("read pdf: %v", err)
	}
	defer f.Close()
	var pages []string
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		s, err := p.GetPlainText(nil)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		pages = append(pages, s)
	}
	return pages
}

func TestPDFText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lijst.pdf")
	if err := Write(path, FormatPDF, sampleDoc()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("starts with %q", data[:8])
	}
	pages := pdfPages(t, path)
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2 (one page break)", len(pages))
	}
	all := strings.Join(pages, "\n")
	inOrder(t, all, "Besluitenlijst OR-vergadering", "Café de Ëik", "Opening & mededelingen", "€ 1.250",
		`"ideeën" <intern>`, "reorganisatie één", "naïeve", "Piet & Ïda", "Zoë", "OR-2025-014", "J. de Vries", "secretaris")
	if !strings.Contains(pages[0], "pagina 1 van 2") || !strings.Contains(pages[1], "pagina 2 van 2") {
		t.Errorf("page numbers missing: %q / %q", tail(pages[0]), tail(pages[1]))
	}
	if !strings.Contains(pages[1], "Slotwoord") {
		t.Error("text after the page break is not on page 2")
	}
}

func TestPDFPaginatesLongDocument(t *testing.T) {
	var buf bytes.Buffer
	if err := PDF(&buf, longDoc()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "lang.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, path)
	if len(pages) < 5 {
		t.Fatalf("%d pages for 120 paragraphs and a 120-row table", len(pages))
	}
	n := len(pages)
	last := pages[n-1]
	if !strings.Contains(last, "pagina "+itoa(n)+" van "+itoa(n)) {
		t.Errorf("last page footer: %q", tail(last))
	}
	// The table spans pages; its header row comes back on each of them.
	headers := 0
	for _, p := range pages {
		if strings.Contains(p, "KopInhoud") || strings.Contains(p, "Kop Inhoud") {
			headers++
		}
	}
	if headers < 2 {
		t.Errorf("table header on %d pages, want it repeated", headers)
	}
}

// Characters the embedded fonts lack (and runes beyond fpdf's width table) must not break the file.
func TestPDFUnsupportedCharacters(t *testing.T) {
	d := Doc{Title: "Emoji 🙂 en 漢字", Blocks: []Block{Paragraph{Text: "combining e\u0301 and tab\there"}}}
	var buf bytes.Buffer
	if err := PDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, buf.Bytes(), 0o600)
	all := strings.Join(pdfPages(t, path), "")
	if !strings.Contains(all, "Emoji ? en ??") || !strings.Contains(all, "combining é") {
		t.Errorf("text = %q", all)
	}
}

func TestPDFLetter(t *testing.T) {
	var buf bytes.Buffer
	if err := PDF(&buf, sampleLetter().Doc()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "brief.pdf")
	os.WriteFile(path, buf.Bytes(), 0o600)
	pages := pdfPages(t, path)
	if len(pages) != 1 {
		t.Errorf("letter has %d pages", len(pages))
	}
	inOrder(t, strings.Join(pages, ""), "Ondernemingsraad Acme B.V.", "De heer P. Jansen", "Utrecht, 14 april 2025",
		"Betreft:", "advies ex artikel 25", "Geachte heer Jansen,", "financiële", "Met vriendelijke groet,",
		"J. de Vries", "A. Bakker", "Bijlagen:", "Cc:")
}

func tail(s string) string {
	if len(s) > 60 {
		return s[len(s)-60:]
	}
	return s
}

func itoa(i int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
		if i == 0 {
			return string(b)
		}
	}
}

var _ = io.Discard
