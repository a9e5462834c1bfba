package export

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

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
	inOrder(t, all, "Besluitenlijst OR-vergadering", "Café de Ëik", "Opening & mededelingen", "Kosten:",
		`"ideeën"`, "<intern>", "reorganisatie één", "naïeve", "Zoë", "Piet & Ïda", "OR-2025-014", "J. de Vries", "secretaris")
	// The reader applies the fonts' identity ToUnicode map byte-wise, so characters above U+00FF (€, •)
	// come back garbled from it; look for them in the content streams instead.
	for _, want := range []string{"Kosten: € 1.250", "•"} {
		if !pdfContains(t, data, want) {
			t.Errorf("%q not in the page content", want)
		}
	}
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
	if !strings.Contains(last, "pagina "+strconv.Itoa(n)+" van "+strconv.Itoa(n)) {
		t.Errorf("last page footer: %q", tail(last))
	}
	// The table spans pages; its header row comes back on each of them.
	headers := 0
	for _, p := range pages {
		if strings.Contains(p, "Kop\nInhoud") {
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

// pdfContains reports whether text occurs in one of the PDF's (deflated) streams in the UTF-16BE form
// fpdf writes for an embedded UTF-8 font.
func pdfContains(t *testing.T, data []byte, text string) bool {
	t.Helper()
	var want []byte
	for _, u := range utf16.Encode([]rune(text)) {
		want = append(want, byte(u>>8), byte(u))
	}
	for rest := data; ; {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			return false
		}
		rest = rest[i+len("stream\n"):]
		end := bytes.Index(rest, []byte("endstream"))
		if end < 0 {
			return false
		}
		zr, err := zlib.NewReader(bytes.NewReader(rest[:end]))
		if err != nil {
			continue // not deflated (a font program or the CMap)
		}
		content, _ := io.ReadAll(zr)
		if bytes.Contains(content, want) {
			return true
		}
	}
}

// A cell taller than a page continues on the next page instead of running off the paper.
func TestPDFRowTallerThanPage(t *testing.T) {
	huge := strings.Repeat("regel\n", 150) + "einde"
	d := Doc{Blocks: []Block{Table{Header: []string{"Nr", "Tekst"}, Rows: [][]string{{"1", huge}, {"2", "daarna"}}}}}
	var buf bytes.Buffer
	if err := PDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hoog.pdf")
	os.WriteFile(path, buf.Bytes(), 0o600)
	pages := pdfPages(t, path)
	if len(pages) < 3 {
		t.Fatalf("%d pages for a 151-line cell", len(pages))
	}
	all := strings.Join(pages, "")
	if strings.Count(all, "regel") != 150 || !strings.Contains(all, "einde") || !strings.Contains(all, "daarna") {
		t.Errorf("lines lost: %d", strings.Count(all, "regel"))
	}
}
