package export

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// DOCX writes d as a Word document (Office Open XML, hand-written). Every text passes through the XML
// escaper; characters XML cannot carry become U+FFFD rather than breaking the file.
func DOCX(w io.Writer, d Doc) error {
	var dw docxWriter
	body := dw.body(d)

	zw := zip.NewWriter(w)
	parts := []struct{ name, content string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRootRels},
		{"docProps/core.xml", docxCore(d)},
		{"docProps/app.xml", docxApp},
		{"word/_rels/document.xml.rels", docxDocumentRels},
		{"word/document.xml", body},
		{"word/styles.xml", docxStyles},
		{"word/numbering.xml", dw.numbering()},
		{"word/settings.xml", docxSettings},
		{"word/footer1.xml", docxFooter},
	}
	for _, p := range parts {
		f, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.content); err != nil {
			return err
		}
	}
	return zw.Close()
}

// docxWriter builds word/document.xml. Each numbered list gets its own numbering instance so that it
// starts at 1 again; bullets share instance 1.
type docxWriter struct {
	b        strings.Builder
	numbered int // numbered lists so far; their instances are 2, 3, ...
}

func (dw *docxWriter) body(d Doc) string {
	dw.b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	if d.Title != "" && !d.HideTitle {
		dw.para(`<w:pStyle w:val="Title"/>`, oneLine(d.Title), false)
		if d.Subtitle != "" {
			dw.para(`<w:pStyle w:val="Subtitle"/>`, oneLine(d.Subtitle), false)
		}
	}
	for _, bl := range d.Blocks {
		dw.block(bl)
	}
	dw.b.WriteString(docxSectPr + `</w:body></w:document>`)
	return dw.b.String()
}

func (dw *docxWriter) block(bl Block) {
	switch bl := bl.(type) {
	case Heading:
		dw.para(`<w:pStyle w:val="Heading`+strconv.Itoa(headingLevel(bl.Level))+`"/>`, oneLine(bl.Text), false)
	case Paragraph:
		dw.para(docxJustify(bl.Align), bl.Text, bl.Bold)
	case List:
		numID := 1
		if bl.Numbered {
			dw.numbered++
			numID = 1 + dw.numbered
		}
		for i, it := range bl.Items {
			end := ""
			if i == len(bl.Items)-1 {
				// Room after the list, also when another list follows (which contextual spacing would eat).
				end = `<w:spacing w:after="160"/><w:contextualSpacing w:val="0"/>`
			}
			dw.para(`<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="`+
				strconv.Itoa(numID)+`"/></w:numPr>`+end, it, false)
		}
	case Table:
		dw.table(bl)
	case KeyValues:
		dw.keyValues(bl)
	case Signatures:
		dw.signatures(bl)
	case Spacer:
		dw.b.WriteString(`<w:p/>`)
	case PageBreak:
		dw.b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	}
}

func docxJustify(a Align) string {
	switch a {
	case AlignRight:
		return `<w:jc w:val="right"/>`
	case AlignCenter:
		return `<w:jc w:val="center"/>`
	}
	return ""
}

// para writes one paragraph with the given paragraph properties (raw XML) and escaped text.
func (dw *docxWriter) para(pPr, text string, bold bool) {
	dw.b.WriteString(`<w:p>`)
	if pPr != "" {
		dw.b.WriteString(`<w:pPr>` + pPr + `</w:pPr>`)
	}
	dw.runs(text, bold)
	dw.b.WriteString(`</w:p>`)
}

// runs writes text as runs, turning "\n" into a line break and "\t" into a tab.
func (dw *docxWriter) runs(text string, bold bool) {
	if text == "" {
		return
	}
	rPr := ""
	if bold {
		rPr = `<w:rPr><w:b/></w:rPr>`
	}
	dw.b.WriteString(`<w:r>` + rPr)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			dw.b.WriteString(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				dw.b.WriteString(`<w:tab/>`)
			}
			if part != "" {
				dw.b.WriteString(`<w:t xml:space="preserve">`)
				xml.EscapeText(&dw.b, []byte(part))
				dw.b.WriteString(`</w:t>`)
			}
		}
	}
	dw.b.WriteString(`</w:r>`)
}

