package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: whatever is typed, Parse must not panic and SQLite must accept the MATCH it builds.
// The seeds in testdata/fuzz/FuzzParse run with every `go test`.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"vergadering", `"sociaal plan"`, "reorg* -concept", "a OR b", "type:brief-in jaar:2024"} {
		f.Add(s)
	}
	db := openFTS(f, [2]string{"Vergadering over ideeën", "De notulen van de vergaderingen 2024."})
	f.Fuzz(func(t *testing.T, in string) {
		q := Parse(in)
		if !utf8.ValidString(q.Match) {
			t.Fatalf("Parse(%q).Match is not UTF-8: %q", in, q.Match)
		}
		if strings.ContainsRune(q.Match, 0) {
			t.Fatalf("Parse(%q).Match holds a NUL byte", in)
		}
		if len(q.Terms) > maxTerms {
			t.Fatalf("Parse(%q): %d terms", in, len(q.Terms))
		}
		if q.Match != "" {
			if _, err := matchIDs(t, db, q.Match); err != nil {
				t.Fatalf("Parse(%q).Match = %q: %v", in, q.Match, err)
			}
		}
		for _, s := range Highlight(in, q.Terms) {
			if s.Start < 0 || s.End > len(in) || s.Start >= s.End {
				t.Fatalf("Highlight(%q, %q): bad span %v", in, q.Terms, s)
			}
		}
		if got := utf8.RuneCountInString(Snippet(in, q.Terms, 40)); got > 40 {
			t.Fatalf("Snippet(%q, %q, 40) has %d runes", in, q.Terms, got)
		}
	})
}
