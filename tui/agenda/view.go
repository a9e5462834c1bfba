package agenda

import (
	"strings"

	"github.com/werkbank-nl/werkbank/tui/common"
)

// View draws the screen that is open: a form, the document picker, or one of the four screens.
func (m *Model) View() string {
	var b strings.Builder
	switch {
	case m.body.ID == 0:
		b.WriteString("\n  " + m.c.Styles.Title.Render("Agenda") + "\n\n  Nog geen orgaan: voeg er een toe in Instellingen (,) of laad de demo.\n")
	case m.form != nil:
		b.WriteString(m.form.View())
	case m.picker != nil:
		m.viewPicker(&b)
	case m.mode == modeEditor:
		m.viewEditor(&b)
	case m.mode == modeBacklog:
		m.viewBacklog(&b)
	case m.mode == modeTemplates:
		m.viewTemplates(&b)
	default:
		m.viewList(&b)
	}
	return common.Lines(strings.TrimRight(b.String(), "\n"), m.width, m.height)
}
