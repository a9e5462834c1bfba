package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// Minimum terminal size; between it and 100x30 the views degrade by cutting, never by wrapping.
const (
	minWidth  = 80
	minHeight = 24
)

var tabNames = []string{"Overzicht", "Agenda", "Acties", "Archief", "Brieven", "Dossiers"}

func (m *Model) tooSmall() bool {
	return m.width > 0 && (m.width < minWidth || m.height < minHeight)
}

// chrome is the number of lines the root draws around the active view.
func (m *Model) chrome() int {
	n := 6 // header, tabs, rule, rule, status, help
	if m.banner != "" {
		n++
	}
	return n
}

func (m *Model) resize() {
	w, h := m.width, max(m.height-m.chrome(), 1)
	for _, t := range m.tabs {
		t.SetSize(w, h)
	}
	if m.overlay != nil {
		m.overlay.SetSize(w, h)
	}
	m.help.Width = w - 2
}

// View draws header, tabs, the active view or overlay, the status line and the help line.
func (m *Model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.tooSmall() {
		msg := fmt.Sprintf(" werkbank heeft minstens %dx%d nodig; dit venster is %dx%d.\n Maak het venster groter, of druk q om te stoppen.",
			minWidth, minHeight, m.width, m.height)
		return common.Lines(msg, m.width, m.height)
	}
	s := m.c.Styles
	rule := s.Rule.Render(" " + strings.Repeat("─", m.width-2))
	lines := []string{m.header(), m.tabLine(), rule}
	if m.banner != "" {
		lines = append(lines, s.Banner.Render(common.Pad(" "+m.banner, m.width)))
	}
	h := max(m.height-m.chrome(), 1)
	var body string
	switch {
	case m.showHelp:
		body = m.fullHelp(h)
	case m.overlay != nil:
		body = m.overlay.View()
	default:
		body = m.tabs[m.active].View()
	}
	lines = append(lines, common.Lines(body, m.width, h), rule, m.statusLine(), m.shortHelp())
	return strings.Join(lines, "\n")
}

func (m *Model) header() string {
	s := m.c.Styles
	left := " " + s.Brand.Render("werkbank")
	name := "geen orgaan"
	for _, b := range m.bodies {
		if b.Active {
			name = b.Name
		}
	}
	left += "  " + s.Body.Render(name)
	if len(m.bodies) > 1 {
		left += " ▾"
	}
	today := m.c.Today()
	_, week := today.ISOWeek()
	right := s.Date.Render(fmt.Sprintf("%s · week %d ", today.Short(), week))
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return common.Cut(left, m.width)
	}
	return left + strings.Repeat(" ", gap) + right
}

// tabLine marks the active tab with brackets as well as style, so it reads without colour.
func (m *Model) tabLine() string {
	s := m.c.Styles
	parts := make([]string, len(tabNames))
	for i, n := range tabNames {
		label := fmt.Sprintf("%d %s", i+1, n)
		if i == m.active && m.overlay == nil {
			parts[i] = s.ActiveTab.Render("[" + label + "]")
		} else {
			parts[i] = s.Tab.Render(" " + label + " ")
		}
	}
	line := " " + strings.Join(parts, " ")
	if m.overlay != nil {
		line += "  " + s.ActiveTab.Render("· "+overlayTitle(m.overlay))
	}
	return common.Cut(line, m.width)
}

func overlayTitle(s screen) string {
	if t, ok := s.(interface{ Title() string }); ok {
		return t.Title()
	}
	return ""
}

func (m *Model) statusLine() string {
	s := m.c.Styles
	switch {
	case m.status == "":
		return ""
	case m.statusErr:
		return common.Cut(" "+s.StatusErr.Render("✗ "+m.status), m.width)
	case m.confirmQuit:
		return common.Cut(" "+s.Warn.Render("? "+m.status), m.width)
	}
	return common.Cut(" "+s.StatusOK.Render("✓ "+m.status), m.width)
}

func (m *Model) shortHelp() string {
	bindings := append(append([]key.Binding{}, m.current().ShortHelp()...), m.keys.ShortHelp()...)
	return " " + m.help.ShortHelpView(bindings)
}

func (m *Model) fullHelp(height int) string {
	s := m.c.Styles
	out := "\n " + s.Title.Render("Alle toetsen") + s.Muted.Render("  (? of esc sluit)") + "\n\n"
	if groups := m.current().FullHelp(); len(groups) > 0 {
		out += " " + s.Heading.Render("In deze weergave") + "\n " + strings.ReplaceAll(m.help.FullHelpView(groups), "\n", "\n ") + "\n\n"
	}
	out += " " + s.Heading.Render("Overal") + "\n " + strings.ReplaceAll(m.help.FullHelpView(m.keys.FullHelp()), "\n", "\n ")
	return common.Lines(out, m.width, height)
}
