package acties

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// selectedDecision is the decision under the cursor, when its window is loaded.
func (m *Model) selectedDecision() (model.Decision, bool) { return m.decs.selected() }

func (m *Model) decisionKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	if k.list().Move(msg, &m.decs.cur, m.decisionRows(), m.decs.Total) {
		return m, m.ensureDecisions()
	}
	d, ok := m.selectedDecision()
	switch {
	case key.Matches(msg, k.Back):
		if m.dfilter.Query != "" || m.dfilter.MeetingID != 0 {
			m.dfilter.Query, m.dfilter.MeetingID = "", 0
			m.search.SetValue("")
			m.decs.reset()
			return m, m.reloadDecisions()
		}
		m.mode = modeActions
	case key.Matches(msg, k.Search):
		m.searching = true
		m.search.Focus()
	case key.Matches(msg, k.PrevY):
		return m, m.stepYear(1)
	case key.Matches(msg, k.NextY):
		return m, m.stepYear(-1)
	case key.Matches(msg, k.Meeting) && ok:
		// Toggle: the decisions of the selected decision's meeting, or all again.
		if m.dfilter.MeetingID != 0 {
			m.dfilter.MeetingID = 0
		} else if d.MeetingID != 0 {
			m.dfilter.MeetingID = d.MeetingID
		}
		m.decs.reset()
		return m, m.reloadDecisions()
	case key.Matches(msg, k.Minutes) && ok && d.MeetingID != 0:
		return m, openMinutes(d.MeetingID)
	case key.Matches(msg, k.Export) && m.body.ID != 0:
		m.exportForm(true)
	case key.Matches(msg, k.Decisions):
		m.mode = modeActions
	}
	return m, nil
}

// stepYear moves the year filter through the years that have decisions (older with ←), then "alle".
// The list of years is newest first.
func (m *Model) stepYear(dir int) tea.Cmd {
	years := append([]int{0}, m.years...) // 0: every year
	if !containsInt(years, m.dfilter.Year) {
		years = append(years, m.dfilter.Year)
	}
	i := 0
	for j, y := range years {
		if y == m.dfilter.Year {
			i = j
		}
	}
	i = (i + dir + len(years)) % len(years)
	m.dfilter.Year = years[i]
	m.decs.reset()
	return m.reloadDecisions()
}

func containsInt(l []int, v int) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

// searchKey types into the search box; every change reloads, and older answers are dropped.
func (m *Model) searchKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	switch msg.String() {
	case "enter":
		m.searching = false
		m.search.Blur()
		return m, nil
	case "esc":
		m.searching = false
		m.search.Blur()
		m.search.SetValue("")
		m.dfilter.Query = ""
		m.decs.reset()
		return m, m.reloadDecisions()
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(msg)
	if q := m.search.Value(); q != m.dfilter.Query {
		m.dfilter.Query = q
		m.decs.reset()
		return m, tea.Batch(cmd, m.reloadDecisions())
	}
	return m, cmd
}

func (m *Model) viewDecisions(b *strings.Builder) {
	s := m.c.Styles
	year := "alle jaren"
	if m.dfilter.Year != 0 {
		year = fmt.Sprint(m.dfilter.Year)
	}
	left := " " + s.Title.Render("Besluitenlijst") + "  jaar: " + s.Selected.Render("‹ "+year+" ›")
	if m.dfilter.MeetingID != 0 {
		left += "  vergadering: " + meetingTitle(m.dmeeting, m.dfilter.MeetingID)
	}
	total := m.decs.Total
	end := min(m.decs.cur.Offset+m.decisionRows(), total)
	b.WriteString(spread(left, where(m.decs.cur.Offset, end, total)+count(total, "besluit", "besluiten")+" ", m.width) + "\n")
	search := m.search.View()
	if !m.searching && m.dfilter.Query == "" {
		search = s.Muted.Render("/ om te zoeken in nummer en tekst")
	}
	b.WriteString(" Zoeken: " + search + "\n")
	b.WriteString(s.Muted.Render(fmt.Sprintf("   %-9s %-12s %-24s %s", "nummer", "datum", "vergadering", "besluit")) + "\n")
	if total == 0 {
		b.WriteString("   Geen besluiten gevonden. Besluiten legt u vast in de notulen van een vergadering (Agenda, N).\n")
	}
	for i := m.decs.cur.Offset; i < end; i++ {
		d, ok := m.decs.At(i)
		if !ok {
			m.row(b, i == m.decs.cur.Index, s.Muted.Render("…"), false) // its window is on its way
			continue
		}
		meeting := d.MeetingTitle
		if meeting != "" {
			meeting = strings.SplitN(meeting, " ", 2)[0]
		}
		line := fmt.Sprintf("%-9s %-12s %s %s", d.Number(), d.Date.Weekday2()+" "+d.Date.DayMonth(), common.Pad(meeting, 24),
			strings.ReplaceAll(d.Text, "\n", " "))
		m.row(b, i == m.decs.cur.Index, line, false)
	}
	b.WriteString(m.rule() + "\n")
	if d, ok := m.selectedDecision(); ok {
		var parts []string
		if d.MeetingTitle != "" {
			from := "uit: " + d.MeetingTitle
			if d.ItemTitle != "" {
				from += ", " + d.ItemTitle
			}
			parts = append(parts, from)
		}
		if d.DossierTitle != "" {
			parts = append(parts, "dossier: "+d.DossierTitle)
		}
		if len(d.ActionIDs) > 0 {
			var ids []string
			for _, id := range d.ActionIDs {
				ids = append(ids, fmt.Sprintf("A-%d", id))
			}
			parts = append(parts, "acties: "+strings.Join(ids, ", "))
		}
		b.WriteString(common.Cut(" "+d.Number()+" · "+strings.Join(parts, " · "), m.width) + "\n")
	}
}
