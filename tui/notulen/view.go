package notulen

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// View draws minutes mode: the meeting, its items with what was recorded, and the selected item.
func (m *Model) View() string {
	var b strings.Builder
	switch {
	case !m.loaded:
		b.WriteString("\n  Notulen laden…\n")
	case m.form != nil:
		b.WriteString(m.form.View())
	case m.mode == modeAttendance:
		m.header(&b)
		m.viewAttendance(&b)
	default:
		m.header(&b)
		m.viewItems(&b)
	}
	return common.Lines(strings.TrimRight(b.String(), "\n"), m.width, m.height)
}

func (m *Model) header(b *strings.Builder) {
	s := m.c.Styles
	mt := m.meeting
	left := fmt.Sprintf(" %s  %s  %s  %s–%s", s.Title.Render("Notulen"), mt.Kind.Label(), mt.Date.Short(), mt.Start, mt.End)
	status := "verslag: concept"
	switch {
	case mt.Status == model.MeetingCancelled:
		status = "geannuleerd: geen besluiten"
	case m.approval.Approved(mt.Kind):
		status = "verslag: " + m.approval.StatusText(mt.Kind)
	}
	b.WriteString(spread(left, status+" ", m.width) + "\n")
	var pres, abs, unk int
	for _, a := range m.attendance {
		switch a.Presence {
		case model.PresencePresent:
			pres++
		case model.PresenceAbsent:
			abs++
		default:
			unk++
		}
	}
	line := fmt.Sprintf(" aanwezig %d · afwezig %d · niet vastgelegd %d", pres, abs, unk)
	line += fmt.Sprintf(" · %s · %s", common.Count(len(m.decisions), "besluit", "besluiten"), common.Count(len(m.actions), "nieuwe actie", "nieuwe acties"))
	if missing := m.approval.Missing(mt.Kind); len(missing) > 0 && mt.Kind == model.MeetingOV {
		var who []string
		for _, p := range missing {
			who = append(who, p.Label())
		}
		line += " · vast te stellen door " + strings.Join(who, " en ") + " (art 23a)"
	}
	b.WriteString(s.Muted.Render(common.Cut(line, m.width)) + "\n")
}

func (m *Model) viewItems(b *strings.Builder) {
	s := m.c.Styles
	b.WriteString(s.Muted.Render(fmt.Sprintf("   %-3s %-44s %-14s %-9s %-9s %s", "nr", "onderwerp", "afloop", "notities", "besluiten", "acties")) + "\n")
	if len(m.items) == 0 {
		b.WriteString("   Deze vergadering heeft geen agendapunten.\n")
	}
	end := min(m.cur.Offset+m.itemRows(), len(m.items))
	for i := m.cur.Offset; i < end; i++ {
		it := m.items[i]
		notes := ""
		if strings.TrimSpace(it.Notes) != "" {
			notes = "✓"
		}
		nd, na := m.countFor(it.ID)
		title := it.Title
		if it.ImpositionID != 0 {
			title += " [V]"
		}
		line := fmt.Sprintf("%-3d %s %s %s %s %s", it.Position, common.Pad(title, 44), common.Pad(outcomeText(it.Outcome), 14),
			common.Pad(notes, 9), common.Pad(countText(nd), 9), countText(na))
		line = " " + common.Marker(i == m.cur.Index) + " " + line
		if i == m.cur.Index {
			line = s.Selected.Render(common.Cut(line, m.width))
		}
		b.WriteString(common.Cut(line, m.width) + "\n")
	}
	b.WriteString(s.Rule.Render(" "+strings.Repeat("─", max(m.width-2, 0))) + "\n")
	switch {
	case m.editing:
		it, _ := m.selected()
		b.WriteString(fmt.Sprintf(" %s bij punt %d: %s  %s\n", s.Title.Render("Notities"), it.Position, it.Title,
			s.Muted.Render("ctrl+s opslaan · esc annuleren")))
		b.WriteString(m.notes.View() + "\n")
	case m.quick != stepNone:
		b.WriteString(m.quickView() + "\n")
	default:
		m.itemDetail(b)
	}
}

func countText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func outcomeText(o model.ItemOutcome) string {
	if o == model.OutcomeNone {
		return "-"
	}
	return string(o)
}

