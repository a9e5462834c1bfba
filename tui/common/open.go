package common

import tea "github.com/charmbracelet/bubbletea"

// Screen names an overlay a view can ask the root to open; the root knows how to build each one.
type Screen string

// ScreenInzicht is Inzicht: the council's figures, opened from Overzicht.
const ScreenInzicht Screen = "inzicht"

// OpenMsg asks the root to open the overlay Screen over the tabs.
type OpenMsg struct{ Screen Screen }

// Open returns a command that asks the root to open screen.
func Open(screen Screen) tea.Cmd {
	return func() tea.Msg { return OpenMsg{Screen: screen} }
}
