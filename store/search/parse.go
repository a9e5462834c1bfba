package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/werkbank-nl/werkbank/model"
)

// Limits that keep a pasted document or a stuck key from making a slow query. Nobody types more.
const (
	maxInput    = 4000 // bytes of input read at all
	maxTerms    = 32   // words and phrases
	maxTermLen  = 100  // runes per word, phrase or filter value
	maxKeyBytes = 20   // a longer "xxx:" is text, not a mistyped filter
)

// Parse reads a search box. It never fails: whatever cannot be understood is searched as plain text
// or ignored with a message in Problems, and Match is always a valid FTS5 expression or "".
//
// The language: words (all must occur), "a phrase", prefix*, OF or OR between two terms, -word to
// leave out documents with that word, and the filters type:, jaar:, van:, tot:, dossier: and afzender:
// (a value may be quoted: afzender:"de Vries"; a date is JJJJ-MM-DD or DD-MM-JJJJ).
func Parse(input string) Query {
	var q Query
	if len(input) > maxInput {
		n := maxInput
		for n > 0 && !utf8.RuneStart(input[n]) {
			n--
		}
		input = input[:n]
		q.Problems = append(q.Problems, "zoekvraag te lang: alleen het begin is gebruikt")
	}
	p := parser{s: input, q: &q}
	p.run()
	items := resolveOr(p.items)
	if n := countTerms(items); n > maxTerms {
		items = keepTerms(items, maxTerms)
		q.Problems = append(q.Problems, fmt.Sprintf("te veel zoekwoorden: alleen de eerste %d zijn gebruikt", maxTerms))
	}
	q.build(items)
	if !q.From.IsZero() && !q.To.IsZero() && q.From.After(q.To) {
		q.Problems = append(q.Problems, "de datum bij van: ligt na die bij tot:, dus er kan niets gevonden worden")
	}
	return q
}

type parser struct {
	s     string
	i     int
	q     *Query
	items []term
}

func (p *parser) run() {
	for {
		p.skipSpace()
		if p.i >= len(p.s) {
			return
		}
		not := false
		if p.s[p.i] == '-' && p.i+1 < len(p.s) && !isSpaceAt(p.s, p.i+1) {
			not = true
			p.i++
		}
		if isQuoteAt(p.s, p.i) {
			ws := words(p.quoted())
			prefix := p.stars()
			p.add(term{words: ws, phrase: true, prefix: prefix, not: not})
			continue
		}
		p.chunk(p.word(), not)
	}
}

// chunk handles one run of non-space input that is not a quoted phrase.
func (p *parser) chunk(c string, not bool) {
	if !not && (c == "OF" || c == "OR") {
		p.items = append(p.items, term{or: true, words: []string{Fold(c)}})
		return
	}
	if k, v, ok := strings.Cut(c, ":"); ok && isKey(k) {
		key := strings.ToLower(k)
		if filters[key] {
			if v == "" {
				v = p.value()
			}
			if not {
				p.q.Problems = append(p.q.Problems, fmt.Sprintf("-%s: uitsluiten kan niet met een filter; genegeerd", key))
				return
			}
			p.filter(key, v)
			return
		}
		if v != "" {
			p.q.Problems = append(p.q.Problems, fmt.Sprintf("onbekend filter %s: (wel: type, jaar, van, tot, dossier, afzender); gezocht op de tekst", k))
			c = v
		}
	}
	prefix := strings.HasSuffix(c, "*")
	ws := words(cutRunes(c, maxTermLen))
	p.add(term{words: ws, phrase: len(ws) > 1, prefix: prefix, not: not})
}

func (p *parser) add(t term) {
	if len(t.words) == 0 {
		return // only punctuation, emoji or stars: nothing to search for
	}
	t.words = capWords(t.words)
	p.items = append(p.items, t)
}

var filters = map[string]bool{"type": true, "jaar": true, "van": true, "tot": true, "dossier": true, "afzender": true}

