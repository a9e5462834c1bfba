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

func (m *Model) selected() (model.Action, bool) {
	if len(m.actions) == 0 {
		return model.Action{}, false
	}
	return m.actions[m.cur.Index], true
}

// write runs a store call in the background and reports it as a savedMsg.
func write(text string, focus int64, fn func(ctx context.Context) error) tea.Cmd {
	return func() tea.Msg { return savedMsg{text: text, focus: focus, err: fn(context.Background())} }
}

func (m *Model) actionKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	a, ok := m.selected()
	st := m.st
	switch {
	case key.Matches(msg, k.Up):
		m.cur.Move(-1, len(m.actions), m.listRows())
	case key.Matches(msg, k.Down):
		m.cur.Move(1, len(m.actions), m.listRows())
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
		m.cur = common.Cursor{}
		return m, m.reload()
	case key.Matches(msg, k.Filter) && m.body.ID != 0:
		m.filterForm()
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
	case msg.String() == "esc" && (m.filter != model.ActionFilter{}):
		m.filter = model.ActionFilter{}
		return m, m.reload()
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
	late := 0
	for _, a := range m.actions {
		if a.OverdueDays(today) > 0 {
			late++
		}
	}
	tabs := []string{"open", "alle", "te laat"}
	for i := range tabs {
		if show(i) == m.show {
			tabs[i] = s.Selected.Render("[" + tabs[i] + "]")
		} else {
			tabs[i] = s.Muted.Render(" " + tabs[i] + " ")
		}
	}
	left := " " + s.Title.Render("Acties") + "  " + strings.Join(tabs, " ") + "  " + m.filterText()
	right := fmt.Sprintf("%s · %d te laat ", common.Count(len(m.actions), "actie", "acties"), late)
	b.WriteString(spread(left, right, m.width) + "\n")
	descW := m.descWidth()
	b.WriteString(s.Muted.Render(fmt.Sprintf("     %-5s %s %-13s %-8s %-9s %s", "nr", common.Pad("actie", descW), "eigenaar", "datum", "status",
		"uitgesteld")) + "\n")
	if len(m.actions) == 0 {
		switch {
		case m.show == showLate:
			b.WriteString("   Geen acties te laat.\n")
		default:
			b.WriteString("   Geen acties in deze selectie. Druk n voor een nieuwe actie, v om alle acties te zien.\n")
		}
	}
	end := min(m.cur.Offset+m.listRows(), len(m.actions))
	for i := m.cur.Offset; i < end; i++ {
		a := m.actions[i]
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
		line := fmt.Sprintf("%s %-5s %s %s %s %s %s %s", flag, a.Number(), common.Pad(desc, descW), common.Pad(a.Owner, 13),
			common.Pad(dueShort(a.Due, today), 8), common.Pad(string(a.Status), 9), common.Pad(post, 3), model.LateText(days))
		m.row(b, i == m.cur.Index, line, days > 0)
	}
	b.WriteString(m.rule() + "\n")
	if a, ok := m.selected(); ok {
		b.WriteString(m.detail(a) + "\n")
	}
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
		parts = append(parts, "uit: "+m.meetingShort(m.filter.MeetingID))
	}
	if m.filter.DossierID != 0 {
		parts = append(parts, "dossier: "+m.dossierTitle(m.filter.DossierID))
	}
	return s.Muted.Render(strings.Join(parts, " · "))
}

func (m *Model) meetingTitle(id int64) string {
	for _, mt := range m.meetings {
		if mt.ID == id {
			return mt.Kind.Label() + " " + mt.Date.DayMonth()
		}
	}
	return fmt.Sprintf("vergadering %d", id)
}

// meetingShort is "OR 4 nov", for the crowded header line.
func (m *Model) meetingShort(id int64) string {
	for _, mt := range m.meetings {
		if mt.ID == id {
			k := map[model.MeetingKind]string{model.MeetingOR: "OR", model.MeetingOV: "OV", model.MeetingDB: "DB"}[mt.Kind]
			if k == "" {
				k = mt.Kind.Label()
			}
			return k + " " + mt.Date.DayMonth()
		}
	}
	return fmt.Sprintf("vergadering %d", id)
}

func (m *Model) dossierTitle(id int64) string {
	for _, d := range m.dossiers {
		if d.ID == id {
			return d.Title
		}
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
