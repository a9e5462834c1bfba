// Package welcome is the first screen of a brand-new database: what werkbank is, and a choice between
// the demo council and starting empty with the body's name and kind.
package welcome

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

// Store is what the welcome screen needs.
type Store interface {
	LoadDemo(ctx context.Context) error
	CreateBody(ctx context.Context, b model.Body) (model.Body, error)
	Path() string
}

// KeyMap holds the welcome keys.
type KeyMap struct {
	Demo, Empty key.Binding
}

// DefaultKeyMap returns the welcome keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Demo:  key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "demo-OR laden")),
		Empty: key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "leeg beginnen")),
	}
}

// Model is the welcome screen.
type Model struct {
	c       common.Common
	st      Store
	keys    KeyMap
	form    *form.Model
	loading bool
	width   int
	height  int
}

type doneMsg struct {
	what string
	err  error
}

// New returns the welcome screen.
func New(c common.Common, st Store) *Model {
	return &Model{c: c, st: st, keys: DefaultKeyMap()}
}

func (m *Model) Init() tea.Cmd { return nil }

// Title names the screen in the tab line.
func (m *Model) Title() string { return "Welkom" }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.form != nil {
		m.form.SetWidth(w)
	}
}

func (m *Model) Capturing() bool { return m.form != nil }
func (m *Model) Unsaved() bool   { return m.form != nil && m.form.Dirty() }

func (m *Model) ShortHelp() []key.Binding {
	if m.form != nil {
		return m.form.Help()
	}
	if m.c.ReadOnly {
		return nil
	}
	return []key.Binding{m.keys.Demo, m.keys.Empty}
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case doneMsg:
		m.loading = false
		if msg.err != nil {
			if m.form != nil {
				m.form.SetError("name", common.ErrorText(msg.err))
			}
			return m, common.Error(msg.err)
		}
		m.form = nil
		return m, tea.Batch(common.Close, common.Status(msg.what))
	case form.SubmitMsg:
		kind := kindFromLabel(msg.Values["kind"])
		b := model.Body{Name: msg.Values["name"], Kind: kind, RuleSet: kind.DefaultRuleSet()}
		st := m.st
		return m, func() tea.Msg {
			_, err := st.CreateBody(context.Background(), b)
			return doneMsg{what: b.Name + " aangemaakt", err: err}
		}
	case form.CancelMsg:
		m.form = nil
		return m, nil
	case tea.KeyMsg:
		if m.form != nil {
			var cmd tea.Cmd
			m.form, cmd = m.form.Update(msg)
			return m, cmd
		}
		if m.c.ReadOnly || m.loading {
			return m, nil
		}
		switch {
		case key.Matches(msg, m.keys.Demo):
			m.loading = true
			st := m.st
			return m, func() tea.Msg {
				return doneMsg{what: "Demo-OR geladen", err: st.LoadDemo(context.Background())}
			}
		case key.Matches(msg, m.keys.Empty):
			labels := make([]string, len(model.BodyKinds))
			for i, k := range model.BodyKinds {
				labels[i] = k.Label()
			}
			m.form = form.New(m.c, "orgaan", "Uw orgaan",
				form.Text("name", "Naam", "", form.Required("naam")).WithHint("bijvoorbeeld OR Zorggroep Rivierenland"),
				form.Choice("kind", "Soort", labels[0], labels).WithHint("←/→ kiezen"))
			m.form.SetWidth(m.width)
		}
	}
	return m, nil
}

func kindFromLabel(label string) model.BodyKind {
	for _, k := range model.BodyKinds {
		if k.Label() == label {
			return k
		}
	}
	return model.KindOR
}

// View draws the welcome text and the choice, or the form for starting empty.
func (m *Model) View() string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString("\n  " + s.Title.Render("Welkom bij werkbank") + "\n\n")
	for _, l := range []string{
		"werkbank is de werkbank van de ambtelijk secretaris: agenda's, actie- en besluitenlijsten,",
		"het archief, brieven en dossiers met hun wettelijke termijnen. Alles staat in één bestand",
		"dat van u is; een kopie daarvan is een volledig archief.",
	} {
		b.WriteString("  " + l + "\n")
	}
	b.WriteString("\n  " + s.Muted.Render("Database: "+m.st.Path()) + "\n\n")
	switch {
	case m.form != nil:
		b.WriteString(m.form.View())
	case m.c.ReadOnly:
		b.WriteString("  Deze database is leeg en alleen-lezen geopend: er valt niets te tonen.\n")
	case m.loading:
		b.WriteString("  Bezig met laden…\n")
	default:
		b.WriteString("  " + s.Key.Render("d") + "  Demo-OR laden     " + s.Muted.Render("een verzonnen OR met leden en vergaderingen om mee te oefenen") + "\n")
		b.WriteString("  " + s.Key.Render("l") + "  Leeg beginnen     " + s.Muted.Render("u geeft de naam en het soort van uw orgaan op") + "\n")
	}
	b.WriteString("\n  " + s.Muted.Render("Toetsen: 1-6 wisselen van weergave · , instellingen · ? alle toetsen · q stoppen") + "\n")
	return common.Lines(b.String(), m.width, m.height)
}
