package tui

import (
	"context"
	"github.com/werkbank-nl/werkbank/tui/internal/cmdtest"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/golden"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var testNow = func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }

// newApp starts the app on a fake store at 100x30 and runs its start-up commands.
func newApp(t *testing.T, st *fake.Store, opt Options) *Model {
	t.Helper()
	opt.Now = testNow
	m := New(st, opt)
	drive(m, m.Init())
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return m
}

// drive runs a command and feeds its messages back into the model, as the Bubble Tea runtime would.
// Timers (status clearing) are dropped: a command that does not answer at once is not waited for.
func drive(m *Model, cmd tea.Cmd) {
	cmdtest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case tea.QuitMsg, tea.SuspendMsg:
			return nil
		}
		_, next := m.Update(msg)
		return next
	})
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "tab":
			msg = tea.KeyMsg{Type: tea.KeyTab}
		case "shift+tab":
			msg = tea.KeyMsg{Type: tea.KeyShiftTab}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "up":
			msg = tea.KeyMsg{Type: tea.KeyUp}
		case "right":
			msg = tea.KeyMsg{Type: tea.KeyRight}
		case "backspace":
			msg = tea.KeyMsg{Type: tea.KeyBackspace}
		case "ctrl+s":
			msg = tea.KeyMsg{Type: tea.KeyCtrlS}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		_, cmd := m.Update(msg)
		drive(m, cmd)
	}
}

