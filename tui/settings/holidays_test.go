package settings_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/golden"
	"github.com/werkbank-nl/werkbank/tui/internal/cmdtest"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
	"github.com/werkbank-nl/werkbank/tui/settings"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// drive feeds a command's messages back into the view; timers (cursor blink) are not waited for.
func drive(m *settings.Model, cmd tea.Cmd) {
	cmdtest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		if _, ok := msg.(common.StatusMsg); ok {
			return nil
		}
		_, next := m.Update(msg)
		return next
	})
}

func keys(m *settings.Model, ks ...string) {
	for _, k := range ks {
		msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "shift+tab":
			msg = tea.KeyMsg{Type: tea.KeyShiftTab}
		case "tab":
			msg = tea.KeyMsg{Type: tea.KeyTab}
		}
		_, cmd := m.Update(msg)
		drive(m, cmd)
	}
}

func TestHolidaysSection(t *testing.T) {
	st := fake.New()
	if err := st.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }
	m := settings.New(common.Common{Styles: styles.New(), Now: now}, st)
	m.SetSize(100, 24)
	drive(m, m.Init())
	keys(m, "shift+tab") // the last section
	v := m.View()
	if !strings.Contains(v, "[Feestdagen]") || !strings.Contains(v, "vr 26 dec 2025    Tweede Kerstdag") {
		t.Fatalf("Feestdagen:\n%s", v)
	}
	golden.Assert(t, "holidays", v)
	keys(m, "n")
	for _, r := range "vrijdag na Hemelvaartsdag" {
		keys(m, string(r))
	}
	keys(m, "tab", "3", "1", "-", "0", "2", "-", "2", "0", "2", "6", "enter")
	if !strings.Contains(m.View(), "februari 2026 heeft geen dag 31") {
		t.Fatalf("impossible date accepted:\n%s", m.View())
	}
	for i := 0; i < 10; i++ {
		_, _ = m.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	keys(m, "1", "5", "-", "0", "5", "-", "2", "0", "2", "6", "enter")
	hs, _ := st.ExtraHolidays(context.Background())
	if len(hs) != 1 || hs[0].Date.String() != "2026-05-15" || strings.Contains(m.View(), "Gelijkgestelde dag toevoegen") {
		t.Fatalf("added %+v\n%s", hs, m.View())
	}
	drive(m, func() tea.Msg { return common.ReloadMsg{} })
	if !strings.Contains(m.View(), "toegevoegd (gelijkgesteld)") {
		t.Fatalf("added day not shown:\n%s", m.View())
	}
	// A day of the law cannot go; an added one goes to the bin.
	keys(m, "x")
	if hs, _ := st.ExtraHolidays(context.Background()); len(hs) != 1 {
		t.Fatal("a law day removed an added one")
	}
}
