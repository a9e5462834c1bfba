package extract

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

const odtMime = "application/vnd.oasis.opendocument.text"

// extractODT reads content.xml of an OpenDocument text: paragraphs and headings become lines, table
// rows become lines with cells separated by " | "; title, author and date come from meta.xml.
func extractODT(ctx context.Context, data []byte, opt Options) (Result, error) {
	z, err := openZip(data, opt)
	if err != nil {
		return Result{}, err
	}
	if z.file("word/document.xml") != nil {
		return Result{}, fmt.Errorf("%w: dit is een DOCX-bestand", ErrMismatch)
	}
	if m := z.file("mimetype"); m != nil {
		if rc, err := z.open(m); err == nil {
			b, _ := io.ReadAll(io.LimitReader(rc, 200))
			rc.Close()
			// Spreadsheets and presentations are OpenDocument too, but not what .odt promises.
			if mt := string(bytes.TrimSpace(b)); !strings.HasPrefix(mt, odtMime) {
				return Result{}, fmt.Errorf("%w: %s", ErrMismatch, mt)
			}
		}
	}
	f := z.file("content.xml")
	if f == nil {
		return Result{}, fmt.Errorf("%w: content.xml ontbreekt", ErrCorrupt)
	}
	rc, err := z.open(f)
	if err != nil {
		return Result{}, err
	}
	defer rc.Close()
	w := newOfficeWriter(opt.MaxText)
	if err := walkODT(ctx, xml.NewDecoder(rc), w); err != nil {
		return Result{}, xmlError(f.Name, err)
	}
	res := Result{Text: w.out.String(), Truncated: w.out.full(), Title: w.firstHeading}
	var meta struct {
		Meta struct {
			Title          string `xml:"title"`
			Creator        string `xml:"creator"`
			InitialCreator string `xml:"initial-creator"`
			Date           string `xml:"date"`
			CreationDate   string `xml:"creation-date"`
		} `xml:"meta"`
	}
	if z.readSmallXML("meta.xml", &meta) {
		m := meta.Meta
		if strings.TrimSpace(m.Title) != "" {
			res.Title = m.Title
		}
		res.Author = m.Creator
		if strings.TrimSpace(res.Author) == "" {
			res.Author = m.InitialCreator
		}
		// dc:date is the last save, closer to the date of the paper than the creation (see DOCX).
		res.Date = parseXMLDate(m.Date)
		if res.Date.IsZero() {
			res.Date = parseXMLDate(m.CreationDate)
		}
	}
	return res, nil
}

func walkODT(ctx context.Context, d *xml.Decoder, w *officeWriter) error {
	skip := 0 // depth inside elements whose text is not shown
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if w.out.full() {
			return nil
		}
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || t.Name.Local == "tracked-changes" || t.Name.Local == "note-citation" {
				skip++ // deleted revisions; footnote numbers
				continue
			}
			switch t.Name.Local {
			case "p", "h":
				w.startParagraph()
				if t.Name.Local == "h" {
					w.heading = true
				}
			case "s":
				w.text(" ")
			case "tab":
				w.text(" ")
			case "line-break":
				w.text("\n")
			case "table":
				w.startTable()
			case "table-row":
				w.startRow()
			case "table-cell", "covered-table-cell":
				w.startCell()
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "p", "h":
				w.endParagraph()
			case "table-cell", "covered-table-cell":
				w.endCell()
			case "table-row":
				w.endRow()
			case "table":
				w.endTable()
			}
		case xml.CharData:
			// Outside paragraphs, character data is only the indentation of the XML.
			if skip == 0 && w.paraDepth > 0 {
				w.text(string(t))
			}
		}
	}
}
