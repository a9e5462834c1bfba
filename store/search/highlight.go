package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is the byte range text[Start:End] of one match.
type Span struct{ Start, End int }

// Highlight finds the terms (as in Query.Terms) in text and returns the byte ranges to mark, in order
// and not overlapping. It matches as the search did: a word also matches its inflections
// ("vergadering" marks "vergaderingen"), case and diacritics never matter, a phrase matches its words
// in order, and "reorg*" marks every word starting with "reorg".
func Highlight(text string, terms []string) []Span {
	ms := matchers(terms)
	if len(ms) == 0 {
		return nil
	}
	var toks []token
	for i := 0; ; {
		start, end := nextWord(text, i)
		if start == len(text) {
			break
		}
		i = end
		if f := Fold(text[start:end]); f != "" {
			toks = append(toks, token{start, end, f, ""})
		}
	}
	var spans []Span
	for i := range toks {
		for _, m := range ms {
			if n := m.match(toks[i:]); n > 0 {
				spans = append(spans, Span{toks[i].start, toks[i+n-1].end})
			}
		}
	}
	return merge(spans)
}

type token struct {
	start, end int
	folded     string
	stem       string // filled when first needed
}

func (t *token) stemmed() string {
	if t.stem == "" {
		t.stem = stemWord(t.folded)
	}
	return t.stem
}

// matcher is one term of Highlight.
type matcher struct {
	words  []string
	stem   string // of a single word, which may match by stem
	prefix bool
}

func matchers(terms []string) []matcher {
	var ms []matcher
	for _, t := range terms {
		m := matcher{words: words(t), prefix: strings.HasSuffix(strings.TrimSpace(t), "*")}
		if len(m.words) == 0 {
			continue
		}
		if len(m.words) == 1 && !m.prefix {
			m.stem = stemWord(m.words[0])
		}
		ms = append(ms, m)
	}
	return ms
}

// match reports how many tokens from the start of toks m matches, 0 for none.
func (m matcher) match(toks []token) int {
	if len(toks) < len(m.words) {
		return 0
	}
	last := len(m.words) - 1
	for i, w := range m.words {
		f := toks[i].folded
		switch {
		case f == w:
		case i == last && m.prefix && strings.HasPrefix(f, w):
		case m.stem != "" && toks[i].stemmed() == m.stem:
		default:
			return 0
		}
	}
	return len(m.words)
}

// merge sorts spans and joins those that overlap or touch.
func merge(spans []Span) []Span {
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// Snippet returns at most width runes of text around the best cluster of matches, on one line, with
// matches marked »so« and "…" where text was cut. Marks, not colour: the result reads the same under
// NO_COLOR, and a view may style the marks. Without matches it is the start of the text.
func Snippet(text string, terms []string, width int) string {
	if width <= 0 {
		return ""
	}
	spans := Highlight(text, terms)
	end := len(strings.TrimRightFunc(text, isBlank))
	start := snippetStart(text, spans, width)
	out := make([]rune, 0, width)
	if start > 0 {
		out = append(out, '…')
	}
	next := 0 // first span not yet closed
	for next < len(spans) && spans[next].End <= start {
		next++
	}
	inSpan := false
	cut := false
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isBlank(r) {
			if len(out) > 0 && out[len(out)-1] != ' ' && out[len(out)-1] != '…' {
				need := 2 // the space and "…", as text always follows a blank
				if inSpan {
					need++ // and the "«" already owed
				}
				if len(out)+need > width {
					cut = true
					break
				}
				out = append(out, ' ')
			}
			i += n
			continue
		}
		opens := !inSpan && next < len(spans) && i >= spans[next].Start
		need := 1
		if opens {
			need += 2 // "»" and its "«"
		} else if inSpan {
			need++ // keep room for the "«" already owed
		}
		if i+n < end {
			need++ // keep room for "…"
		}
		if len(out)+need > width {
			cut = true
			break
		}
		if opens {
			out = append(out, '»')
			inSpan = true
		}
		out = append(out, r)
		i += n
		if inSpan && i >= spans[next].End {
			out = append(out, '«')
			inSpan = false
			next++
		}
	}
	for cut && len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	if inSpan {
		out = append(out, '«')
	}
	if cut && (len(out) == 0 || out[len(out)-1] != '…') {
		out = append(out, '…')
	}
	return string(out)
}

// snippetStart picks where a snippet of width runes begins: a little before the span that has the most
// other spans within reach, at the start of a word.
func snippetStart(text string, spans []Span, width int) int {
	if len(spans) == 0 {
		return 0
	}
	best, bestN := 0, 0
	for i, s := range spans {
		n := 0
		for _, o := range spans[i:] {
			if utf8.RuneCountInString(text[s.Start:o.End]) > width*3/4 {
				break
			}
			n++
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	if utf8.RuneCountInString(text[:spans[best].End]) <= width*3/4 {
		return 0 // the match is near the top: begin at the beginning
	}
	anchor := spans[best].Start
	// Show some context before the match, a fifth of the width, but never past the text's start.
	start := anchor
	for back := width / 5; back > 0 && start > 0; back-- {
		_, n := utf8.DecodeLastRuneInString(text[:start])
		start -= n
	}
	// Begin at a word: skip the rest of a word cut in half, unless that reaches the match.
	if start > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:start])
		if !isBlank(prev) {
			if j := strings.IndexFunc(text[start:anchor], isBlank); j >= 0 {
				start += j
			} else {
				start = anchor
			}
		}
	}
	for start < anchor {
		r, n := utf8.DecodeRuneInString(text[start:])
		if !isBlank(r) {
			break
		}
		start += n
	}
	return start
}

// isBlank reports whether r is shown as a space in a one-line snippet: newlines, tabs, control bytes.
func isBlank(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }
