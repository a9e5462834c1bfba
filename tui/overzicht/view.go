package overzicht

import (
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// sideWidth is the width of the meetings column; below sideMin total width it moves under the terms.
const (
	sideWidth = 32
	sideMin   = 96
)

func (m *Model) side() bool { return m.width >= sideMin }

// listRows is how many terms fit: two lines each, under the heading and above the explanation of the
// selected term and the art 24 line.
func (m *Model) listRows() int { return max((m.height-5)/2, 1) }

// View draws the terms (left), the next meetings (right, or under when narrow), why the selected term
// ends when it does, and the art 24 state.
func (m *Model) View() string {
	s := m.c.Styles
	if !m.loaded {
		return common.Lines("", m.width, m.height)
	}
	if m.body.ID == 0 {
		return common.Lines("\n  Nog geen orgaan: voeg er een toe in Instellingen (,).", m.width, m.height)
	}
	lw := m.width
	if m.side() {
		lw = m.width - sideWidth - 1
	}
	left := []string{" " + s.Title.Render(fmt.Sprintf("Termijnen (%d)", len(m.ov.Items)))}
	if len(m.ov.Items) == 0 {
		left = append(left, "   "+s.Muted.Render("Geen termijnen die aflopen of net verlopen zijn."))
	}
	end := min(m.cur.Offset+m.listRows(), len(m.ov.Items))
	for i := m.cur.Offset; i < end; i++ {
		l1, l2 := m.item(m.ov.Items[i], i == m.cur.Index, lw)
		left = append(left, l1, l2)
	}
	right := m.sideColumn()
	var b strings.Builder
	rows := m.height - 3
	if m.side() {
		for i := 0; i < rows; i++ {
			l, r := "", ""
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			b.WriteString(common.Pad(l, lw) + " " + common.Cut(r, sideWidth) + "\n")
		}
	} else {
		all := append(append(left, ""), right...)
		for i := 0; i < rows; i++ {
			if i < len(all) {
				b.WriteString(common.Cut(all[i], m.width))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString(m.why() + "\n")
	b.WriteString(m.art24())
	return common.Lines(b.String(), m.width, m.height)
}

// item draws one term in two lines: how far away in words, title and subject; then the article and
// the date, with the raw date when the Atw moved it.
func (m *Model) item(it dossier.Due, selected bool, width int) (string, string) {
	s := m.c.Styles
	dl := it.Deadline
	remaining := it.Remaining
	l1 := " " + common.Marker(selected) + " " + common.Pad(remaining, 9) + " " + dl.Title + " · " + it.Subject
	date := dl.End.Weekday2() + " " + dl.End.DayMonth()
	if it.State == dossier.StateOverdue {
		date = "was " + date
	}
	if dl.Moved {
		date += " (ruw: " + dl.RawEnd.Weekday2() + " " + dl.RawEnd.DayMonth() + ")"
	}
	article := dl.Article
	if !dl.Statutory {
		article = "afgesproken, geen wettelijke termijn"
	}
	l2 := strings.Repeat(" ", 13) + s.Muted.Render(article+" · "+date)
	l1 = common.Cut(l1, width)
	switch {
	case selected:
		l1 = s.Selected.Render(l1)
	case it.State == dossier.StateOverdue:
		l1 = s.Bad.Render(l1)
	case it.State == dossier.StateToday:
		l1 = s.Warn.Render(l1)
	}
	return l1, common.Cut(l2, width)
}

func (m *Model) meetings() []string {
	s := m.c.Styles
	out := []string{s.Title.Render("Volgende vergaderingen")}
	if len(m.ov.Meetings) == 0 {
		return append(out, s.Muted.Render("geen gepland"))
	}
	for _, ml := range m.ov.Meetings {
		out = append(out, fmt.Sprintf("%-9s %s", ml.Date.Weekday2()+" "+ml.Date.DayMonth(), ml.Kind.Label()))
		agenda := "agenda: " + ml.Agenda
		if ml.Agenda == "te laat" {
			agenda = "✗ " + agenda
		}
		out = append(out, "  "+s.Muted.Render(agenda))
	}
	return out
}

// why is the explanation of the selected term: how its date was counted.
func (m *Model) why() string {
	if len(m.ov.Items) == 0 {
		return ""
	}
	dl := m.ov.Items[m.cur.Index].Deadline
	text := dl.Explanation
	if dl.Note != "" {
		text += " · " + dl.Note
	}
	return " " + m.c.Styles.Muted.Render(common.Cut("waarom: "+text, m.width-2))
}

// art24 says how many art 24 overlegvergaderingen the active body held this year.
func (m *Model) art24() string {
	for _, a := range m.ov.Art24 {
		if a.BodyID != m.body.ID {
			continue
		}
		text := fmt.Sprintf("Art 24 (algemene gang van zaken): %d van 2 overlegvergaderingen gehouden in %d",
			min(a.Held, 2), a.Year)
		switch {
		case a.Missing == 0:
			return " " + common.Cut(text+" ✓", m.width-2)
		case a.Covered:
			text += fmt.Sprintf("; %d gepland", a.Planned)
		case a.Planned > 0:
			text += fmt.Sprintf("; %d gepland, te weinig", a.Planned)
		default:
			text += "; niets gepland"
		}
		return " " + m.c.Styles.Warn.Render(common.Cut(text, m.width-2))
	}
	return ""
}
