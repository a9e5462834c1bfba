package brieven

import (
	"strings"

	"github.com/werkbank-nl/werkbank/tui/common"
)

// View draws the screen that is open, with a yes/no question on its last line.
func (m *Model) View() string {
	var b strings.Builder
	s := m.c.Styles
	switch {
	case m.body.ID == 0:
		b.WriteString("\n  " + s.Title.Render("Brieven") + "\n\n  Nog geen orgaan: voeg er een toe in Instellingen (,) of laad de demo.\n")
	case m.form != nil:
		b.WriteString(m.form.View())
	case m.mode == modeTemplates:
		m.viewTemplates(&b)
	case m.mode == modeDossiers:
		m.viewDossiers(&b)
	case m.mode == modeLetter:
		m.viewLetter(&b)
	case m.mode == modeEdit:
		m.viewEdit(&b)
	case m.mode == modeFields:
		m.viewFields(&b)
	case m.mode == modeVersions:
		m.viewVersions(&b)
	case m.mode == modeText:
		m.viewText(&b)
	default:
		m.viewList(&b)
	}
	out := common.Lines(strings.TrimRight(b.String(), "\n"), m.width, m.height)
	if m.confirm != nil {
		lines := strings.Split(out, "\n")
		lines[len(lines)-1] = common.Pad(" "+s.Warn.Render("? "+m.confirm.question), m.width)
		out = strings.Join(lines, "\n")
	}
	return out
}

func (m *Model) viewEdit(b *strings.Builder) {
	s := m.c.Styles
	title := "Bewerken · " + m.cur.TemplateName
	if t := m.editing.template; t != nil {
		title = "Sjabloon bewerken · " + t.Name
	}
	changed := ""
	if m.editor.Value() != m.editOrig {
		changed = " · gewijzigd"
	}
	b.WriteString(" " + s.Title.Render(title) + s.Muted.Render(changed) + "\n")
	b.WriteString(s.Muted.Render(" Velden staan als {{naam}}; bovenaan de regels Betreft:, Uw kenmerk:, Bijlagen: en Cc:") + "\n")
	for _, l := range strings.Split(m.editor.View(), "\n") {
		b.WriteString("  " + l + "\n")
	}
	if m.editErr != "" {
		b.WriteString(" " + s.Bad.Render("✗ "+m.editErr) + "\n")
	} else {
		b.WriteString(" " + s.Muted.Render("ctrl+s opslaan als nieuwe versie · esc annuleren") + "\n")
	}
}
