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
