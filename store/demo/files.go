package demo

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/export"
	"golang.org/x/image/font/gofont/goregular"
)

// realFile is a file in one of the formats werkbank reads, made here in code, archived through the
// import as if the AS had dropped it in: so the demo shows real originals to open in the system viewer.
type realFile struct {
	name string
	data []byte
	typ  model.DocType // empty: guessed, as for any import
}

// realFiles makes one file of each format, dated around today, with Dutch characters throughout.
func (g *gen) realFiles(b model.Body) ([]realFile, error) {
	adviesText := "De bestuurder vraagt de ondernemingsraad advies over de voorgenomen reorganisatie van de facilitaire " +
		"dienst. Het besluit raakt 42 medewerkers; de kosten bedragen € 180.000. Reacties graag vóór 1 oktober."
	made := time.Date(g.today.Year(), g.today.Month(), g.today.Day(), 8, 0, 0, 0, time.Local)
	var docx, eml bytes.Buffer
	pdf, err := textPDF("Adviesaanvraag reorganisatie facilitaire dienst", "Ingrid Bakker", made.AddDate(0, -2, 0),
		adviesText, "- Aanleiding", "- Gevolgen voor het personeel", "- Tijdpad")
	if err != nil {
		return nil, err
	}
	err = export.DOCX(&docx, export.Doc{Title: "Advies OR over de thuiswerkregeling", Author: "OR " + b.Name,
		Blocks: []export.Block{
			export.Heading{Level: 1, Text: "Advies"},
			export.Paragraph{Text: "De OR adviseert positief, onder voorwaarden: één vaste thuiswerkdag, een vergoeding van € 2 per dag, en een evaluatie na zes maanden."},
			export.Table{Header: []string{"Punt", "Standpunt"}, Rows: [][]string{{"Vergoeding", "akkoord"}, {"Evaluatie", "na zes maanden"}}},
		}})
	if err != nil {
		return nil, err
	}
	err = export.EML(&eml, export.Mail{
		From:     export.Person{Name: "Ingrid Bakker", Email: "ingrid.bakker@zorggroep-rivierenland.example"},
		To:       []export.Person{{Name: "Ondernemingsraad", Email: "or@zorggroep-rivierenland.example"}},
		Subject:  "Adviesaanvraag reorganisatie facilitaire dienst",
		TextBody: "Beste leden van de OR,\n\nIn de bijlage vindt u de adviesaanvraag over de reorganisatie. Ik licht die graag toe in de overlegvergadering.\n\nMet vriendelijke groet,\nIngrid Bakker",
		Attachments: []export.Attachment{{Name: "adviesaanvraag-facilitaire-dienst.pdf", ContentType: "application/pdf", Data: pdf},
			{Name: "tijdpad.txt", ContentType: "text/plain", Data: []byte("Tijdpad: besluit in december, uitvoering vanaf maart.")}},
		Date: time.Date(g.today.Year(), g.today.Month(), g.today.Day(), 9, 12, 0, 0, time.Local).AddDate(0, -2, 0),
	})
	if err != nil {
		return nil, err
	}
	mailBytes := fixBoundaries(eml.Bytes())
	odt, err := odtFile("Jaarverslag ondernemingsraad", "In het afgelopen jaar vergaderde de OR elf keer. Cliënten en medewerkers werden betrokken bij de evaluatie van het roosterbeleid.")
	if err != nil {
		return nil, err
	}
	scan, err := scanPDF(made.AddDate(0, 0, -40))
	if err != nil {
		return nil, err
	}
	return []realFile{
		{"inbox/adviesaanvraag-reorganisatie.eml", mailBytes, ""},
		{"adviezen/advies-thuiswerkregeling.docx", docx.Bytes(), model.DocBriefUit},
		{"verslagen/jaarverslag-or.odt", odt, model.DocRapport},
		{"scans/getekend-convenant.pdf", scan, model.DocBriefIn},
		{"intranet/nieuwsbrief-or.html", []byte(`<!DOCTYPE html><html><head><title>Nieuwsbrief OR november</title><style>p{color:red}</style>` +
			`<script>trackVisitor();</script></head><body><h1>Nieuwsbrief OR</h1><p>De OR heeft ingestemd met het nieuwe ` +
			`verzuimbeleid. Ideeën voor de volgende nieuwsbrief zijn welkom bij het secretariaat.</p></body></html>`), model.DocNotitie},
		{"notities/werkafspraken-secretariaat.md", []byte("# Werkafspraken secretariaat\n\n- Agenda uiterlijk 7 dagen voor de vergadering versturen (art 14 WOR).\n- Verslag binnen twee weken in concept.\n- Geïnde contributies: n.v.t.\n"), ""},
		{"notities/telefoonnotitie-arbodienst.txt", []byte("Telefoonnotitie: de arbodienst belt terug over de risico-inventarisatie. Preventiemedewerker: René Visser.\n"), ""},
	}, nil
}

