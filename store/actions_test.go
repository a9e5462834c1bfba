package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// meetingOn creates a meeting of kind on day (from the built-in template, so it has an actielijst).
func meetingOn(t *testing.T, s *Store, b model.Body, kind model.MeetingKind, day string) model.Meeting {
	t.Helper()
	m, err := s.NewMeeting(context.Background(), model.Meeting{BodyID: b.ID, Kind: kind, Date: model.MustDate(day), Start: 13 * 60, End: 15 * 60})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func fieldOf(err error) string {
	var fe *model.FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.r.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestActionWorkedExample8 runs wor.md example 8 through the store: the action from 14-01-2025, due
// 28-01-2025, is on the actielijst of 11-02-2025, 14 days late; postponing counts once.
func TestActionWorkedExample8(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	jan := meetingOn(t, s, b, model.MeetingOR, "2025-01-14")
	feb := meetingOn(t, s, b, model.MeetingOR, "2025-02-11")
	a, err := s.CreateAction(ctx, model.Action{BodyID: b.ID, Description: "Roosterevaluatie opvragen", Owner: "Piet",
		Due: model.MustDate("2025-01-28"), MeetingID: jan.ID, Created: jan.Date})
	if err != nil {
		t.Fatal(err)
	}
	if a.MeetingTitle != "OR-vergadering di 14 jan 2025" || a.Number() != "A-1" {
		t.Fatalf("created %+v", a)
	}
	list, err := s.ActionListAsOf(ctx, feb.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].OverdueDays(feb.Date) != 14 {
		t.Fatalf("actielijst %+v", list)
	}
	if l, _ := s.ActionListAsOf(ctx, jan.ID); len(l) != 0 {
		t.Fatalf("an action of the meeting itself is on its actielijst: %+v", l)
	}
	a, err = s.PostponeAction(ctx, a, 7)
	if err != nil {
		t.Fatal(err)
	}
	if a.Postponed != 1 || a.Due.String() != "2025-02-04" {
		t.Fatalf("postponed %+v", a)
	}
}

func TestActionRefusals(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	m := meetingOn(t, s, b, model.MeetingOR, "2025-01-14")
	other := meetingOn(t, s, b, model.MeetingOR, "2025-02-11")
	items, _ := s.AgendaItems(ctx, other.ID)
	for _, tc := range []struct {
		name  string
		a     model.Action
		field string
	}{
		{"no owner", model.Action{Description: "x"}, "owner"},
		{"no description", model.Action{Owner: "AS"}, "description"},
		{"due before meeting", model.Action{Description: "x", Owner: "AS", MeetingID: m.ID, Due: model.MustDate("2025-01-13")}, "due"},
		{"item of another meeting", model.Action{Description: "x", Owner: "AS", MeetingID: m.ID, AgendaItemID: items[0].ID}, "agenda_item"},
		{"unknown meeting", model.Action{Description: "x", Owner: "AS", MeetingID: 999}, "meeting"},
		{"unknown dossier", model.Action{Description: "x", Owner: "AS", DossierID: 999}, "dossier"},
		{"unknown decision", model.Action{Description: "x", Owner: "AS", DecisionID: 999}, "decision"},
		{"bad status", model.Action{Description: "x", Owner: "AS", Status: "klaar"}, "status"},
	} {
		tc.a.BodyID = b.ID
		_, err := s.CreateAction(ctx, tc.a)
		if fieldOf(err) != tc.field {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	if n := countRows(t, s, "actions"); n != 0 {
		t.Fatalf("%d actions saved", n)
	}
	if n := countRows(t, s, "action_history"); n != 0 {
		t.Fatalf("%d history lines saved", n)
	}
	// The refusal on update leaves the action as it was.
	a, err := s.CreateAction(ctx, model.Action{BodyID: b.ID, Description: "Notulen uitwerken", Owner: "AS", MeetingID: m.ID,
		Due: model.MustDate("2025-01-21")})
	if err != nil {
		t.Fatal(err)
	}
	bad := a
	bad.Due, bad.Owner = model.MustDate("2025-01-10"), "Piet"
	if _, err := s.UpdateAction(ctx, bad); fieldOf(err) != "due" || !strings.Contains(err.Error(), "voor de vergadering") {
		t.Fatalf("update with due before meeting: %v", err)
	}
	got, _ := s.Action(ctx, a.ID)
	if got.Owner != "AS" || got.Version != a.Version {
		t.Fatalf("half saved: %+v", got)
	}
}

func TestActionUpdateHistoryAndConflict(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	a, err := s.CreateAction(ctx, model.Action{BodyID: b.ID, Description: "Reactie achterban verzamelen", Owner: "Sanne",
		Due: model.MustDate("2025-11-28")})
	if err != nil {
		t.Fatal(err)
	}
	if a.Created.String() != "2025-11-25" || a.Status != model.ActionOpen {
		t.Fatalf("created %+v", a)
	}
	a, err = s.SetActionStatus(ctx, a, model.ActionBusy)
	if err != nil {
		t.Fatal(err)
	}
	stale := a
	a, err = s.SetActionStatus(ctx, a, model.ActionDone)
	if err != nil {
		t.Fatal(err)
	}
	if a.Closed.String() != "2025-11-25" || a.Version != 3 {
		t.Fatalf("done %+v", a)
	}
	stale.Owner = "Piet"
	if _, err := s.UpdateAction(ctx, stale); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
	// Saving without a change writes nothing.
	if same, err := s.UpdateAction(ctx, a); err != nil || same.Version != a.Version {
		t.Fatalf("no-op save: %v %+v", err, same)
	}
	h, err := s.ActionHistory(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range h {
		lines = append(lines, c.Field+":"+c.Old+">"+c.New)
	}
	want := "aangemaakt:>Reactie achterban verzamelen|status:open>bezig|status:bezig>gereed|closed_on:>2025-11-25"
	if strings.Join(lines, "|") != want {
		t.Fatalf("history\n%s\nwant\n%s", strings.Join(lines, "|"), want)
	}
	if h[1].Batch == h[2].Batch || h[2].Batch != h[3].Batch || h[0].At.IsZero() {
		t.Fatalf("batches %+v", h)
	}
	if _, err := s.UpdateAction(ctx, model.Action{ID: 999, Description: "x", Owner: "AS", Version: 1}); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("missing action: %v", err)
	}
	if _, err := s.PostponeAction(ctx, a, 0); fieldOf(err) != "due" {
		t.Fatalf("postpone by 0: %v", err)
	}
}

func TestActionUndo(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	if _, _, err := s.UndoLastActionChange(ctx, b.ID); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("empty undo: %v", err)
	}
	a, _ := s.CreateAction(ctx, model.Action{BodyID: b.ID, Description: "Notulen OV uitwerken", Owner: "AS", Due: model.MustDate("2025-11-20")})
	a, _ = s.PostponeAction(ctx, a, 7)
	a, _ = s.SetActionStatus(ctx, a, model.ActionDone)
	edit := a
	edit.Owner, edit.Notes = "Piet", "overgedragen"
	a, err := s.UpdateAction(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}

	steps := []struct {
		text  string
		check func(model.Action) bool
	}{
		{"eigenaar en notities", func(x model.Action) bool { return x.Owner == "AS" && x.Notes == "" && x.Status == model.ActionDone }},
		{"status", func(x model.Action) bool { return x.Status == model.ActionOpen && x.Closed.IsZero() }},
		{"datum", func(x model.Action) bool { return x.Due.String() == "2025-11-20" && x.Postponed == 0 }},
		{"naar de prullenbak", func(model.Action) bool { return true }},
	}
	for _, st := range steps {
		got, what, err := s.UndoLastActionChange(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(what, st.text) || !st.check(got) {
			t.Fatalf("undo %q: %q %+v", st.text, what, got)
		}
	}
	if _, err := s.Action(ctx, a.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("undone creation still live: %v", err)
	}
	if bin, _ := s.Bin(ctx); len(bin) != 1 || bin[0].Kind != "actions" {
		t.Fatalf("bin %+v", bin)
	}
	if _, _, err := s.UndoLastActionChange(ctx, b.ID); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo past the start: %v", err)
	}
	// Deleting and undoing brings the action back out of the bin; the undo is in the history.
	c, _ := s.CreateAction(ctx, model.Action{BodyID: b.ID, Description: "Fietsregeling uitzoeken", Owner: "Sanne"})
	if err := s.DeleteAction(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, what, err := s.UndoLastActionChange(ctx, b.ID); err != nil || !strings.Contains(what, "is terug") {
		t.Fatalf("undo delete: %q %v", what, err)
	}
	if _, err := s.Action(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if bin, _ := s.Bin(ctx); len(bin) != 1 {
		t.Fatalf("bin after undoing the delete %+v", bin)
	}
	h, _ := s.ActionHistory(ctx, c.ID)
	if len(h) != 3 || !h[1].Undone || !h[2].Undo || h[2].Field != model.FieldDeleted {
		t.Fatalf("history %+v", h)
	}
	// Another body's changes are not undone from here.
	other, _ := s.CreateBody(ctx, model.Body{Name: "OC", Kind: model.KindOnderdeel})
	s.CreateAction(ctx, model.Action{BodyID: other.ID, Description: "y", Owner: "AS"})
	if got, _, err := s.UndoLastActionChange(ctx, b.ID); err != nil || got.BodyID != b.ID {
		t.Fatalf("undo crossed bodies: %+v %v", got, err)
	}
	if s.readOnly {
		t.Fatal("store read-only")
	}
}

func TestActionsListFiltersAndDue(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	m := meetingOn(t, s, b, model.MeetingOR, "2025-11-04")
	s.w.Exec("INSERT INTO dossiers (body_id, kind, title, created_at) VALUES (?, 'overig', 'Thuiswerken', 'x')", b.ID)
	mk := func(desc, owner, due string, st model.ActionStatus, meeting, dossier int64) {
		t.Helper()
		a := model.Action{BodyID: b.ID, Description: desc, Owner: owner, Status: st, MeetingID: meeting, DossierID: dossier}
		if due != "" {
			a.Due = model.MustDate(due)
		}
		if _, err := s.CreateAction(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	mk("Roosterevaluatie", "Piet", "2025-11-13", model.ActionOpen, m.ID, 0)
	mk("Notulen", "AS", "2025-11-20", model.ActionBusy, 0, 1)
	mk("Achterban", "Sanne", "2025-11-28", model.ActionOpen, m.ID, 1)
	mk("Zonder datum", "Sanne", "", model.ActionOpen, 0, 0)
	mk("Klaar", "AS", "2025-11-01", model.ActionDone, 0, 0)
	today := model.MustDate("2025-11-25")
	titles := func(f model.ActionFilter) string {
		l, err := s.Actions(ctx, b.ID, f, today)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range l {
			out = append(out, a.Description)
		}
		return strings.Join(out, "|")
	}
	for _, tc := range []struct {
		f    model.ActionFilter
		want string
	}{
		{model.ActionFilter{}, "Klaar|Roosterevaluatie|Notulen|Achterban|Zonder datum"},
		{model.ActionFilter{OpenOnly: true}, "Roosterevaluatie|Notulen|Achterban|Zonder datum"},
		{model.ActionFilter{Overdue: true}, "Roosterevaluatie|Notulen"},
		{model.ActionFilter{Owner: "sanne"}, "Achterban|Zonder datum"},
		{model.ActionFilter{MeetingID: m.ID}, "Roosterevaluatie|Achterban"},
		{model.ActionFilter{DossierID: 1}, "Notulen|Achterban"},
	} {
		if got := titles(tc.f); got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.f, got, tc.want)
		}
	}
	due, err := s.ActionsDue(ctx, b.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(due.Overdue) != 2 || len(due.ThisWeek) != 1 || due.ThisWeek[0].Description != "Achterban" {
		t.Fatalf("due %+v", due)
	}
	l, _ := s.Actions(ctx, b.ID, model.ActionFilter{DossierID: 1}, today)
	if l[0].DossierTitle != "Thuiswerken" {
		t.Fatalf("dossier title %+v", l[0])
	}
	if err := s.DeleteAction(ctx, l[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := titles(model.ActionFilter{DossierID: 1}); got != "Achterban" {
		t.Fatalf("deleted still listed: %s", got)
	}
	if err := s.DeleteAction(ctx, l[0].ID); err == nil {
		t.Fatal("deleted twice")
	}
}

// TestActionsDueBounded checks that ActionsDue, which reads at most model.DueListed of each group, gives
// what splitting every open action gives: the same first rows in the same order and the same totals.
func TestActionsDueBounded(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	today := model.MustDate("2025-11-25") // a Tuesday: the week runs to Sunday the 30th
	for i := 0; i < 120; i++ {
		a := model.Action{BodyID: b.ID, Description: fmt.Sprintf("Actie %d", i), Owner: "AS", Status: model.ActionOpen}
		switch i % 4 {
		case 0:
			a.Due = today.AddDays(-1 - i%9) // late, several on one day
		case 1:
			a.Due = today.AddDays(i % 6) // today to Sunday
		case 2:
			a.Due = today.AddDays(6 + i%5) // next week
		}
		if i%10 == 3 {
			a.Status = model.ActionDone
			a.Due = today.AddDays(-3)
		}
		if _, err := s.CreateAction(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Actions(ctx, b.ID, model.ActionFilter{OpenOnly: true}, today)
	if err != nil {
		t.Fatal(err)
	}
	want := model.SplitDue(all, today)
	got, err := s.ActionsDue(ctx, b.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	if got.OverdueTotal != want.OverdueTotal || got.ThisWeekTotal != want.ThisWeekTotal || want.ThisWeekTotal <= model.DueListed || want.OverdueTotal <= model.DueListed {
		t.Fatalf("totals %d/%d, want %d/%d", got.OverdueTotal, got.ThisWeekTotal, want.OverdueTotal, want.ThisWeekTotal)
	}
	for name, pair := range map[string][2][]model.Action{"te laat": {got.Overdue, want.Overdue}, "deze week": {got.ThisWeek, want.ThisWeek}} {
		g, w := pair[0], pair[1]
		if len(g) != min(len(w), model.DueListed) {
			t.Fatalf("%s: %d rows, want %d", name, len(g), min(len(w), model.DueListed))
		}
		for i := range g {
			if g[i].ID != w[i].ID {
				t.Fatalf("%s row %d: action %d, want %d", name, i, g[i].ID, w[i].ID)
			}
		}
	}
}
