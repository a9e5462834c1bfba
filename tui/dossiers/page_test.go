package dossiers

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
)

// history adds 230 closed dossiers, one every ten days going back from 2025, to the seeded council.
func history(t *testing.T) (*fake.Store, map[string]int64) {
	t.Helper()
	st, ids := seed(t)
	ctx := context.Background()
	for i := range 230 {
		start := day(-300 - 10*i)
		d, err := st.CreateDossier(ctx, dossier.Dossier{BodyID: 1, Kind: termijn.Informatieverzoek, Title: fmt.Sprintf("Oud dossier %d", i),
			StartedOn: start})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddDossierEvent(ctx, dossier.Event{DossierID: d.ID, Kind: dossier.Closing, Date: start.AddDays(30)}); err != nil {
			t.Fatal(err)
		}
		ids[d.Title] = d.ID
	}
	return st, ids
}

func TestListScrollsPastTheFirstWindowToTheLastDossier(t *testing.T) {
	st, ids := history(t)
	m := newView(t, st, false)
	press(m, "f") // alle: the open ones, then every closed one
	if m.total() != 4+231 || len(m.closed.Rows) > pageSize {
		t.Fatalf("total %d with %d closed loaded: the view must hold one window", m.total(), len(m.closed.Rows))
	}
	if !strings.Contains(m.View(), "235 dossiers") {
		t.Fatalf("the count is the whole list's:\n%s", m.View())
	}
	for i := range m.total() - 1 {
		if _, ok := m.rowAt(m.cur.Index); !ok {
			t.Fatalf("row %d not loaded", i)
		}
		press(m, "down")
	}
	r, ok := m.rowAt(m.cur.Index)
	if !ok || r.d.ID != ids["Oud dossier 229"] || m.cur.Index != m.total()-1 {
		t.Fatalf("at the end: %q %v at %d", r.d.Title, ok, m.cur.Index)
	}
	press(m, "g")
	if r, _ := m.rowAt(m.cur.Index); r.d.Title != "Roosterwijziging weekenddiensten" {
		t.Fatalf("home: %q", r.d.Title)
	}
	press(m, "G")
	if r, ok := m.rowAt(m.cur.Index); !ok || r.d.ID != ids["Oud dossier 229"] {
		t.Fatalf("end: %q %v", r.d.Title, ok)
	}
	// gesloten: the closed run alone, from its first window.
	press(m, "f")
	if r, ok := m.rowAt(m.cur.Index); !ok || r.d.ID != ids["Oud dossier 229"] || m.total() != 231 {
		t.Fatalf("the selected dossier stays selected: %q %v of %d", r.d.Title, ok, m.total())
	}
	press(m, "g", "pgdown")
	if r, ok := m.rowAt(m.cur.Index); !ok || r.d.Title != fmt.Sprintf("Oud dossier %d", m.listRows()-1) {
		t.Fatalf("a page down: %q %v", r.d.Title, ok)
	}
	// On a tall screen every window still covers a screen either side: scrolling loads a window every
	// few screens, never one per key.
	m.SetSize(100, 90)
	press(m, "g")
	loads := m.pageSeq
	for range m.total() {
		press(m, "down")
	}
	if r, _ := m.rowAt(m.cur.Index); r.d.ID != ids["Oud dossier 229"] || m.pageSeq-loads > 10 {
		t.Fatalf("tall screen: at %q after %d loads", r.d.Title, m.pageSeq-loads)
	}
}

func TestJumpToADossierOutsideTheWindow(t *testing.T) {
	st, ids := history(t)
	m := newView(t, st, false)
	id := ids["Oud dossier 200"]
	drive(m, func() tea.Msg { return common.SwitchTabMsg{Tab: common.TabDossiers, ID: id} })
	if r, ok := m.current(); !m.detail || !ok || r.d.ID != id || !strings.Contains(m.View(), "Oud dossier 200") {
		t.Fatalf("not opened:\n%s", m.View())
	}
	press(m, "esc")
	if m.detail {
		t.Fatal("esc did not go back")
	}
	drive(m, func() tea.Msg { return common.SwitchTabMsg{Tab: common.TabDossiers, ID: 99999} })
	if m.detail {
		t.Fatal("a missing dossier opened")
	}
}
