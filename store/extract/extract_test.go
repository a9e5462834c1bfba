package extract

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func extract(t *testing.T, name string, data []byte) Result {
	t.Helper()
	res, err := Extract(context.Background(), name, data)
	if err != nil {
		t.Fatalf("Extract(%s): %v", name, err)
	}
	return res
}

func wantText(t *testing.T, res Result, want string) {
	t.Helper()
	if res.Text != want {
		t.Errorf("text:\n got %q\nwant %q", res.Text, want)
	}
}

func TestPDFWithUTF8Font(t *testing.T) {
	res := extract(t, "notulen.pdf", fpdfPDF(t, "Notulen van de OR", dutch))
	wantText(t, res, "Notulen van de OR\n"+dutch)
	if res.Kind != "pdf" || res.NoText || res.Title != "Notulen overleg" || res.Author != "Anouk de Vrieß" {
		t.Errorf("metadata: %+v", res)
	}
	if !res.Date.Equal(fixedDate) {
		t.Errorf("date %v, want %v", res.Date, fixedDate)
	}
}

func TestPDFWithStandardFont(t *testing.T) {
	res := extract(t, "agenda.PDF", handPDF("Agenda OR", dutch))
	wantText(t, res, "Agenda OR\n"+dutch)
	if res.Title != "Agenda OR" || res.Author != "Secretariaat" {
		t.Errorf("metadata: %+v", res)
	}
	if want := time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC); !res.Date.Equal(want) {
		t.Errorf("date %v, want %v", res.Date, want)
	}
}

func TestPDFVersion2Header(t *testing.T) {
	data := handPDF("Versie twee")
	copy(data, "%PDF-2.0")
	wantText(t, extract(t, "v2.pdf", data), "Versie twee")
}

func TestPDFWithoutTextLayer(t *testing.T) {
	res := extract(t, "scan.pdf", scanPDF(t))
	if !res.NoText || res.Text != "" {
		t.Errorf("want NoText, got %+v", res)
	}
}

func TestDOCX(t *testing.T) {
	res := extract(t, "advies.docx", makeDOCX(t))
	wantText(t, res, "Advies over de reorganisatie\n"+
		"De OR is positief over het café.\n"+
		"Reünie in België geïnd €12\n\n"+
		"Punt | Besluit\n"+
		"Budget | Akkoord met één voorbehoud\n\n"+
		"Einde.")
	if res.Title != "Adviesbrief reorganisatie" || res.Author != "Joëlle Müller" || !res.Date.Equal(fixedDate) {
		t.Errorf("metadata: %+v", res)
	}
}

func TestDOCXTitleFromHeading(t *testing.T) {
	data := makeZip(t, zipEntry{name: "word/document.xml", data: docxDocument})
	if res := extract(t, "a.docx", data); res.Title != "Advies over de reorganisatie" {
		t.Errorf("title %q", res.Title)
	}
}

func TestODT(t *testing.T) {
	res := extract(t, "jaarverslag.odt", makeODT(t))
	wantText(t, res, "Jaarverslag ondernemingsraad\n"+
		"Reünie in België: één café, geïnd €12 voetnoot\n\n"+
		"Lid | Rol\n"+
		"Noël | voorzitter\n\n"+
		"Regel één\nregel twee")
	want := time.Date(2026, 3, 14, 10, 30, 0, 123456789, time.UTC)
	if res.Title != "Jaarverslag 2025" || res.Author != "Zoë Jansen" || !res.Date.Equal(want) {
		t.Errorf("metadata: %+v", res)
	}
}

func TestTXT(t *testing.T) {
	text := "Beste OR,\r\n\r\n" + dutch + "   en  meer.\r\n\r\n\r\n\r\nGroet\r\n"
	utf := extract(t, "brief.txt", []byte("\xef\xbb\xbf"+text))
	want := "Beste OR,\n\n" + dutch + " en meer.\n\nGroet"
	wantText(t, utf, want)

	cp, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, extract(t, "brief.txt", []byte(cp)), want)

	// Decomposed characters (as macOS writes them) come out composed.
	wantText(t, extract(t, "nfd.txt", []byte("e\u0301e\u0301n")), "één")
}

func TestMarkdown(t *testing.T) {
	md := "```\n# geen titel\n```\n\n# Agenda overlegvergadering één\n\nIn België, €12.\n\n## Punt 1\n"
	res := extract(t, "agenda.md", []byte(md))
	if res.Title != "Agenda overlegvergadering één" || res.Kind != "md" {
		t.Errorf("metadata: %+v", res)
	}
	wantText(t, res, "```\n# geen titel\n```\n\n# Agenda overlegvergadering één\n\nIn België, €12.\n\n## Punt 1")
}

func TestHTML(t *testing.T) {
	res := extract(t, "nieuws.html", []byte(htmlPage))
	wantText(t, res, "Nieuws van de OR\n\nReünie in België: één café, geïnd €12\n\neerste\ntweede\n\nNaam Functie\n\nTot ziens\nnamens de OR")
	if res.Title != "Nieuwsbrief & agenda" {
		t.Errorf("title %q", res.Title)
	}
	for _, bad := range []string{"script-tekst", "color", "alert", "javascript"} {
		if strings.Contains(res.Text, bad) {
			t.Errorf("text contains %q", bad)
		}
	}
}

func TestHTMLLatin1(t *testing.T) {
	page, _ := charmap.Windows1252.NewEncoder().String(`<html><head><meta charset="iso-8859-1"></head><body><p>café €12</p></body></html>`)
	wantText(t, extract(t, "oud.htm", []byte(page)), "café €12")
}

