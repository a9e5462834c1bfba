package model_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

func items(minutes ...int) []model.AgendaItem {
	out := make([]model.AgendaItem, len(minutes))
	for i, m := range minutes {
		out[i] = model.AgendaItem{ID: int64(i + 1), Title: string(rune('A' + i)), Minutes: m}
	}
	return model.Renumber(out)
}

func TestPlanStartTimesAndOverrun(t *testing.T) {
	m := model.Meeting{Start: 13*60 + 30, End: 16 * 60}
	cases := []struct {
		name    string
		minutes []int
		starts  []string
		end     string
		overrun int
		summary string
	}{
		{"empty", nil, nil, "13:30", 0, "totaal 0 min · eind 13:30 ✓ 150 min ruimte"},
		{"fits", []int{5, 10, 10, 10, 45, 30, 10, 5}, []string{"13:30", "13:35", "13:45", "13:55", "14:05", "14:50", "15:20", "15:30"},
			"15:35", 0, "totaal 125 min · eind 15:35 ✓ 25 min ruimte"},
		{"exact", []int{150}, []string{"13:30"}, "16:00", 0, "totaal 150 min · eind 16:00 ✓"},
		{"overrun", []int{60, 60, 50}, []string{"13:30", "14:30", "15:30"}, "16:20", 20,
			"totaal 170 min · eind 16:20 ✗ 20 min over de geplande eindtijd (16:00)"},
		{"one minute over", []int{151}, []string{"13:30"}, "16:01", 1, "totaal 151 min · eind 16:01 ✗ 1 min over de geplande eindtijd (16:00)"},
	}
	for _, c := range cases {
		s := model.Plan(m, items(c.minutes...))
		var starts []string
		for _, st := range s.Starts {
			starts = append(starts, st.String())
		}
		if strings.Join(starts, ",") != strings.Join(c.starts, ",") || s.End.String() != c.end || s.Overrun != c.overrun {
			t.Errorf("%s: starts %v end %s overrun %d", c.name, starts, s.End, s.Overrun)
		}
		if got := s.Summary(m); got != c.summary {
			t.Errorf("%s: summary %q, want %q", c.name, got, c.summary)
		}
	}
}

func titles(its []model.AgendaItem) string {
	var b strings.Builder
	for i, it := range its {
		if it.Position != i+1 {
			b.WriteString("!")
		}
		b.WriteString(it.Title)
	}
	return b.String()
}

func TestMoveRenumbers(t *testing.T) {
	cases := []struct {
		i, delta int
		want     string
		at       int
	}{
		{0, 1, "BACD", 1},
		{3, -1, "ABDC", 2},
		{0, -1, "ABCD", 0},  // past the top: nothing changes
		{3, 1, "ABCD", 3},   // past the bottom
		{1, 10, "ACDB", 3},  // clamped
		{2, -10, "CABD", 0}, // clamped
		{9, 1, "ABCD", 9},   // no such item
	}
	for _, c := range cases {
		got, at := model.Move(items(5, 5, 5, 5), c.i, c.delta)
		if titles(got) != c.want || at != c.at {
			t.Errorf("move %d by %d: %s at %d, want %s at %d", c.i, c.delta, titles(got), at, c.want, c.at)
		}
	}
}

func TestInsertPositionBeforeTrailing(t *testing.T) {
	tpl := model.TemplateItems(model.DefaultTemplate(model.MeetingOR), model.Meeting{Kind: model.MeetingOR})
	if p := model.InsertPosition(tpl); tpl[p-1].Role != model.RoleAnyOther {
		t.Fatalf("new topic goes at %d (%s), want before rondvraag", p, tpl[p-1].Title)
	}
	if p := model.InsertPosition(items(5, 5)); p != 3 {
		t.Fatalf("without trailing items a topic goes last, got %d", p)
	}
	ov := model.TemplateItems(model.DefaultTemplate(model.MeetingOV), model.Meeting{Kind: model.MeetingOV, Art24: true})
	found := false
	for i, it := range ov {
		found = found || it.Role == model.RoleGeneralItem && ov[i+1].Role == model.RoleAnyOther
		if it.Position != i+1 {
			t.Fatalf("template not numbered: %+v", ov)
		}
	}
	if !found {
		t.Fatalf("art 24 OV lacks the algemene gang van zaken before the rondvraag: %+v", ov)
	}
}

