package settings

import (
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/tui/common"
)

// View draws the section tabs and the selected section's list, or the open form.
func (m *Model) View() string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(" " + s.Title.Render("Instellingen") + "  ")
	for i, n := range sectionNames {
		if section(i) == m.sec {
			b.WriteString(s.ActiveTab.Render("["+n+"]") + " ")
		} else {
			b.WriteString(s.Tab.Render(" "+n+" ") + " ")
		}
	}
	b.WriteString("\n\n")
	if m.form != nil {
		b.WriteString(m.form.View())
		return common.Lines(b.String(), m.width, m.height)
	}
	if m.coach != nil {
		m.viewCoach(&b)
		return common.Lines(b.String(), m.width, m.height)
	}
	switch m.sec {
	case secBodies:
		m.viewBodies(&b)
	case secBestuurder:
		m.viewBestuurder(&b)
	case secMembers:
		m.viewMembers(&b)
	case secHolidays:
		m.viewHolidays(&b)
	case secImpositions:
		m.viewImpositions(&b)
	}
	return common.Lines(b.String(), m.width, m.height)
}

func (m *Model) row(b *strings.Builder, i int, line string) {
	line = " " + common.Marker(i == m.cur.Index) + " " + line
	if i == m.cur.Index {
		line = m.c.Styles.Selected.Render(line)
	}
	b.WriteString(common.Cut(line, m.width) + "\n")
}

func (m *Model) viewBodies(b *strings.Builder) {
	s := m.c.Styles
	if len(m.bodies) == 0 {
		b.WriteString("   Nog geen orgaan. Druk n om er een toe te voegen.\n")
		return
	}
	b.WriteString(s.Muted.Render(fmt.Sprintf("   %-36s %-26s %-8s %s", "naam", "soort", "regeling", "")) + "\n")
	for i, body := range m.bodies {
		active := ""
		if body.Active {
			active = "(actief)"
		}
		m.row(b, i, fmt.Sprintf("%s %s %s %s", common.Pad(body.Name, 36), common.Pad(body.Kind.Label(), 26),
			common.Pad(string(body.RuleSet), 8), active))
	}
}

func (m *Model) viewBestuurder(b *strings.Builder) {
	s := m.c.Styles
	body := m.activeBody()
	if body.ID == 0 {
		b.WriteString("   Nog geen orgaan: voeg eerst een orgaan toe.\n")
		return
	}
	if m.bestuurder.ID == 0 {
		b.WriteString(fmt.Sprintf("   %s heeft nog geen bestuurder. Druk n of e om die in te vullen.\n", body.Name))
		return
	}
	bs := m.bestuurder
	for _, kv := range [][2]string{{"naam", bs.Name}, {"functie", bs.Title}, {"aanhef", salutationLabel(bs.Salutation)}, {"e-mail", bs.Email}} {
		b.WriteString("   " + s.Label.Render(common.Pad(kv[0], 12)) + kv[1] + "\n")
	}
}

func (m *Model) viewMembers(b *strings.Builder) {
	s := m.c.Styles
	body := m.activeBody()
	if body.ID == 0 {
		b.WriteString("   Nog geen orgaan: voeg eerst een orgaan toe.\n")
		return
	}
	if len(m.members) == 0 {
		b.WriteString(fmt.Sprintf("   %s heeft nog geen leden. Druk n om een lid toe te voegen.\n", body.Name))
		return
	}
	b.WriteString(s.Muted.Render(fmt.Sprintf("   %-26s %-15s %-27s %s", "naam", "rol", "zittingstermijn", "e-mail")) + "\n")
	end := min(m.cur.Offset+m.listRows(), len(m.members))
	for i := m.cur.Offset; i < end; i++ {
		mem := m.members[i]
		term := "-"
		if !mem.TermStart.IsZero() || !mem.TermEnd.IsZero() {
			term = mem.TermStart.Compact() + " – " + mem.TermEnd.Compact()
		}
		m.row(b, i, fmt.Sprintf("%s %s %s %s", common.Pad(mem.Name, 26), common.Pad(string(mem.Role), 15), common.Pad(term, 27), mem.Email))
	}
}
