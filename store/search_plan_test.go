package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/store"
	"github.com/werkbank-nl/werkbank/store/demo"
)

// TestSearchFastPlansSameAsPlain runs filtered queries on a generated archive with the filter-first
// and by-date plans and with the plain queries they stand in for (the walk through the doclist, the
// IN subquery), and wants the same hits in the same order and the same count from both: the plan is
// chosen for speed only. The archive is large enough that common words
// pass CountCap (capped counts, title-first order, pages past the candidates) and rare words do not
// (bm25), and some documents are in the prullenbak or in a dossier.
func TestSearchFastPlansSameAsPlain(t *testing.T) {
	const docs = 3000
	ctx := context.Background()
	s, err := store.Open(filepath.Join(t.TempDir(), "archief.db"), store.Options{Now: func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Fill(ctx, s, demo.Options{Seed: 3, Documents: docs, Today: model.NewDate(2025, 11, 25)}); err != nil {
		t.Fatal(err)
	}
	body, err := s.ActiveBody(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var all []model.Document
	for {
		page, err := s.Documents(ctx, model.DocumentQuery{BodyID: body.ID, Offset: len(all), Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		all = append(all, page...)
	}
	dossiers, err := s.Dossiers(ctx, dossier.Filter{BodyID: body.ID})
	if err != nil || len(dossiers) == 0 {
		t.Fatalf("dossiers: %v, %v", dossiers, err)
	}
	for i, d := range all {
		switch {
		case i%13 == 0:
			if err := s.DeleteDocument(ctx, d.ID); err != nil {
				t.Fatal(err)
			}
		case i%5 == 0:
			d, err := s.Document(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			d.DossierID = dossiers[i%len(dossiers)].ID
			if _, err := s.UpdateDocument(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	queries := []string{
		"vacature afzender:bakker", "medewerkers afzender:jansen type:brief-in", "werkdruk afzender:e",
		"ploegendienst jaar:2024 type:verslag", "type:brief reorganisatie", "type:notitie werkdruk jaar:2025",
		"van:01-01-2024 tot:31-03-2024 werkdruk", "jaar:2024 vergadering", "van:2025-06-01 bestuurder",
		`"sociaal plan" jaar:2024`, "reorg* type:verslag", "werkdruk OR roosters afzender:de", "reorganisatie -advies jaar:2025",
		"dossier:reorganisatie werkdruk", "dossier:rooster medewerkers type:brief-in", "krooschap afzender:bakker",
		"0042 jaar:2024", "afzender:zzzz werkdruk", "vergadering afzender:e", "werkdruk van:2024-01-01", "medewerkers type:brief",
		// Filters alone: read from their index when narrow.
		"afzender:bakker", "afzender:e", "type:brief-in", "jaar:2024 type:verslag", "dossier:reorganisatie", "van:01-01-2024 tot:31-03-2024",
		// No filter: by date, a common word is paged by byDatePage.
		"werkdruk", "vergadering OR medewerkers", "reorg*", "krooschap", `"sociaal plan"`, `"voorgenomen reorganisatie" werkdruk`,
	}
	for _, q := range queries {
		for _, opt := range []model.SearchOptions{
			{BodyID: body.ID, Limit: 50},
			{BodyID: body.ID, Limit: 50, Offset: 950},
			{BodyID: body.ID, Limit: 50, SortByDate: true},
			{BodyID: body.ID, Limit: 50, Offset: 100, SortByDate: true},
			{BodyID: body.ID, Limit: 20, FullCount: true},
		} {
			restore := store.SetFastPlans(false)
			want, err := s.SearchText(ctx, q, opt)
			restore()
			if err != nil {
				t.Fatalf("%q (plain): %v", q, err)
			}
			got, err := s.SearchText(ctx, q, opt)
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			if !slices.Equal(hitKeys(got), hitKeys(want)) || got.Count != want.Count || got.CountCapped != want.CountCapped {
				t.Errorf("%q %+v:\n got %d (capped %v) %v\nwant %d (capped %v) %v", q, opt,
					got.Count, got.CountCapped, hitKeys(got), want.Count, want.CountCapped, hitKeys(want))
			}
		}
	}
}

func hitKeys(res model.SearchResult) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = fmt.Sprintf("%s:%d", h.Kind, h.ID)
	}
	return out
}
