package model

import "testing"

// TestDecisionNumberingAcrossYears: numbers run on through December and start again at 001 in January.
func TestDecisionNumberingAcrossYears(t *testing.T) {
	last := map[int]int{}
	lastSeq := func(y int) int { return last[y] }
	var got []string
	for _, day := range []string{"2025-11-25", "2025-12-09", "2025-12-30", "2026-01-06", "2026-01-06", "2025-12-31"} {
		y, s := NextDecisionNumber(MustDate(day), lastSeq)
		last[y] = s
		got = append(got, DecisionNumber(y, s))
	}
	want := []string{"2025-001", "2025-002", "2025-003", "2026-001", "2026-002", "2025-004"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("numbers %v, want %v", got, want)
		}
	}
	if DecisionNumber(2025, 1234) != "2025-1234" {
		t.Fatal("four digits")
	}
	for _, tc := range []struct {
		in        string
		year, seq int
		ok        bool
	}{
		{"2025-001", 2025, 1, true}, {" 2026-12 ", 2026, 12, true}, {"25-001", 0, 0, false}, {"2025-0", 0, 0, false}, {"2025", 0, 0, false},
	} {
		y, s, err := ParseDecisionNumber(tc.in)
		if (err == nil) != tc.ok || y != tc.year || s != tc.seq {
			t.Errorf("%q: %d %d %v", tc.in, y, s, err)
		}
	}
}

func TestDecisionChecks(t *testing.T) {
	if err := (Decision{Date: MustDate("2025-01-14")}).Validate(); err == nil {
		t.Fatal("empty text accepted")
	}
	if err := (Decision{Text: "x"}).Validate(); err == nil {
		t.Fatal("no date accepted")
	}
	m := Meeting{Kind: MeetingOR, Date: MustDate("2025-01-14"), Status: MeetingCancelled}
	if err := CheckDecisionMeeting(m); err == nil {
		t.Fatal("decision on a cancelled meeting accepted")
	} else if err.Error() != "de OR-vergadering van di 14 jan 2025 is geannuleerd: daar kan geen besluit genomen zijn" {
		t.Fatalf("message %q", err)
	}
	m.Status = MeetingHeld
	if CheckDecisionMeeting(m) != nil {
		t.Fatal("held meeting refused")
	}
}

func TestDecisionFilter(t *testing.T) {
	d := Decision{Year: 2025, Seq: 3, MeetingID: 4, Text: "De OR stemt in met de regeling voor ideeën"}
	for _, tc := range []struct {
		f    DecisionFilter
		want bool
	}{
		{DecisionFilter{}, true},
		{DecisionFilter{Year: 2025}, true},
		{DecisionFilter{Year: 2026}, false},
		{DecisionFilter{MeetingID: 5}, false},
		{DecisionFilter{Query: "ideeen regeling"}, true},
		{DecisionFilter{Query: "2025-003"}, true},
		{DecisionFilter{Query: "advies"}, false},
	} {
		if got := tc.f.Match(d); got != tc.want {
			t.Errorf("%+v: %v", tc.f, got)
		}
	}
}
