package store

import (
	"bytes"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/werkbank-nl/werkbank/store/export"
)

// Real files of each kind, generated here so every byte can be read in the test source.

func textPDF(t testing.TB, title, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := export.PDF(&b, export.Doc{Title: title, Author: "Secretariaat OR", Blocks: []export.Block{export.Paragraph{Text: body}}}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encryptedPDF(t testing.TB) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetProtection(fpdf.CnProtectPrint, "geheim", "eigenaar")
	p.SetFont("Helvetica", "", 12)
	p.AddPage()
	p.Cell(0, 8, "Vertrouwelijk advies")
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func scanPDF(t testing.TB) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.Rect(20, 20, 100, 50, "F")
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func docxFile(t testing.TB, title, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := export.DOCX(&b, export.Doc{Title: title, Blocks: []export.Block{export.Paragraph{Text: body}}}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func emlFile(t testing.TB, subject, body string, atts ...export.Attachment) []byte {
	t.Helper()
	var b bytes.Buffer
	err := export.EML(&b, export.Mail{From: export.Person{Name: "Ingrid Bakker", Email: "i.bakker@example.nl"},
		To: []export.Person{{Name: "OR", Email: "or@example.nl"}}, Subject: subject, TextBody: body, Attachments: atts,
		Date: time.Date(2025, 9, 12, 14, 30, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
