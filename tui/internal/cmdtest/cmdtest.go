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
