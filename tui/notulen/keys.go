package notulen

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds the keys of minutes mode. None collides with the global keys (q, ?, ",", P, O, ctrl+c).
type KeyMap struct {
	Up, Down, Back, Notes, Decision, Action         key.Binding
	Treated, Carry, Backlog, Clear, Attendance      key.Binding
	Toggle, AllPresent, Verslag, Approve, Save, Esc key.Binding
}

// DefaultKeyMap returns the keys; write keys are disabled (and absent from help) when read-only.
func DefaultKeyMap(readOnly bool) KeyMap {
	k := KeyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "vorig punt")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "volgend punt")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "sluiten")),
		Notes:      key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter", "notities")),
		Decision:   key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "besluit")),
		Action:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "actie")),
		Treated:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "behandeld")),
		Carry:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "doorschuiven")),
		Backlog:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "parkeerlijst")),
		Clear:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "afloop wissen")),
		Attendance: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "aanwezigheid")),
		Toggle:     key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("enter", "aanwezig/afwezig/onbekend")),
		AllPresent: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "rest aanwezig")),
		Verslag:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "verslag maken")),
		Approve:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "vaststellen")),
		Save:       key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "opslaan")),
		Esc:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "annuleren")),
	}
	for _, b := range []*key.Binding{&k.Notes, &k.Decision, &k.Action, &k.Treated, &k.Carry, &k.Backlog, &k.Clear, &k.Toggle,
		&k.AllPresent, &k.Approve} {
		b.SetEnabled(!readOnly)
	}
	return k
}

// ShortHelp is the footer for the current screen.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.form != nil:
		return m.form.Help()
	case m.editing:
		return []key.Binding{k.Save, k.Esc}
	case m.quick != stepNone:
		return []key.Binding{k.Esc}
	case m.mode == modeAttendance:
		return []key.Binding{k.Toggle, k.AllPresent, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "terug"))}
	}
	return []key.Binding{k.Notes, k.Decision, k.Action, k.Treated, k.Carry, k.Attendance, k.Verslag, k.Back}
}

// FullHelp lists every key of minutes mode.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.Notes}, {k.Decision, k.Action}, {k.Treated, k.Carry, k.Backlog, k.Clear},
		{k.Attendance, k.Verslag, k.Approve, k.Back}}
}
