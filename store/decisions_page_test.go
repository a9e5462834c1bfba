package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

func decisionIDs(list []model.Decision) string {
	var b strings.Builder
	for _, d := range list {
		fmt.Fprintf(&b, "%s ", d.Number())
	}
	return b.String()
}

// TestDecisionsPageMatchesDecisions: for several filters and searches, the windows put together are
// exactly the unpaged besluitenlijst (whose search is model.DecisionFilter.Match), and the count is its
// length; a focus decision lands in its window.
func TestDecisionsPageMatchesDecisions(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	dec := meetingOn(t, s, b, model.MeetingOR, "2024-12-10")
	nov := meetingOn(t, s, b, model.MeetingOR, "2025-11-04")
	item, err := s.AddAgendaItem(ctx, model.AgendaItem{MeetingID: nov.ID, Title: "Evaluatie thuiswerkregeling", Minutes: 30,
		Purpose: model.PurposeBespreking})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"De OR stelt het jaarplan vast.",
		"De OR vraagt de achterban om ideeën over de thuiswerkregeling.",
		"Advies over de IJSBAAN en de ĳsbaan", // the ligature ĳ: folded to ij by search, not by model.Fold
		"Samenwerking met España",             // ñ: the same
		"Instemming met de roosterregeling 100% (50_50)",
		"Zoë Jansen wordt secretaris.",
	}
	var made []model.Decision
	for i := range 40 {
		d := model.Decision{BodyID: b.ID, Text: fmt.Sprintf("%s Nummer %d.", texts[i%len(texts)], i)}
		switch i % 3 {
		case 0:
			d.MeetingID = dec.ID
		case 1:
			d.MeetingID, d.AgendaItemID = nov.ID, item.ID
		default:
			d.Date = model.MustDate("2025-06-01")
		}
		got, err := s.CreateDecision(ctx, d)
		if err != nil {
			t.Fatalf("decision %d: %v", i, err)
		}
		made = append(made, got)
	}
	if err := s.DeleteDecision(ctx, made[4].ID); err != nil {
		t.Fatal(err)
	}
	for _, f := range []model.DecisionFilter{{}, {Year: 2025}, {Year: 2024}, {MeetingID: nov.ID}, {Query: "ideeen"}, {Query: "IDEEËN thuis"},
		{Query: "thuiswerk"}, {Query: "evaluatie"}, {Query: "2025-01"}, {Query: "-00"}, {Query: "ij"}, {Query: "ijsbaan"}, {Query: "espana"},
		{Query: "zoe"}, {Query: "100%"}, {Query: "50_50"}, {Query: "_"}, {Query: "%"}, {Query: "de", Year: 2025}, {Query: "niets hiervan"}} {
		all, err := s.Decisions(ctx, b.ID, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int{1, 6, 100} {
			var got []model.Decision
			var pg model.DecisionPage
			for off := 0; off == 0 || off < pg.Total; off += limit {
				if pg, err = s.DecisionsPage(ctx, b.ID, f, model.PageRequest{Offset: off, Limit: limit}); err != nil {
					t.Fatal(err)
				}
				if pg.Total > 0 {
					got = append(got, pg.Rows[off-pg.Offset:]...)
				}
			}
			if decisionIDs(got) != decisionIDs(all) || pg.Total != len(all) {
				t.Fatalf("filter %+v limit %d: total %d, want %d\n got %s\nwant %s", f, limit, pg.Total, len(all), decisionIDs(got), decisionIDs(all))
			}
			for i, d := range got {
				if fmt.Sprint(d) != fmt.Sprint(all[i]) {
					t.Fatalf("filter %+v: row %d\n got %+v\nwant %+v", f, i, d, all[i])
				}
			}
		}
		for i, d := range all {
			pg, err := s.DecisionsPage(ctx, b.ID, f, model.PageRequest{Limit: 4, Focus: d.ID})
			if err != nil || pg.Focus != i || pg.Rows[i-pg.Offset].ID != d.ID {
				t.Fatalf("filter %+v: focus on %s at %d, page at %d: %s %v", f, d.Number(), pg.Focus, pg.Offset, decisionIDs(pg.Rows), err)
			}
		}
	}
}
