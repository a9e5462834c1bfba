package settings

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds the keys of Instellingen.
type KeyMap struct {
	Up, Down, NextSection, PrevSection, New, Edit, Activate, Delete, Back key.Binding
	Release, CoachCopy                                                    key.Binding
}

// DefaultKeyMap returns the keys; write keys are disabled (and so absent from help) when read-only.
func DefaultKeyMap(readOnly bool) KeyMap {
	k := KeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "omhoog")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "omlaag")),
		NextSection: key.NewBinding(key.WithKeys("tab", "right"), key.WithHelp("tab/→", "volgend onderdeel")),
		PrevSection: key.NewBinding(key.WithKeys("shift+tab", "left"), key.WithHelp("shift+tab/←", "vorig onderdeel")),
		New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "nieuw")),
		Edit:        key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e/enter", "bewerken")),
		Activate:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "actief maken")),
		Delete:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "verwijderen")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "terug")),
	}
	k.Release, k.CoachCopy = coachKeys(readOnly)
	for _, b := range []*key.Binding{&k.New, &k.Edit, &k.Activate, &k.Delete} {
		b.SetEnabled(!readOnly)
	}
	return k
}

func (m *Model) ShortHelp() []key.Binding {
	if m.form != nil {
		return m.form.Help()
	}
	k := m.keys
	if m.coach != nil {
		return nil // the dialog shows its own keys
	}
	out := []key.Binding{k.NextSection, k.New, k.Edit}
	switch m.sec {
	case secImpositions:
		out = []key.Binding{k.NextSection, k.Release, k.CoachCopy}
	case secBodies:
		out = append(out, k.Activate)
	case secMembers, secHolidays:
		out = append(out, k.Delete)
	}
	return append(out, k.Back)
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.NextSection, k.PrevSection}, {k.New, k.Edit, k.Activate, k.Delete, k.Release, k.CoachCopy, k.Back}}
}
