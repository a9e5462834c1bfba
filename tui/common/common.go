// Package common holds what every view shares: size, styles, clock, read-only state, the messages views
// send to the root, and small text helpers.
package common

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

// Common is handed to every view.
type Common struct {
	Styles   styles.Styles
	Now      func() time.Time
	ReadOnly bool
}

// Today is the user's local date.
func (c Common) Today() model.Date { return model.DateOf(c.Now()) }

// View is what every view and overlay offers the root. Update returns the view's own concrete type;
// the root wraps it (see tui.wrap).
type View[V any] interface {
	Init() tea.Cmd
	Update(tea.Msg) (V, tea.Cmd)
	View() string
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Capturing is true while a text input has focus: global keys are then typed, not acted on.
	Capturing() bool
	// Unsaved is true while the view holds edits that are not saved.
	Unsaved() bool
}

// StatusMsg asks the root to show a message in the status line: a success ("✓ …", disappears after a
// few seconds) or an error ("✗ …", stays until the next key).
type StatusMsg struct {
	Text string
	Err  bool
}

// Status returns a command that shows a success message.
func Status(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}

// Error returns a command that shows an error message.
func Error(err error) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: ErrorText(err), Err: true} }
}

// ReloadMsg tells views that data changed (in this process or another) and they should reload what they
// show.
type ReloadMsg struct{}

// Reload returns a command that asks every view to reload.
func Reload() tea.Msg { return ReloadMsg{} }

// CloseMsg asks the root to close the overlay that sent it.
type CloseMsg struct{}

// Close is a command that closes the current overlay.
func Close() tea.Msg { return CloseMsg{} }

// BodyChangedMsg says the active body changed: views reload for it.
type BodyChangedMsg struct{ Body model.Body }
