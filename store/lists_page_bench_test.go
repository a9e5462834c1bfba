//go:build unix

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
)

// BenchmarkListPages times the paged lists of Agenda, Brieven and Dossiers and the Overzicht on the large
// council, each call on its own (BenchmarkScreenQuery times each screen's whole load). rows is what the
// call returned.
func BenchmarkListPages(b *testing.B) {
	s, body := largeStore(b)
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
