package extract

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// extractDOCX reads word/document.xml: paragraphs become lines, table rows become lines with the
// cells separated by " | ", and headings are kept as lines (the first one is the title when
// docProps/core.xml has none).
func extractDOCX(ctx context.Context, data []byte, opt Options) (Result, error) {
	z, err := openZip(data, opt)
	if err != nil {
		return Result{}, err
	}
	f := z.file("word/document.xml")
	if f == nil {
		if z.file("content.xml") != nil {
			return Result{}, fmt.Errorf("%w: dit is een ODT-bestand", ErrMismatch)
		}
		return Result{}, fmt.Errorf("%w: word/document.xml ontbreekt", ErrCorrupt)
	}
	rc, err := z.open(f)
	if err != nil {
		return Result{}, err
	}
	defer rc.Close()
	w := newOfficeWriter(opt.MaxText)
	if err := walkDOCX(ctx, xml.NewDecoder(rc), w); err != nil {
		return Result{}, xmlError(f.Name, err)
	}
	res := Result{Text: w.out.String(), Truncated: w.out.full(), Title: w.firstHeading}
	var core struct {
		Title    string `xml:"title"`
		Creator  string `xml:"creator"`
		Created  string `xml:"created"`
		Modified string `xml:"modified"`
	}
	if z.readSmallXML("docProps/core.xml", &core) {
		if strings.TrimSpace(core.Title) != "" {
			res.Title = core.Title
		}
		res.Author = core.Creator
		// The last save is closer to the date of the paper than the creation, which is often the
		// date of the template it was made from.
		res.Date = parseXMLDate(core.Modified)
		if res.Date.IsZero() {
			res.Date = parseXMLDate(core.Created)
		}
	}
	return res, nil
}

func walkDOCX(ctx context.Context, d *xml.Decoder, w *officeWriter) error {
	skip := 0       // depth inside elements whose text is not part of the document
	inText := false // inside w:t (or m:t in formulas), the only elements that hold text
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
			if skip > 0 || t.Name.Local == "instrText" || t.Name.Local == "delText" {
				skip++ // field codes and deleted revisions are not visible text
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = true
			case "p":
				w.startParagraph()
			case "pStyle":
				w.heading = isHeadingStyle(attr(t, "val"))
			case "tab":
				w.text(" ")
			case "br", "cr":
				w.text("\n")
			case "tbl":
				w.startTable()
			case "tr":
				w.startRow()
			case "tc":
				w.startCell()
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				w.endParagraph()
			case "tc":
				w.endCell()
			case "tr":
				w.endRow()
			case "tbl":
				w.endTable()
			}
		case xml.CharData:
			if skip == 0 && inText {
				w.text(string(t))
			}
		}
	}
}

// isHeadingStyle recognises Word's built-in heading and title styles in English and Dutch.
func isHeadingStyle(id string) bool {
	id = strings.ToLower(id)
	for _, p := range []string{"heading", "kop", "title", "titel"} {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}