func (dw *docxWriter) table(t Table) {
	n := columnCount(t)
	if n == 0 {
		return
	}
	widths := docxTwips(scaleWidths(columnWeights(t), docxTextWidth))
	dw.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="` + strconv.Itoa(docxTextWidth) +
		`" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, wd := range widths {
		dw.b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(wd) + `"/>`)
	}
	dw.b.WriteString(`</w:tblGrid>`)
	row := func(r []string, header bool) {
		dw.b.WriteString(`<w:tr>`)
		if header {
			// Repeated at the top of every page, and never split over two.
			dw.b.WriteString(`<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		}
		for i := range n {
			dw.b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(widths[i]) + `" w:type="dxa"/></w:tcPr>`)
			dw.para(`<w:spacing w:before="40" w:after="40"/>`, cell(r, i), header)
			dw.b.WriteString(`</w:tc>`)
		}
		dw.b.WriteString(`</w:tr>`)
	}
	if len(t.Header) > 0 {
		row(t.Header, true)
	}
	for _, r := range t.Rows {
		row(r, false)
	}
	// An empty paragraph after a table keeps two adjacent tables from merging and gives room below.
	dw.b.WriteString(`</w:tbl><w:p/>`)
}

// docxTwips rounds column widths to whole twips.
func docxTwips(ws []float64) []int {
	out := make([]int, len(ws))
	for i, x := range ws {
		out[i] = int(math.Round(x))
	}
	return out
}

// keyValues sets each value at one tab stop after the longest key, with a hanging indent so a wrapped
// value stays in its column.
func (dw *docxWriter) keyValues(kv KeyValues) {
	longest := 0
	for _, p := range kv.Pairs {
		longest = max(longest, textWidth(p.Key)+1)
	}
	pos := max(1134, (longest+3)*130) // a generous 130 twips per character at 11 pt; at least 2 cm
	for i, p := range kv.Pairs {
		after := "0"
		if i == len(kv.Pairs)-1 {
			after = "160"
		}
		text := "\t" + strings.ReplaceAll(p.Value, "\n", "\n\t")
		if p.Key != "" {
			text = p.Key + ":" + text
		}
		dw.para(fmt.Sprintf(`<w:tabs><w:tab w:val="left" w:pos="%d"/></w:tabs><w:spacing w:after="%s"/><w:ind w:left="%d" w:hanging="%d"/>`,
			pos, after, pos, pos), text, false)
	}
}

// signatures leaves about 1.7 cm above each name to sign in. Side by side uses a borderless table of two
// columns, so the names line up whatever their length.
func (dw *docxWriter) signatures(s Signatures) {
	signer := func(sg Signer) {
		dw.para(`<w:keepNext/><w:keepLines/><w:spacing w:before="960" w:after="0"/>`, sg.Name, false)
		dw.para(`<w:spacing w:after="0"/>`, sg.Role, false)
	}
	if s.Stacked {
		for _, sg := range s.Signers {
			signer(sg)
		}
		dw.b.WriteString(`<w:p/>`)
		return
	}
	half := docxTextWidth / 2
	dw.b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(docxTextWidth) + `" w:type="dxa"/>` +
		`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>` +
		`</w:tblPr><w:tblGrid><w:gridCol w:w="` + strconv.Itoa(half) + `"/><w:gridCol w:w="` + strconv.Itoa(half) + `"/></w:tblGrid>`)
	for start := 0; start < len(s.Signers); start += 2 {
		dw.b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for i := start; i < start+2; i++ {
			dw.b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(half) + `" w:type="dxa"/></w:tcPr>`)
			if i < len(s.Signers) {
				signer(s.Signers[i])
			} else {
				dw.b.WriteString(`<w:p/>`) // a cell must hold a paragraph
			}
			dw.b.WriteString(`</w:tc>`)
		}
		dw.b.WriteString(`</w:tr>`)
	}
	dw.b.WriteString(`</w:tbl><w:p/>`)
}

// numbering gives bullets (instance 1) and one restarting decimal instance per numbered list.
func (dw *docxWriter) numbering() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>` +
		`<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>` +
		`<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	for i := range dw.numbered {
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="1"/>`+
			`<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`, i+2)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}

func docxCore(d Doc) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, f := range []struct{ tag, v string }{{"dc:title", oneLine(d.Title)}, {"dc:creator", oneLine(d.Author)}, {"dc:language", "nl-NL"}} {
		if f.v == "" {
			continue
		}
		b.WriteString("<" + f.tag + ">")
		xml.EscapeText(&b, []byte(f.v))
		b.WriteString("</" + f.tag + ">")
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}
