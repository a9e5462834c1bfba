// Package letterexport turns a rendered council letter into the export kit's Letter and from there into
// Word, PDF, Markdown or plain text, in the layout of letters.md: sender, addressee, place and date,
// Betreft and kenmerk lines, salutation, body with paragraphs and lists, closing, the signatures of the
// chair and secretary, bijlagen and cc.
package letterexport

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/store/export"
)

// Letter maps a rendered letter onto the export kit's letter.
func Letter(r letter.Rendered) export.Letter {
	l := export.Letter{
		Sender: r.Sender, Addressee: r.Addressee, Place: r.PlaceDate, Subject: r.Subject, Reference: r.Reference,
		TheirReference: r.TheirReference, Salutation: r.Salutation, Body: Blocks(r.Body), Closing: r.Closing,
		OnBehalfOf: r.OnBehalfOf, Enclosures: r.Enclosures, Cc: r.Cc,
	}
	for _, s := range r.Signers {
		l.Signers = append(l.Signers, export.Signer{Name: s.Name, Role: s.Role})
	}
	return l
}

// Doc is the letter as a Doc, with the sender as the file's author.
func Doc(r letter.Rendered) export.Doc {
	d := Letter(r).Doc()
	if len(r.Sender) > 0 {
		d.Author = r.Sender[0]
	}
	return d
}

var (
	bullet   = regexp.MustCompile(`^\s*[-•*]\s+`)
	numbered = regexp.MustCompile(`^\s*\d{1,3}[.)]\s+`)
)

// Blocks reads the body's light markup: paragraphs are separated by blank lines; lines starting with
// "- " (or "•") form a bullet list and lines starting with "1. " a numbered list. Other lines of one
// paragraph are joined, so text wrapped by an editor becomes one paragraph in Word.
func Blocks(body string) []export.Block {
	var out []export.Block
	var para []string
	var list *export.List
	flushPara := func() {
		if len(para) > 0 {
			out = append(out, export.Paragraph{Text: strings.Join(para, " ")})
			para = nil
		}
	}
	flushList := func() {
		if list != nil {
			out = append(out, *list)
			list = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		var item string
		isNum := false
		switch {
		case trimmed == "":
			flushPara()
			flushList()
			continue
		case bullet.MatchString(line):
			item = bullet.ReplaceAllString(line, "")
		case numbered.MatchString(line):
			item, isNum = numbered.ReplaceAllString(line, ""), true
		default:
			flushList()
			para = append(para, trimmed)
			continue
		}
		flushPara()
		if list != nil && list.Numbered != isNum {
			flushList()
		}
		if list == nil {
			list = &export.List{Numbered: isNum}
		}
		list.Items = append(list.Items, strings.TrimSpace(item))
	}
	flushPara()
	flushList()
	return out
}

// Bytes renders the letter in a format: the bytes that are archived when the letter is sent.
func Bytes(format string, r letter.Rendered) ([]byte, error) {
	f, err := export.ParseFormat(format)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := export.Render(&b, f, Doc(r)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write stores the letter at path atomically: a missing folder is refused before anything is written,
// and a failed write leaves no partial file.
func Write(path, format string, r letter.Rendered) error {
	f, err := export.ParseFormat(format)
	if err != nil {
		return err
	}
	return export.Write(path, f, Doc(r))
}

// FileName suggests a file name: "brief-OR-2025-004-adviesbrief-negatief.docx".
func FileName(l letter.Letter, reference, format string) string {
	ref := reference
	if ref == "" || strings.Contains(ref, letter.MarkerPrefix) {
		ref = fmt.Sprint(l.ID)
	}
	return "brief-" + safe(ref) + "-" + safe(l.Template) + "." + strings.TrimPrefix(format, ".")
}

func safe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '-'
	}, s)
}
