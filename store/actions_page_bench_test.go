//go:build unix

package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// BenchmarkActionsPage times the paged queries of the Acties screen on the large council, per filter
// and window (target: at most 10 ms each); rows reports the window's rows and total the count.
func BenchmarkActionsPage(b *testing.B) {
	s, body := largeStore(b)
	today := model.NewDate(2025, 11, 25)
	ctx := context.Background()
	// A meeting, an owner, a dossier and an action halfway the list, to filter and focus on.
	all, err := s.ActionsPage(ctx, body.ID, model.ActionFilter{}, today, model.PageRequest{Offset: 10_000, Limit: 1000})
	if err != nil || len(all.Rows) == 0 {
		b.Fatal(err, len(all.Rows))
	}
	var meeting, dossier int64
	owner, last := all.Rows[0].Owner, all.Rows[0].ID
	for _, a := range all.Rows {
		meeting, dossier = max(meeting, a.MeetingID), max(dossier, a.DossierID)
	}
	for _, c := range []struct {
		name string
		f    model.ActionFilter
		r    model.PageRequest
	}{
		{"open", model.ActionFilter{OpenOnly: true}, model.PageRequest{Limit: 100}},
		{"all-first", model.ActionFilter{}, model.PageRequest{Limit: 100}},
		{"all-last", model.ActionFilter{}, model.PageRequest{Offset: 1 << 30, Limit: 100}},
		{"all-focus", model.ActionFilter{}, model.PageRequest{Limit: 100, Focus: last}},
		{"late", model.ActionFilter{Overdue: true}, model.PageRequest{Limit: 100}},
		{"owner-last", model.ActionFilter{Owner: owner}, model.PageRequest{Offset: 1 << 30, Limit: 100}},
		{"meeting", model.ActionFilter{MeetingID: meeting}, model.PageRequest{Limit: 100}},
		{"dossier", model.ActionFilter{DossierID: dossier}, model.PageRequest{Limit: 100}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var pg model.ActionPage
			var times []time.Duration
			for b.Loop() {
				t0 := time.Now()
				var err error
				if pg, err = s.ActionsPage(ctx, body.ID, c.f, today, c.r); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
			}
			benchReport(b, times)
			b.ReportMetric(float64(len(pg.Rows)), "rows")
			b.ReportMetric(float64(pg.Total), "total")
		})
	}
}

// BenchmarkDecisionsPage does the same for the besluitenlijst, with and without search words.
func BenchmarkDecisionsPage(b *testing.B) {
	s, body := largeStore(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		f    model.DecisionFilter
		r    model.PageRequest
	}{
		{"year", model.DecisionFilter{Year: 2025}, model.PageRequest{Limit: 100}},
		{"all-first", model.DecisionFilter{}, model.PageRequest{Limit: 100}},
		{"all-last", model.DecisionFilter{}, model.PageRequest{Offset: 1 << 30, Limit: 100}},
		{"search-word", model.DecisionFilter{Query: "ondernemingsraad"}, model.PageRequest{Limit: 100}},
		{"search-common", model.DecisionFilter{Query: "de"}, model.PageRequest{Limit: 100}},
		{"search-letter", model.DecisionFilter{Query: "e"}, model.PageRequest{Limit: 100}},
		{"search-none", model.DecisionFilter{Query: "xyzzy"}, model.PageRequest{Limit: 100}},
		{"years", model.DecisionFilter{}, model.PageRequest{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var pg model.DecisionPage
			var times []time.Duration
			for b.Loop() {
				t0 := time.Now()
				var err error
				if c.name == "years" {
					_, err = s.DecisionYears(ctx, body.ID)
				} else {
					pg, err = s.DecisionsPage(ctx, body.ID, c.f, c.r)
				}
				if err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
			}
			benchReport(b, times)
			b.ReportMetric(float64(len(pg.Rows)), "rows")
			b.ReportMetric(float64(pg.Total), "total")
		})
	}
}

// BenchmarkMeetingChoices times the meeting picker's query.
func BenchmarkMeetingChoices(b *testing.B) {
	s, body := largeStore(b)
	ctx := context.Background()
	var times []time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := s.MeetingChoices(ctx, body.ID, model.NewDate(2025, 11, 25), 50); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	benchReport(b, times)
}

func benchReport(b *testing.B, ts []time.Duration) {
	slices.Sort(ts)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(ts[len(ts)/2]), "p50-ms")
	b.ReportMetric(ms(ts[min(len(ts)*95/100, len(ts)-1)]), "p95-ms")
}
