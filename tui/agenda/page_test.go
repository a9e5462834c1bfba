package agenda

import (
	"context"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
)

// longHistory is the council with 250 more meetings, two a week going back from 1 Nov 2025.
func longHistory(t *testing.T) (*fake.Store, []model.MeetingRow) {
	t.Helper()
	st := council(t)
	ctx := context.Background()
	bodies, _ := st.Bodies(ctx)
	day := model.MustDate("2025-11-01")
	for i := range 250 {
		day = day.AddDays(-3 - i%2)
		if _, err := st.NewMeeting(ctx, model.Meeting{BodyID: bodies[0].ID, Kind: model.MeetingOR, Date: day, Start: 13*60 + 30, End: 16 * 60,
			Status: model.MeetingHeld}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := st.MeetingRows(ctx, bodies[0].ID, model.DateOf(testNow()))
	if err != nil {
		t.Fatal(err)
	}
	return st, all
}

func TestListScrollsPastTheFirstWindowToTheLastRow(t *testing.T) {
	st, all := longHistory(t)
	m := newView(t, st, false)
	if m.list.Total != len(all) || len(m.list.Rows) > pageSize {
		t.Fatalf("loaded %d of %d rows (total %d): the view must hold one window", len(m.list.Rows), len(all), m.list.Total)
	}
	if !strings.Contains(m.View(), "254 vergaderingen") {
		t.Fatalf("the count is the whole list's:\n%s", m.View())
	}
	for i := range all {
		r, ok := m.selectedRow()
		if !ok || r.ID != all[i].ID {
			t.Fatalf("row %d: %d %v, want %d", i, r.ID, ok, all[i].ID)
		}
		if len(m.list.Rows) > pageSize {
			t.Fatalf("row %d: %d rows loaded", i, len(m.list.Rows))
		}
		press(m, "down")
	}
	if r, _ := m.selectedRow(); m.listCur.Index != len(all)-1 || r.ID != all[len(all)-1].ID {
		t.Fatalf("past the end: at %d (%d)", m.listCur.Index, r.ID)
	}
	if !strings.Contains(m.View(), all[len(all)-1].Date.Short()) {
		t.Fatalf("the last meeting is not on screen:\n%s", m.View())
	}
	press(m, "g")
	if r, ok := m.selectedRow(); !ok || r.ID != all[0].ID {
		t.Fatalf("home: %d %v, want %d", r.ID, ok, all[0].ID)
	}
	press(m, "G")
	if r, ok := m.selectedRow(); !ok || r.ID != all[len(all)-1].ID {
		t.Fatalf("end: %d %v", r.ID, ok)
	}
	press(m, "g", "pgdown", "pgdown")
	if r, ok := m.selectedRow(); !ok || r.ID != all[2*m.listRows()].ID {
		t.Fatalf("two pages down: %d %v, want %d", r.ID, ok, all[2*m.listRows()].ID)
	}
	press(m, "pgup")
	if r, ok := m.selectedRow(); !ok || r.ID != all[m.listRows()].ID {
		t.Fatalf("a page up: %d %v", r.ID, ok)
	}
	// On a tall screen every window still covers a screen either side: scrolling loads a window every
	// few screens, never one per key.
	m.SetSize(100, 90)
	press(m, "g")
	loads := m.pageSeq
	for range all {
		press(m, "down")
	}
	if r, _ := m.selectedRow(); r.ID != all[len(all)-1].ID || m.pageSeq-loads > 10 {
		t.Fatalf("tall screen: at %d after %d loads", r.ID, m.pageSeq-loads)
	}
}

func TestEditReselectsTheMovedMeeting(t *testing.T) {
	st, all := longHistory(t)
	m := newView(t, st, false)
	press(m, "G")
	moved := all[len(all)-1]
	press(m, "e", "tab", "ctrl+u")
	typeText(m, "2026-01-20")
	press(m, "ctrl+s")
	if m.form != nil {
		t.Fatalf("not saved:\n%s", m.View())
	}
	r, ok := m.selectedRow()
	if !ok || r.ID != moved.ID || r.Date.String() != "2026-01-20" {
		t.Fatalf("cursor on %d (%s) %v, want the moved meeting %d", r.ID, r.Date, ok, moved.ID)
	}
	// A new meeting is selected wherever it lands; a deleted one leaves the cursor on its successor.
	press(m, "G", "n", "tab", "ctrl+u")
	typeText(m, "2026-03-03")
	press(m, "ctrl+s")
	if r, ok := m.selectedRow(); !ok || r.Date.String() != "2026-03-03" {
		t.Fatalf("new meeting not selected: %s %v", r.Date, ok)
	}
	press(m, "g", "down")
	next, _ := m.list.At(2)
	press(m, "D")
	if r, ok := m.selectedRow(); !ok || r.ID != next.ID || m.listCur.Index != 1 {
		t.Fatalf("after delete: %d at %d, want %d at 1", r.ID, m.listCur.Index, next.ID)
	}
}
