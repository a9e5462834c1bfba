package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// ListKeys are the keys that move the cursor of a list: a row, a screen, or to either end.
type ListKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// Move moves c when msg is one of the keys, in a list of total rows with rows on screen, and says
// whether it was.
func (k ListKeys) Move(msg tea.KeyMsg, c *Cursor, rows, total int) bool {
	var delta int
	switch {
	case key.Matches(msg, k.Up):
		delta = -1
	case key.Matches(msg, k.Down):
		delta = 1
	case key.Matches(msg, k.PageUp):
		delta = -rows
	case key.Matches(msg, k.PageDown):
		delta = rows
	case key.Matches(msg, k.Top):
		delta = -total
	case key.Matches(msg, k.Bottom):
		delta = total
	default:
		return false
	}
	c.Move(delta, total, rows)
	return true
}
