// Package inzicht is the Inzicht overlay: how the council works, in figures, per year or quarter, for
// the active body or all bodies (agendas on time, meetings and art 24, actions, dossiers, letters,
// confidentiality, training). It only reads, so it shows the same in a coach copy; x writes the
// jaarverslag to a file.
package inzicht

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/inzicht"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// Store is what Inzicht needs of the database.
type Store interface {
	Bodies(ctx context.Context) ([]model.Body, error)
	Inzicht(ctx context.Context, bodyID int64, p inzicht.Period, today model.Date) (inzicht.Figures, error)
	ExportJaarverslag(ctx context.Context, bodyID int64, year int, format, path string) error
}

// Model is the Inzicht view.
type Model struct {
	c      common.Common
	st     Store
	keys   KeyMap
	period inzicht.Period
	all    bool
	body   model.Body
	fig    inzicht.Figures
	loaded bool
	seq    int
	offset int
	width  int
	height int
	// export is the file name prompt of the jaarverslag; nil when closed.
	export *textinput.Model
}

type loadedMsg struct {
	seq  int
	body model.Body
	fig  inzicht.Figures
	err  error
}

type exportedMsg struct {
	path string
	err  error
}

// New returns the view for the current year.
func New(c common.Common, st Store) *Model {
	return &Model{c: c, st: st, keys: DefaultKeyMap(), period: inzicht.Year(c.Today().Year())}
}

func (m *Model) Title() string { return "Inzicht" }

// Figures are the figures on screen (the same value `werkbank inzicht --json` prints).
func (m *Model) Figures() inzicht.Figures { return m.fig }

func load(st Store, seq int, p inzicht.Period, all bool, today model.Date) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := loadedMsg{seq: seq}
		bodies, err := st.Bodies(ctx)
		if err != nil {
			msg.err = err
			return msg
		}
		for _, b := range bodies {
			if b.Active {
				msg.body = b
			}
		}
		if msg.body.ID == 0 {
			return msg
		}
		id := msg.body.ID
		if all {
			id = 0
		}
		msg.fig, msg.err = st.Inzicht(ctx, id, p, today)
		return msg
	}
}

func exportJaarverslag(st Store, bodyID int64, year int, path string) tea.Cmd {
	return func() tea.Msg {
		format := strings.TrimPrefix(filepath.Ext(path), ".")
		return exportedMsg{path: path, err: st.ExportJaarverslag(context.Background(), bodyID, year, format, path)}
	}
}

func (m *Model) Init() tea.Cmd {
	m.seq++
	return load(m.st, m.seq, m.period, m.all, m.c.Today())
}

func (m *Model) SetSize(w, h int) { m.width, m.height = w, h; m.clamp() }

func (m *Model) Capturing() bool { return m.export != nil }
func (m *Model) Unsaved() bool   { return false }

func (m *Model) ShortHelp() []key.Binding {
	if m.export != nil {
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "opslaan")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "annuleren")),
		}
	}
	k := m.keys
	return []key.Binding{k.PrevYear, k.NextYear, k.Period, k.AllBodies, k.Export, k.Back}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.PrevYear, k.NextYear, k.Period, k.AllBodies, k.Export, k.Back}}
}

func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		m.body, m.fig, m.loaded = msg.body, msg.fig, true
		m.clamp()
	case exportedMsg:
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		return m, common.Status("Jaarverslag opgeslagen in " + msg.path)
	case common.ReloadMsg, common.BodyChangedMsg:
		return m, m.Init()
	case tea.KeyMsg:
		if m.export != nil {
			return m.promptKey(msg)
		}
		return m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	page := max(m.rows()-1, 1)
	switch {
	case key.Matches(msg, k.Back):
		return m, common.Close
	case key.Matches(msg, k.Up):
		m.offset--
	case key.Matches(msg, k.Down):
		m.offset++
	case key.Matches(msg, k.PageUp):
		m.offset -= page
	case key.Matches(msg, k.PageDown):
		m.offset += page
	case key.Matches(msg, k.PrevYear):
		m.period.Year--
		return m, m.Init()
	case key.Matches(msg, k.NextYear):
		m.period.Year++
		return m, m.Init()
	case key.Matches(msg, k.Period):
		m.period = m.period.Next()
		return m, m.Init()
	case key.Matches(msg, k.AllBodies):
		m.all = !m.all
		return m, m.Init()
	case key.Matches(msg, k.Export):
		if m.body.ID == 0 {
			return m, nil
		}
		in := textinput.New()
		in.Prompt = ""
		in.CharLimit = 500
		in.SetValue(fmt.Sprintf("jaarverslag-%d.docx", m.period.Year))
		in.CursorEnd()
		in.Focus()
		m.export = &in
		return m, textinput.Blink
	}
	m.clamp()
	return m, nil
}

// promptKey edits the file name of the jaarverslag; the extension chooses the format.
func (m *Model) promptKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.export = nil
		return m, nil
	case "enter":
		path := strings.TrimSpace(m.export.Value())
		m.export = nil
		if path == "" {
			return m, nil
		}
		return m, exportJaarverslag(m.st, m.body.ID, m.period.Year, path)
	}
	in, cmd := m.export.Update(msg)
	m.export = &in
	return m, cmd
}
