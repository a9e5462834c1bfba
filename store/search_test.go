package store

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/search"
)

// searchArchive makes a body with documents from texts (title, text, type, date, sender) through the
// import, as a user's archive is made.
func searchArchive(t *testing.T, docs [][5]string) (*Store, model.Body) {
	t.Helper()
	s, _ := newStore(t)
	b := newBody(t, s)
	batch, err := s.NewBatch(ctx, model.DocumentMeta{BodyID: b.ID}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		date, _ := model.ParseDate(d[3])
		meta := model.DocumentMeta{Title: d[0], Type: model.DocType(d[2]), Date: date, Sender: d[4]}
		if err := batch.Add(fmt.Sprintf("doc-%d.txt", i), strings.NewReader(d[1]), meta); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.Close(); err != nil {
		t.Fatal(err)
	}
	return s, b
}

func titles(res model.SearchResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Title)
	}
	return out
}

var searchDocs = [][5]string{
	{"Adviesaanvraag reorganisatie facilitaire dienst", "De voorgenomen reorganisatie raakt 42 medewerkers.", "brief-in", "2025-09-12", "Ingrid Bakker"},
	{"Advies OR reorganisatie", "De OR adviseert negatief over de reorganisatie van de dienst.", "brief-uit", "2025-10-24", "OR"},
	{"Verslag overlegvergadering", "Toelichting op de reorganisatie door de bestuurder. Ideeën van de achterban.", "verslag", "2024-10-10", "Zoë de Vries"},
	{"Notulen", "De vergaderingen over arbeidstijden en roosters.", "verslag", "2019-03-01", "AS"},
	{"Werkdruk", "Geen woord over het onderwerp van de andere stukken.", "notitie", "2023-01-05", "AS"},
}

func TestSearchRanksFiltersAndMarks(t *testing.T) {
	s, b := searchArchive(t, searchDocs)
	opt := model.SearchOptions{BodyID: b.ID}
	for _, tt := range []struct {
		q    string
		want []string
	}{
		// A title hit ranks above text hits.
		{"reorganisatie", []string{"Adviesaanvraag reorganisatie facilitaire dienst", "Advies OR reorganisatie", "Verslag overlegvergadering"}},
		{"reorganisatie type:verslag", []string{"Verslag overlegvergadering"}},
		{"reorganisatie type:brief", []string{"Adviesaanvraag reorganisatie facilitaire dienst", "Advies OR reorganisatie"}},
		{"reorganisatie jaar:2024", []string{"Verslag overlegvergadering"}},
		{"reorganisatie van:2025-10-01 tot:31-12-2025", []string{"Advies OR reorganisatie"}},
		{"reorganisatie afzender:bakker", []string{"Adviesaanvraag reorganisatie facilitaire dienst"}},
		{"afzender:zoe", []string{"Verslag overlegvergadering"}},
		{"ideeen", []string{"Verslag overlegvergadering"}},
		{"vergadering arbeidstijd", []string{"Notulen"}},
		{"reorg* -dienst", []string{"Verslag overlegvergadering"}},
		{`"facilitaire dienst"`, []string{"Adviesaanvraag reorganisatie facilitaire dienst"}},
	} {
		res, err := s.SearchText(ctx, tt.q, opt)
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		if got := titles(res); !slices.Equal(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.q, got, tt.want)
		}
		if res.Count != len(tt.want) || res.CountCapped {
			t.Errorf("%q: count %d (capped %v), want %d", tt.q, res.Count, res.CountCapped, len(tt.want))
		}
	}
	res, _ := s.SearchText(ctx, "reorganisatie", model.SearchOptions{BodyID: b.ID, SortByDate: true})
	if got := titles(res); got[0] != "Advies OR reorganisatie" || got[2] != "Verslag overlegvergadering" {
		t.Errorf("by date: %q", got)
	}
	h := res.Hits[0]
	if h.Type != "brief-uit" || h.Date.String() != "2025-10-24" || h.Kind != model.HitDocument || !strings.Contains(h.Snippet, "»reorganisatie«") {
		t.Errorf("hit %+v", h)
	}
	res, _ = s.SearchText(ctx, "reorganisatie type:onzin", opt)
	if len(res.Hits) != 0 || len(res.Problems) == 0 {
		t.Errorf("unknown type: %+v", res)
	}
}

