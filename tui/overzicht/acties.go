package overzicht

import (
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// maxActions is how many actions each group shows; the rest is counted.
const maxActions = 4

// actions is the Acties block of the side column: open actions past their date (how many days, in
// words) and those due this week.
func (m *Model) actions() []string {
	s := m.c.Styles
	out := []string{s.Title.Render("Acties")}
	if len(m.due.Overdue) == 0 && len(m.due.ThisWeek) == 0 {
		return append(out, s.Muted.Render("niets te laat, niets deze week"), "")
	}
	today := m.c.Today()
	group := func(title string, list []model.Action, total int, late bool) {
		if len(list) == 0 {
			return
		}
		total = max(total, len(list))
		head := fmt.Sprintf("%s (%d)", title, total)
		if late {
			head = s.Bad.Render("✗ " + head)
		}
		out = append(out, head)
		shown := list[:min(len(list), maxActions)]
		whens := make([]string, len(shown))
		w := 9 // "vr 28 nov"
		if late {
			w = 7 // "12 dgn", "128 dgn"; an action imported from an old list can be later still
		}
		for i, a := range shown {
			whens[i] = a.Due.Weekday2() + " " + a.Due.DayMonth()
			if late {
				whens[i] = fmt.Sprintf("%d dgn", a.OverdueDays(today))
			}
			w = max(w, len([]rune(whens[i])))
		}
		for i, a := range shown {
			out = append(out, "  "+common.Pad(a.Description, sideWidth-3-w)+" "+common.PadLeft(whens[i], w))
		}
		if total > len(shown) {
			out = append(out, s.Muted.Render(fmt.Sprintf("  … en %d meer (3 Acties)", total-len(shown))))
		}
	}
	group("te laat", m.due.Overdue, m.due.OverdueTotal, true)
	group("deze week", m.due.ThisWeek, m.due.ThisWeekTotal, false)
	return append(out, "")
}

// expired is the block of art 20 impositions whose end date passed without the AS releasing the data:
// they stay excluded from openbare exports and coach copies until released in Instellingen.
func (m *Model) expired() []string {
	if len(m.exp) == 0 {
		return nil
	}
	s := m.c.Styles
	out := []string{s.Warn.Render(fmt.Sprintf("Geheimhouding (%d)", len(m.exp)))}
	for i, imp := range m.exp {
		if i == maxActions {
			out = append(out, s.Muted.Render(fmt.Sprintf("  … en %d meer (, Geheimhouding)", len(m.exp)-maxActions)))
			break
		}
		out = append(out, "  [V] "+common.Cut(imp.Subject, sideWidth-7))
		out = append(out, "    "+common.Cut("verlopen: opnieuw beoordelen", sideWidth-4))
	}
	return append(out, "")
}

// sideColumn is the Acties block above the next meetings; when the column moves under the terms
// (narrow), the meetings come first so that both stay in view as long as possible.
func (m *Model) sideColumn() []string {
	if m.side() {
		return append(append(m.actions(), m.expired()...), m.meetings()...)
	}
	return append(append(append(m.meetings(), ""), m.actions()...), m.expired()...)
}
