package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// newMeeting creates an OR meeting from the template (opening, verslag, mededelingen, actielijst,
// rondvraag, sluiting) on 2 Dec 2025, 13:30-16:00.
func newMeeting(t *testing.T, s *Store, b model.Body) model.Meeting {
	t.Helper()
	m, err := s.NewMeeting(context.Background(), model.Meeting{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate("2025-12-02"),
		Start: 13*60 + 30, End: 16 * 60, Location: "Vergaderzaal 2"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// order is the titles of a meeting's live items, checking the numbers are 1..n.
func order(t *testing.T, s *Store, meetingID int64) string {
	t.Helper()
	its, err := s.AgendaItems(context.Background(), meetingID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, it := range its {
		if it.Position != i+1 {
			t.Fatalf("position %d at index %d: %+v", it.Position, i, its)
		}
		out = append(out, it.Title)
	}
	return strings.Join(out, "|")
}

func TestNewMeetingFromTemplateAndUpdate(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	m := newMeeting(t, s, b)
	if got := order(t, s, m.ID); got != "Opening en vaststellen agenda|Verslag vorige vergadering|Ingekomen stukken en mededelingen|Actielijst|Rondvraag|Sluiting" {
		t.Fatalf("template agenda: %s", got)
	}
	its, _ := s.AgendaItems(ctx, m.ID)
	if its[3].Role != model.RoleActionList || its[5].Role != model.RoleClosing {
		t.Fatalf("roles not kept: %+v", its)
	}
	m.Location, m.Chair, m.Urgent = "Kantine", "Anneke Smit", true
	m2, err := s.UpdateMeeting(ctx, m)
	if err != nil || m2.Version != 2 {
		t.Fatalf("update: %v %d", err, m2.Version)
	}
	if _, err := s.UpdateMeeting(ctx, m); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
	back, _ := s.Meeting(ctx, m.ID)
	if back.Location != "Kantine" || !back.Urgent || back.Chair != "Anneke Smit" {
		t.Fatalf("round trip: %+v", back)
	}
	// Bad input leaves the row as it was.
	bad := back
	bad.End = bad.Start - 30
	if _, err := s.UpdateMeeting(ctx, bad); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("end before start: %v", err)
	}
	bad = back
	bad.Status = "verdaagd"
	if _, err := s.UpdateMeeting(ctx, bad); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("bad status: %v", err)
	}
	if again, _ := s.Meeting(ctx, m.ID); again.Version != back.Version || again.End != back.End {
		t.Fatalf("half-saved: %+v", again)
	}
	sent, err := s.MarkAgendaSent(ctx, back, model.MustDate("2025-11-25"))
	if err != nil || sent.Status != model.MeetingAgendaSent || sent.AgendaSent.String() != "2025-11-25" {
		t.Fatalf("mark sent: %v %+v", err, sent)
	}
	if _, err := s.MarkAgendaSent(ctx, sent, model.MustDate("2025-12-03")); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("sent after the meeting: %v", err)
	}
	unsent, err := s.MarkAgendaSent(ctx, sent, model.Date{})
	if err != nil || unsent.Status != model.MeetingConcept || !unsent.AgendaSent.IsZero() {
		t.Fatalf("unmark: %v %+v", err, unsent)
	}
}

func TestAddItemRoundTripAndBadInput(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	m := newMeeting(t, s, newBody(t, s))
	it, err := s.AddAgendaItem(ctx, model.AgendaItem{MeetingID: m.ID, Title: "Adviesaanvraag reorganisatie", Purpose: model.PurposeAdvies,
		Presenter: "Sanne", Minutes: 45, Explain: "Zie bijlage.", RaisedBy: "Piet", RaisedOn: model.MustDate("2025-10-03")})
	if err != nil || it.Position != 5 {
		t.Fatalf("add: %v at %d", err, it.Position)
	}
	back, err := s.AgendaItem(ctx, it.ID)
	if err != nil || back.Purpose != model.PurposeAdvies || back.Presenter != "Sanne" || back.RaisedOn.String() != "2025-10-03" || back.Explain != "Zie bijlage." {
		t.Fatalf("round trip: %v %+v", err, back)
	}
	first, err := s.AddAgendaItem(ctx, model.AgendaItem{MeetingID: m.ID, Title: "Eerst", Minutes: 5, Position: 1})
	if err != nil || first.Position != 1 || !strings.HasPrefix(order(t, s, m.ID), "Eerst|Opening") {
		t.Fatalf("insert at 1: %v %s", err, order(t, s, m.ID))
	}
	before := order(t, s, m.ID)
	for _, bad := range []model.AgendaItem{
		{MeetingID: m.ID, Title: "Nul", Minutes: 0},
		{MeetingID: m.ID, Title: "Negatief", Minutes: -15},
		{MeetingID: m.ID, Title: "", Minutes: 10},
		{MeetingID: m.ID, Title: "Doel", Minutes: 10, Purpose: "ter kennisname"},
	} {
		if _, err := s.AddAgendaItem(ctx, bad); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("%+v accepted: %v", bad, err)
		}
	}
	if _, err := s.AddAgendaItem(ctx, model.AgendaItem{MeetingID: 999, Title: "x", Minutes: 5}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown meeting: %v", err)
	}
	if order(t, s, m.ID) != before {
		t.Fatal("bad input changed the agenda")
	}
	back.Minutes = -1
	if _, err := s.UpdateAgendaItem(ctx, back); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("negative duration saved: %v", err)
	}
}