func demoStore(t *testing.T) *fake.Store {
	st := fake.New()
	if err := st.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestWelcomeOnEmptyDatabase(t *testing.T) {
	m := newApp(t, fake.New(), Options{})
	golden.Assert(t, "welcome", m.View())
	press(m, "l")
	press(m, "enter")
	if !strings.Contains(m.View(), "naam is verplicht") {
		t.Fatal("empty name accepted")
	}
	golden.Assert(t, "welcome_form", m.View())
	press(m, "O", "R", " ", "X", "enter", "enter")
	v := m.View()
	if !strings.Contains(v, "OR X") || !strings.Contains(v, "[1 Overzicht]") {
		t.Fatalf("after creating a body:\n%s", v)
	}
}

func TestWelcomeLoadsDemo(t *testing.T) {
	m := newApp(t, fake.New(), Options{})
	press(m, "d")
	if v := m.View(); !strings.Contains(v, "OR Zorggroep Rivierenland ▾") || !strings.Contains(v, "Demo-OR geladen") {
		t.Fatalf("after demo:\n%s", v)
	}
}

func TestEmptyViews(t *testing.T) {
	m := newApp(t, demoStore(t), Options{})
	for i, name := range tabNames {
		press(m, string(rune('1'+i)))
		v := m.View()
		if !strings.Contains(v, "["+string(rune('1'+i))+" "+name+"]") {
			t.Fatalf("tab %d not marked active:\n%s", i+1, v)
		}
		golden.Assert(t, "view_"+strings.ToLower(name), v)
	}
}

func TestTabKeysAndBatchedRunes(t *testing.T) {
	m := newApp(t, demoStore(t), Options{})
	press(m, "tab")
	if m.active != 1 {
		t.Fatalf("tab: active %d", m.active)
	}
	press(m, "shift+tab", "shift+tab")
	if m.active != 5 {
		t.Fatalf("shift+tab twice: active %d", m.active)
	}
	// Keys typed together arrive as one message with several runes: each is its own command.
	press(m, "23")
	if m.active != 2 {
		t.Fatalf("batched runes: active %d, want 2", m.active)
	}
}

func TestTooSmall(t *testing.T) {
	m := newApp(t, demoStore(t), Options{})
	m.Update(tea.WindowSizeMsg{Width: 64, Height: 18})
	golden.Assert(t, "too_small", m.View())
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if strings.Contains(m.View(), "minstens") {
		t.Fatal("80x24 is big enough")
	}
	golden.Assert(t, "view_overzicht_80x24", m.View())
}

func TestHelp(t *testing.T) {
	m := newApp(t, demoStore(t), Options{})
	press(m, "?")
	golden.Assert(t, "help", m.View())
	press(m, "esc")
	if strings.Contains(m.View(), "Alle toetsen") {
		t.Fatal("esc did not close help")
	}
}

func TestSettings(t *testing.T) {
	st := demoStore(t)
	m := newApp(t, st, Options{})
	press(m, ",")
	golden.Assert(t, "settings_bodies", m.View())
	press(m, "tab", "tab")
	golden.Assert(t, "settings_members", m.View())
	press(m, "n")
	press(m, "P", "i", "e", "t", "tab", "tab", "tab", "3", "1", "-", "0", "2", "-", "2", "0", "2", "5", "enter")
	if !strings.Contains(m.View(), "februari 2025 heeft geen dag 31") {
		t.Fatalf("impossible date accepted:\n%s", m.View())
	}
	golden.Assert(t, "settings_member_form_error", m.View())
	press(m, "esc", "esc")
	if m.overlay != nil {
		t.Fatal("esc did not close settings")
	}
}

func TestSettingsConflictShowsFreshData(t *testing.T) {
	st := demoStore(t)
	m := newApp(t, st, Options{})
	press(m, ",", "tab", "tab", "e")
	members, _ := st.Members(context.Background(), 1)
	st.BumpMember(members[0].ID, "Anneke Smit-Elders")
	press(m, "!", "ctrl+s")
	v := m.View()
	if !strings.Contains(v, "elders gewijzigd") || !strings.Contains(v, "Anneke Smit-Elders") {
		t.Fatalf("conflict not shown with fresh data:\n%s", v)
	}
}

func TestOtherProcessChangeShowsAfterKey(t *testing.T) {
	st := demoStore(t)
	m := newApp(t, st, Options{})
	press(m, ",", "tab", "tab")
	st.CreateMember(context.Background(), model.Member{BodyID: 1, Name: "Nieuw Elders", Role: model.RoleLid})
	st.Touch()
	if strings.Contains(m.View(), "Nieuw Elders") {
		t.Fatal("shown before any key")
	}
	press(m, "j")
	if !strings.Contains(m.View(), "Nieuw Elders") {
		t.Fatalf("change from elsewhere not shown after a key:\n%s", m.View())
	}
}

func TestBin(t *testing.T) {
	st := demoStore(t)
	m := newApp(t, st, Options{})
	press(m, ",", "tab", "tab", "x", "esc", "P")
	golden.Assert(t, "bin", m.View())
	press(m, "r")
	if !strings.Contains(m.View(), "Teruggezet") {
		t.Fatalf("restore not confirmed:\n%s", m.View())
	}
	press(m, "esc", ",", "tab", "tab", "x", "esc", "P", "X")
	if !strings.Contains(m.View(), "definitief verwijderen") {
		t.Fatal("no confirmation before emptying")
	}
	press(m, "j")
	if bin, _ := st.Bin(context.Background()); len(bin) != 0 {
		t.Fatal("bin not emptied")
	}
}

func TestReadOnlyBanner(t *testing.T) {
	m := newApp(t, demoStore(t), Options{ReadOnly: true})
	press(m, ",", "tab", "tab")
	v := m.View()
	if !strings.Contains(v, "ALLEEN LEZEN") {
		t.Fatal("no banner")
	}
	if strings.Contains(v, "n nieuw") {
		t.Fatal("write key offered in help on a read-only database")
	}
	golden.Assert(t, "settings_read_only", v)
}

func TestQuitAsksWhenUnsaved(t *testing.T) {
	m := newApp(t, demoStore(t), Options{})
	press(m, ",", "tab", "tab", "n", "A")
	// q is typed into the form, not acted on.
	press(m, "q")
	if !strings.Contains(m.View(), "Aq") {
		t.Fatal("q not typed into the field")
	}
	press(m, "esc")
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	if cmd == nil {
		t.Fatal("q did not quit")
	}
}
