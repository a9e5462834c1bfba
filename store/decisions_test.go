package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

func TestDecisionNumbering(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	dec := meetingOn(t, s, b, model.MeetingOR, "2025-12-30")
	jan := meetingOn(t, s, b, model.MeetingOR, "2026-01-06")
	var got []string
	for _, m := range []model.Meeting{dec, dec, jan, dec, jan} {
		d, err := s.CreateDecision(ctx, model.Decision{BodyID: b.ID, MeetingID: m.ID, Text: "Besluit " + m.Date.String()})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, d.Number())
	}
	if strings.Join(got, " ") != "2025-001 2025-002 2026-001 2025-003 2026-002" {
		t.Fatalf("numbers %v", got)
	}
	// A deleted decision keeps its number: the next one does not reuse it.
	list, _ := s.Decisions(ctx, b.ID, model.DecisionFilter{Year: 2026})
	if err := s.DeleteDecision(ctx, list[1].ID); err != nil {
		t.Fatal(err)
	}
	d, _ := s.CreateDecision(ctx, model.Decision{BodyID: b.ID, MeetingID: jan.ID, Text: "Na verwijderen"})
	if d.Number() != "2026-003" {
		t.Fatalf("after delete %s", d.Number())
	}
	// Another body numbers on its own.
	other, _ := s.CreateBody(ctx, model.Body{Name: "OC", Kind: model.KindOnderdeel})
	o, err := s.CreateDecision(ctx, model.Decision{BodyID: other.ID, Date: model.MustDate("2025-06-01"), Text: "Eigen nummer"})
	if err != nil || o.Number() != "2025-001" {
		t.Fatalf("other body %s %v", o.Number(), err)
	}
	years, _ := s.DecisionYears(ctx, b.ID)
	if fmt.Sprint(years) != "[2026 2025]" {
		t.Fatalf("years %v", years)
	}
}

// TestDecisionNumberingConcurrent creates decisions from two store handles on one file at once, as two
// werkbank processes would: no number is given out twice and none is skipped.
func TestDecisionNumberingConcurrent(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	b := newBody(t, s)
	m := meetingOn(t, s, b, model.MeetingOR, "2025-11-25")
	s2, err := Open(path, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	n := 40
	if testing.Short() {
		n = 12
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for _, st := range []*Store{s, s2} {
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(st *Store, i int) {
				defer wg.Done()
				_, err := st.CreateDecision(ctx, model.Decision{BodyID: b.ID, MeetingID: m.ID, Text: fmt.Sprintf("besluit %d", i)})
				errs <- err
			}(st, i)
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	list, _ := s.Decisions(ctx, b.ID, model.DecisionFilter{})
	if len(list) != 2*n {
		t.Fatalf("%d decisions, want %d", len(list), 2*n)
	}
	for i, d := range list {
		if d.Seq != i+1 {
			t.Fatalf("decision %d has number %s", i, d.Number())
		}
	}
}

func TestDecisionRefusalsAndUpdate(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	m := meetingOn(t, s, b, model.MeetingOV, "2025-11-11")
	m.Status = model.MeetingCancelled
	if _, err := s.UpdateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	_, err := s.CreateDecision(ctx, model.Decision{BodyID: b.ID, MeetingID: m.ID, Text: "Instemming"})
	if fieldOf(err) != "meeting" || !strings.Contains(err.Error(), "geannuleerd") {
		t.Fatalf("cancelled meeting: %v", err)
	}
	if _, err := s.CreateDecision(ctx, model.Decision{BodyID: b.ID, Date: model.MustDate("2025-11-11")}); fieldOf(err) != "text" {
		t.Fatalf("no text: %v", err)
	}
	if _, err := s.CreateDecision(ctx, model.Decision{BodyID: b.ID, Text: "x"}); fieldOf(err) != "date" {
		t.Fatalf("no date: %v", err)
	}
	if n := countRows(t, s, "decisions"); n != 0 {
		t.Fatalf("%d decisions saved", n)
	}

	held := meetingOn(t, s, b, model.MeetingOR, "2025-11-18")
	items, _ := s.AgendaItems(ctx, held.ID)
	d, err := s.CreateDecision(ctx, model.Decision{BodyID: b.ID, MeetingID: held.ID, AgendaItemID: items[1].ID, Date: model.MustDate("2020-01-01"),
		Text: "De OR stemt in met de thuiswerkregeling"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Date.String() != "2025-11-18" || d.ItemTitle != items[1].Title || d.MeetingTitle == "" {
		t.Fatalf("created %+v", d)
	}
	a, _ := s.CreateAction(ctx, model.Action{BodyID: b.ID, Description: "Besluit meedelen", Owner: "AS", DecisionID: d.ID})
	d, _ = s.Decision(ctx, d.ID)
	if len(d.ActionIDs) != 1 || d.ActionIDs[0] != a.ID {
		t.Fatalf("linked actions %v", d.ActionIDs)
	}
	stale := d
	d.Text = "De OR stemt in met de gewijzigde thuiswerkregeling"
	d, err = s.UpdateDecision(ctx, d)
	if err != nil || d.Version != 2 || d.Number() != "2025-001" {
		t.Fatalf("update %+v %v", d, err)
	}
	stale.Text = "oud"
	if _, err := s.UpdateDecision(ctx, stale); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("stale: %v", err)
	}
	found, _ := s.Decisions(ctx, b.ID, model.DecisionFilter{Query: "gewijzigde thuiswerk"})
	if len(found) != 1 {
		t.Fatalf("search %+v", found)
	}
	if l, _ := s.Decisions(ctx, b.ID, model.DecisionFilter{MeetingID: m.ID}); len(l) != 0 {
		t.Fatalf("meeting filter %+v", l)
	}
	if _, err := s.UpdateDecision(ctx, model.Decision{ID: 99, Text: "x", Version: 1}); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("missing: %v", err)
	}
}
