package search

import (
	"database/sql"
	"slices"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

func TestParse(t *testing.T) {
	w := func(f, s string) string {
		return `({title body}: "` + f + `" OR {title_stem body_stem}: "` + s + `")`
	}
	tests := []struct {
		in       string
		match    string
		terms    []string
		problems int
		check    func(Query) bool
	}{
		{in: "", match: ""},
		{in: "   \t\n", match: ""},
		{in: "vergadering", match: w("vergadering", "vergader"), terms: []string{"vergadering"}},
		{in: "Ideeën", match: w("ideeen", "ideeen"), terms: []string{"ideeen"}},
		{in: "notulen 2024", match: w("notulen", "notul") + " AND " + w("2024", "2024")},
		{in: `"sociaal plan"`, match: `{title body}: "sociaal plan"`, terms: []string{"sociaal plan"}},
		{in: `„sociaal plan”`, match: `{title body}: "sociaal plan"`},
		{in: "reorg*", match: `{title body}: "reorg"*`, terms: []string{"reorg*"}},
		{in: `"sociaal pl"*`, match: `{title body}: "sociaal pl"*`, terms: []string{"sociaal pl*"}},
		{in: "e-mail", match: `{title body}: "e mail"`},
		{in: "notulen OF verslag", match: "(" + w("notulen", "notul") + " OR " + w("verslag", "verslag") + ")"},
		{in: "notulen OR verslag 2024", match: "(" + w("notulen", "notul") + " OR " + w("verslag", "verslag") + ") AND " + w("2024", "2024")},
		{in: "notulen of verslag", match: w("notulen", "notul") + " AND " + w("of", "of") + " AND " + w("verslag", "verslag")},
		{in: "OF", match: w("of", "of")},
		{in: "OR notulen", match: w("or", "or") + " AND " + w("notulen", "notul")},
		{in: "notulen -concept", match: "(" + w("notulen", "notul") + ") NOT " + w("concept", "concept"), terms: []string{"notulen"}},
		{in: "-concept", match: "", problems: 1},
		{in: `notulen -"sociaal plan" -x`, match: "(" + w("notulen", "notul") + `) NOT ({title body}: "sociaal plan" OR ` + w("x", "x") + ")"},
		{in: "type:brief-in", match: "", check: func(q Query) bool { return q.Type == "brief-in" && !q.Empty() }},
		{in: "TYPE:Brief-In advies", match: w("advies", "advies"), check: func(q Query) bool { return q.Type == "brief-in" }},
		{in: "jaar:2024", check: func(q Query) bool { return q.Year == 2024 }},
		{in: "jaar:twintig", problems: 1, check: func(q Query) bool { return q.Year == 0 && q.Empty() }},
		{in: "van:2024-01-31 tot:01-03-2024", check: func(q Query) bool {
			return q.From == model.MustDate("2024-01-31") && q.To == model.MustDate("2024-03-01")
		}},
		{in: "van:31-02-2024", problems: 1, check: func(q Query) bool { return q.From.IsZero() }},
		{in: "van:2024-05-01 tot:2024-04-01", problems: 1},
		{in: `afzender:"de Vries" brief`, match: w("brief", "brief"), check: func(q Query) bool { return q.Sender == "de Vries" }},
		{in: `afzender: Jansen`, check: func(q Query) bool { return q.Sender == "Jansen" && q.Match == "" }},
		{in: `dossier:reorganisatie-2024`, check: func(q Query) bool { return q.Dossier == "reorganisatie-2024" }},
		{in: "type:", problems: 1, check: func(q Query) bool { return q.Empty() }},
		{in: "type: jaar:2024", problems: 1, check: func(q Query) bool { return q.Type == "" && q.Year == 2024 }},
		{in: "-type:brief-in notulen", problems: 1, check: func(q Query) bool { return q.Type == "" }},
		{in: "title:foo", match: w("foo", "foo"), problems: 1},
		{in: "body:bar*", match: `{title body}: "bar"*`, problems: 1},
		{in: "Re: overleg", match: w("re", "re") + " AND " + w("overleg", "overleg")},
		{in: "10:30", match: `{title body}: "10 30"`},
		{in: `"`, match: ""},
		{in: `""`, match: ""},
		{in: `"open`, match: `{title body}: "open"`},
		{in: `a"b`, match: w("a", "a") + ` AND {title body}: "b"`},
		{in: "*", match: ""},
		{in: "**foo", match: w("foo", "foo")},
		{in: "-", match: ""},
		{in: "- foo", match: w("foo", "foo")},
		{in: ":", match: ""},
		{in: "NEAR(a b)", match: `{title body}: "near a"` + " AND " + w("b", "b")},
		{in: "AND", match: w("and", "and")},
		{in: "a AND b", match: w("a", "a") + " AND " + w("and", "and") + " AND " + w("b", "b")},
		{in: "NOT", match: w("not", "not")},
		{in: "(a OR b)", match: "(" + w("a", "a") + " OR " + w("b", "b") + ")"},
		{in: "^start +plus {title}: x", match: w("start", "start") + " AND " + w("plus", "plus") + " AND " + w("title", "titl") + " AND " + w("x", "x")},
		{in: "🙂", match: ""},
		{in: "🙂 ideeën 🎉", match: w("ideeen", "ideeen")},
		{in: "a\x00b", match: `{title body}: "a b"`},
		{in: "\x00", match: ""},
		{in: "\xff\xfe", match: ""},
		{in: strings.Repeat("x", 10000), problems: 1, match: w(strings.Repeat("x", 100), strings.Repeat("x", 100))},
		{in: strings.Repeat("woord ", 2000), problems: 2, check: func(q Query) bool { return len(q.Terms) == maxTerms }},
		{in: strings.Repeat(`"`, 10000), problems: 1, match: ""},
		{in: strings.Repeat("(", 5000) + "x" + strings.Repeat(")", 5000), problems: 1},
		{in: strings.Repeat("OF ", 1000), problems: 1, check: func(q Query) bool { return q.Match != "" }},
	}
	db := openFTS(t, [2]string{"Vergadering over ideeën", "De notulen van de vergaderingen 2024."})
	for _, tt := range tests {
		q := Parse(tt.in)
		name := tt.in
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		if tt.match != "" || tt.check == nil {
			if q.Match != tt.match {
				t.Errorf("Parse(%q).Match =\n  %s\nwant\n  %s", name, q.Match, tt.match)
			}
		}
		if tt.terms != nil && !slices.Equal(q.Terms, tt.terms) {
			t.Errorf("Parse(%q).Terms = %q, want %q", name, q.Terms, tt.terms)
		}
		if len(q.Problems) != tt.problems {
			t.Errorf("Parse(%q).Problems = %q, want %d", name, q.Problems, tt.problems)
		}
		if tt.check != nil && !tt.check(q) {
			t.Errorf("Parse(%q) = %+v: check failed", name, q)
		}
		assertValid(t, db, tt.in, q)
	}
}

// assertValid runs q.Match against db: whatever the input, SQLite must accept it.
func assertValid(t testing.TB, db *sql.DB, in string, q Query) {
	t.Helper()
	if q.Match == "" {
		return
	}
	if _, err := matchIDs(t, db, q.Match); err != nil {
		t.Errorf("Parse(%.40q): MATCH %.200q: %v", in, q.Match, err)
	}
}