// Every input becomes a search: no SQLite or FTS5 error reaches the caller, whatever is typed.
func TestSearchHostileInput(t *testing.T) {
	s, b := searchArchive(t, searchDocs)
	inputs := []string{`"`, `*`, `NEAR(`, `NEAR(a b, 2)`, `-`, `:`, `"unbalanced`, `AND`, `OR`, `NOT`, `type:`, `jaar:abc`,
		`van:31-02-2025`, `title:reorganisatie`, `{title}: x`, `reorganisatie^`, `'; DROP TABLE documents; --`, `%`, `_`,
		`afzender:%`, `dossier:_`, `dossier:1`, "\x00", "a\x00b", strings.Repeat("x", 10_000), strings.Repeat(`"a" `, 3000),
		strings.Repeat("reorg* OR ", 500), `-reorganisatie`, `""*`, `****`, `(`, `)`, `a:b:c`, "ë̈", "\xff\xfe"}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune(`ab "*-:()^{}NEAROT+.,'ëï` + "\t\n")
	for range 300 {
		n := r.IntN(30)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(rs))
	}
	for _, in := range inputs {
		for _, byDate := range []bool{false, true} {
			if _, err := s.SearchText(ctx, in, model.SearchOptions{BodyID: b.ID, SortByDate: byDate, Offset: r.IntN(3)}); err != nil {
				t.Fatalf("%q: %v", in, err)
			}
		}
	}
}

// On a generated archive the hits of a single word are at least the documents that have the word
// (folded) in their title or text, and paging through them returns each once.
func TestSearchRecall(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 120
	}
	words := strings.Fields("vergadering vergaderingen arbeidstijd arbeidstijden ideeën reorganisatie rooster roosters advies adviezen werkdruk bestuurder één café coördinatie")
	filler := strings.Fields("de het een van over met en voor op")
	r := rand.New(rand.NewPCG(5, 6))
	var docs [][5]string
	for i := range n {
		var text []string
		for range 12 {
			if r.IntN(3) == 0 {
				text = append(text, words[r.IntN(len(words))])
			} else {
				text = append(text, filler[r.IntN(len(filler))])
			}
		}
		title := fmt.Sprintf("Stuk %d %s", i, words[r.IntN(len(words))])
		docs = append(docs, [5]string{title, strings.Join(text, " "), "notitie", "2024-05-01", ""})
	}
	s, b := searchArchive(t, docs)
	for _, w := range words {
		want := map[string]bool{}
		for _, d := range docs {
			if slices.Contains(strings.Fields(search.Fold(d[0]+" "+d[1])), search.Fold(w)) {
				want[d[0]] = true
			}
		}
		got := map[string]bool{}
		for off := 0; ; off += 50 {
			res, err := s.SearchText(ctx, w, model.SearchOptions{BodyID: b.ID, Offset: off, Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				if got[h.Title] {
					t.Fatalf("%q: %q twice", w, h.Title)
				}
				got[h.Title] = true
			}
			if len(res.Hits) < 50 {
				if res.Count != len(got) {
					t.Errorf("%q: count %d, paged %d", w, res.Count, len(got))
				}
				break
			}
		}
		for title := range want {
			if !got[title] {
				t.Errorf("%q: %q has the word but was not found", w, title)
			}
		}
	}
}

