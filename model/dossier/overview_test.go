package dossier

import (
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

func TestBuildOverview(t *testing.T) {
	or := model.Body{ID: 1, Name: "OR", Kind: model.KindOR, RuleSet: model.RulesWOR}
	mr := model.Body{ID: 2, Name: "MR", Kind: model.KindMR, RuleSet: model.RulesWMS}
	today := d("2025-12-01")
	in := Input{
		Today:  today,
		Bodies: []model.Body{or, mr},
		Dossiers: []Dossier{
			{ID: 7, BodyID: 1, Kind: termijn.Adviesaanvraag, Title: "Reorganisatie", StartedOn: d("2025-10-01"),
				Events: []Event{ev(1, Advice, "2025-10-24", "negatief"), ev(2, Decision, "2025-10-31", DecisionDeviating)}},
			{ID: 8, BodyID: 1, Kind: termijn.Adviesaanvraag, Title: "Gesloten", StartedOn: d("2025-10-01"),
				Events: []Event{ev(3, Decision, "2025-11-20", DecisionDeviating), ev(4, Closing, "2025-11-21", "")}},
			{ID: 9, BodyID: 2, Kind: termijn.Adviesaanvraag, Title: "MR-zaak", StartedOn: d("2025-10-01"),
				Events: []Event{ev(5, Decision, "2025-11-20", DecisionDeviating)}},
		},
		Meetings: []model.Meeting{
			{ID: 1, BodyID: 1, Kind: model.MeetingOV, Date: d("2025-03-20"), Art24: true, Status: model.MeetingHeld},
			{ID: 2, BodyID: 1, Kind: model.MeetingOR, Date: d("2025-12-09"), Start: 810, Status: model.MeetingConcept},
			{ID: 3, BodyID: 1, Kind: model.MeetingOR, Date: d("2025-12-05"), Start: 810, AgendaSent: d("2025-11-27")},
			{ID: 4, BodyID: 1, Kind: model.MeetingOV, Date: d("2025-11-20"), OVRequested: d("2025-11-03"),
				Status: model.MeetingHeld},
			{ID: 5, BodyID: 1, Kind: model.MeetingOV, Date: d("2025-12-18"), OVRequested: d("2025-12-01")},
			{ID: 6, BodyID: 2, Kind: model.MeetingOR, Date: d("2025-12-09")},
		},
	}
	ov := Build(in)
	var lines []string
	for _, it := range ov.Items {
		lines = append(lines, it.Deadline.End.String()+" "+it.Remaining+" "+it.Deadline.Rule+" "+it.Subject)
	}
	want := []string{
		"2025-12-01 vandaag opschorting Reorganisatie",
		"2025-12-01 vandaag beroep Reorganisatie",
		"2025-12-02 morgen agenda OR-vergadering di 9 dec 2025",
		"2025-12-11 10 dagen agenda Overlegvergadering do 18 dec 2025",
		"2025-12-15 14 dagen ov-verzoek verzocht op ma 1 dec 2025",
		"2025-12-31 30 dagen art24 1 van 2 gehouden in 2025",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("items:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if n := ov.Items[4].Deadline.Note; !strings.Contains(n, "3 dagen na de termijn") {
		t.Errorf("OV planned late: note %q", n)
	}
	if len(ov.Art24) != 1 || ov.Art24[0].Held != 1 || ov.Art24[0].Warning == "" {
		t.Errorf("art 24 (example 7): %+v", ov.Art24)
	}
	if len(ov.Meetings) != 4 || ov.Meetings[0].ID != 3 || ov.Meetings[0].Agenda != "verzonden" ||
		ov.Meetings[1].Agenda != "geen termijn" || ov.Meetings[2].Agenda != "te versturen" {
		t.Errorf("meetings: %+v", ov.Meetings)
	}
	// Worked example 5 through the overview: the agenda of the OR meeting of 18-03-2025 is due 11-03-2025.
	in2 := Input{Today: d("2025-03-12"), Bodies: []model.Body{or},
		Meetings: []model.Meeting{{ID: 1, BodyID: 1, Kind: model.MeetingOR, Date: d("2025-03-18")}}}
	it := Build(in2).Items[0]
	if !it.Deadline.End.Equal(d("2025-03-11")) || it.State != StateOverdue || it.Remaining != "verlopen" || it.Days != -1 {
		t.Errorf("example 5: %+v", it)
	}
}

func TestRemaining(t *testing.T) {
	for n, want := range map[int]string{-3: "verlopen", 0: "vandaag", 1: "morgen", 6: "6 dagen"} {
		if got := Remaining(d("2025-11-25"), d("2025-11-25").AddDays(n)); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}
