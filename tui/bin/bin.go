// Package bin is the prullenbak: every deleted item waits here until it is restored or the bin is
// emptied, which is the only irreversible delete in werkbank.
package bin

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// Store is what the prullenbak needs.
type Store interface {
	Bin(ctx context.Context) ([]model.BinEntry, error)
	Restore(ctx context.Context, binID int64) error
	EmptyBin(ctx context.Context) (int, error)
}

// KeyMap holds the prullenbak's keys.
type KeyMap struct {
	Up, Down, Restore, Empty, Back key.Binding
}

// DefaultKeyMap returns the keys; write keys are disabled on a read-only database.
func DefaultKeyMap(readOnly bool) KeyMap {
	k := KeyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "omhoog")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "omlaag")),
		Restore: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "terugzetten")),
		Empty:   key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "prullenbak legen")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "terug")),
	}
	k.Restore.SetEnabled(!readOnly)
	k.Empty.SetEnabled(!readOnly)
	return k
}

// Model is the prullenbak screen.
type Model struct {
	c       common.Common
	st      Store
	keys    KeyMap
	entries []model.BinEntry
	cur     common.Cursor
	confirm bool
	loaded  bool
	width   int
	height  int
}

type loadedMsg struct {
	entries []model.BinEntry
	err     error
}

type doneMsg struct {
	text string
	err  error
}

// New returns the prullenbak.
func New(c common.Common, st Store) *Model {
	return &Model{c: c, st: st, keys: DefaultKeyMap(c.ReadOnly)}
}

func (m *Model) Title() string   { return "Prullenbak" }
func (m *Model) Init() tea.Cmd   { return load(m.st) }
func (m *Model) Capturing() bool { return false }
func (m *Model) Unsaved() bool   { return false }
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.cur.Clamp(len(m.entries), m.rows())
}

func (m *Model) rows() int { return max(m.height-4, 1) }

func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Restore, m.keys.Empty, m.keys.Back}
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func load(st Store) tea.Cmd {
	return func() tea.Msg {
		e, err := st.Bin(context.Background())
		return loadedMsg{e, err}
	}
}

func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		m.entries, m.loaded = msg.entries, true
		m.cur.Clamp(len(m.entries), m.rows())
	case common.ReloadMsg:
		return m, load(m.st)
	case doneMsg:
		if msg.err != nil {
			return m, tea.Batch(common.Error(msg.err), load(m.st))
		}
		return m, tea.Batch(common.Status(msg.text), common.Reload)
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) (*Model, tea.Cmd) {
	if m.confirm {
		m.confirm = false
		if s := msg.String(); s == "j" || s == "y" {
			st := m.st
			return m, func() tea.Msg {
				n, err := st.EmptyBin(context.Background())
				return doneMsg{fmt.Sprintf("Prullenbak geleegd: %d onderdelen definitief verwijderd", n), err}
			}
		}
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Back):
		return m, common.Close
	case key.Matches(msg, m.keys.Up):
		m.cur.Move(-1, len(m.entries), m.rows())
	case key.Matches(msg, m.keys.Down):
		m.cur.Move(1, len(m.entries), m.rows())
	case key.Matches(msg, m.keys.Restore):
		if len(m.entries) == 0 {
			return m, nil
		}
		e := m.entries[m.cur.Index]
		st := m.st
		return m, func() tea.Msg {
			err := st.Restore(context.Background(), e.ID)
			return doneMsg{fmt.Sprintf("Teruggezet: %s %q", e.KindLabel(), e.Label), err}
		}
	case key.Matches(msg, m.keys.Empty):
		if len(m.entries) > 0 {
			m.confirm = true
		}
	}
	return m, nil
}

// View lists the deleted items with when they were deleted.
func (m *Model) View() string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(" " + s.Title.Render("Prullenbak") + s.Muted.Render("  "+common.Count(len(m.entries), "onderdeel", "onderdelen")) + "\n")
	switch {
	case m.confirm:
		b.WriteString(" " + s.Bad.Render(fmt.Sprintf("Alle %d onderdelen definitief verwijderen? Dit kan niet ongedaan worden. j/n", len(m.entries))) + "\n")
	default:
		b.WriteString("\n")
	}
	if m.loaded && len(m.entries) == 0 {
		b.WriteString("\n   De prullenbak is leeg. Wat u verwijdert, wacht hier tot u het terugzet of de prullenbak leegt.\n")
		return common.Lines(b.String(), m.width, m.height)
	}
	b.WriteString(s.Muted.Render(fmt.Sprintf("   %-12s  %-60s  %s", "soort", "omschrijving", "verwijderd")) + "\n")
	end := min(m.cur.Offset+m.rows(), len(m.entries))
	for i := m.cur.Offset; i < end; i++ {
		e := m.entries[i]
		when := e.DeletedAt.In(m.c.Now().Location()).Format("02-01-2006 15:04")
		line := fmt.Sprintf(" %s %s  %s  %s", common.Marker(i == m.cur.Index), common.Pad(e.KindLabel(), 12),
			common.Pad(e.Label, 60), when)
		if i == m.cur.Index {
			line = s.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return common.Lines(b.String(), m.width, m.height)
}
