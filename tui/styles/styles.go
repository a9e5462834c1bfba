// Package styles holds werkbank's one palette and the Styles built from it once and passed down.
package styles

import "github.com/charmbracelet/lipgloss"

// Palette: adaptive colours that read on light and dark terminals. State is never signalled by colour
// alone; every coloured state also has a text marker.
var (
	accent  = lipgloss.AdaptiveColor{Light: "#1F5FAD", Dark: "#7AB8FF"}
	muted   = lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#9A9A9A"}
	okColor = lipgloss.AdaptiveColor{Light: "#1E7B34", Dark: "#6CD38A"}
	warn    = lipgloss.AdaptiveColor{Light: "#9A5B00", Dark: "#F0B45A"}
	bad     = lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF7B72"}
	banner  = lipgloss.AdaptiveColor{Light: "#FFF4CE", Dark: "#5C4B00"}
)

// Styles is every style werkbank draws with.
type Styles struct {
	App       lipgloss.Style
	Brand     lipgloss.Style
	Body      lipgloss.Style
	Date      lipgloss.Style
	Tab       lipgloss.Style
	ActiveTab lipgloss.Style
	Rule      lipgloss.Style
	Banner    lipgloss.Style
	StatusOK  lipgloss.Style
	StatusErr lipgloss.Style
	Help      lipgloss.Style
	Title     lipgloss.Style
	Heading   lipgloss.Style
	Muted     lipgloss.Style
	Selected  lipgloss.Style
	OK        lipgloss.Style
	Warn      lipgloss.Style
	Bad       lipgloss.Style
	Key       lipgloss.Style
	Box       lipgloss.Style
	Label     lipgloss.Style
}

// New builds the styles.
func New() Styles {
	return Styles{
		App:       lipgloss.NewStyle(),
		Brand:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Body:      lipgloss.NewStyle().Bold(true),
		Date:      lipgloss.NewStyle().Foreground(muted),
		Tab:       lipgloss.NewStyle().Foreground(muted),
		ActiveTab: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Rule:      lipgloss.NewStyle().Foreground(muted),
		Banner:    lipgloss.NewStyle().Bold(true).Background(banner),
		StatusOK:  lipgloss.NewStyle().Foreground(okColor),
		StatusErr: lipgloss.NewStyle().Bold(true).Foreground(bad),
		Help:      lipgloss.NewStyle().Foreground(muted),
		Title:     lipgloss.NewStyle().Bold(true),
		Heading:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Muted:     lipgloss.NewStyle().Foreground(muted),
		Selected:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		OK:        lipgloss.NewStyle().Foreground(okColor),
		Warn:      lipgloss.NewStyle().Foreground(warn),
		Bad:       lipgloss.NewStyle().Bold(true).Foreground(bad),
		Key:       lipgloss.NewStyle().Bold(true),
		Box:       lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(muted).Padding(0, 1),
		Label:     lipgloss.NewStyle().Foreground(muted),
	}
}
