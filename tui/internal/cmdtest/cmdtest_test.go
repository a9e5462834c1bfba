package cmdtest

import (
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

func TestIsTimer(t *testing.T) {
	in := textinput.New()
	focus := in.Focus() // the blink that starts with the focus
	for _, tc := range []struct {
		name string
		cmd  tea.Cmd
		want bool
	}{
		{"tick", tea.Tick(time.Second, func(time.Time) tea.Msg { return nil }), true},
		{"every", tea.Every(time.Second, func(time.Time) tea.Msg { return nil }), true},
		{"blink", focus, true},
		{"a load", func() tea.Msg { return "rows" }, false},
		{"quit", tea.Quit, false},
	} {
		if got := IsTimer(tc.cmd); got != tc.want {
			t.Errorf("%s: IsTimer %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestRun(t *testing.T) {
	var got []string
	slow := func() tea.Msg { time.Sleep(50 * time.Millisecond); return "slow" }
	in := textinput.New()
	blink := in.Focus()
	cmd := tea.Batch(func() tea.Msg { return "a" }, slow, blink, nil)
	Run(cmd, func(msg tea.Msg) tea.Cmd {
		got = append(got, msg.(string))
		if msg == "a" {
			return func() tea.Msg { return "after a" }
		}
		return nil
	})
	// The slow command is waited for, the blink is not run, a delivered message's command runs.
	if len(got) != 3 || got[0] != "a" || got[1] != "slow" || got[2] != "after a" {
		t.Fatalf("delivered %v", got)
	}
}
