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
func largeStore(b testing.TB) (*store.Store, model.Body) {
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
// many rows the screen received: a figure that grows with the database means the screen loads all rows
// (the lists read a window of 100 and page from there).
func BenchmarkScreenQuery(b *testing.B) {
	s, body := largeStore(b)
	for _, sc := range screenLoads(s, body) {
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

// screenLoad is what one screen reads when it opens; the int is how many rows it received.
type screenLoad struct {
	name string
	load func(ctx context.Context) (int, error)
}

func screenLoads(s *store.Store, body model.Body) []screenLoad {
	today := model.NewDate(2025, 11, 25)
	return []screenLoad{
		{"overzicht", func(ctx context.Context) (int, error) {
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			ov, err := s.Termijnen(ctx, body.ID, today)
			if err != nil {
				return 0, err
			}
			due, err := s.ActionsDue(ctx, body.ID, today)
			if err != nil {
				return 0, err
			}
			exp, err := s.ExpiredImpositions(ctx, body.ID, today)
			return len(ov.Items) + len(ov.Meetings) + len(due.Overdue) + len(due.ThisWeek) + len(exp), err
		}},
		{"agenda", func(ctx context.Context) (int, error) {
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			page, err := s.MeetingPage(ctx, body.ID, today, 0, 100)
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
			return len(page.Rows), err
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
			page, err := s.ActionsPage(ctx, body.ID, model.ActionFilter{OpenOnly: true}, today, model.PageRequest{Limit: 100})
			return len(page.Rows), err
		}},
		{"besluiten", func(ctx context.Context) (int, error) {
			if _, err := s.DecisionYears(ctx, body.ID); err != nil {
				return 0, err
			}
			page, err := s.DecisionsPage(ctx, body.ID, model.DecisionFilter{Year: today.Year()}, model.PageRequest{Limit: 100})
			return len(page.Rows), err
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
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			if _, err := s.Members(ctx, body.ID); err != nil {
				return 0, err
			}
			if _, err := s.Calendar(ctx); err != nil {
				return 0, err
			}
			ds, err := s.Dossiers(ctx, dossier.Filter{BodyID: body.ID, Status: dossier.StatusOpen})
			return len(ds), err
		}},
		{"brieven", func(ctx context.Context) (int, error) {
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			page, err := s.LetterPage(ctx, body.ID, 0, 100)
			if err != nil {
				return 0, err
			}
			_, err = s.LetterTemplates(ctx)
			return len(page.Rows), err
		}},
	}
}
