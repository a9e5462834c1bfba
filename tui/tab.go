package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// screen is how the root holds any view: views return their own concrete type from Update, and wrap
// turns that into this one interface.
type screen interface {
	Init() tea.Cmd
	update(tea.Msg) (screen, tea.Cmd)
	View() string
	SetSize(w, h int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	Capturing() bool
	Unsaved() bool
}

type wrapped[V common.View[V]] struct{ v V }

// wrap adapts a view to the root's screen interface.
func wrap[V common.View[V]](v V) screen { return wrapped[V]{v} }

func (w wrapped[V]) update(msg tea.Msg) (screen, tea.Cmd) {
	v, cmd := w.v.Update(msg)
	return wrap(v), cmd
}

func (w wrapped[V]) Init() tea.Cmd             { return w.v.Init() }
func (w wrapped[V]) View() string              { return w.v.View() }
func (w wrapped[V]) SetSize(width, height int) { w.v.SetSize(width, height) }
func (w wrapped[V]) ShortHelp() []key.Binding  { return w.v.ShortHelp() }
func (w wrapped[V]) FullHelp() [][]key.Binding { return w.v.FullHelp() }
func (w wrapped[V]) Capturing() bool           { return w.v.Capturing() }
func (w wrapped[V]) Unsaved() bool             { return w.v.Unsaved() }

// Title is the overlay's name for the tab line, when the view has one.
func (w wrapped[V]) Title() string {
	if t, ok := any(w.v).(interface{ Title() string }); ok {
		return t.Title()
	}
	return ""
}
