package acties

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/golden"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

// bigCouncil is the council with n more actions (every third one open, later ones due later) and n
// more decisions in 2025: lists longer than one window.
func bigCouncil(t *testing.T, n int) (*fake.Store, model.Meeting) {
	t.Helper()
	st, nov := council(t)
	ctx := context.Background()
	for i := range n {
		status := model.ActionDone
		if i%3 == 0 {
			status = model.ActionOpen
		}
		a := model.Action{BodyID: 1, Description: fmt.Sprintf("Reeks %03d", i), Owner: "AS", Status: status,
			Due: model.MustDate("2025-12-01").AddDays(i)}
		if _, err := st.CreateAction(ctx, a); err != nil {
			t.Fatal(err)
		}
		d := model.Decision{BodyID: 1, Date: model.MustDate("2025-06-01"), Text: fmt.Sprintf("Besluit reeks %03d", i)}
		if i%50 == 7 {
			d.Text += " over de thuiswerkregeling"
		}
		if _, err := st.CreateDecision(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	return st, nov
}

// TestScrollPastTheFirstWindow: the list holds a window, never every action; moving down, paging and
// G reach the last action, g the first, and the header counts the whole list.
func TestScrollPastTheFirstWindow(t *testing.T) {
	st, _ := bigCouncil(t, 350)
	m := newView(t, st, false)
	press(m, "v") // alle: 355 actions
	if m.acts.Total != 355 || len(m.acts.Rows) > size(m.listRows()) {
		t.Fatalf("total %d, holding %d rows", m.acts.Total, len(m.acts.Rows))
	}
	if v := m.View(); !strings.Contains(v, "1–19 van 355 acties · 2 te laat") {
		t.Fatalf("header:\n%s", v)
	}
	for range 150 {
		press(m, "down")
	}
	if a, ok := m.selected(); !ok || m.acts.cur.Index != 150 || !strings.Contains(m.View(), "› ") || a.Number() == "" {
		t.Fatalf("after 150 down: index %d, loaded %v, page at %d", m.acts.cur.Index, ok, m.acts.Offset)
	}
	all, _ := st.Actions(context.Background(), 1, model.ActionFilter{}, model.MustDate("2025-11-25"))
	if a, _ := m.selected(); a.ID != all[150].ID {
		t.Fatalf("row 150 is %s, want %s", a.Number(), all[150].Number())
	}
	press(m, "G")
	last := all[len(all)-1]
	if a, ok := m.selected(); !ok || a.ID != last.ID || !strings.Contains(m.View(), last.Number()) ||
		!strings.Contains(m.View(), "337–355 van 355 acties") {
		t.Fatalf("G: on %s (loaded %v), want %s\n%s", a.Number(), ok, last.Number(), m.View())
	}
	golden.Assert(t, "actions_paged_end", m.View())
	press(m, "pgup")
	if a, _ := m.selected(); m.acts.cur.Index != 354-19 || a.ID != all[354-19].ID {
		t.Fatalf("pgup: index %d", m.acts.cur.Index)
	}
	press(m, "g")
	if a, _ := m.selected(); a.ID != all[0].ID || m.acts.Offset != 0 {
		t.Fatalf("g: on %s, page at %d", a.Number(), m.acts.Offset)
	}
	press(m, "pgdown", "pgdown")
	if a, _ := m.selected(); m.acts.cur.Index != 38 || a.ID != all[38].ID {
		t.Fatalf("pgdown: index %d", m.acts.cur.Index)
	}
}

// TestFilterKeyShowsFilteredCount: v re-queries and the header counts the filtered list, not the window.
func TestFilterKeyShowsFilteredCount(t *testing.T) {
	st, _ := bigCouncil(t, 350)
	m := newView(t, st, false)
	if v := m.View(); !strings.Contains(v, "van 121 acties · 2 te laat") { // 4 + 117 open
		t.Fatalf("open:\n%s", v)
	}
	press(m, "v")
	if v := m.View(); !strings.Contains(v, "van 355 acties · 2 te laat") {
		t.Fatalf("alle:\n%s", v)
	}
	press(m, "v")
	if v := m.View(); !strings.Contains(v, "2 acties · 2 te laat") || strings.Contains(v, " van ") {
		t.Fatalf("te laat:\n%s", v)
	}
}

// TestStatusChangeReselectsInALaterWindow: an action far down the list, marked done, keeps the cursor
// wherever the list now puts it; in the open list the cursor stays on the row that took its place.
func TestStatusChangeReselectsInALaterWindow(t *testing.T) {
	st, _ := bigCouncil(t, 350)
	m := newView(t, st, false)
	press(m, "v", "G")
	for range 30 {
		press(m, "up")
	}
	a, _ := m.selected()
	press(m, "x")
	if got, ok := m.selected(); !ok || got.ID != a.ID || got.Status != model.ActionDone {
		t.Fatalf("after x on %s: on %s (%s)", a.Number(), got.Number(), got.Status)
	}
	// Postponing moves the action later in the list: the cursor follows it.
	press(m, "g")
	first, _ := m.selected()
	press(m, "p", "p", "p", "p") // 1 nov to 29 nov: after the actions of 13, 20 and 28 nov
	if got, _ := m.selected(); got.ID != first.ID || m.acts.cur.Index != 3 {
		t.Fatalf("after p on %s: on %s at %d", first.Number(), got.Number(), m.acts.cur.Index)
	}
}

// TestStaleAnswerDropped: a window that arrives after a newer request was made is not shown.
func TestStaleAnswerDropped(t *testing.T) {
	st, _ := bigCouncil(t, 10)
	m := newView(t, st, false)
	before := m.acts.Total
	m.Update(loadedMsg{seq: m.seq - 1, page: model.ActionPage{Page: model.Page[model.Action]{Total: 9999}}})
	if m.acts.Total != before {
		t.Fatal("a stale page replaced the list")
	}
	m.Update(decisionsMsg{seq: m.dseq - 1, page: model.DecisionPage{Page: model.Page[model.Decision]{Total: 9999}}})
	if m.decs.Total == 9999 {
		t.Fatal("a stale page replaced the besluitenlijst")
	}
}

// TestMeetingKeyFiltersOnTheActionsMeeting: m shows every action of the selected action's meeting (an
// old meeting too, which the filter form does not offer), and m again shows all.
func TestMeetingKeyFiltersOnTheActionsMeeting(t *testing.T) {
	st, nov := council(t)
	m := newView(t, st, false)
	press(m, "j", "j") // A-23, from the meeting of 4 Nov
	press(m, "m")
	if v := m.View(); m.filter.MeetingID != nov.ID || !strings.Contains(v, "uit: OR 4 nov") || !strings.Contains(v, "1 actie ·") {
		t.Fatalf("m: filter %+v\n%s", m.filter, v)
	}
	press(m, "m")
	if m.filter.MeetingID != 0 {
		t.Fatal("m again kept the filter")
	}
}

// TestDecisionsPaged: the besluitenlijst pages too; G reaches the last decision, and search keystrokes
// re-query with the count of the matches.
func TestDecisionsPaged(t *testing.T) {
	st, _ := bigCouncil(t, 250)
	m := newView(t, st, false)
	press(m, "B")
	if m.decs.Total != 252 || len(m.decs.Rows) > size(m.decisionRows()) || !strings.Contains(m.View(), "1–18 van 252 besluiten") {
		t.Fatalf("2025: total %d, holding %d\n%s", m.decs.Total, len(m.decs.Rows), m.View())
	}
	press(m, "G")
	if d, ok := m.selectedDecision(); !ok || d.Number() != "2025-252" {
		t.Fatalf("G: on %s (%v)", d.Number(), ok)
	}
	press(m, "/", "t", "h", "u", "i", "s")
	if v := m.View(); !strings.Contains(v, "6 besluiten") { // 5 of the series and 2025-002
		t.Fatalf("search:\n%s", v)
	}
	if d, ok := m.selectedDecision(); !ok || m.decs.cur.Index != 0 || d.Number() != "2025-002" {
		t.Fatalf("search: on %s at %d", d.Number(), m.decs.cur.Index)
	}
}

// countingStore counts the windows of actions read.
type countingStore struct {
	*fake.Store
	pages int
}

func (c *countingStore) ActionsPage(ctx context.Context, bodyID int64, f model.ActionFilter, day model.Date, r model.PageRequest) (model.ActionPage, error) {
	c.pages++
	return c.Store.ActionsPage(ctx, bodyID, f, day, r)
}

// TestTallScreenLoadsFewWindows: on a tall screen a window still covers the screen and more, so moving
// through the list reads a new window only every few screens, never one per key.
func TestTallScreenLoadsFewWindows(t *testing.T) {
	for _, h := range []int{24, 90, 300} {
		st, _ := bigCouncil(t, 900)
		cs := &countingStore{Store: st}
		m := New(common.Common{Styles: styles.New(), Now: testNow}, cs)
		m.SetSize(100, h)
		drive(m, m.Init())
		press(m, "v")
		cs.pages = 0
		for range 600 {
			press(m, "down")
		}
		all, _ := st.Actions(context.Background(), 1, model.ActionFilter{}, model.MustDate("2025-11-25"))
		if a, ok := m.selected(); !ok || a.ID != all[600].ID {
			t.Fatalf("height %d: on %s (loaded %v), want %s", h, a.Number(), ok, all[600].Number())
		}
		if want := 600/(size(m.listRows())/4) + 2; cs.pages > want {
			t.Errorf("height %d: %d windows read for 600 rows down, want at most %d", h, cs.pages, want)
		}
		for i := m.acts.cur.Offset; i < min(m.acts.cur.Offset+m.listRows(), m.acts.Total); i++ {
			if _, ok := m.acts.At(i); !ok {
				t.Fatalf("height %d: row %d on screen not loaded", h, i)
			}
		}
	}
}
