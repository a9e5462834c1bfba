package tui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestFlowSwitchesAllViews runs the real Bubble Tea program: it switches through all six views with
// the number keys and quits.
func TestFlowSwitchesAllViews(t *testing.T) {
	app := New(demoStore(t), Options{Now: testNow})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(100, 30))
	wait := func(text string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("OR Zorggroep Rivierenland")
	// Start at 2: the renderer only redraws what changed, so pressing 1 on view 1 draws nothing new.
	for _, i := range []int{1, 2, 3, 4, 5, 0} {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune('1' + i)}})
		wait("[" + string(rune('1'+i)) + " " + tabNames[i] + "]")
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if final.active != 0 {
		t.Fatalf("final view %d, want 0 (Overzicht)", final.active)
	}
}
