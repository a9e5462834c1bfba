//go:build unix

package store_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/store"
	"github.com/werkbank-nl/werkbank/store/demo"
)

// pagedListStore opens the cached large council, or skips when it has not been built.
func pagedListStore(b *testing.B) (*store.Store, model.Body) {
	b.Helper()
	path, err := demo.LargePath()
	if err != nil {
		b.Skip(err.Error())
	}
	if _, err := os.Stat(path); err != nil {
		b.Skipf("%s ontbreekt", path)
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

// BenchmarkListPages times the paged lists of Agenda, Brieven and Dossiers and the Overzicht on the large
// council: each call on its own, and each screen's whole load (the calls its load command makes, in
// order). Target: at most 10 ms per screen. rows is what the screen received.
func BenchmarkListPages(b *testing.B) {
	s, body := pagedListStore(b)
	today := model.NewDate(2025, 11, 25)
	const page = 100
	total := func(ctx context.Context) int {
		p, err := s.MeetingPage(ctx, body.ID, today, 0, 1)
		if err != nil {
			b.Fatal(err)
		}
		return p.Total
	}(context.Background())
	cases := []struct {
		name string
		load func(ctx context.Context) (int, error)
	}{
		{"MeetingPage/first", func(ctx context.Context) (int, error) {
			p, err := s.MeetingPage(ctx, body.ID, today, 0, page)
			return len(p.Rows), err
		}},
		{"MeetingPage/last", func(ctx context.Context) (int, error) {
			p, err := s.MeetingPage(ctx, body.ID, today, total-page, page)
			return len(p.Rows), err
		}},
		{"MeetingRows/all", func(ctx context.Context) (int, error) {
			rs, err := s.MeetingRows(ctx, body.ID, today)
			return len(rs), err
		}},
		{"LetterPage/first", func(ctx context.Context) (int, error) {
			p, err := s.LetterPage(ctx, body.ID, 0, page)
			return len(p.Rows), err
		}},
		{"LetterPage/last", func(ctx context.Context) (int, error) {
			p, err := s.LetterPage(ctx, body.ID, 1900, page)
			return len(p.Rows), err
		}},
		{"Letters/all", func(ctx context.Context) (int, error) {
			ls, err := s.Letters(ctx, body.ID)
			return len(ls), err
		}},
		{"Dossiers/all", func(ctx context.Context) (int, error) {
			ds, err := s.Dossiers(ctx, dossier.Filter{BodyID: body.ID})
			return len(ds), err
		}},
		{"Dossiers/open", func(ctx context.Context) (int, error) {
			ds, err := s.Dossiers(ctx, dossier.Filter{BodyID: body.ID, Status: dossier.StatusOpen})
			return len(ds), err
		}},
		{"DossierPage/closed-first", func(ctx context.Context) (int, error) {
			p, err := s.DossierPage(ctx, dossier.Filter{BodyID: body.ID, Status: dossier.StatusClosed}, 0, page)
			return len(p.Rows), err
		}},
		{"DossierPage/closed-last", func(ctx context.Context) (int, error) {
			p, err := s.DossierPage(ctx, dossier.Filter{BodyID: body.ID, Status: dossier.StatusClosed}, 200, page)
			return len(p.Rows), err
		}},
		{"Termijnen", func(ctx context.Context) (int, error) {
			ov, err := s.Termijnen(ctx, body.ID, today)
			return len(ov.Items) + len(ov.Meetings), err
		}},
		{"screen/agenda", func(ctx context.Context) (int, error) {
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			p, err := s.MeetingPage(ctx, body.ID, today, 0, page)
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
			return len(p.Rows), err
		}},
		{"screen/brieven", func(ctx context.Context) (int, error) {
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			p, err := s.LetterPage(ctx, body.ID, 0, page)
			if err != nil {
				return 0, err
			}
			_, err = s.LetterTemplates(ctx)
			return len(p.Rows), err
		}},
		{"screen/dossiers", func(ctx context.Context) (int, error) { // the filter "alle"; "open", the default, skips DossierPage
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			if _, err := s.Members(ctx, body.ID); err != nil {
				return 0, err
			}
			if _, err := s.Calendar(ctx); err != nil {
				return 0, err
			}
			open, err := s.Dossiers(ctx, dossier.Filter{BodyID: body.ID, Status: dossier.StatusOpen})
			if err != nil {
				return 0, err
			}
			p, err := s.DossierPage(ctx, dossier.Filter{BodyID: body.ID, Status: dossier.StatusClosed}, 0, page)
			return len(open) + len(p.Rows), err
		}},
		{"screen/overzicht", func(ctx context.Context) (int, error) {
			if _, err := s.Bodies(ctx); err != nil {
				return 0, err
			}
			ov, err := s.Termijnen(ctx, body.ID, today)
			if err != nil {
				return 0, err
			}
			if _, err := s.ActionsDue(ctx, body.ID, today); err != nil {
				return 0, err
			}
			_, err = s.ExpiredImpositions(ctx, body.ID, today)
			return len(ov.Items) + len(ov.Meetings), err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			var times []time.Duration
			rows := 0
			for b.Loop() {
				t0 := time.Now()
				n, err := c.load(ctx)
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