func TestReorderIsTransactional(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	m := newMeeting(t, s, newBody(t, s))
	its, _ := s.AgendaItems(ctx, m.ID)
	got, err := s.MoveAgendaItem(ctx, its[3].ID, -2)
	if err != nil || got[1].ID != its[3].ID {
		t.Fatalf("move: %v", err)
	}
	want := "Opening en vaststellen agenda|Actielijst|Verslag vorige vergadering|Ingekomen stukken en mededelingen|Rondvraag|Sluiting"
	if o := order(t, s, m.ID); o != want {
		t.Fatalf("after move: %s", o)
	}
	// Fail at every step of the next reorder: each time nothing changes, numbers stay 1..n.
	for step := 0; step < 2*len(its); step++ {
		reorderStep = func(n int) error {
			if n == step {
				return fmt.Errorf("schijf vol bij stap %d", n)
			}
			return nil
		}
		if _, err := s.MoveAgendaItem(ctx, its[0].ID, 3); err == nil {
			t.Fatalf("step %d: no failure", step)
		}
		if o := order(t, s, m.ID); o != want {
			t.Fatalf("step %d: half a reorder left behind: %s", step, o)
		}
	}
	reorderStep = nil
	// A full reorder must name every item exactly once.
	if err := s.ReorderAgenda(ctx, m.ID, []int64{its[0].ID, its[0].ID}); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("bad order accepted: %v", err)
	}
	ids := []int64{its[5].ID, its[4].ID, its[3].ID, its[2].ID, its[1].ID, its[0].ID}
	if err := s.ReorderAgenda(ctx, m.ID, ids); err != nil {
		t.Fatal(err)
	}
	if o := order(t, s, m.ID); !strings.HasPrefix(o, "Sluiting|Rondvraag") {
		t.Fatalf("reversed: %s", o)
	}
}

func TestDeleteItemToBinAndRestoreInPlace(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	m := newMeeting(t, s, newBody(t, s))
	its, _ := s.AgendaItems(ctx, m.ID)
	full := order(t, s, m.ID)
	if err := s.DeleteAgendaItem(ctx, its[2].ID); err != nil {
		t.Fatal(err)
	}
	if o := order(t, s, m.ID); strings.Contains(o, "Ingekomen") || strings.Count(o, "|") != 4 {
		t.Fatalf("after delete: %s", o)
	}
	// Add one at the end meanwhile, then restore: the item returns to place 3.
	if _, err := s.AddAgendaItem(ctx, model.AgendaItem{MeetingID: m.ID, Title: "Nieuw", Minutes: 10}); err != nil {
		t.Fatal(err)
	}
	bin, _ := s.Bin(ctx)
	if len(bin) != 1 || bin[0].Kind != "agenda_items" {
		t.Fatalf("bin: %+v", bin)
	}
	if err := s.Restore(ctx, bin[0].ID); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(full, "|Rondvraag", "|Nieuw|Rondvraag", 1)
	if o := order(t, s, m.ID); o != want {
		t.Fatalf("after restore: %s\nwant %s", o, want)
	}
	// A meeting goes to the bin whole and comes back whole.
	if err := s.DeleteMeeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Meeting(ctx, m.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("deleted meeting still there: %v", err)
	}
	bin, _ = s.Bin(ctx)
	if err := s.Restore(ctx, bin[0].ID); err != nil {
		t.Fatal(err)
	}
	if o := order(t, s, m.ID); o != want {
		t.Fatalf("meeting restored without its agenda: %s", o)
	}
}

