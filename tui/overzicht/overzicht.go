// Package overzicht is view 1, Overzicht: every legal term that is due or just expired, from dossiers and
// meetings, sorted by date with how far away it is in words and its article, and the next meetings.
// enter on a term opens the dossier or meeting it belongs to.
package overzicht

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// Store is what Overzicht needs of the database.
type Store interface {
	Bodies(ctx context.Context) ([]model.Body, error)
	Termijnen(ctx context.Context, bodyID int64, today model.Date) (dossier.Overview, error)
	ActionsDue(ctx context.Context, bodyID int64, today model.Date) (model.ActionsDue, error)
	ExpiredImpositions(ctx context.Context, bodyID int64, today model.Date) ([]model.Imposition, error)
}

// KeyMap holds the keys of Overzicht.
type KeyMap struct {
	Up, Down, Open, Inzicht key.Binding
}

// DefaultKeyMap returns the keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "omhoog")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "omlaag")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "naar dossier of vergadering")),
		Inzicht: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "inzicht")),
	}
}

// Model is the Overzicht view.
type Model struct {
	c      common.Common
	st     Store
	keys   KeyMap
	ov     dossier.Overview
	due    model.ActionsDue
	exp    []model.Imposition
	body   model.Body
	loaded bool
	seq    int
	cur    common.Cursor
	width  int
	height int
}

type loadedMsg struct {
	seq  int
	body model.Body
	ov   dossier.Overview
	due  model.ActionsDue
	exp  []model.Imposition
	err  error
}

// New returns the Overzicht view.
func New(c common.Common, st Store) *Model {
	return &Model{c: c, st: st, keys: DefaultKeyMap()}
}

func load(st Store, seq int, today model.Date) tea.Cmd {
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
		if msg.ov, msg.err = st.Termijnen(ctx, msg.body.ID, today); msg.err != nil {
			return msg
		}
		if msg.due, msg.err = st.ActionsDue(ctx, msg.body.ID, today); msg.err != nil {
			return msg
		}
		msg.exp, msg.err = st.ExpiredImpositions(ctx, msg.body.ID, today)
		return msg
	}
}

func (m *Model) Init() tea.Cmd {
	m.seq++
	return load(m.st, m.seq, m.c.Today())
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.cur.Clamp(len(m.ov.Items), m.listRows())
}

func (m *Model) Capturing() bool { return false }
func (m *Model) Unsaved() bool   { return false }

func (m *Model) ShortHelp() []key.Binding { return []key.Binding{m.keys.Open, m.keys.Inzicht} }
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.Open, m.keys.Inzicht}}
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
		m.body, m.ov, m.due, m.exp, m.loaded = msg.body, msg.ov, msg.due, msg.exp, true
		m.cur.Clamp(len(m.ov.Items), m.listRows())
	case common.ReloadMsg, common.BodyChangedMsg:
		return m, m.Init()
	case common.SwitchTabMsg:
		if msg.Tab == common.TabOverzicht {
			return m, m.Init()
		}
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.cur.Move(-1, len(m.ov.Items), m.listRows())
	case key.Matches(msg, k.Down):
		m.cur.Move(1, len(m.ov.Items), m.listRows())
	case key.Matches(msg, k.Inzicht):
		return m, common.Open(common.ScreenInzicht)
	case key.Matches(msg, k.Open) && len(m.ov.Items) > 0:
		it := m.ov.Items[m.cur.Index]
		switch it.Source {
		case dossier.SourceDossier:
			return m, common.SwitchTab(common.TabDossiers, it.DossierID)
		case dossier.SourceMeeting:
			return m, common.SwitchTab(common.TabAgenda, it.MeetingID)
		default:
			return m, common.SwitchTab(common.TabAgenda, 0)
		}
	}
	return m, nil
}
