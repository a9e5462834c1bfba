package inzicht

import (
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/tui/common"
)

// rows is how many report lines fit under the header line (and the prompt, when open).
func (m *Model) rows() int {
	n := m.height - 2
	if m.export != nil {
		n -= 2
	}
	return max(n, 1)
}

func (m *Model) report() []string { return Report(m.fig, m.c.Styles, m.width) }

func (m *Model) clamp() {
	m.offset = min(max(m.offset, 0), max(len(m.report())-m.rows(), 0))
}

// View draws a header with the period and the bodies, then the report from the scroll offset.
func (m *Model) View() string {
	s := m.c.Styles
	if !m.loaded {
		return common.Lines("", m.width, m.height)
	}
	if m.body.ID == 0 {
		return common.Lines("\n  Nog geen orgaan: voeg er een toe in Instellingen (,).", m.width, m.height)
	}
	who := m.body.Name
	if m.all {
		who = "alle organen (" + strings.Join(m.fig.Bodies, ", ") + ")"
	}
	period := "jaar"
	if m.period.Quarter > 0 {
		period = "kwartaal"
	}
	head := " " + s.Title.Render("Inzicht "+m.fig.Label) + "  " + who + "  " +
		s.Muted.Render("‹ "+period+" · "+m.fig.From.DayMonth()+" – "+m.fig.To.DayMonth()+" ›")
	lines := []string{common.Cut(head, m.width)}
	all := m.report()
	end := min(m.offset+m.rows(), len(all))
	lines = append(lines, all[m.offset:end]...)
	for len(lines) < m.rows()+1 {
		lines = append(lines, "")
	}
	more := ""
	if end < len(all) {
		more = s.Muted.Render(" ↓ meer (" + common.Count(len(all)-end, "regel", "regels") + ")")
	}
	lines = append(lines, more)
	if m.export != nil {
		lines = append(lines, "", " Jaarverslag "+fmt.Sprint(m.period.Year)+" opslaan als (.md, .docx of .pdf): "+m.export.View())
	}
	return common.Lines(strings.Join(lines, "\n"), m.width, m.height)
}
