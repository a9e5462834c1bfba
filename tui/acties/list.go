package acties

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// selected is the action under the cursor, when its window is loaded.
func (m *Model) selected() (model.Action, bool) { return m.acts.selected() }

// write runs a store call in the background and reports it as a savedMsg.
func write(text string, focus int64, fn func(ctx context.Context) error) tea.Cmd {
	return func() tea.Msg { return savedMsg{text: text, focus: focus, err: fn(context.Background())} }
}

func (m *Model) actionKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	a, ok := m.selected()
	st := m.st
	if k.list().Move(msg, &m.acts.cur, m.listRows(), m.acts.Total) {
		return m, m.ensureActions()
	}
	switch {
	case key.Matches(msg, k.Done) && ok:
		return m, write(a.Number()+" gereed (z maakt ongedaan)", a.ID, func(ctx context.Context) error {
			_, err := st.SetActionStatus(ctx, a, model.ActionDone)
			return err
		})
	case key.Matches(msg, k.Busy) && ok:
		return m, write(a.Number()+" bezig", a.ID, func(ctx context.Context) error {
			_, err := st.SetActionStatus(ctx, a, model.ActionBusy)
			return err
		})
	case key.Matches(msg, k.Postpone) && ok:
		return m, m.postpone(a)
	case key.Matches(msg, k.Edit) && ok:
		m.actionForm(a)
	case key.Matches(msg, k.New) && m.body.ID != 0:
		m.actionForm(model.Action{BodyID: m.body.ID, Owner: model.OwnerAS, Status: model.ActionOpen, Due: m.today().AddDays(14)})
	case key.Matches(msg, k.Undo) && m.body.ID != 0:
		return m, m.undo()
	case key.Matches(msg, k.Delete) && ok:
		return m, write(a.Number()+" naar de prullenbak (z of P haalt haar terug)", 0, func(ctx context.Context) error { return st.DeleteAction(ctx, a.ID) })
	case key.Matches(msg, k.Show):
		m.show = (m.show + 1) % 3
		m.acts.reset()
		return m, m.refresh()
	case key.Matches(msg, k.Filter) && m.body.ID != 0:
		return m, loadChoices(st, m.body.ID, m.today())
	case key.Matches(msg, k.History) && ok:
		return m, loadHistory(st, a)
	case key.Matches(msg, k.Minutes) && ok && a.MeetingID != 0:
		return m, openMinutes(a.MeetingID)
	case key.Matches(msg, k.Minutes) && ok:
		return m, common.Status("Deze actie komt niet uit een vergadering; open de notulen vanuit Agenda (N)")
	case key.Matches(msg, k.Export) && m.body.ID != 0:
		m.exportForm(false)
	case key.Matches(msg, k.Decisions):
		m.mode = modeDecisions
		return m, m.reloadDecisions()
	case key.Matches(msg, k.Meeting) && ok:
		// Toggle: the actions of the selected action's meeting (also an old one), or all again.
		switch {
		case m.filter.MeetingID != 0:
			m.filter.MeetingID = 0
		case a.MeetingID != 0:
			m.filter.MeetingID = a.MeetingID
			if m.show == showOpen {
				m.show = showAll // the actions of one meeting: all of them, also the closed ones
			}
		default:
			return m, common.Status("Deze actie komt niet uit een vergadering")
		}
		m.acts.reset()
		return m, m.refresh()
	case key.Matches(msg, k.Back) && (m.filter != model.ActionFilter{}):
		m.filter, m.dossier = model.ActionFilter{}, ""
		m.acts.reset()
		return m, m.refresh()
	}
	return m, nil
}

func (m *Model) postpone(a model.Action) tea.Cmd {
	st := m.st
	return func() tea.Msg {
		got, err := st.PostponeAction(context.Background(), a, 7)
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{text: fmt.Sprintf("%s uitgesteld tot %s (%dx uitgesteld)", a.Number(), got.Due.Short(), got.Postponed), focus: a.ID}
	}
}

func (m *Model) undo() tea.Cmd {
	st, body := m.st, m.body.ID
	return func() tea.Msg {
		a, what, err := st.UndoLastActionChange(context.Background(), body)
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{text: "Ongedaan: " + what, focus: a.ID}
	}
}