func TestMeetingRowsTermsAndArt24(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	today := model.MustDate("2025-11-25")
	mk := func(kind model.MeetingKind, date string, art24 bool, status model.MeetingStatus) model.Meeting {
		m, err := s.NewMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: kind, Date: model.MustDate(date), Start: 600, End: 720, Art24: art24, Status: status})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	mk(model.MeetingOR, "2025-12-02", false, "")                          // due today
	mk(model.MeetingOR, "2025-11-30", false, "")                          // overdue, unsent
	mk(model.MeetingOV, "2025-03-10", true, model.MeetingHeld)            // art 24 held
	mk(model.MeetingOV, "2025-12-11", true, "")                           // art 24 planned
	mk(model.MeetingOV, "2025-06-10", false, model.MeetingCancelled)      // not counted
	mk(model.MeetingAchterban, "2025-12-20", false, model.MeetingConcept) // no term
	rows, err := s.MeetingRows(ctx, b.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.Date.String()+" "+r.Term.State)
	}
	want := "2025-11-30 te laat,2025-12-02 vandaag versturen,2025-12-11 te versturen,2025-12-20 geen termijn,2025-06-10 geannuleerd,2025-03-10 verzending onbekend"
	if strings.Join(got, ",") != want {
		t.Fatalf("rows:\n%s\nwant\n%s", strings.Join(got, ","), want)
	}
	if rows[0].Items != 6 || rows[0].Minutes != 50 || !rows[0].Term.Late || rows[0].Term.Due.String() != "2025-11-23" {
		t.Fatalf("row: %+v", rows[0])
	}
	held, planned, err := s.Art24Count(ctx, b.ID, 2025, today)
	if err != nil || held != 1 || planned != 1 {
		t.Fatalf("art 24: %d held %d planned %v", held, planned, err)
	}
	// The reglement may lengthen the term; never shorten it.
	if err := s.SetAgendaDays(ctx, b.ID, 5); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("5 days accepted: %v", err)
	}
	if err := s.SetAgendaDays(ctx, b.ID, 10); err != nil {
		t.Fatal(err)
	}
	rows, _ = s.MeetingRows(ctx, b.ID, today)
	if rows[1].Term.Due.String() != "2025-11-22" || rows[1].Term.State != model.AgendaOverdue || !strings.Contains(rows[1].Term.Note, "reglement") {
		t.Fatalf("10 days: %+v", rows[1].Term)
	}
}

func TestPlanSeriesAllOrNothing(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	sr := model.Series{BodyID: b.ID, Kind: model.MeetingOR, Nth: 2, Weekday: time.Tuesday, Interval: 1,
		From: model.MustDate("2026-01-01"), Until: model.MustDate("2026-12-31"), Start: 13*60 + 30, End: 16 * 60, Location: "Zaal 2"}
	ms, err := s.PlanSeries(ctx, sr)
	if err != nil || len(ms) != 12 {
		t.Fatalf("series: %v %d", err, len(ms))
	}
	if o := order(t, s, ms[5].ID); !strings.HasPrefix(o, "Opening") {
		t.Fatalf("series meeting without template: %s", o)
	}
	// Adjusting one meeting leaves the others alone.
	one := ms[3]
	one.Date = one.Date.AddDays(1)
	if _, err := s.UpdateMeeting(ctx, one); err != nil {
		t.Fatal(err)
	}
	if other, _ := s.Meeting(ctx, ms[4].ID); !other.Date.Equal(ms[4].Date) {
		t.Fatal("other meeting moved")
	}
	bad := sr
	bad.End = bad.Start
	if _, err := s.PlanSeries(ctx, bad); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("end = start accepted: %v", err)
	}
	all, _ := s.Meetings(ctx, b.ID, model.Date{}, 0)
	if len(all) != 12 {
		t.Fatalf("a failed series left %d meetings", len(all))
	}
}

func TestTemplatesEditable(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	tpl, custom, err := s.AgendaTemplate(ctx, b.ID, model.MeetingDB)
	if err != nil || custom || len(tpl) == 0 {
		t.Fatalf("default: %v %v %d", err, custom, len(tpl))
	}
	mine := []model.TemplateItem{{Title: "Opening", Minutes: 5, Role: model.RoleOpening}, {Title: "Planning", Purpose: model.PurposeBespreking, Minutes: 20},
		{Title: "Sluiting", Minutes: 5, Role: model.RoleClosing}}
	if err := s.SaveAgendaTemplate(ctx, b.ID, model.MeetingDB, mine); err != nil {
		t.Fatal(err)
	}
	bad := append([]model.TemplateItem{}, mine...)
	bad[1].Minutes = 0
	if err := s.SaveAgendaTemplate(ctx, b.ID, model.MeetingDB, bad); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("zero minutes in template: %v", err)
	}
	m, err := s.NewMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingDB, Date: model.MustDate("2026-01-05"), Start: 540, End: 600})
	if err != nil {
		t.Fatal(err)
	}
	if o := order(t, s, m.ID); o != "Opening|Planning|Sluiting" {
		t.Fatalf("meeting from edited template: %s", o)
	}
	if err := s.SaveAgendaTemplate(ctx, b.ID, model.MeetingDB, nil); err != nil {
		t.Fatal(err)
	}
	if _, custom, _ := s.AgendaTemplate(ctx, b.ID, model.MeetingDB); custom {
		t.Fatal("reset did not go back to the built-in template")
	}
}

func TestNewMeetingBadInput(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	for _, m := range []model.Meeting{
		{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate("2025-12-02"), Start: 600, End: 540},
		{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate("2025-12-02"), Start: 600, End: 600},
		{BodyID: b.ID, Kind: model.MeetingOR, Start: 600, End: 660},
		{BodyID: b.ID, Kind: "borrel", Date: model.MustDate("2025-12-02"), Start: 600, End: 660},
	} {
		if _, err := s.NewMeeting(ctx, m); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("%+v: %v", m, err)
		}
	}
	if _, err := model.ParseDate("2025-02-30"); err == nil {
		t.Fatal("30 February parsed")
	}
	if ms, _ := s.Meetings(ctx, b.ID, model.Date{}, 0); len(ms) != 0 {
		t.Fatalf("bad input saved %d meetings", len(ms))
	}
}