func TestEML(t *testing.T) {
	pdfData := handPDF("Advies", dutch)
	res := extract(t, "uitnodiging.eml", makeEML(t, pdfData))
	if res.Title != "Uitnodiging reünie €12" || res.Sender != "Renée d'Huït <renee@example.nl>" {
		t.Errorf("metadata: %+v", res)
	}
	if want := time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC); !res.Date.Equal(want) {
		t.Errorf("date %v", res.Date)
	}
	wantText(t, res, "Van: Renée d'Huït <renee@example.nl>\n"+
		"Aan: OR <or@example.nl>, Joëlle <joelle@example.nl>\n"+
		"Datum: 14 maart 2026 10:30\n"+
		"Onderwerp: Uitnodiging reünie €12\n\n"+
		"Beste leden,\n\n"+dutch+".\nGroet, Noël\n\n"+
		"Bijlagen:\n- "+pdfAttachmentName)
	if len(res.Attachments) != 1 || res.Attachments[0].Name != pdfAttachmentName ||
		!bytes.Equal(res.Attachments[0].Data, pdfData) {
		t.Fatalf("attachments: %d", len(res.Attachments))
	}
	att := extract(t, res.Attachments[0].Name, res.Attachments[0].Data)
	wantText(t, att, "Advies\n"+dutch)
}

func TestEMLHTMLOnlyAndForward(t *testing.T) {
	mail := "From: a@example.nl\r\nSubject: doorgestuurd\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n" +
		"--x\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n<p>caf\xe9 \x80</p><script>nee()</script>\r\n" +
		"--x\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@example.nl\r\nSubject: binnen\r\n\r\nbinnenste tekst\r\n" +
		"--x--\r\n"
	res := extract(t, "fw.eml", []byte(mail))
	if !strings.Contains(res.Text, "café €") || strings.Contains(res.Text, "nee()") {
		t.Errorf("text %q", res.Text)
	}
	if len(res.Attachments) != 1 || !strings.HasSuffix(res.Attachments[0].Name, ".eml") {
		t.Fatalf("attachments %+v", res.Attachments)
	}
	inner := extract(t, res.Attachments[0].Name, res.Attachments[0].Data)
	if inner.Title != "binnen" || !strings.HasSuffix(inner.Text, "binnenste tekst") {
		t.Errorf("inner %+v", inner)
	}
}

func TestTextIsCapped(t *testing.T) {
	res, err := ExtractWith(context.Background(), "lang.txt", bytes.Repeat([]byte("é"), 1000), Options{MaxText: 101})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Truncated || res.Text != strings.Repeat("é", 50) {
		t.Errorf("got %d bytes, truncated %v", len(res.Text), res.Truncated)
	}
}

func TestErrors(t *testing.T) {
	valid := handPDF("tekst")
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"leeg.pdf", nil, ErrEmpty},
		{"leeg.txt", []byte{}, ErrEmpty},
		{"plaatje.png", []byte("\x89PNG"), ErrUnsupported},
		{"geen-extensie", []byte("tekst"), ErrUnsupported},
		{"kapot.pdf", valid[:len(valid)/2], ErrCorrupt},
		{"rommel.pdf", []byte("%PDF-1.4\nrommel\n%%EOF\n"), ErrCorrupt},
		{"geheim.pdf", protectedPDF(t, "geheim"), ErrEncrypted},
		{"beperkt.pdf", protectedPDF(t, ""), ErrEncrypted},
		{"tekst.pdf", []byte("gewoon tekst"), ErrMismatch},
		{"brief.docx", []byte("gewoon tekst, geen zip"), ErrMismatch},
		{"brief.docx", []byte("PK\x03\x04 kapot"), ErrCorrupt},
		{"brief.docx", makeODT(t), ErrMismatch},
		{"brief.odt", makeDOCX(t), ErrMismatch},
		{"brief.odt", makeZip(t, zipEntry{name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet"}), ErrMismatch},
		{"leeg.docx", makeZip(t, zipEntry{name: "x", data: "y"}), ErrCorrupt},
		{"slecht.docx", makeZip(t, zipEntry{name: "word/document.xml", data: "<w:document><w:p>"}), ErrCorrupt},
		{"stuk.txt", valid, ErrMismatch},
		{"stuk.html", makeDOCX(t), ErrMismatch},
		{"binair.txt", []byte("ab\x00\x01cd"), ErrMismatch},
		{"geen.eml", []byte("zomaar tekst\nzonder kop"), ErrMismatch},
	}
	for _, tt := range tests {
		_, err := Extract(context.Background(), tt.name, tt.data)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestTimeoutAbandonsWork(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	start := time.Now()
	_, err := run(context.Background(), 50*time.Millisecond, func(context.Context) (Result, error) {
		<-block // an uninterruptible parser call
		return Result{}, nil
	})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestDeadlineFromContext(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	time.Sleep(time.Millisecond)
	if _, err := Extract(ctx, "a.txt", []byte("a")); !errors.Is(err, ErrTimeout) {
		t.Errorf("got %v", err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, "a.txt", []byte("a")); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v", err)
	}
}

func TestPanicBecomesCorrupt(t *testing.T) {
	_, err := run(context.Background(), time.Second, func(context.Context) (Result, error) {
		var m map[string]int
		m["x"]++
		return Result{}, nil
	})
	if !errors.Is(err, ErrCorrupt) {
		t.Errorf("got %v", err)
	}
}

func TestNormalize(t *testing.T) {
	tests := map[string]string{
		"  a  \t b  ":                "a b",
		"a\r\nb\rc":                  "a\nb\nc",
		"a\n\n\n\n\nb":               "a\n\nb",
		"a \n \n b":                  "a\n\nb",
		"a\u00a0\u200bb\x00c\u00add": "a bcd",
		"cafe\u0301":                 "café",
		"\n\n  x  \n\n":              "x",
		"a\fb":                       "a\nb",
	}
	for in, want := range tests {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