// fileDocuments archives the real files for a body through one import batch.
func (g *gen) fileDocuments(b model.Body) error {
	files, err := g.realFiles(b)
	if err != nil {
		return err
	}
	var failed []string
	batch, err := g.s.NewBatch(g.ctx, model.DocumentMeta{BodyID: b.ID, FileDate: g.today.AddDays(-30)}, func(r model.ImportResult) {
		switch r.Status {
		case model.ImportOK:
			g.sum.Files++
			g.sum.Documents += 1 + r.Attachments
		case model.ImportFailed:
			failed = append(failed, r.Path+": "+r.Reason)
		}
	})
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := batch.Add(f.name, bytes.NewReader(f.data), model.DocumentMeta{Type: f.typ}); err != nil {
			return err
		}
	}
	if err := batch.Close(); err != nil {
		return err
	}
	if len(failed) > 0 {
		return fmt.Errorf("demo-bestanden niet opgenomen: %v", failed)
	}
	return nil
}

func odtFile(title, text string) ([]byte, error) {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	parts := []struct {
		name, data string
		store      bool
	}{
		{"mimetype", "application/vnd.oasis.opendocument.text", true},
		{"meta.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
			`xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>` + title + `</dc:title></office:meta></office:document-meta>`, false},
		{"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
			`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:h text:outline-level="1">` + title +
			`</text:h><text:p>` + text + `</text:p></office:text></office:body></office:document-content>`, false},
	}
	for _, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate}
		if p.store {
			h.Method = zip.Store
		}
		f, err := w.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write([]byte(p.data)); err != nil {
			return nil, err
		}
	}
	err := w.Close()
	return b.Bytes(), err
}

// textPDF is a PDF with a text layer in an embedded UTF-8 font, dated made (export.PDF would stamp
// the current time, and the demo must be the same for a seed on every run).
func textPDF(title, author string, made time.Time, paragraphs ...string) ([]byte, error) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(made)
	p.SetModificationDate(made)
	p.SetTitle(title, true)
	p.SetAuthor(author, true)
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	p.SetFont("go", "", 11)
	p.SetMargins(25, 20, 25)
	p.AddPage()
	p.MultiCell(0, 7, title, "", "L", false)
	p.Ln(3)
	for _, para := range paragraphs {
		p.MultiCell(0, 5.5, para, "", "L", false)
		p.Ln(2)
	}
	var b bytes.Buffer
	err := p.Output(&b)
	return b.Bytes(), err
}

// scanPDF is a PDF with only a drawing on its page, like a scan without OCR: archived, listed as
// "geen tekst (scan?)".
func scanPDF(made time.Time) ([]byte, error) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(made)
	p.SetModificationDate(made)
	p.SetTitle("Getekend convenant", true)
	p.AddPage()
	p.Rect(20, 20, 170, 60, "D")
	p.Line(30, 250, 90, 240)
	var b bytes.Buffer
	err := p.Output(&b)
	return b.Bytes(), err
}

var boundaryRE = regexp.MustCompile(`boundary=([0-9a-f]{16,})`)

// fixBoundaries replaces the random MIME boundaries of a mail by fixed ones, so the demo's mail has the
// same bytes on every run.
func fixBoundaries(mail []byte) []byte {
	for i, m := range boundaryRE.FindAllSubmatch(mail, -1) {
		mail = bytes.ReplaceAll(mail, m[1], []byte(fmt.Sprintf("werkbank-demo-grens-%d", i+1)))
	}
	return mail
}
