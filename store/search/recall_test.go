package search

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// vocabulary is what the generated archive is written in: words with their inflections and
// diacritics, as they occur in council letters.
var vocabulary = strings.Fields(`
vergadering vergaderingen vergaderen vergaderde arbeidstijd arbeidstijden idee ideeën ideeen
reorganisatie reorganisaties reorganiseren ondernemingsraad ondernemingsraden advies adviezen
adviesaanvraag adviesaanvragen instemming instemmingsverzoek brief brieven notulen notule
bestuurder bestuurders medewerker medewerkers overleg overlegvergadering sociaal plan roosters
rooster werkdruk één twee café coördinatie coördinator financiële financieel België geïnformeerd
geëvalueerd zoë Ĳssel de het een van voor met over op in 2024 2025 art 25 27 WOR OR CAO
`)

// generated returns n texts of a few sentences each, the same every run.
func generated(n int) [][2]string {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocabulary[r.IntN(len(vocabulary))]
			if r.IntN(5) == 0 {
				ws[i] = strings.ToUpper(ws[i][:1]) + ws[i][1:]
			}
		}
		return strings.Join(ws, " ")
	}
	docs := make([][2]string, n)
	for i := range docs {
		docs[i] = [2]string{pick(3 + r.IntN(4)), pick(20+r.IntN(20)) + ". " + pick(10) + "."}
	}
	return docs
}

// plainHits is the reference: the documents whose title or body has folded word w.
func plainHits(docs [][2]string, w string) []int {
	var ids []int
	for i, d := range docs {
		if slices.Contains(words(d[0]), w) || slices.Contains(words(d[1]), w) {
			ids = append(ids, i+1)
		}
	}
	return ids
}

func sortedIDs(t *testing.T, db *sql.DB, in string) []int {
	t.Helper()
	q := Parse(in)
	if q.Match == "" {
		t.Fatalf("Parse(%q): no match", in)
	}
	ids, err := matchIDs(t, db, q.Match)
	if err != nil {
		t.Fatalf("Parse(%q) = %q: %v", in, q.Match, err)
	}
	slices.Sort(ids)
	return ids
}

// Stemming may add hits to a single word search, never lose one.
func TestRecallNeverLoses(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 40 // every word still occurs; -race makes each query slow
	}
	docs := generated(n)
	db := openFTS(t, docs...)
	for _, v := range vocabulary {
		for _, in := range []string{v, strings.ToUpper(v), Fold(v)} {
			want := plainHits(docs, Fold(v))
			got := sortedIDs(t, db, in)
			for _, id := range want {
				if _, ok := slices.BinarySearch(got, id); !ok {
					t.Errorf("%q: document %d has the word but was not found", in, id)
					break
				}
			}
		}
	}
}

func TestRecallStems(t *testing.T) {
	docs := [][2]string{
		{"Verslag", "De vergaderingen van maart."},                                 // 1
		{"Roosters", "Nieuwe arbeidstijden per 1 juni."},                           // 2
		{"Ideeënbus", "Alle ideeën van de achterban."},                             // 3
		{"Reorganisatie Klantcontact", "Adviesaanvraag over de reorganisatie."},    // 4
		{"Sociaal plan", "Het sociaal plan is getekend; de plannen zijn sociaal."}, // 5
		{"Concept notulen", "Notulen van de vergadering, concept."},                // 6
		{"Notulen", "Vastgestelde notulen van de vergadering."},                    // 7
		{"Plan sociaal", "Een plan dat sociaal is."},                               // 8
	}
	db := openFTS(t, docs...)
	for _, tt := range []struct {
		in   string
		want []int
	}{
		{"vergadering", []int{1, 6, 7}},
		{"vergaderingen", []int{1, 6, 7}},
		{"arbeidstijd", []int{2}},
		{"ideeen", []int{3}},
		{"IDEEËN", []int{3}},
		{"reorg*", []int{4}},
		{"Reorganisatie", []int{4}},
		{`"sociaal plan"`, []int{5}},
		{"sociaal plan", []int{5, 8}},
		{"notulen -concept", []int{7}},
		{"notulen -concept*", []int{7}},
		{"notulen OF roosters", []int{2, 6, 7}},
		{"vergadering OF arbeidstijd -concept", []int{1, 2, 7}},
		{`"sociaal pl"*`, []int{5}},
		{"title:reorganisatie", []int{4}},
	} {
		got := sortedIDs(t, db, tt.in)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: found %v, want %v (MATCH %s)", tt.in, got, tt.want, Parse(tt.in).Match)
		}
	}
}

// A word in the title ranks above the same word in the body, as the rank configuration promises.
func TestRankTitleFirst(t *testing.T) {
	db := openFTS(t,
		[2]string{"Notulen", "De werkdruk werd besproken."},
		[2]string{"Werkdruk", "Notulen van de vergadering."},
	)
	ids, err := matchIDs(t, db, Parse("werkdruk").Match)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ids) != "[2 1]" {
		t.Errorf("ranked %v, want the title hit first: [2 1]", ids)
	}
}

// The contentless table lets the store replace a document by deleting its rowid alone.
func TestDeleteByRowid(t *testing.T) {
	db := openFTS(t, [2]string{"Werkdruk", "tekst"})
	if _, err := db.Exec(`DELETE FROM document_fts WHERE rowid = 1`); err != nil {
		t.Fatal(err)
	}
	ids, err := matchIDs(t, db, Parse("werkdruk").Match)
	if err != nil || len(ids) != 0 {
		t.Errorf("after delete: %v, %v", ids, err)
	}
}
