package common

import tea "github.com/charmbracelet/bubbletea"

// Tab numbers, as the root orders its views (0-based; the keys 1..6 show them).
const (
	TabOverzicht = iota
	TabAgenda
	TabActies
	TabArchief
	TabBrieven
	TabDossiers
)

// SwitchTabMsg asks the root to show tab Tab; the root then hands the message to every view, so the
// view on that tab can open item ID (a dossier, a meeting). ID 0 opens nothing in particular.
type SwitchTabMsg struct {
	Tab int
	ID  int64
}

// SwitchTab returns a command that shows tab and opens id there.
func SwitchTab(tab int, id int64) tea.Cmd {
	return func() tea.Msg { return SwitchTabMsg{Tab: tab, ID: id} }
}