// Beyond CountCap hits the count says so, pages still hold every hit once, title hits come first.
func TestSearchCommonWordCapsCount(t *testing.T) {
	n := model.CountCap + 30
	var docs [][5]string
	for i := range n {
		title := fmt.Sprintf("Stuk %d", i)
		if i%100 == 7 {
			title += " over werkdruk"
		}
		docs = append(docs, [5]string{title, fmt.Sprintf("Tekst %d over de werkdruk.", i), "notitie", fmt.Sprintf("2024-%02d-01", i%12+1), ""})
	}
	s, b := searchArchive(t, docs)
	res, err := s.SearchText(ctx, "werkdruk", model.SearchOptions{BodyID: b.ID, Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if !res.CountCapped || res.Count != model.CountCap || res.CountText() != "1.000+ treffers" {
		t.Fatalf("count %d capped %v", res.Count, res.CountCapped)
	}
	if !strings.Contains(res.Hits[0].Title, "werkdruk") || !strings.Contains(res.Hits[9].Title, "werkdruk") {
		t.Errorf("title hits not first: %q", titles(res))
	}
	full, _ := s.SearchText(ctx, "werkdruk", model.SearchOptions{BodyID: b.ID, FullCount: true, Limit: 1})
	if full.Count != n || full.CountCapped {
		t.Errorf("full count %d", full.Count)
	}
	for _, byDate := range []bool{false, true} {
		seen := map[int64]bool{}
		for off := 0; off < n+10; off += 300 {
			page, err := s.SearchText(ctx, "werkdruk", model.SearchOptions{BodyID: b.ID, Offset: off, Limit: 300, SortByDate: byDate})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range page.Hits {
				if seen[h.ID] {
					t.Fatalf("by date %v: %d twice (offset %d)", byDate, h.ID, off)
				}
				seen[h.ID] = true
			}
		}
		if len(seen) != n {
			t.Errorf("by date %v: paged %d of %d", byDate, len(seen), n)
		}
	}
}

// Actions and decisions are found by their text through their own FTS tables, kept in step by
// triggers: an edit, the prullenbak and a restore.
func TestSearchActionsAndDecisions(t *testing.T) {
	s, b := searchArchive(t, searchDocs[:1])
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.w.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`INSERT INTO actions (id, body_id, description, owner, due, created_on) VALUES (7, ?, 'Reactie op de reorganisatie opvragen', 'Piet', '2025-12-01', '2025-11-01')`, b.ID)
	exec(`INSERT INTO decisions (id, body_id, year, seq, date, text) VALUES (3, ?, 2025, 4, '2025-10-10', 'De OR stemt in met de nieuwe arbeidstijden')`, b.ID)
	res, err := s.SearchText(ctx, "reorganisatie", model.SearchOptions{BodyID: b.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].Kind != model.HitAction || res.Hits[0].Number != "A-7" || res.Hits[0].Sender != "Piet" {
		t.Fatalf("hits %+v", res.Hits)
	}
	res, _ = s.SearchText(ctx, "arbeidstijd", model.SearchOptions{BodyID: b.ID})
	if len(res.Hits) != 1 || res.Hits[0].Kind != model.HitDecision || res.Hits[0].Number != "2025-004" || !strings.Contains(res.Hits[0].Snippet, "»arbeidstijden«") {
		t.Fatalf("decision by stem: %+v", res.Hits)
	}
	if res, _ := s.SearchText(ctx, "reorganisatie type:actie", model.SearchOptions{BodyID: b.ID}); len(res.Hits) != 1 {
		t.Errorf("type:actie: %+v", res.Hits)
	}
	exec(`UPDATE actions SET description = 'Roosters opvragen' WHERE id = 7`)
	if res, _ := s.SearchText(ctx, "reorganisatie type:actie", model.SearchOptions{BodyID: b.ID}); len(res.Hits) != 0 {
		t.Errorf("after edit: %+v", res.Hits)
	}
	if res, _ := s.SearchText(ctx, "rooster", model.SearchOptions{BodyID: b.ID}); len(res.Hits) != 1 {
		t.Errorf("edit not indexed: %+v", res.Hits)
	}
	if err := s.tx(ctx, func(tx *sql.Tx) error { return s.softDelete(ctx, tx, "decisions", 3) }); err != nil {
		t.Fatal(err)
	}
	if res, _ := s.SearchText(ctx, "arbeidstijden", model.SearchOptions{BodyID: b.ID}); len(res.Hits) != 0 {
		t.Errorf("binned decision found: %+v", res.Hits)
	}
	bin, _ := s.Bin(ctx)
	if err := s.Restore(ctx, bin[0].ID); err != nil {
		t.Fatal(err)
	}
	if res, _ := s.SearchText(ctx, "arbeidstijden", model.SearchOptions{BodyID: b.ID}); len(res.Hits) != 1 {
		t.Errorf("restored decision not found: %+v", res.Hits)
	}
	exec(`DELETE FROM actions WHERE id = 7`)
	for _, table := range []string{"action_fts", "decision_fts"} {
		if _, err := s.w.Exec(fmt.Sprintf("INSERT INTO %s(%s) VALUES ('integrity-check')", table, table)); err != nil {
			t.Errorf("%s: %v", table, err)
		}
	}
}
