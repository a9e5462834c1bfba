package acties

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// KeyMap holds the keys of the Acties view. None collides with the global keys (1-6, tab, q, ?, ",", P,
// O); the lists page with pgup/pgdn and go to their ends with g/home and G/end, as the other lists do;
// the besluitenlijst is reached with B.
type KeyMap struct {
	Up, Down, Back                          key.Binding
	PageUp, PageDown, Top, Bottom           key.Binding
	Done, Busy, Postpone, Edit, New, Undo   key.Binding
	Delete, Show, Filter, History, Minutes  key.Binding
	Export, Decisions, Search, PrevY, NextY key.Binding
	Meeting                                 key.Binding
}

// DefaultKeyMap returns the keys; write keys are disabled (and so absent from help) when read-only.
func DefaultKeyMap(readOnly bool) KeyMap {
	k := KeyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "omhoog")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "omlaag")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "terug")),
		PageUp:    key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "pagina omhoog")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "pagina omlaag")),
		Top:       key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "begin")),
		Bottom:    key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "eind")),
		Done:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "gereed")),
		Busy:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "bezig")),
		Postpone:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "+1 week")),
		Edit:      key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "bewerken")),
		New:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "nieuw")),
		Undo:      key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "ongedaan")),
		Delete:    key.NewBinding(key.WithKeys("D", "delete"), key.WithHelp("D", "naar prullenbak")),
		Show:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "open/alle/te laat")),
		Filter:    key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "filter")),
		History:   key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "geschiedenis")),
		Minutes:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "notulen")),
		Export:    key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "exporteren")),
		Decisions: key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "besluiten")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "zoeken")),
		PrevY:     key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "vorig jaar")),
		NextY:     key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "volgend jaar")),
		Meeting:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "per vergadering")),
	}
	for _, b := range []*key.Binding{&k.Done, &k.Busy, &k.Postpone, &k.Edit, &k.New, &k.Undo, &k.Delete} {
		b.SetEnabled(!readOnly)
	}
	return k
}

// ShortHelp is the footer for the current screen.
func (m *Model) ShortHelp() []key.Binding {
	if m.form != nil {
		return m.form.Help()
	}
	k := m.keys
	switch {
	case m.searching:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "klaar")), m.keys.Back}
	case m.mode == modeDecisions:
		return []key.Binding{k.Search, k.PrevY, k.NextY, k.Meeting, k.Export, k.Back}
	case m.mode == modeHistory:
		return []key.Binding{k.Back}
	}
	return []key.Binding{k.Done, k.Busy, k.Postpone, k.Edit, k.Undo, k.Show, k.Filter, k.Decisions}
}

// FullHelp lists every key of the current screen.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	if m.mode == modeDecisions {
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Search, k.PrevY, k.NextY, k.Meeting},
			{k.Export, k.Minutes, k.Back}}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Show, k.Filter, k.Meeting, k.Back},
		{k.Done, k.Busy, k.Postpone, k.Undo}, {k.New, k.Edit, k.Delete, k.History}, {k.Minutes, k.Decisions, k.Export}}
}

// list is the keys that move the cursor of the actielijst and of the besluitenlijst.
func (k KeyMap) list() common.ListKeys {
	return common.ListKeys{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom}
}
