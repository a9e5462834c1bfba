package brieven

import (
	"context"
	"strings"
	"testing"
)

func TestListScrollsPastTheFirstWindowToTheLastLetter(t *testing.T) {
	st := newFake()
	ctx := context.Background()
	for range 230 {
		if _, err := st.CreateLetter(ctx, st.body.ID, "adviesbrief-positief", 7); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := st.LetterPage(ctx, st.body.ID, 0, 1000)
	m := newView(t, st, false)
	if m.list.Total != 230 || len(m.list.Rows) > pageSize {
		t.Fatalf("loaded %d rows of %d: the view must hold one window", len(m.list.Rows), m.list.Total)
	}
	if !strings.Contains(m.View(), "230 brieven") {
		t.Fatalf("the count is the whole list's:\n%s", m.View())
	}
	for i, want := range all.Rows {
		l, ok := m.selected()
		if !ok || l.ID != want.ID {
			t.Fatalf("row %d: %d %v, want %d", i, l.ID, ok, want.ID)
		}
		press(m, "down")
	}
	last := all.Rows[len(all.Rows)-1]
	if l, _ := m.selected(); l.ID != last.ID || len(m.list.Rows) > pageSize {
		t.Fatalf("at the end: %d (%d rows loaded), want %d", l.ID, len(m.list.Rows), last.ID)
	}
	press(m, "g")
	if l, _ := m.selected(); l.ID != all.Rows[0].ID {
		t.Fatalf("home: %d", l.ID)
	}
	press(m, "G")
	if l, _ := m.selected(); l.ID != last.ID {
		t.Fatalf("end: %d", l.ID)
	}
	press(m, "g", "pgdown")
	if l, _ := m.selected(); l.ID != all.Rows[m.listRows()].ID {
		t.Fatalf("a page down: %d, want %d", l.ID, all.Rows[m.listRows()].ID)
	}
	// On a tall screen every window still covers a screen either side: scrolling loads a window every
	// few screens, never one per key.
	m.SetSize(100, 80)
	press(m, "g")
	loads := m.pageSeq
	for range 229 {
		press(m, "down")
	}
	if l, _ := m.selected(); l.ID != last.ID || m.pageSeq-loads > 10 {
		t.Fatalf("tall screen: at %d after %d loads", l.ID, m.pageSeq-loads)
	}
	// Deleting the last letter leaves the cursor on the one before it.
	press(m, "G", "D", "j")
	if l, ok := m.selected(); !ok || m.list.Total != 229 || l.ID != all.Rows[228].ID {
		t.Fatalf("after delete: %d of %d, want %d", l.ID, m.list.Total, all.Rows[228].ID)
	}
}
