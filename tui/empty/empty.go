// Package empty is the honest empty state of a view whose feature is not there yet: it says what the view
// will hold and how to start, and shows no invented content.
package empty

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// Model shows a title and a few lines of explanation.
type Model struct {
	c      common.Common
	title  string
	lines  []string
	width  int
	height int
}

// New returns an empty state with a title and explanation lines.
func New(c common.Common, title string, lines ...string) *Model {
	return &Model{c: c, title: title, lines: lines}
}

func (m *Model) Init() tea.Cmd                    { return nil }
func (m *Model) Update(tea.Msg) (*Model, tea.Cmd) { return m, nil }
func (m *Model) SetSize(w, h int)                 { m.width, m.height = w, h }
func (m *Model) ShortHelp() []key.Binding         { return nil }
func (m *Model) FullHelp() [][]key.Binding        { return nil }
func (m *Model) Capturing() bool                  { return false }
func (m *Model) Unsaved() bool                    { return false }

// View draws the title and text, indented, cut to the width.
func (m *Model) View() string {
	var b strings.Builder
	b.WriteString("\n  " + m.c.Styles.Title.Render(m.title) + "\n\n")
	for _, l := range m.lines {
		b.WriteString("  " + m.c.Styles.Muted.Render(l) + "\n")
	}
	return common.Lines(b.String(), m.width, m.height)
}
