package model

import (
	"strings"
	"testing"
)

// TestWorkedExample8: an action from the meeting of Tue 14-01-2025, due Tue 28-01-2025, shows on the
// agenda of Tue 11-02-2025 as 14 days overdue; moving its due date later counts one postponement.
func TestWorkedExample8(t *testing.T) {
	a := Action{ID: 1, Description: "Roosterevaluatie opvragen", Owner: "Piet", Status: ActionOpen,
		Created: MustDate("2025-01-14"), MeetingDate: MustDate("2025-01-14"), Due: MustDate("2025-01-28")}
	meeting := MustDate("2025-02-11")
	if !a.OpenAsOf(meeting) {
		t.Fatal("not on the actielijst of 11-02")
	}
	if got := a.OverdueDays(meeting); got != 14 {
		t.Fatalf("overdue %d days, want 14", got)
	}
	if got := LateText(a.OverdueDays(meeting)); got != "te laat (14 dagen)" {
		t.Fatalf("late text %q", got)
	}
	next := a
	next.Due = MustDate("2025-02-25")
	saved, changes := Apply(a, next, meeting)
	if saved.Postponed != 1 {
		t.Fatalf("postponed %d, want 1", saved.Postponed)
	}
	if len(changes) != 2 || changes[0].Field != "due" || changes[0].Old != "2025-01-28" || changes[0].New != "2025-02-25" ||
		changes[1].Field != "postponed" || changes[1].New != "1" {
		t.Fatalf("changes %+v", changes)
	}
	if saved.OverdueDays(meeting) != 0 {
		t.Fatal("still overdue after postponing")
	}
}

