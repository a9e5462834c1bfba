package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/store"
)

// TestFillScale fills a small scale twice with the same seed: the counts are reached exactly, the
// history is older than the demo's own year, and both databases hold the same rows.
func TestFillScale(t *testing.T) {
	sc := Scale{Documents: 40, Meetings: 120, Actions: 900, Decisions: 250, Dossiers: 20, Letters: 30}
	var first []model.Action
	for run := range 2 {
		path := filepath.Join(t.TempDir(), "groot.db")
		s, err := store.Open(path, store.Options{Now: func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ctx := context.Background()
		sum, err := FillScale(ctx, s, Options{Seed: 7, Today: model.NewDate(2025, 11, 25)}, sc)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Meetings != sc.Meetings || sum.Actions != sc.Actions || sum.Decisions != sc.Decisions ||
			sum.Dossiers != sc.Dossiers || sum.Letters != sc.Letters || sum.Documents < sc.Documents {
			t.Fatalf("counts %+v, want %+v", sum, sc)
		}
		body, err := s.ActiveBody(ctx)
		if err != nil {
			t.Fatal(err)
		}
		old, err := s.Meetings(ctx, body.ID, model.NewDate(2000, 1, 1), 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(old) == 0 || !old[0].Date.Before(model.NewDate(2024, 1, 1)) {
			t.Fatalf("no history before the demo's years: first meeting %v", old[0].Date)
		}
		ds, err := s.Dossiers(ctx, dossier.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != sc.Dossiers {
			t.Fatalf("%d dossiers listed, want %d", len(ds), sc.Dossiers)
		}
		acts, err := s.Actions(ctx, body.ID, model.ActionFilter{}, model.NewDate(2025, 11, 25))
		if err != nil {
			t.Fatal(err)
		}
		if run == 0 {
			first = acts
			continue
		}
		if len(acts) != len(first) {
			t.Fatalf("second fill has %d actions, first %d", len(acts), len(first))
		}
		for i := range acts {
			if acts[i].Description != first[i].Description || acts[i].Due != first[i].Due || acts[i].Status != first[i].Status {
				t.Fatalf("action %d differs between fills with one seed: %+v / %+v", i, acts[i], first[i])
			}
		}
	}
}