func (m *Model) viewActions(b *strings.Builder) {
	s := m.c.Styles
	today := m.today()
	tabs := []string{"open", "alle", "te laat"}
	for i := range tabs {
		if show(i) == m.show {
			tabs[i] = s.Selected.Render("[" + tabs[i] + "]")
		} else {
			tabs[i] = s.Muted.Render(" " + tabs[i] + " ")
		}
	}
	left := " " + s.Title.Render("Acties") + "  " + strings.Join(tabs, " ") + "  " + m.filterText()
	total := m.acts.Total
	end := min(m.acts.cur.Offset+m.listRows(), total)
	right := fmt.Sprintf("%s%s · %d te laat ", where(m.acts.cur.Offset, end, total), count(total, "actie", "acties"), m.late)
	b.WriteString(spread(left, right, m.width) + "\n")
	// The number column is as wide as the widest number on screen ("A-41", "A-19989"); the description
	// gives up what it needs.
	nrW := 5
	for i := m.acts.cur.Offset; i < end; i++ {
		if a, ok := m.acts.At(i); ok {
			nrW = max(nrW, len(a.Number()))
		}
	}
	descW := max(m.descWidth()-(nrW-5), 10)
	b.WriteString(s.Muted.Render(fmt.Sprintf("     %s %s %-13s %-8s %-9s %s", common.Pad("nr", nrW), common.Pad("actie", descW), "eigenaar", "datum", "status",
		"uitgesteld")) + "\n")
	if total == 0 {
		switch {
		case m.show == showLate:
			b.WriteString("   Geen acties te laat.\n")
		default:
			b.WriteString("   Geen acties in deze selectie. Druk n voor een nieuwe actie, v om alle acties te zien.\n")
		}
	}
	for i := m.acts.cur.Offset; i < end; i++ {
		a, ok := m.acts.At(i)
		if !ok {
			m.row(b, i == m.acts.cur.Index, s.Muted.Render("…"), false) // its window is on its way
			continue
		}
		days := a.OverdueDays(today)
		flag := " "
		if days > 0 {
			flag = "✗"
		}
		post := ""
		if a.Postponed > 0 {
			post = fmt.Sprintf("%dx", a.Postponed)
		}
		desc := a.Description
		if a.ImpositionID != 0 {
			desc = "[V] " + desc // art 20: marked in every view, not by colour alone
		}
		line := fmt.Sprintf("%s %s %s %s %s %s %s %s", flag, common.Pad(a.Number(), nrW), common.Pad(desc, descW), common.Pad(a.Owner, 13),
			common.Pad(dueShort(a.Due, today), 8), common.Pad(string(a.Status), 9), common.Pad(post, 3), model.LateText(days))
		m.row(b, i == m.acts.cur.Index, line, days > 0)
	}
	b.WriteString(m.rule() + "\n")
	if a, ok := m.selected(); ok {
		b.WriteString(m.detail(a) + "\n")
	}
}

// where says which rows of a long list are on screen ("21–39 van "); nothing when they all fit.
func where(from, to, total int) string {
	if from == 0 && to >= total {
		return ""
	}
	return fmt.Sprintf("%s–%s van ", thousands(from+1), thousands(to))
}

// count is common.Count with the Dutch thousands separator: "20.000 acties".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// dueShort is "13 nov", or "13-01-26" for another year: the column is narrow so "te laat (12 dagen)"
// always fits beside it.
func dueShort(d, today model.Date) string {
	switch {
	case d.IsZero():
		return "-"
	case d.Year() != today.Year():
		return fmt.Sprintf("%02d-%02d-%02d", d.Day(), int(d.Month()), d.Year()%100)
	}
	return d.DayMonth()
}

// descWidth gives the description what the fixed columns leave, at least 20 cells.
func (m *Model) descWidth() int { return max(m.width-69, 20) }

// filterText says what the owner, meeting and dossier filters hold.
func (m *Model) filterText() string {
	s := m.c.Styles
	var parts []string
	owner := "allen"
	if m.filter.Owner != "" {
		owner = m.filter.Owner
	}
	parts = append(parts, "eigenaar: "+owner)
	if m.filter.MeetingID != 0 {
		parts = append(parts, "uit: "+meetingShort(m.meeting, m.filter.MeetingID))
	}
	if m.filter.DossierID != 0 {
		parts = append(parts, "dossier: "+m.dossierTitle(m.filter.DossierID))
	}
	return s.Muted.Render(strings.Join(parts, " · "))
}

