package export

import (
	"fmt"
	"io"
	"strings"
)

// Format is an output format for a Doc, named by its file extension.
type Format string

const (
	FormatMarkdown Format = "md"
	FormatText     Format = "txt"
	FormatDOCX     Format = "docx"
	FormatPDF      Format = "pdf"
)

// Formats lists the formats Write accepts, in the order a user is offered them.
var Formats = []Format{FormatMarkdown, FormatText, FormatDOCX, FormatPDF}

// ParseFormat reads a format code as a user types it ("pdf", "PDF", ".docx", "markdown").
func ParseFormat(s string) (Format, error) {
	code := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), ".")
	switch code {
	case "markdown":
		code = "md"
	case "text", "tekst":
		code = "txt"
	}
	for _, f := range Formats {
		if string(f) == code {
			return f, nil
		}
	}
	return "", fmt.Errorf("onbekend formaat %q: kies md, txt, docx of pdf", s)
}

// Ext is the file extension with its dot: ".pdf".
func (f Format) Ext() string { return "." + string(f) }

// Render writes d to w in format f.
func Render(w io.Writer, f Format, d Doc) error {
	switch f {
	case FormatMarkdown:
		_, err := w.Write(Markdown(d))
		return err
	case FormatText:
		_, err := w.Write(PlainText(d))
		return err
	case FormatDOCX:
		return DOCX(w, d)
	case FormatPDF:
		return PDF(w, d)
	}
	return fmt.Errorf("onbekend formaat %q: kies md, txt, docx of pdf", string(f))
}

// Write renders d in format f and stores it atomically at path (see WriteFile).
func Write(path string, f Format, d Doc) error {
	if _, err := ParseFormat(string(f)); err != nil {
		return err // refuse before a file is created
	}
	return WriteFile(path, func(w io.Writer) error { return Render(w, f, d) })
}
