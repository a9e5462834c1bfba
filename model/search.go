package model

import (
	"strconv"
	"strings"
)

// HitKind says what a search hit is: a document of the archive, an action or a decision.
type HitKind string

const (
	HitDocument HitKind = "document"
	HitAction   HitKind = "actie"
	HitDecision HitKind = "besluit"
)

// SearchOptions says which page of a search to return and how.
type SearchOptions struct {
	BodyID     int64 // only this body's rows; 0 searches every body
	Limit      int   // hits per page; 0 means 50, at most 1000
	Offset     int
	SortByDate bool // newest first instead of by relevance
	FullCount  bool // count every hit instead of stopping at CountCap
}

// CountCap is where a search stops counting unless asked for the full count: "1.000+" is as useful
// to a reader as 23.481, and counting costs as much as finding.
const CountCap = 1000

// SearchHit is one result row. Snippet has the matched words marked »so«.
type SearchHit struct {
	Kind         HitKind `json:"kind"`
	ID           int64   `json:"id"`
	Title        string  `json:"title"`
	Type         string  `json:"type"` // a DocType for documents; "actie" or "besluit" otherwise
	Date         Date    `json:"date"`
	DossierID    int64   `json:"dossier_id,omitempty"`
	DossierTitle string  `json:"dossier_title"`
	Sender       string  `json:"sender"` // the owner of an action
	Number       string  `json:"number,omitempty"`
	Confidential bool    `json:"confidential"`
	Snippet      string  `json:"snippet"`
}

// SearchResult is one page of hits with the count of all of them. Count is exact unless CountCapped,
// when there are more than CountCap hits. Terms are the words searched for, to mark them in a text
// (see Highlight); Problems are Dutch notes on parts of the query that were ignored.
type SearchResult struct {
	Hits        []SearchHit
	Count       int
	CountCapped bool
	Terms       []string
	Problems    []string
}

// CountText says the count as the UI does: "1 treffer", "38 treffers", "1.000+ treffers".
func (r SearchResult) CountText() string {
	if r.CountCapped {
		return thousands(CountCap) + "+ treffers"
	}
	if r.Count == 1 {
		return "1 treffer"
	}
	return thousands(r.Count) + " treffers"
}

// thousands writes n with Dutch thousands separators: 12.345.
func thousands(n int) string {
	digits := strconv.Itoa(n)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 && digits[i-1] != '-' {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	return b.String()
}

// TextSpan is the byte range Text[Start:End] of one match in a text.
type TextSpan struct{ Start, End int }