// meetingTitle is "OR-vergadering 4 nov", for the besluitenlijst's header.
func meetingTitle(mt model.Meeting, id int64) string {
	if mt.ID != id {
		return fmt.Sprintf("vergadering %d", id)
	}
	return mt.Kind.Label() + " " + mt.Date.DayMonth()
}

// meetingShort is "OR 4 nov", for the crowded header line.
func meetingShort(mt model.Meeting, id int64) string {
	if mt.ID != id {
		return fmt.Sprintf("vergadering %d", id)
	}
	k := map[model.MeetingKind]string{model.MeetingOR: "OR", model.MeetingOV: "OV", model.MeetingDB: "DB"}[mt.Kind]
	if k == "" {
		k = mt.Kind.Label()
	}
	return k + " " + mt.Date.DayMonth()
}

func (m *Model) dossierTitle(id int64) string {
	if m.dossier != "" {
		return m.dossier
	}
	return fmt.Sprintf("dossier %d", id)
}

// detail is one line about the selected action: where it came from, its dossier and notes.
func (m *Model) detail(a model.Action) string {
	var parts []string
	if a.MeetingTitle != "" {
		from := "uit: " + a.MeetingTitle
		if a.ItemTitle != "" {
			from += ", " + a.ItemTitle
		}
		parts = append(parts, from)
	}
	if a.DossierTitle != "" {
		parts = append(parts, "dossier: "+a.DossierTitle)
	}
	if a.DecisionNumber != "" {
		parts = append(parts, "besluit "+a.DecisionNumber)
	}
	if !a.Closed.IsZero() {
		parts = append(parts, string(a.Status)+" op "+a.Closed.DayMonth())
	}
	if n := strings.TrimSpace(a.Notes); n != "" {
		parts = append(parts, strings.ReplaceAll(n, "\n", " "))
	}
	if len(parts) == 0 {
		parts = append(parts, "direct toegevoegd, niet uit een vergadering")
	}
	return common.Cut(" "+a.Number()+" · "+strings.Join(parts, " · "), m.width)
}

func (m *Model) row(b *strings.Builder, selected bool, line string, bad bool) {
	line = " " + common.Marker(selected) + " " + line
	switch {
	case selected:
		line = m.c.Styles.Selected.Render(common.Cut(line, m.width))
	case bad:
		line = m.c.Styles.Bad.Render(common.Cut(line, m.width))
	}
	b.WriteString(common.Cut(line, m.width) + "\n")
}

func (m *Model) rule() string {
	return m.c.Styles.Rule.Render(" " + strings.Repeat("─", max(m.width-2, 0)))
}

func spread(left, right string, width int) string {
	lw := ansi.StringWidth(left)
	gap := width - lw - ansi.StringWidth(right)
	if gap < 1 {
		return common.Cut(left+" "+common.Cut(right, max(width-lw-1, 0)), width)
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m *Model) viewHistory(b *strings.Builder) {
	s := m.c.Styles
	a := m.histFor
	b.WriteString(" " + s.Title.Render("Geschiedenis "+a.Number()) + "  " + common.Cut(a.Description, m.width-30) + "\n\n")
	if len(m.history) == 0 {
		b.WriteString("   Geen wijzigingen vastgelegd.\n")
	}
	for _, c := range m.history {
		what := model.FieldLabel(c.Field)
		switch {
		case c.Field == model.FieldCreated:
			what = "aangemaakt"
		case c.Field == model.FieldDeleted:
			what = "naar de prullenbak"
		default:
			what += ": " + orNone(c.Old) + " → " + orNone(c.New)
		}
		if c.Undo {
			what = "ongedaan gemaakt: " + what
		}
		if c.Undone {
			what += s.Muted.Render("  (ongedaan gemaakt)")
		}
		at := c.At.Local().Format("02-01-2006 15:04")
		b.WriteString(common.Cut("   "+s.Muted.Render(at)+"  "+what, m.width) + "\n")
	}
}

func orNone(s string) string {
	if s == "" {
		return "(leeg)"
	}
	return s
}