func TestOverdueDays(t *testing.T) {
	due := MustDate("2025-01-28")
	for _, tc := range []struct {
		name   string
		status ActionStatus
		due    Date
		day    string
		want   int
	}{
		{"on the day", ActionOpen, due, "2025-01-28", 0},
		{"one day", ActionOpen, due, "2025-01-29", 1},
		{"busy counts", ActionBusy, due, "2025-02-11", 14},
		{"done never late", ActionDone, due, "2025-02-11", 0},
		{"cancelled never late", ActionCancelled, due, "2025-02-11", 0},
		{"no date", ActionOpen, Date{}, "2025-02-11", 0},
		{"across a year", ActionOpen, MustDate("2024-12-30"), "2025-01-02", 3},
	} {
		a := Action{Status: tc.status, Due: tc.due}
		if got := a.OverdueDays(MustDate(tc.day)); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
	if LateText(1) != "te laat (1 dag)" || LateText(0) != "" {
		t.Fatal("late text")
	}
}

func TestPostponement(t *testing.T) {
	d := MustDate("2025-01-28")
	for _, tc := range []struct {
		old, next Date
		want      bool
	}{
		{d, d.AddDays(7), true},
		{d, d.AddDays(-1), false},
		{d, d, false},
		{Date{}, d, false},
		{d, Date{}, false},
	} {
		if got := Postponement(tc.old, tc.next); got != tc.want {
			t.Errorf("%v -> %v: %v", tc.old, tc.next, got)
		}
	}
	// Two moves later, one earlier: two postponements.
	a := Action{ID: 1, Description: "x", Owner: "AS", Status: ActionOpen, Due: d}
	for _, next := range []Date{d.AddDays(7), d.AddDays(3), d.AddDays(14)} {
		n := a
		n.Due = next
		a, _ = Apply(a, n, d)
	}
	if a.Postponed != 2 {
		t.Fatalf("postponed %d, want 2", a.Postponed)
	}
}

func TestApplyClosedDate(t *testing.T) {
	today := MustDate("2025-03-04")
	a := Action{ID: 1, Description: "x", Owner: "AS", Status: ActionOpen}
	n := a
	n.Status = ActionDone
	a, ch := Apply(a, n, today)
	if !a.Closed.Equal(today) || len(ch) != 2 || ch[0].Field != "status" || ch[1].Field != "closed_on" || ch[1].New != "2025-03-04" {
		t.Fatalf("closed %v %+v", a.Closed, ch)
	}
	n = a
	n.Status = ActionCancelled
	b, _ := Apply(a, n, today.AddDays(3))
	if !b.Closed.Equal(today) {
		t.Fatal("closed date moved from gereed to vervallen")
	}
	n.Status = ActionBusy
	c, _ := Apply(a, n, today)
	if !c.Closed.IsZero() {
		t.Fatal("reopened action keeps a closed date")
	}
}

func TestActionValidate(t *testing.T) {
	ok := Action{Description: "Notulen uitwerken", Owner: "AS"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a     Action
		field string
	}{
		{Action{Owner: "AS"}, "description"},
		{Action{Description: "  ", Owner: "AS"}, "description"},
		{Action{Description: "x"}, "owner"},
		{Action{Description: "x", Owner: "AS", Status: "klaar"}, "status"},
		{Action{Description: strings.Repeat("x", 501), Owner: "AS"}, "description"},
	} {
		err := tc.a.Validate()
		fe, ok := err.(*FieldError)
		if !ok || fe.Field != tc.field {
			t.Errorf("%+v: %v", tc.a, err)
		}
	}
	if err := CheckDue(MustDate("2025-01-13"), MustDate("2025-01-14")); err == nil || !strings.Contains(err.Error(), "voor de vergadering") {
		t.Fatalf("due before meeting: %v", err)
	}
	if CheckDue(MustDate("2025-01-14"), MustDate("2025-01-14")) != nil || CheckDue(Date{}, MustDate("2025-01-14")) != nil {
		t.Fatal("valid due refused")
	}
}

func TestOpenAsOf(t *testing.T) {
	day := MustDate("2025-02-11")
	for _, tc := range []struct {
		name string
		a    Action
		want bool
	}{
		{"open, earlier meeting", Action{Status: ActionOpen, MeetingDate: MustDate("2025-01-14")}, true},
		{"later meeting", Action{Status: ActionOpen, MeetingDate: MustDate("2025-03-11")}, false},
		{"closed before", Action{Status: ActionDone, Created: MustDate("2025-01-14"), Closed: MustDate("2025-02-01")}, false},
		{"closed on the day", Action{Status: ActionDone, Created: MustDate("2025-01-14"), Closed: day}, false},
		{"closed after: open then", Action{Status: ActionDone, Created: MustDate("2025-01-14"), Closed: MustDate("2025-02-20")}, true},
		{"created after", Action{Status: ActionOpen, Created: MustDate("2025-02-12")}, false},
	} {
		if got := tc.a.OpenAsOf(day); got != tc.want {
			t.Errorf("%s: %v", tc.name, got)
		}
	}
}

func TestSplitDueAndFilter(t *testing.T) {
	today := MustDate("2025-11-25") // a Tuesday; the week runs to Sunday 30 Nov
	list := []Action{
		{ID: 1, Owner: "Piet", Status: ActionOpen, Due: MustDate("2025-11-13"), DossierID: 7},
		{ID: 2, Owner: "AS", Status: ActionBusy, Due: MustDate("2025-11-20"), MeetingID: 3},
		{ID: 3, Owner: "Sanne", Status: ActionOpen, Due: MustDate("2025-11-28")},
		{ID: 4, Owner: "Sanne", Status: ActionOpen, Due: MustDate("2025-11-30")},
		{ID: 5, Owner: "Sanne", Status: ActionOpen, Due: MustDate("2025-12-01")},
		{ID: 6, Owner: "AS", Status: ActionDone, Due: MustDate("2025-11-01")},
		{ID: 7, Owner: "AS", Status: ActionOpen, Due: today},
	}
	d := SplitDue(list, today)
	ids := func(l []Action) (out []int64) {
		for _, a := range l {
			out = append(out, a.ID)
		}
		return out
	}
	if got := ids(d.Overdue); len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Fatalf("overdue %v", got)
	}
	if got := ids(d.ThisWeek); len(got) != 3 || got[0] != 7 || got[1] != 3 || got[2] != 4 {
		t.Fatalf("this week %v", got)
	}
	count := func(f ActionFilter) int {
		n := 0
		for _, a := range list {
			if f.Match(a, today) {
				n++
			}
		}
		return n
	}
	for _, tc := range []struct {
		f    ActionFilter
		want int
	}{
		{ActionFilter{}, 7},
		{ActionFilter{OpenOnly: true}, 6},
		{ActionFilter{Overdue: true}, 2},
		{ActionFilter{Owner: "sanne"}, 3},
		{ActionFilter{MeetingID: 3}, 1},
		{ActionFilter{DossierID: 7}, 1},
		{ActionFilter{Owner: "AS", OpenOnly: true}, 2},
	} {
		if got := count(tc.f); got != tc.want {
			t.Errorf("%+v: %d, want %d", tc.f, got, tc.want)
		}
	}
	SortByDue(list)
	if list[0].ID != 6 || list[len(list)-1].ID != 5 {
		t.Fatalf("sorted %v", ids(list))
	}
	withNone := []Action{{ID: 9}, {ID: 8, Due: today}}
	SortByDue(withNone)
	if withNone[0].ID != 8 {
		t.Fatal("no date sorts first")
	}
}

func TestOwners(t *testing.T) {
	got := Owners([]Member{{Name: "Piet"}, {Name: "Sanne"}, {Name: "piet"}}, "Ingrid Bakker")
	if strings.Join(got, ",") != "Piet,Sanne,Ingrid Bakker,AS" {
		t.Fatalf("owners %v", got)
	}
}
