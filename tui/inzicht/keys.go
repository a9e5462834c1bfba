package inzicht

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds the keys of Inzicht. It only reads; the one key that writes (x) writes a file the user
// names, never the database, so it works in a coach copy as well.
type KeyMap struct {
	Up, Down, PageUp, PageDown, PrevYear, NextYear, Period, AllBodies, Export, Back key.Binding
}

// DefaultKeyMap returns the keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "omhoog")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "omlaag")),
		PageUp:    key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "pagina terug")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn/spatie", "pagina verder")),
		PrevYear:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "vorig jaar")),
		NextYear:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "volgend jaar")),
		Period:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "jaar/kwartaal")),
		AllBodies: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "alle organen")),
		Export:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "jaarverslag")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "terug")),
	}
}
