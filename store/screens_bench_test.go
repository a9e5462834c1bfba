//go:build unix

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/store"
	"github.com/werkbank-nl/werkbank/store/demo"
)

// largeStore opens the large council (demo.Large, built once into the user cache dir). Under -short a
// missing database is skipped rather than built, since building takes minutes.
func largeStore(b *testing.B) (*store.Store, model.Body) {
	b.Helper()
	path, err := demo.EnsureLarge(context.Background(), !testing.Short(), b.Logf)
	if err != nil {
		b.Skip(err.Error())
	}
	s, err := store.Open(path, store.Options{Now: func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		b.Fatalf("%s: %v", path, err)
	}
	b.Cleanup(func() { s.Close() })
	body, err := s.ActiveBody(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return s, body
}

// BenchmarkScreenQuery runs, per screen, the queries its load command runs when the screen opens (the
// same calls in the same order), on the large council. Target: at most 10 ms each. rows reports how
// many rows the screen received: a figure that grows with the database means the screen loads all rows.
func BenchmarkScreenQuery(b *testing.B) {
	s, body := largeStore(b)
	today := model.NewDate(2025, 11, 25)
	screens := []struct {
		name string
		load func(ctx context.Context) (int, error)
	}{
		{"overzicht", func(ctx context.Context) (int, error) {
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			ov, err := s.Termijnen(ctx, body.ID, today)
			return len(ov.Items) + len(ov.Meetings), err
		}},
		{"agenda", func(ctx context.Context) (int, error) {
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			rows, err := s.MeetingRows(ctx, body.ID, today)
			if err != nil {
				return 0, err
			}
			if _, err := s.Backlog(ctx, body.ID); err != nil {
				return 0, err
			}
			if _, _, err := s.Art24Count(ctx, body.ID, today.Year(), today); err != nil {
				return 0, err
			}
			if _, err := s.Members(ctx, body.ID); err != nil {
				return 0, err
			}
			_, err = s.Bestuurder(ctx, body.ID)
			return len(rows), err
		}},
		{"acties", func(ctx context.Context) (int, error) {
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			if _, err := s.Members(ctx, body.ID); err != nil {
				return 0, err
			}
			if _, err := s.Bestuurder(ctx, body.ID); err != nil {
				return 0, err
			}
			rows, err := s.MeetingRows(ctx, body.ID, today)
			if err != nil {
				return 0, err
			}
			if _, err := s.DossierChoices(ctx, body.ID); err != nil {
				return 0, err
			}
			as, err := s.Actions(ctx, body.ID, model.ActionFilter{}, today)
			return len(as) + len(rows), err
		}},
		{"archief", func(ctx context.Context) (int, error) {
			q := model.DocumentQuery{BodyID: body.ID}
			if _, err := s.CountDocuments(ctx, q); err != nil {
				return 0, err
			}
			q.Limit = 200
			ds, err := s.Documents(ctx, q)
			return len(ds), err
		}},
		{"dossiers", func(ctx context.Context) (int, error) {
			if _, err := s.Members(ctx, body.ID); err != nil {
				return 0, err
			}
			if _, err := s.Calendar(ctx); err != nil {
				return 0, err
			}
			ds, err := s.Dossiers(ctx, dossier.Filter{BodyID: body.ID})
			return len(ds), err
		}},
		{"brieven", func(ctx context.Context) (int, error) {
			ls, err := s.Letters(ctx, body.ID)
			return len(ls), err
		}},
	}
	for _, sc := range screens {
		b.Run(sc.name, func(b *testing.B) {
			ctx := context.Background()
			var times []time.Duration
			rows := 0
			for b.Loop() {
				t0 := time.Now()
				n, err := sc.load(ctx)
				times = append(times, time.Since(t0))
				if err != nil {
					b.Fatal(err)
				}
				rows = n
			}
			reportPercentiles(b, times)
			b.ReportMetric(float64(rows), "rows")
		})
	}
}
