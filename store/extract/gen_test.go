package extract

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"fmt"
	"mime/quotedprintable"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/text/encoding/charmap"
)

// The test files are generated here rather than stored, so every byte of them can be read in the
// test source. Every one carries Dutch characters.

const dutch = "Reünie in België: één café, geïnd €12"

var fixedDate = time.Date(2026, 3, 14, 10, 30, 0, 0, time.UTC)

// fpdfPDF writes a PDF with an embedded UTF-8 TrueType font, as werkbank's own PDF export does.
func fpdfPDF(t testing.TB, lines ...string) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(fixedDate)
	p.SetModificationDate(fixedDate)
	p.SetTitle("Notulen overleg", true)
	p.SetAuthor("Anouk de Vrieß", true)
	p.AddUTF8FontFromBytes("goregular", "", goregular.TTF)
	p.SetFont("goregular", "", 12)
	p.AddPage()
	for _, l := range lines {
		p.Cell(0, 8, l)
		p.Ln(10)
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// protectedPDF writes a PDF encrypted with the given user password.
func protectedPDF(t testing.TB, user string) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetProtection(fpdf.CnProtectPrint, user, "eigenaar")
	p.SetFont("Helvetica", "", 12)
	p.AddPage()
	p.Cell(0, 8, "Vertrouwelijk advies")
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// scanPDF writes a PDF whose page only has a drawing, like a scan without OCR.
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

// handPDF writes a minimal PDF with the standard Helvetica font in WinAnsiEncoding, one text
// object per line, the way many simple generators do.
func handPDF(lines ...string) []byte {
	var content strings.Builder
	for i, l := range lines {
		enc, _ := charmap.Windows1252.NewEncoder().String(l)
		esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(enc)
		fmt.Fprintf(&content, "BT /F1 12 Tf 72 %d Td (%s) Tj ET\n", 720-20*i, esc)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Title (Agenda OR) /Author (Secretariaat) /CreationDate (D:20260314103000+01'00') >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

type zipEntry struct {
	name  string
	data  string
	store bool // uncompressed, as the ODT mimetype must be
}

func makeZip(t testing.TB, entries ...zipEntry) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.store {
			h.Method = zip.Store
		}
		f, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(e.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const docxDocument = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body>
<w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>Advies over de reorganisatie</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">De OR is </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>positief</w:t></w:r><w:r><w:t xml:space="preserve"> over het café.</w:t></w:r></w:p>
<w:p><w:r><w:t>Reünie in België</w:t></w:r><w:r><w:tab/><w:t>geïnd €12</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:del><w:r><w:delText>geschrapt</w:delText></w:r></w:del></w:p>
<w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>Punt</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Besluit</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Budget</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Akkoord</w:t></w:r></w:p><w:p><w:r><w:t>met één voorbehoud</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>Einde.</w:t></w:r></w:p>
</w:body>
</w:document>`

const docxCore = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Adviesbrief reorganisatie</dc:title>
<dc:creator>Joëlle Müller</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-02T09:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-14T10:30:00Z</dcterms:modified>
</cp:coreProperties>`

func makeDOCX(t testing.TB) []byte {
	return makeZip(t,
		zipEntry{name: "[Content_Types].xml", data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		zipEntry{name: "word/document.xml", data: docxDocument},
		zipEntry{name: "docProps/core.xml", data: docxCore},
	)
}

const odtContent = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
  <office:body>
    <office:text>
      <text:tracked-changes><text:changed-region><text:deletion><text:p>geschrapt</text:p></text:deletion></text:changed-region></text:tracked-changes>
      <text:h text:outline-level="1">Jaarverslag ondernemingsraad</text:h>
      <text:p>Reünie in <text:span>België</text:span>:<text:s text:c="3"/>één café,<text:tab/>geïnd €12<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>voetnoot</text:p></text:note-body></text:note></text:p>
      <table:table>
        <table:table-row><table:table-cell><text:p>Lid</text:p></table:table-cell><table:table-cell><text:p>Rol</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell><text:p>Noël</text:p></table:table-cell><table:table-cell><text:p>voorzitter</text:p></table:table-cell></table:table-row>
      </table:table>
      <text:p>Regel één<text:line-break/>regel twee</text:p>
    </office:text>
  </office:body>
</office:document-content>`

const odtMeta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <office:meta>
    <meta:initial-creator>Zoë Jansen</meta:initial-creator>
    <dc:title>Jaarverslag 2025</dc:title>
    <meta:creation-date>2026-01-02T09:00:00</meta:creation-date>
    <dc:date>2026-03-14T10:30:00.123456789</dc:date>
  </office:meta>
</office:document-meta>`

func makeODT(t testing.TB) []byte {
	return makeZip(t,
		zipEntry{name: "mimetype", data: odtMime, store: true},
		zipEntry{name: "content.xml", data: odtContent},
		zipEntry{name: "meta.xml", data: odtMeta},
	)
}

const htmlPage = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Nieuwsbrief &amp; agenda</title>
<style>body { color: red; } .geheim { display: none }</style>
<script>var x = "script-tekst"; if (a < b) { alert("<p>nee</p>") }</script>
</head>
<body><h1>Nieuws van de OR</h1><p>Reünie in Belgi&euml;: &eacute;&eacute;n caf&#233;,
geïnd &euro;12</p><ul><li>eerste</li><li>tweede</li></ul>
<table><tr><td>Naam</td><td>Functie</td></tr></table><noscript>zet javascript aan</noscript>
<p>Tot   ziens<br>namens de OR</p></body></html>`

const pdfAttachmentName = "Bijlage advies.pdf"

// makeEML writes a mail with an RFC 2047 subject, a Windows-1252 quoted-printable body and a PDF
// attachment.
func makeEML(t testing.TB, pdfData []byte) []byte {
	t.Helper()
	body, err := charmap.Windows1252.NewEncoder().String("Beste leden,\r\n\r\n" + dutch + ".\r\nGroet, Noël\r\n")
	if err != nil {
		t.Fatal(err)
	}
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write([]byte(body))
	w.Close()
	var b strings.Builder
	b.WriteString("From: =?iso-8859-1?Q?Ren=E9e_d=27Hu=EFt?= <renee@example.nl>\r\n")
	b.WriteString("To: OR <or@example.nl>, =?UTF-8?B?Sm/Dq2xsZQ==?= <joelle@example.nl>\r\n")
	b.WriteString("Date: Sat, 14 Mar 2026 10:30:00 +0100\r\n")
	b.WriteString("Subject: =?UTF-8?Q?Uitnodiging_re=C3=BCnie_=E2=82=AC12?=\r\n")
	b.WriteString("MIME-Version: 1.0\r\n")
	b.WriteString("Content-Type: multipart/mixed; boundary=\"grens\"\r\n\r\n")
	b.WriteString("Dit is een MIME-bericht.\r\n--grens\r\n")
	b.WriteString("Content-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
	b.WriteString(qp.String())
	b.WriteString("\r\n--grens\r\n")
	b.WriteString("Content-Type: application/pdf; name=\"" + pdfAttachmentName + "\"\r\n")
	b.WriteString("Content-Disposition: attachment; filename=\"" + pdfAttachmentName + "\"\r\n")
	b.WriteString("Content-Transfer-Encoding: base64\r\n\r\n")
	enc := base64.StdEncoding.EncodeToString(pdfData)
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n--grens--\r\n")
	return []byte(b.String())
}

// manyAttachmentsEML writes a mail with n small attachments.
func manyAttachmentsEML(n int) []byte {
	var b bytes.Buffer
	b.WriteString("From: a@example.nl\r\nSubject: veel bijlagen\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n")
	b.WriteString("--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZie bijlagen.\r\n")
	for i := range n {
		fmt.Fprintf(&b, "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"stuk-%d.txt\"\r\n\r\nstuk %d\r\n", i, i)
	}
	b.WriteString("--b--\r\n")
	return b.Bytes()
}
