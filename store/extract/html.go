package extract

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// extractHTML reads an HTML file in the encoding its BOM or <meta charset> declares (WHATWG rules,
// so "iso-8859-1" is read as Windows-1252), defaulting to UTF-8 when valid and Windows-1252 otherwise.
func extractHTML(ctx context.Context, data []byte, opt Options) (Result, error) {
	enc, _, _ := charset.DetermineEncoding(data, "text/html")
	decoded, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		decoded = []byte(decodeText(data))
	}
	title, text, truncated, err := htmlText(ctx, bytes.NewReader(decoded), opt.MaxText)
	if err != nil {
		return Result{}, err
	}
	return Result{Title: title, Text: text, Truncated: truncated}, nil
}

// skipped elements hold no visible text. Their contents are dropped; <title> is read separately.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
}

// blocks end a line of text where a browser would.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Table: true, atom.Tr: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Main: true,
	atom.Address: true, atom.Figure: true, atom.Figcaption: true, atom.Form: true,
	atom.Fieldset: true, atom.Body: true, atom.Caption: true, atom.Details: true, atom.Summary: true,
}

// paragraphs get a blank line after them, so the paragraph breaks survive normalisation.
var paragraphs = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Table: true, atom.Blockquote: true, atom.Pre: true, atom.Ul: true, atom.Ol: true,
}

// htmlText returns the title and the visible text of UTF-8 HTML. It uses the tokenizer, not the tree
// parser, so memory stays in proportion to the input.
func htmlText(ctx context.Context, r io.Reader, maxText int) (title, text string, truncated bool, err error) {
	z := html.NewTokenizer(r)
	out := newTextBuf(maxText)
	var titleBuf strings.Builder
	skip := map[atom.Atom]int{} // open skipped elements by kind, so stray end tags cannot underflow
	skipping := 0
	inTitle := false
	inPre := 0
	// Line breaks asked for by block elements are held back and merged, so that </li><li> gives one
	// line end and </p><p> one blank line, as a browser shows them.
	pending := 0
	brk := func(n int) { pending = max(pending, n) }
	write := func(s string) {
		if pending > 0 && strings.TrimSpace(s) != "" {
			out.WriteString(strings.Repeat("\n", pending))
			pending = 0
		}
		out.WriteString(s)
	}
	for n := 0; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return "", "", false, ctx.Err()
		}
		if out.full() {
			break
		}
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return "", "", false, err
			}
			return strings.TrimSpace(titleBuf.String()), out.String(), out.full(), nil
		case html.TextToken:
			switch {
			case inTitle:
				if titleBuf.Len() < 4096 {
					titleBuf.Write(z.Text())
				}
			case skipping == 0:
				text := string(z.Text())
				if inPre == 0 {
					// Outside <pre>, a line end in the source is just a space.
					text = strings.ReplaceAll(strings.ReplaceAll(text, "\r", " "), "\n", " ")
				}
				write(text)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Title:
				inTitle = tt == html.StartTagToken
			case skipped[a] && tt == html.StartTagToken:
				skip[a]++
				skipping++
			case skipped[a] && tt == html.EndTagToken && skip[a] > 0:
				skip[a]--
				skipping--
			case a == atom.Body && tt == html.StartTagToken:
				// A <head> left open ends where the body starts.
				skipping -= skip[atom.Head]
				skip[atom.Head] = 0
			case a == atom.Td || a == atom.Th:
				write(" ")
			case a == atom.Br && skipping == 0:
				pending = min(pending+1, 2)
			case a == atom.Img && skipping == 0:
				// The alt text is what a reader of the page gets instead of the picture.
				for {
					k, v, more := z.TagAttr()
					if string(k) == "alt" && len(v) > 0 {
						write(" " + string(v) + " ")
					}
					if !more {
						break
					}
				}
			case blocks[a] && skipping == 0:
				if a == atom.Pre {
					if tt == html.StartTagToken {
						inPre++
					} else if tt == html.EndTagToken && inPre > 0 {
						inPre--
					}
				}
				if paragraphs[a] {
					brk(2)
				} else {
					brk(1)
				}
			}
		}
	}
	return strings.TrimSpace(titleBuf.String()), out.String(), out.full(), nil
}