func (m *Model) countFor(itemID int64) (decisions, actions int) {
	for _, d := range m.decisions {
		if d.AgendaItemID == itemID {
			decisions++
		}
	}
	for _, a := range m.actions {
		if a.AgendaItemID == itemID {
			actions++
		}
	}
	return
}

// itemDetail shows the selected item: its notes, decisions and actions; for the actielijst the open
// actions as they stood on the meeting's date.
func (m *Model) itemDetail(b *strings.Builder) {
	s := m.c.Styles
	it, ok := m.selected()
	if !ok {
		return
	}
	b.WriteString(fmt.Sprintf(" %s %s\n", s.Title.Render(fmt.Sprintf("%d. %s", it.Position, it.Title)), s.Muted.Render("("+string(it.Purpose)+")")))
	var lines []string
	if n := strings.TrimSpace(it.Notes); n != "" {
		for _, l := range strings.Split(n, "\n") {
			lines = append(lines, "   "+l)
		}
	} else {
		lines = append(lines, "   "+s.Muted.Render("nog geen notities (enter)"))
	}
	for _, d := range m.decisions {
		if d.AgendaItemID == it.ID {
			lines = append(lines, "   besluit "+d.Number()+": "+d.Text)
		}
	}
	for _, a := range m.actions {
		if a.AgendaItemID == it.ID {
			due := "zonder datum"
			if !a.Due.IsZero() {
				due = a.Due.Weekday2() + " " + a.Due.DayMonth()
			}
			lines = append(lines, fmt.Sprintf("   actie %s: %s (%s, %s)", a.Number(), a.Description, a.Owner, due))
		}
	}
	if it.Role == model.RoleActionList || strings.Contains(strings.ToLower(it.Title), "actielijst") {
		lines = append(lines, m.actionListLines()...)
	}
	room := max(m.height-m.itemRows()-6, 1)
	if len(lines) > room {
		lines = append(lines[:room-1], s.Muted.Render(fmt.Sprintf("   … en nog %d regels", len(lines)-room+1)))
	}
	for _, l := range lines {
		b.WriteString(common.Cut(l, m.width) + "\n")
	}
}

// actionListLines is the actielijst as it stood on the meeting's date (wor.md worked example 8).
func (m *Model) actionListLines() []string {
	s := m.c.Styles
	day := m.meeting.Date
	late := 0
	for _, a := range m.actionList {
		if a.OverdueDays(day) > 0 {
			late++
		}
	}
	out := []string{s.Heading.Render(fmt.Sprintf("   actielijst per %s: %d open, %d te laat", day.Short(), len(m.actionList), late))}
	for _, a := range m.actionList {
		due := "geen datum"
		if !a.Due.IsZero() {
			due = a.Due.DayMonth()
		}
		line := fmt.Sprintf("   %-5s %s %s %-7s %s", a.Number(), common.Pad(a.Description, 40), common.Pad(a.Owner, 14), due,
			model.LateText(a.OverdueDays(day)))
		if a.OverdueDays(day) > 0 {
			line = s.Bad.Render(line)
		}
		out = append(out, line)
	}
	return out
}

func (m *Model) viewAttendance(b *strings.Builder) {
	s := m.c.Styles
	b.WriteString(" " + s.Title.Render("Aanwezigheid") + "  " + s.Muted.Render("enter wisselt aanwezig/afwezig/niet vastgelegd · A: de rest aanwezig") + "\n")
	if len(m.attendance) == 0 {
		b.WriteString("   Dit orgaan heeft nog geen leden (Instellingen, ,).\n")
	}
	end := min(m.acur.Offset+max(m.height-4, 1), len(m.attendance))
	for i := m.acur.Offset; i < end; i++ {
		a := m.attendance[i]
		p := presenceText(a.Presence)
		if a.Note != "" {
			p += " (" + a.Note + ")"
		}
		line := fmt.Sprintf("%s %s %s", common.Pad(a.Name, 28), common.Pad(string(a.Role), 15), p)
		line = " " + common.Marker(i == m.acur.Index) + " " + line
		if i == m.acur.Index {
			line = s.Selected.Render(line)
		}
		b.WriteString(common.Cut(line, m.width) + "\n")
	}
}

func spread(left, right string, width int) string {
	lw := ansi.StringWidth(left)
	gap := width - lw - ansi.StringWidth(right)
	if gap < 1 {
		return common.Cut(left+" "+common.Cut(right, max(width-lw-1, 0)), width)
	}
	return left + strings.Repeat(" ", gap) + right
}
