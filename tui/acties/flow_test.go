package acties

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

// host runs the view as a whole program, as the root would: q quits unless a form has focus.
type host struct{ m *Model }

func (h host) Init() tea.Cmd { return h.m.Init() }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "q" && !h.m.Capturing() {
		return h, tea.Quit
	}
	if _, ok := msg.(common.StatusMsg); ok {
		return h, nil
	}
	_, cmd := h.m.Update(msg)
	return h, cmd
}

func (h host) View() string { return h.m.View() }

// TestFlowPostponeAndFinish: the late action is postponed a week, then marked done, through the real
// Bubble Tea runtime.
func TestFlowPostponeAndFinish(t *testing.T) {
	st, _ := council(t)
	m := New(common.Common{Styles: styles.New(), Now: testNow}, st)
	m.SetSize(100, 24)
	tm := teatest.NewTestModel(t, host{m}, teatest.WithInitialTermSize(100, 24))
	wait := func(text string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	r := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	wait("te laat (12 dagen)")
	tm.Send(r("p"))
	wait("3x")
	tm.Send(r("x"))
	wait("3 acties")
	tm.Send(r("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host).m
	all, _ := st.Actions(t.Context(), final.body.ID, model.ActionFilter{}, model.MustDate("2025-11-25"))
	for _, a := range all {
		if a.Description == "Roosterevaluatie opvragen bij HR" && (a.Status != model.ActionDone || a.Postponed != 3) {
			t.Fatalf("after the flow: %+v", a)
		}
	}
}