func TestItemValidation(t *testing.T) {
	for _, c := range []struct {
		it    model.AgendaItem
		field string
	}{
		{model.AgendaItem{Title: "x", Minutes: 0}, "minutes"},
		{model.AgendaItem{Title: "x", Minutes: -10}, "minutes"},
		{model.AgendaItem{Title: " ", Minutes: 10}, "title"},
		{model.AgendaItem{Title: "x", Minutes: 10, Purpose: "ter kennisname"}, "purpose"},
		{model.AgendaItem{Title: "x", Minutes: 10, Purpose: model.PurposeAdvies}, ""},
	} {
		err := model.CheckItem(c.it)
		var fe *model.FieldError
		if c.field == "" && err != nil || c.field != "" && (!errors.As(err, &fe) || fe.Field != c.field) {
			t.Errorf("%+v: %v, want field %q", c.it, err, c.field)
		}
	}
}

func due(t *testing.T, meeting model.Date) model.Date {
	t.Helper()
	return termijn.Compute(termijn.AgendaRule(0), meeting, termijn.Calendar{}).End
}

// Worked example 5 of wor.md: OR meeting Tue 18-03-2025, agenda due Tue 11-03-2025; sent Wed 12-03-2025
// gives a warning unless marked urgent.
func TestWorkedExample5AgendaDue(t *testing.T) {
	meeting := model.MustDate("2025-03-18")
	d := due(t, meeting)
	if d.String() != "2025-03-11" {
		t.Fatalf("due %s, want 2025-03-11", d)
	}
	m := model.Meeting{Kind: model.MeetingOR, Date: meeting, Status: model.MeetingAgendaSent, AgendaSent: model.MustDate("2025-03-12")}
	state, late, warn := model.AgendaState(m, d, model.MustDate("2025-03-12"))
	if state != model.AgendaSentLate || !late || !strings.Contains(warn, "1 dag te laat") || !strings.Contains(warn, "di 11 mrt 2025") {
		t.Fatalf("sent late: %s %v %q", state, late, warn)
	}
	// The model's rule agrees with the term engine's.
	if engineLate, _ := termijn.AgendaLate(meeting, m.AgendaSent, false, 0); !engineLate {
		t.Fatal("term engine disagrees")
	}
	m.Urgent = true
	if state, late, warn := model.AgendaState(m, d, m.AgendaSent); late || warn != "" || state != model.AgendaUrgent {
		t.Fatalf("urgent still late: %s %v %q", state, late, warn)
	}
	m.Urgent, m.AgendaSent = false, model.MustDate("2025-03-11")
	if state, late, _ := model.AgendaState(m, d, m.AgendaSent); late || state != model.AgendaSentOK {
		t.Fatalf("sent on the due date is on time: %s", state)
	}
}

func TestAgendaStateUnsent(t *testing.T) {
	meeting := model.MustDate("2025-03-18")
	d := due(t, meeting)
	m := model.Meeting{Kind: model.MeetingOR, Date: meeting, Status: model.MeetingConcept}
	cases := []struct {
		today string
		kind  model.MeetingKind
		st    model.MeetingStatus
		state string
		late  bool
	}{
		{"2025-03-01", model.MeetingOR, model.MeetingConcept, model.AgendaToSend, false},
		{"2025-03-11", model.MeetingOR, model.MeetingConcept, model.AgendaDueToday, false},
		{"2025-03-12", model.MeetingOR, model.MeetingConcept, model.AgendaOverdue, true},
		{"2025-03-12", model.MeetingOV, model.MeetingConcept, model.AgendaOverdue, true},
		{"2025-03-12", model.MeetingAchterban, model.MeetingConcept, model.AgendaNoTerm, false},
		{"2025-03-12", model.MeetingOR, model.MeetingCancelled, model.AgendaNone, false},
		{"2025-03-19", model.MeetingOR, model.MeetingConcept, model.AgendaUnknown, false},
		{"2025-03-18", model.MeetingOR, model.MeetingHeld, model.AgendaUnknown, false},
	}
	for _, c := range cases {
		m.Kind, m.Status = c.kind, c.st
		state, late, warn := model.AgendaState(m, d, model.MustDate(c.today))
		if state != c.state || late != c.late || late != (warn != "") {
			t.Errorf("%s %s %s: %s %v %q", c.today, c.kind, c.st, state, late, warn)
		}
	}
}

