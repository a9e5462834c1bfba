package model

import (
	"strings"
	"testing"
)

func TestAssembleVerslag(t *testing.T) {
	m := Meeting{ID: 10, BodyID: 1, Kind: MeetingOV, Date: MustDate("2025-02-11")}
	items := []AgendaItem{
		{ID: 1, MeetingID: 10, Position: 1, Title: "Opening", Role: RoleOpening},
		{ID: 2, MeetingID: 10, Position: 2, Title: "Actielijst", Role: RoleActionList},
		{ID: 3, MeetingID: 10, Position: 3, Title: "Thuiswerkregeling", Notes: "Besproken.", Outcome: OutcomeTreated},
	}
	in := VerslagInput{
		Meeting: m,
		Items:   items,
		Attendance: []Attendee{
			{Name: "Anneke", Presence: PresencePresent}, {Name: "Piet", Presence: PresenceAbsent, Note: "met kennisgeving"},
			{Name: "Sanne"},
		},
		Decisions: []Decision{
			{ID: 2, Year: 2025, Seq: 5, MeetingID: 10, AgendaItemID: 3, Text: "Instemming"},
			{ID: 1, Year: 2025, Seq: 4, MeetingID: 10, Text: "Los besluit"},
			{ID: 3, Year: 2025, Seq: 1, MeetingID: 9, AgendaItemID: 99, Text: "Ander overleg"},
		},
		Actions: []Action{
			{ID: 1, MeetingID: 9, MeetingDate: MustDate("2025-01-14"), Status: ActionOpen, Due: MustDate("2025-01-28")},
			{ID: 2, MeetingID: 9, MeetingDate: MustDate("2025-01-14"), Status: ActionDone, Closed: MustDate("2025-02-01")},
			{ID: 3, MeetingID: 10, AgendaItemID: 3, MeetingDate: m.Date, Status: ActionOpen, Due: MustDate("2025-03-01")},
			{ID: 4, MeetingID: 10, MeetingDate: m.Date, Status: ActionOpen},
			{ID: 5, Created: MustDate("2025-03-01"), Status: ActionOpen},
		},
		Approval: VerslagApproval{OROn: MustDate("2025-03-11")},
	}
	v := AssembleVerslag(in)
	if len(v.Present) != 1 || len(v.Absent) != 1 || len(v.Unknown) != 1 {
		t.Fatalf("attendance %d/%d/%d", len(v.Present), len(v.Absent), len(v.Unknown))
	}
	if len(v.Items) != 3 || len(v.Items[2].Decisions) != 1 || v.Items[2].Decisions[0].Number() != "2025-005" {
		t.Fatalf("items %+v", v.Items)
	}
	if len(v.LooseDecisions) != 1 || v.LooseDecisions[0].Seq != 4 {
		t.Fatalf("loose decisions %+v", v.LooseDecisions)
	}
	if len(v.Items[2].Actions) != 1 || v.Items[2].Actions[0].ID != 3 || len(v.LooseActions) != 1 || len(v.NewActions) != 2 {
		t.Fatalf("actions %+v / %+v / %+v", v.Items[2].Actions, v.LooseActions, v.NewActions)
	}
	if len(v.ActionList) != 1 || v.ActionList[0].ID != 1 || v.ActionList[0].OverdueDays(m.Date) != 14 {
		t.Fatalf("actielijst %+v", v.ActionList)
	}
	if !v.Items[2].HasContent() || v.Items[0].HasContent() {
		t.Fatal("content")
	}
	if !strings.Contains(v.Status, "bestuurder ontbreekt") || v.Title() != "Verslag Overlegvergadering 11 februari 2025" {
		t.Fatalf("status %q title %q", v.Status, v.Title())
	}
}

func TestVerslagApproval(t *testing.T) {
	var a VerslagApproval
	if a.StatusText(MeetingOR) != "concept" || a.Approved(MeetingOR) {
		t.Fatal("empty approval")
	}
	if got := a.StatusText(MeetingOV); !strings.Contains(got, "de OR en de bestuurder") {
		t.Fatalf("ov %q", got)
	}
	a.BestuurderOn = MustDate("2025-03-11")
	if got := a.StatusText(MeetingOV); got != "concept: vaststelling door de OR ontbreekt nog (art 23a WOR)" {
		t.Fatalf("ov %q", got)
	}
	a.OROn = MustDate("2025-03-04")
	if !a.Approved(MeetingOV) || a.StatusText(MeetingOV) != "vastgesteld op 11 maart 2025" {
		t.Fatalf("ov %q", a.StatusText(MeetingOV))
	}

	ov := Meeting{ID: 1, BodyID: 1, Kind: MeetingOV, Date: MustDate("2025-02-11")}
	or := Meeting{ID: 2, BodyID: 1, Kind: MeetingOR, Date: MustDate("2025-02-11")}
	later := Meeting{ID: 3, BodyID: 1, Kind: MeetingOV, Date: MustDate("2025-03-11")}
	for _, tc := range []struct {
		name        string
		v, in       Meeting
		p           Party
		wantErrText string
	}{
		{"ok", ov, later, PartyBestuurder, ""},
		{"or ok", or, later, PartyOR, ""},
		{"same day", ov, or, PartyOR, "latere vergadering"},
		{"bestuurder on OR", or, later, PartyBestuurder, "overlegvergadering"},
		{"cancelled", ov, Meeting{BodyID: 1, Date: MustDate("2025-03-11"), Status: MeetingCancelled}, PartyOR, "geannuleerd"},
		{"other body", ov, Meeting{BodyID: 2, Date: MustDate("2025-03-11")}, PartyOR, "ander orgaan"},
	} {
		err := CheckApproval(tc.v, tc.in, tc.p)
		if (tc.wantErrText == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.wantErrText)) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}
