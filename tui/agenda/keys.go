package agenda

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// KeyMap holds the keys of the Agenda view. None collides with the global keys (1-6, tab, q, ?, ",",
// P, O) or with the form's keys; K/J are capitals so j/k keep moving the cursor.
type KeyMap struct {
	Up, Down, Open, Back                     key.Binding
	PageUp, PageDown, Top, Bottom            key.Binding
	New, Edit, Delete                        key.Binding
	MoveUp, MoveDown                         key.Binding
	Sent, Urgent, Export                     key.Binding
	Backlog, Series, Templates               key.Binding
	Secret, ToBacklog, Outcome, Docs, Header key.Binding
	Schedule, NextKind, PrevKind, Reset      key.Binding
	// Minutes opens minutes mode (tui/notulen) for the meeting.
	Minutes key.Binding
}

// DefaultKeyMap returns the keys; write keys are disabled (and so absent from help) when read-only.
func DefaultKeyMap(readOnly bool) KeyMap {
	k := KeyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "omhoog")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "omlaag")),
		PageUp:    key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "pagina terug")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "pagina verder")),
		Top:       key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "begin")),
		Bottom:    key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "eind")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "agenda openen")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "terug")),
		New:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "nieuw")),
		Edit:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "bewerken")),
		Delete:    key.NewBinding(key.WithKeys("D", "delete"), key.WithHelp("D", "naar prullenbak")),
		MoveUp:    key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/shift+↑", "punt omhoog")),
		MoveDown:  key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J/shift+↓", "punt omlaag")),
		Sent:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "verzonden")),
		Urgent:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "spoedeisend")),
		Export:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "exporteren")),
		Backlog:   key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "parkeerlijst")),
		Series:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reeks plannen")),
		Templates: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "standaardagenda's")),
		Secret:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "vertrouwelijk [V]")),
		ToBacklog: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "naar parkeerlijst")),
		Outcome:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "afloop")),
		Docs:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "stukken")),
		Header:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "vergadering bewerken")),
		Schedule:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "op de agenda zetten")),
		NextKind:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "volgende soort")),
		PrevKind:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "vorige soort")),
		Reset:     key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "terug naar standaard")),
		Minutes:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "notulen")),
	}
	for _, b := range []*key.Binding{&k.New, &k.Edit, &k.Delete, &k.MoveUp, &k.MoveDown, &k.Sent, &k.Urgent, &k.Series,
		&k.Secret, &k.ToBacklog, &k.Outcome, &k.Header, &k.Schedule, &k.Reset} {
		b.SetEnabled(!readOnly)
	}
	return k
}

// ShortHelp is the footer for the current screen.
func (m *Model) ShortHelp() []key.Binding {
	if m.form != nil {
		return m.form.Help()
	}
	if m.picker != nil {
		return []key.Binding{pickToggle, m.keys.Back}
	}
	k := m.keys
	switch m.mode {
	case modeEditor:
		return []key.Binding{k.New, k.Edit, k.MoveUp, k.MoveDown, k.Secret, k.Sent, k.Export, k.Back}
	case modeBacklog:
		return []key.Binding{k.Schedule, k.New, k.Edit, k.Delete, k.Back}
	case modeTemplates:
		return []key.Binding{k.NextKind, k.New, k.Edit, k.MoveUp, k.MoveDown, k.Reset, k.Back}
	}
	return []key.Binding{k.Open, k.New, k.Sent, k.Export, k.Backlog, k.Series, k.Templates}
}

// FullHelp lists every key of the current screen.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	switch m.mode {
	case modeEditor:
		return [][]key.Binding{{k.Up, k.Down, k.MoveUp, k.MoveDown}, {k.New, k.Edit, k.Delete, k.Secret, k.Docs},
			{k.ToBacklog, k.Backlog, k.Outcome, k.Header, k.Minutes}, {k.Sent, k.Urgent, k.Export, k.Back}}
	case modeBacklog:
		return [][]key.Binding{{k.Up, k.Down, k.Schedule}, {k.New, k.Edit, k.Delete, k.Back}}
	case modeTemplates:
		return [][]key.Binding{{k.Up, k.Down, k.PrevKind, k.NextKind}, {k.New, k.Edit, k.Delete, k.MoveUp, k.MoveDown, k.Reset, k.Back}}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open}, {k.New, k.Edit, k.Delete, k.Series}, {k.Sent, k.Urgent, k.Export},
		{k.Backlog, k.Templates, k.Minutes}}
}

// list is the keys that move the cursor of the meeting list.
func (k KeyMap) list() common.ListKeys {
	return common.ListKeys{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom}
}
