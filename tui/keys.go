package tui

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds the global keys. They act only while no text input has focus.
type KeyMap struct {
	Tabs      []key.Binding
	Next      key.Binding
	Prev      key.Binding
	Help      key.Binding
	Quit      key.Binding
	ForceQuit key.Binding
	Suspend   key.Binding
	Settings  key.Binding
	Bin       key.Binding
	Body      key.Binding
}

// DefaultKeyMap returns the global keys.
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "volgende")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "vorige")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "alle toetsen")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "stoppen")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "stoppen")),
		Suspend:   key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "pauzeren")),
		Settings:  key.NewBinding(key.WithKeys(","), key.WithHelp(",", "instellingen")),
		Bin:       key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "prullenbak")),
		Body:      key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "ander orgaan")),
	}
	for i, name := range tabNames {
		n := string(rune('1' + i))
		k.Tabs = append(k.Tabs, key.NewBinding(key.WithKeys(n), key.WithHelp(n, name)))
	}
	return k
}

// ShortHelp is the global part of the footer.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// FullHelp is the global part of the help screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		append([]key.Binding{}, k.Tabs...),
		{k.Next, k.Prev, k.Body, k.Settings, k.Bin},
		{k.Help, k.Quit, k.ForceQuit, k.Suspend},
	}
}
