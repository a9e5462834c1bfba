// Package cmdtest helps tests run a view's commands as the Bubble Tea runtime would.
package cmdtest

import (
	"reflect"
	"runtime"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Wait is how long a test waits for one command. Only a command that hangs comes near it: timers are
// recognised by IsTimer and never run, so a slow machine (the race detector, a busy CI) cannot make a
// test drop a store call it merely waited too briefly for.
const Wait = 20 * time.Second

// timers are the functions behind the commands that only wait: Bubble Tea's Tick and Every, and the
// cursor blink of the bubbles text inputs.
var timers = []string{
	"github.com/charmbracelet/bubbletea.Tick.",
	"github.com/charmbracelet/bubbletea.Every.",
	"github.com/charmbracelet/bubbles/cursor.(*Model).BlinkCmd.",
}

// IsTimer reports whether cmd only waits and then says the time has come: a test skips it.
func IsTimer(cmd tea.Cmd) bool {
	fn := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	if fn == nil {
		return false
	}
	name := fn.Name()
	for _, t := range timers {
		if strings.HasPrefix(name, t) {
			return true
		}
	}
	return false
}

// Run runs cmd and every command the messages lead to, as the Bubble Tea runtime would: a BatchMsg is
// unpacked, a timer skipped (IsTimer), and every other message handed to deliver, whose command runs
// next. deliver feeds the message to the model under test, or keeps it (a status, a message for the
// root) and returns nil. A command that runs longer than Wait is given up on.
func Run(cmd tea.Cmd, deliver func(tea.Msg) tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0 && steps < 500; steps++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil || IsTimer(c) {
			continue
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(Wait):
			continue
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			queue = append(queue, deliver(msg))
		}
	}
}
