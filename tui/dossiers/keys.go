package dossiers

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// KeyMap holds the keys of Dossiers. None collides with the global keys (1-6, tab, q, ?, ",", P, O).
type KeyMap struct {
	Up, Down, Open, Back           key.Binding
	PageUp, PageDown, Top, Bottom  key.Binding
	New, Edit, Delete, EditDossier key.Binding
	Status, Kind, Bodies           key.Binding
}

// DefaultKeyMap returns the keys; write keys are disabled (and so absent from help) when read-only.
func DefaultKeyMap(readOnly bool) KeyMap {
	k := KeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "omhoog")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "omlaag")),
		PageUp:      key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "pagina terug")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "pagina verder")),
		Top:         key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "begin")),
		Bottom:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "eind")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "openen")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "terug")),
		New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "nieuw")),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "bewerken")),
		Delete:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "naar prullenbak")),
		EditDossier: key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "dossier bewerken")),
		Status:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "open/alle/gesloten")),
		Kind:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "soort")),
		Bodies:      key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "dit/alle organen")),
	}
	for _, b := range []*key.Binding{&k.New, &k.Edit, &k.Delete, &k.EditDossier} {
		b.SetEnabled(!readOnly)
	}
	return k
}

// ShortHelp is the footer: the keys of the list or of one dossier.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.form != nil:
		return m.form.Help()
	case m.picker != nil:
		return []key.Binding{k.Up, k.Down, withHelp(k.Open, "kiezen"), k.Back}
	case m.detail:
		return []key.Binding{withHelp(k.New, "gebeurtenis"), withHelp(k.Edit, "corrigeren"), k.Delete, k.EditDossier, k.Back}
	}
	return []key.Binding{k.Open, k.New, k.Status, k.Kind, k.Bodies}
}

// FullHelp lists every key of the view.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Back, k.New, k.Edit, k.Delete, k.EditDossier},
		{k.Status, k.Kind, k.Bodies},
	}
}

// withHelp is b with another description, enabled as b is.
func withHelp(b key.Binding, desc string) key.Binding {
	c := b
	c.SetHelp(b.Help().Key, desc)
	return c
}

// list is the keys that move the cursor of the list of dossiers.
func (k KeyMap) list() common.ListKeys {
	return common.ListKeys{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom}
}