func (p *parser) filter(key, v string) {
	v = strings.TrimSpace(cutRunes(v, maxTermLen))
	if v == "" {
		p.q.Problems = append(p.q.Problems, fmt.Sprintf("%s: zonder waarde; genegeerd", key))
		return
	}
	switch key {
	case "type":
		p.q.Type = Fold(v)
	case "dossier":
		p.q.Dossier = v
	case "afzender":
		p.q.Sender = v
	case "jaar":
		y, err := strconv.Atoi(v)
		if err != nil || y < 1900 || y > 2200 {
			p.q.Problems = append(p.q.Problems, fmt.Sprintf("jaar:%s is geen jaartal (bijvoorbeeld jaar:2024); genegeerd", v))
			return
		}
		p.q.Year = y
	case "van", "tot":
		d, err := model.ParseDate(v)
		if err != nil {
			p.q.Problems = append(p.q.Problems, fmt.Sprintf("%s: %v; genegeerd", key, err))
			return
		}
		if key == "van" {
			p.q.From = d
		} else {
			p.q.To = d
		}
	}
}

// value reads a filter value that follows after a space or in quotes ("afzender: Jansen",
// `afzender:"de Vries"`), for a filter key typed with nothing after its colon.
func (p *parser) value() string {
	save := p.i
	p.skipSpace()
	switch {
	case p.i >= len(p.s):
		return ""
	case isQuoteAt(p.s, p.i):
		return p.quoted()
	}
	w := p.word()
	if k, _, ok := strings.Cut(w, ":"); ok && filters[strings.ToLower(k)] {
		p.i = save // "type: jaar:2024": the next filter is not this one's value
		return ""
	}
	return w
}

// word reads up to the next space or quote.
func (p *parser) word() string {
	start := p.i
	for p.i < len(p.s) {
		if isSpaceAt(p.s, p.i) || isQuoteAt(p.s, p.i) {
			break
		}
		_, n := utf8.DecodeRuneInString(p.s[p.i:])
		p.i += n
	}
	return p.s[start:p.i]
}

// quoted reads a quoted string from its opening quote to the closing one, or to the end of the input
// when the quote is never closed: the user was most likely still typing.
func (p *parser) quoted() string {
	_, n := utf8.DecodeRuneInString(p.s[p.i:])
	p.i += n
	start := p.i
	for p.i < len(p.s) && !isQuoteAt(p.s, p.i) {
		_, n := utf8.DecodeRuneInString(p.s[p.i:])
		p.i += n
	}
	text := p.s[start:p.i]
	if p.i < len(p.s) {
		_, n := utf8.DecodeRuneInString(p.s[p.i:])
		p.i += n
	}
	return cutRunes(text, maxTermLen)
}

// stars consumes a run of '*' right after a phrase and reports whether there was one.
func (p *parser) stars() bool {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] == '*' {
		p.i++
	}
	return p.i > start
}

func (p *parser) skipSpace() {
	for p.i < len(p.s) && isSpaceAt(p.s, p.i) {
		_, n := utf8.DecodeRuneInString(p.s[p.i:])
		p.i += n
	}
}

func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// isQuoteAt accepts typographic quotes too: text pasted from a letter has „…” or “…”.
func isQuoteAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '"' || r == '“' || r == '”' || r == '„'
}

// isKey reports whether k looks like a filter name someone typed: short, ASCII letters only.
func isKey(k string) bool {
	if k == "" || len(k) > maxKeyBytes {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// resolveOr keeps an OF/OR only between two positive terms; anywhere else it is the plain word.
func resolveOr(items []term) []term {
	for i := range items {
		if !items[i].or {
			continue
		}
		prevOK := i > 0 && !items[i-1].or && !items[i-1].not
		nextOK := i+1 < len(items) && !items[i+1].or && !items[i+1].not
		if !prevOK || !nextOK {
			items[i].or = false
		}
	}
	return items
}

func countTerms(items []term) int {
	n := 0
	for _, t := range items {
		if !t.or {
			n++
		}
	}
	return n
}

// keepTerms keeps the first n terms and the operators between them.
func keepTerms(items []term, n int) []term {
	for i, t := range items {
		if !t.or {
			n--
		}
		if n == 0 {
			return items[:i+1]
		}
	}
	return items
}

// capWords keeps a phrase within maxTermLen runes.
func capWords(ws []string) []string {
	total := 0
	for i, w := range ws {
		total += utf8.RuneCountInString(w) + 1
		if total > maxTermLen+1 {
			if i == 0 {
				return []string{cutRunes(w, maxTermLen)}
			}
			return ws[:i]
		}
	}
	return ws
}

// cutRunes shortens s to at most n runes (and at most len(s) bytes), at a rune boundary.
func cutRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
