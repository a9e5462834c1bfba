package agenda

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/notulen"
)

// dueText says in words where an agenda stands: "uiterlijk di 25 nov · nog 3 dagen", "te laat: uiterlijk
// di 18 nov", "verzonden di 20 nov".
func dueText(m model.Meeting, t model.AgendaTerm, today model.Date, long bool) string {
	switch t.State {
	case model.AgendaToSend:
		if !long {
			return "uiterlijk " + shortDay(t.Due) + " · " + model.Distance(today, t.Due)
		}
		return "uiterlijk " + shortDay(t.Due) + " versturen · " + model.Distance(today, t.Due)
	case model.AgendaDueToday:
		return "vandaag versturen"
	case model.AgendaOverdue:
		if !long {
			return "te laat (uiterlijk " + shortDay(t.Due) + ")"
		}
		return "te laat: uiterlijk " + shortDay(t.Due) + " versturen"
	case model.AgendaSentOK:
		return "verzonden " + shortDay(m.AgendaSent)
	case model.AgendaSentLate:
		if !long {
			return "te laat verzonden " + shortDay(m.AgendaSent)
		}
		return "te laat verzonden " + shortDay(m.AgendaSent) + " (uiterlijk " + shortDay(t.Due) + ")"
	case model.AgendaUrgent:
		if !m.AgendaSent.IsZero() {
			return "spoedeisend, verzonden " + shortDay(m.AgendaSent)
		}
		return "spoedeisend: geen termijn"
	case model.AgendaNoTerm:
		return "geen agendatermijn"
	}
	return t.State
}

// shortDay is "di 25 nov": in a list of upcoming meetings the year is clear from the context.
func shortDay(d model.Date) string { return d.Weekday2() + " " + d.DayMonth() }

// selectedRow is the meeting under the cursor, when its window is loaded.
func (m *Model) selectedRow() (model.MeetingRow, bool) {
	return m.list.At(m.listCur.Index)
}

func (m *Model) listKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	if k.list().Move(msg, &m.listCur, m.listRows(), m.list.Total) {
		return m, m.ensurePage()
	}
	row, ok := m.selectedRow()
	switch {
	case key.Matches(msg, k.Open) && ok:
		return m, m.openMeeting(row.Meeting)
	case key.Matches(msg, k.New) && m.body.ID != 0:
		m.meetingForm(model.Meeting{})
	case key.Matches(msg, k.Edit) && ok:
		m.meetingForm(row.Meeting)
	case key.Matches(msg, k.Delete) && ok:
		st, id := m.st, row.ID
		// The cursor stays where it is: the next meeting takes the deleted one's place.
		return m, write(row.Title()+" naar de prullenbak (P)", func(ctx context.Context) error { return st.DeleteMeeting(ctx, id) })
	case key.Matches(msg, k.Sent) && ok:
		return m, m.toggleSent(row.Meeting)
	case key.Matches(msg, k.Urgent) && ok:
		return m, m.toggleUrgent(row.Meeting)
	case key.Matches(msg, k.Minutes) && ok:
		id := row.ID
		return m, func() tea.Msg { return notulen.OpenMsg{MeetingID: id} }
	case key.Matches(msg, k.Export) && ok:
		m.exportForm(row.Meeting)
	case key.Matches(msg, k.Backlog) && m.body.ID != 0:
		m.mode, m.back = modeBacklog, modeList
	case key.Matches(msg, k.Series) && m.body.ID != 0:
		m.seriesForm()
	case key.Matches(msg, k.Templates) && m.body.ID != 0:
		m.mode = modeTemplates
		return m, loadTemplate(m.st, m.body.ID, model.MeetingKinds[m.tplKind])
	}
	return m, nil
}

func (m *Model) openMeeting(mt model.Meeting) tea.Cmd {
	if mt.ID != m.meeting.ID {
		m.items, m.docs, m.edCur = nil, nil, common.Cursor{}
	}
	m.meeting, m.mode = mt, modeEditor
	m.meetingSeq++
	return loadMeeting(m.st, mt.ID, m.today(), m.meetingSeq)
}

func (m *Model) toggleSent(mt model.Meeting) tea.Cmd {
	st, today := m.st, m.today()
	return func() tea.Msg {
		ctx := context.Background()
		if !mt.AgendaSent.IsZero() {
			_, err := st.MarkAgendaSent(ctx, mt, model.Date{})
			return savedMsg{text: "Verzending van de agenda " + mt.Title() + " teruggedraaid", err: err, meeting: mt.ID}
		}
		saved, err := st.MarkAgendaSent(ctx, mt, today)
		if err != nil {
			return savedMsg{err: err}
		}
		msg := savedMsg{text: "Agenda " + mt.Title() + " verzonden op " + today.Short(), meeting: mt.ID}
		if t, err := st.MeetingTerm(ctx, saved, today); err == nil && t.Late {
			n := t.Due.DaysUntil(today)
			late := "1 dag"
			if n != 1 {
				late = fmt.Sprintf("%d dagen", n)
			}
			msg.warn = fmt.Sprintf("%s te laat (uiterlijk %s); spoedeisend? druk u", late, shortDay(t.Due))
		}
		return msg
	}
}

