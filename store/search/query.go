package search

import (
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// Query is a parsed search box: an FTS5 MATCH expression for the text and the filters beside it.
type Query struct {
	// Match is a valid FTS5 expression for `WHERE document_fts MATCH ?`, bound as a parameter, or ""
	// when there is no text to search (then leave the MATCH out and apply the filters alone).
	Match string
	// Terms are the folded words and phrases searched for, for Highlight and Snippet. A phrase has
	// its words separated by one space; a prefix ends in "*". Excluded words are not terms.
	Terms []string

	Type    string     // type:brief-in, folded
	Dossier string     // dossier:..., as typed
	Sender  string     // afzender:..., as typed
	Year    int        // jaar:2024, 0 if absent
	From    model.Date // van:DATUM, inclusive
	To      model.Date // tot:DATUM, inclusive

	// Problems are Dutch messages about parts of the input that were ignored or changed (an invalid
	// date, an unknown filter); the search still runs with the rest. Show them under the search box.
	Problems []string
}

// Empty reports whether the query asks for nothing at all: no text and no filter. A caller then shows
// its default list rather than "niets gevonden".
func (q Query) Empty() bool {
	return q.Match == "" && q.Type == "" && q.Dossier == "" && q.Sender == "" && q.Year == 0 &&
		q.From.IsZero() && q.To.IsZero()
}

// term is one searchable unit of the input.
type term struct {
	words  []string // folded, never empty
	phrase bool     // quoted, or several words in one chunk ("e-mail"): match in order, as written
	prefix bool     // reorg*: the last word may continue
	not    bool     // -word
	or     bool     // an OF/OR operator, not a term
}

// The column sets of the DDL: text as written, and stemmed.
const (
	plainColumns = "{title body}"
	stemColumns  = "{title_stem body_stem}"
)

// expr renders t as an FTS5 expression. Every word is inside an FTS5 string, and words hold only
// letters and digits, so no user input can reach FTS5's syntax.
func (t term) expr() string {
	text := quote(strings.Join(t.words, " "))
	switch {
	case t.prefix:
		return plainColumns + ": " + text + "*"
	case t.phrase || len(t.words) > 1:
		return plainColumns + ": " + text
	}
	return "(" + plainColumns + ": " + text + " OR " + stemColumns + ": " + quote(stemWord(t.words[0])) + ")"
}

// highlight is how t appears in Query.Terms.
func (t term) highlight() string {
	s := strings.Join(t.words, " ")
	if t.prefix {
		s += "*"
	}
	return s
}

// quote makes s an FTS5 string. Words never contain a double quote; doubling it anyway keeps quote
// correct on its own.
func quote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// build turns the parsed terms into Match and Terms. OF/OR binds tighter than the implicit AND, as in
// web search: `notulen OR verslag 2024` is notulen-or-verslag, and 2024.
func (q *Query) build(items []term) {
	var groups [][]term
	var nots []term
	for i, t := range items {
		switch {
		case t.or:
			continue
		case t.not:
			nots = append(nots, t)
		case i > 0 && items[i-1].or && len(groups) > 0:
			groups[len(groups)-1] = append(groups[len(groups)-1], t)
		default:
			groups = append(groups, []term{t})
		}
		if !t.not {
			q.Terms = append(q.Terms, t.highlight())
		}
	}
	if len(groups) == 0 {
		if len(nots) > 0 {
			q.Problems = append(q.Problems, "uitsluiten met -woord kan alleen naast een zoekwoord; genegeerd")
		}
		return
	}
	and := make([]string, len(groups))
	for i, g := range groups {
		and[i] = orExpr(g)
	}
	q.Match = strings.Join(and, " AND ")
	if len(nots) > 0 {
		q.Match = "(" + q.Match + ") NOT " + orExpr(nots)
	}
}

func orExpr(ts []term) string {
	if len(ts) == 1 {
		return ts[0].expr()
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.expr()
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}