// Worked example 6: an OV requested with reasons on Mon 03-11-2025 must be held by Mon 17-11-2025.
func TestWorkedExample6OVRequest(t *testing.T) {
	req := model.MustDate("2025-11-03")
	dl, err := termijn.Calc(termijn.WOR, termijn.CodeOVVerzoek, req, termijn.Calendar{})
	if err != nil || dl.End.String() != "2025-11-17" {
		t.Fatalf("ov due %s %v", dl.End, err)
	}
	m := model.Meeting{Kind: model.MeetingOV, Date: model.MustDate("2025-11-17"), OVRequested: req}
	if w := model.OVRequestWarning(m, dl.End); w != "" {
		t.Fatalf("held on the last day is in time: %q", w)
	}
	m.Date = model.MustDate("2025-11-18")
	if w := model.OVRequestWarning(m, dl.End); !strings.Contains(w, "ma 17 nov 2025") || !strings.Contains(w, "art 23 lid 1") {
		t.Fatalf("late OV: %q", w)
	}
}

// Worked example 7: on 01-12-2025 only one art 24 OV has been held in 2025: a warning that a second is due.
func TestWorkedExample7Art24(t *testing.T) {
	s := termijn.Art24Status(2025, 1, 0)
	if s.Missing != 1 || s.Covered || !strings.Contains(s.Warning, "nog één overlegvergadering") {
		t.Fatalf("%+v", s)
	}
}

func TestSeriesDates(t *testing.T) {
	s := model.Series{Kind: model.MeetingOR, Nth: 2, Weekday: time.Tuesday, Interval: 1, From: model.MustDate("2026-01-01"),
		Until: model.MustDate("2026-12-31"), Start: 13*60 + 30, End: 16 * 60}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	ds := s.Dates()
	if len(ds) != 12 || ds[0].String() != "2026-01-13" || ds[11].String() != "2026-12-08" {
		t.Fatalf("%v", ds)
	}
	for _, d := range ds {
		if d.Weekday() != time.Tuesday || d.Day() < 8 || d.Day() > 14 {
			t.Fatalf("%s is no second Tuesday", d)
		}
	}
	if got := s.Describe(); got != "elke tweede dinsdag van de maand, 13:30–16:00" {
		t.Fatalf("describe %q", got)
	}
	s.Nth = -1
	if ds := s.Dates(); ds[1].String() != "2026-02-24" {
		t.Fatalf("last Tuesday of Feb 2026: %s", ds[1])
	}
	s.Nth, s.Interval = 0, 2
	if ds := s.Dates(); ds[0].String() != "2026-01-06" || ds[1].String() != "2026-01-20" {
		t.Fatalf("fortnightly: %v", ds[:2])
	}
	bad := []struct {
		mut   func(*model.Series)
		field string
	}{
		{func(s *model.Series) { s.End = s.Start }, "end"},
		{func(s *model.Series) { s.Until = s.From.AddDays(-1) }, "until"},
		{func(s *model.Series) { s.Until = s.From.AddMonths(120) }, "until"},
		{func(s *model.Series) { s.Interval = 0 }, "interval"},
		{func(s *model.Series) { s.Nth = 7 }, "nth"},
	}
	for i, b := range bad {
		c := s
		c.Nth, c.Interval = 2, 1
		b.mut(&c)
		var fe *model.FieldError
		if err := c.Validate(); !errors.As(err, &fe) || fe.Field != b.field {
			t.Errorf("case %d: %v, want field %s", i, err, b.field)
		}
	}
}

func TestTopicRoundTrip(t *testing.T) {
	b := model.BacklogTopic{BodyID: 1, Title: "Kantinebeleid", RaisedBy: "Lid A", RaisedOn: model.MustDate("2025-10-03"), Minutes: 20}
	it := b.Item(7)
	if it.Purpose != model.PurposeBespreking || it.RaisedBy != "Lid A" || it.MeetingID != 7 {
		t.Fatalf("%+v", it)
	}
	back := it.Topic(1)
	if back.Title != b.Title || !back.RaisedOn.Equal(b.RaisedOn) || back.Minutes != 20 {
		t.Fatalf("%+v", back)
	}
	if err := (model.BacklogTopic{Title: "x", Minutes: 0}).Validate(); err == nil {
		t.Fatal("zero minutes accepted")
	}
}
