package acties

import (
	"strings"

	"github.com/werkbank-nl/werkbank/tui/common"
)

// View draws the screen that is open: a form, the actielijst, the besluitenlijst or a history.
func (m *Model) View() string {
	var b strings.Builder
	switch {
	case m.body.ID == 0:
		b.WriteString("\n  " + m.c.Styles.Title.Render("Acties") + "\n\n  Nog geen orgaan: voeg er een toe in Instellingen (,) of laad de demo.\n")
	case m.form != nil:
		b.WriteString(m.form.View())
	case m.mode == modeDecisions:
		m.viewDecisions(&b)
	case m.mode == modeHistory:
		m.viewHistory(&b)
	default:
		m.viewActions(&b)
	}
	return common.Lines(strings.TrimRight(b.String(), "\n"), m.width, m.height)
}