func (m *Model) toggleUrgent(mt model.Meeting) tea.Cmd {
	st := m.st
	mt.Urgent = !mt.Urgent
	text := mt.Title() + " is spoedeisend: de agendatermijn geldt niet (art 14 lid 2 sub g WOR)"
	if !mt.Urgent {
		text = mt.Title() + " is niet meer spoedeisend"
	}
	return func() tea.Msg {
		_, err := st.UpdateMeeting(context.Background(), mt)
		return savedMsg{text: text, err: err, meeting: mt.ID}
	}
}

func (m *Model) viewList(b *strings.Builder) {
	s := m.c.Styles
	right := common.Count(m.list.Total, "vergadering", "vergaderingen")
	if m.late > 0 {
		right += fmt.Sprintf(" · %d te laat", m.late)
	}
	title := " " + s.Title.Render("Vergaderingen") + "  " + m.body.Name
	b.WriteString(spread(title, right+" ", m.width) + "\n")
	if m.list.Total == 0 {
		b.WriteString("\n   Nog geen vergaderingen. Druk n voor een nieuwe vergadering of r om een reeks te plannen\n")
		b.WriteString("   (bijvoorbeeld elke tweede dinsdag, 13:30–16:00). De agenda begint vanuit de standaardagenda (t).\n")
	} else {
		b.WriteString(s.Muted.Render(fmt.Sprintf("     %-15s %-20s %-11s %-16s %s", "datum", "soort", "tijd", "status", "agenda")) + "\n")
		end := min(m.listCur.Offset+m.listRows(), m.list.Total)
		for i := m.listCur.Offset; i < end; i++ {
			r, ok := m.list.At(i)
			if !ok { // its window is on its way
				m.row(b, i == m.listCur.Index, s.Muted.Render("…"), false)
				continue
			}
			mark := " "
			if r.Term.Late {
				mark = "✗"
			}
			kind := r.Kind.Label()
			if r.Art24 && r.Kind == model.MeetingOV {
				kind = "Overlegverg. art 24"
			}
			line := fmt.Sprintf("%s %s %s %s %s %s", mark, common.Pad(r.Date.Short(), 15), common.Pad(kind, 20),
				common.Pad(r.Start.String()+"–"+r.End.String(), 11), common.Pad(r.Status.Label(), 16), dueText(r.Meeting, r.Term, m.today(), false))
			m.row(b, i == m.listCur.Index, line, r.Term.Late)
		}
	}
	b.WriteString(m.rule() + "\n")
	a := termijn.Art24Status(m.today().Year(), m.held, m.planned)
	if a.Warning != "" {
		b.WriteString(" " + s.Warn.Render(fmt.Sprintf("Art 24: %d van 2 overlegvergaderingen over de algemene gang van zaken gehouden in %d, %d gepland", a.Held, a.Year, a.Planned)) + "\n")
	} else {
		b.WriteString(" " + s.OK.Render(fmt.Sprintf("Art 24: %d overlegvergaderingen over de algemene gang van zaken gehouden in %d ✓", a.Held, a.Year)) + "\n")
	}
	b.WriteString(m.backlogLine() + "\n")
	if r, ok := m.selectedRow(); ok {
		switch {
		case r.Term.Warning != "":
			b.WriteString(" " + s.Bad.Render("✗ "+r.Term.Warning) + "\n")
		case r.Term.OVWarning != "":
			b.WriteString(" " + s.Bad.Render("✗ "+r.Term.OVWarning) + "\n")
		case r.Term.Note != "":
			b.WriteString(" " + s.Muted.Render(r.Term.Article+" · "+r.Term.Note) + "\n")
		case r.Term.Article != "":
			b.WriteString(" " + s.Muted.Render(r.Term.Article) + "\n")
		}
	}
}

// row draws one list line with the selection marker (never colour alone).
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
	return " " + m.c.Styles.Rule.Render(strings.Repeat("─", max(m.width-2, 0)))
}

// backlogLine is "parkeerlijst (3): Kantinebeleid (Piet, 3 okt) · Fietsregeling · ...".
func (m *Model) backlogLine() string {
	if len(m.backlog) == 0 {
		return " " + m.c.Styles.Muted.Render("parkeerlijst: leeg (b om een onderwerp te parkeren)")
	}
	var parts []string
	for i, t := range m.backlog {
		p := t.Title
		if i == 0 && t.RaisedBy != "" {
			p += " (" + t.RaisedBy
			if !t.RaisedOn.IsZero() {
				p += ", " + t.RaisedOn.DayMonth()
			}
			p += ")"
		}
		parts = append(parts, p)
	}
	return common.Cut(fmt.Sprintf(" parkeerlijst (%d): %s", len(m.backlog), strings.Join(parts, " · ")), m.width)
}

// spread puts left and right on one line of width cells.
func spread(left, right string, width int) string {
	lw := ansi.StringWidth(left)
	gap := width - lw - ansi.StringWidth(right)
	if gap < 1 {
		// The right part carries the warning: cut it rather than drop it.
		return common.Cut(left+" "+common.Cut(right, max(width-lw-1, 0)), width)
	}
	return left + strings.Repeat(" ", gap) + right
}
