package agenda

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/notulen"
)

func (m *Model) selectedItem() (model.AgendaItem, bool) {
	if len(m.items) == 0 {
		return model.AgendaItem{}, false
	}
	return m.items[m.edCur.Index], true
}

func (m *Model) editorKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	it, ok := m.selectedItem()
	st := m.st
	switch {
	case key.Matches(msg, k.Back):
		m.mode = modeList
		return m, m.reload()
	case key.Matches(msg, k.Up):
		m.edCur.Move(-1, len(m.items), m.itemRows())
	case key.Matches(msg, k.Down):
		m.edCur.Move(1, len(m.items), m.itemRows())
	case key.Matches(msg, k.MoveUp) && ok:
		return m, m.move(it, -1)
	case key.Matches(msg, k.MoveDown) && ok:
		return m, m.move(it, 1)
	case key.Matches(msg, k.New):
		pos := model.InsertPosition(m.items)
		if ok && !it.Role.Trailing() {
			pos = m.edCur.Index + 2 // right under the cursor
		}
		m.itemForm(model.AgendaItem{MeetingID: m.meeting.ID, Purpose: model.PurposeBespreking, Minutes: 15, Position: pos})
	case (key.Matches(msg, k.Edit) || key.Matches(msg, k.Open)) && ok && !m.c.ReadOnly:
		m.itemForm(it)
	case key.Matches(msg, k.Delete) && ok:
		return m, write("Punt "+it.Title+" naar de prullenbak (P)", func(ctx context.Context) error { return st.DeleteAgendaItem(ctx, it.ID) })
	case key.Matches(msg, k.Secret) && ok:
		return m, m.toggleSecret(it)
	case key.Matches(msg, k.ToBacklog) && ok:
		return m, write(it.Title+" naar de parkeerlijst", func(ctx context.Context) error { _, err := st.UnscheduleItem(ctx, it.ID); return err })
	case key.Matches(msg, k.Outcome) && ok:
		m.outcomeForm(it)
	case key.Matches(msg, k.Docs) && ok:
		return m, m.openPicker(it)
	case key.Matches(msg, k.Backlog):
		m.mode, m.back = modeBacklog, modeEditor
	case key.Matches(msg, k.Header):
		m.meetingForm(m.meeting)
	case key.Matches(msg, k.Sent):
		return m, m.toggleSent(m.meeting)
	case key.Matches(msg, k.Urgent):
		return m, m.toggleUrgent(m.meeting)
	case key.Matches(msg, k.Export):
		m.exportForm(m.meeting)
	case key.Matches(msg, k.Minutes) && m.meeting.ID != 0:
		id := m.meeting.ID
		return m, func() tea.Msg { return notulen.OpenMsg{MeetingID: id} }
	}
	return m, nil
}

// move reorders at once on screen (numbers and times follow immediately) and saves in the background;
// a failed save reloads the stored order and says why.
func (m *Model) move(it model.AgendaItem, delta int) tea.Cmd {
	moved, at := model.Move(append([]model.AgendaItem{}, m.items...), m.edCur.Index, delta)
	if at == m.edCur.Index {
		return nil
	}
	m.items = moved
	m.edCur.Index = at
	m.edCur.Clamp(len(m.items), m.itemRows())
	st := m.st
	m.moving++
	return func() tea.Msg {
		_, err := st.MoveAgendaItem(context.Background(), it.ID, delta)
		return movedMsg{id: it.ID, err: err}
	}
}

// movedMsg reports a saved move. While moves are on their way, reloads of the agenda are dropped (they
// may have read the order before the move was stored); the last move to finish reloads it.
type movedMsg struct {
	id  int64
	err error
}

func (m *Model) moved(msg movedMsg) (*Model, tea.Cmd) {
	m.moving--
	if m.moving > 0 {
		return m, nil
	}
	m.focus = msg.id
	m.meetingSeq++
	load := loadMeeting(m.st, m.meeting.ID, m.today(), m.meetingSeq)
	if msg.err != nil {
		return m, tea.Batch(common.Error(msg.err), load)
	}
	return m, load
}

// toggleSecret marks an item confidential with a quick imposition without an end date (DESIGN: one
// mechanism), or lifts the mark; the imposition itself stays on record.
func (m *Model) toggleSecret(it model.AgendaItem) tea.Cmd {
	st, body, today := m.st, m.body, m.today()
	by := m.bestuurder.Name
	if by == "" {
		by = "bestuurder"
	}
	return func() tea.Msg {
		ctx := context.Background()
		if it.ImpositionID != 0 {
			it.ImpositionID = 0
			_, err := st.UpdateAgendaItem(ctx, it)
			return savedMsg{text: it.Title + " is niet meer vertrouwelijk", err: err, focus: it.ID}
		}
		imp, err := st.CreateImposition(ctx, model.Imposition{BodyID: body.ID, ImposedBy: by, Subject: it.Title, From: today})
		if err != nil {
			return savedMsg{err: err}
		}
		it.ImpositionID = imp.ID
		_, err = st.UpdateAgendaItem(ctx, it)
		return savedMsg{text: it.Title + " is vertrouwelijk [V] (art 20 WOR); de openbare agenda toont het niet", err: err, focus: it.ID}
	}
}

func (m *Model) viewEditor(b *strings.Builder) {
	s := m.c.Styles
	mt := m.meeting
	left := fmt.Sprintf(" %s  %s  %s–%s  %s", s.Title.Render(mt.Kind.Label()), mt.Date.Short(), mt.Start, mt.End, mt.Location)
	due := dueText(mt, m.term, m.today(), true)
	if m.term.Late {
		due = s.Bad.Render("✗ " + due)
	}
	b.WriteString(spread(left, "agenda "+due+" ", m.width) + "\n")
	var info []string
	if mt.Chair != "" {
		info = append(info, "voorzitter "+mt.Chair)
	}
	info = append(info, mt.Status.Label())
	if mt.Art24 {
		info = append(info, "art 24: algemene gang van zaken")
	}
	if mt.Urgent {
		info = append(info, "spoedeisend")
	}
	b.WriteString(" " + s.Muted.Render(strings.Join(info, " · ")) + "\n")
	b.WriteString(s.Muted.Render(fmt.Sprintf("   %-3s %-6s %-34s %-18s %-12s %4s", "nr", "tijd", "onderwerp", "doel", "wie", "min")) + "\n")
	plan := model.Plan(mt, m.items)
	if len(m.items) == 0 {
		b.WriteString("   Nog geen punten. Druk n om een punt toe te voegen, of b om er een van de parkeerlijst te halen.\n")
	}
	end := min(m.edCur.Offset+m.itemRows(), len(m.items))
	for i := m.edCur.Offset; i < end; i++ {
		it := m.items[i]
		var flags []string
		if it.ImpositionID != 0 {
			flags = append(flags, "[V]")
		}
		if n := len(m.docs[it.ID]); n > 0 {
			flags = append(flags, common.Count(n, "stuk", "stukken"))
		}
		switch it.Outcome {
		case model.OutcomeTreated:
			flags = append(flags, "✓ behandeld")
		case model.OutcomeCarried:
			flags = append(flags, "→ volgende")
		case model.OutcomeBacklog:
			flags = append(flags, "→ parkeer")
		}
		line := fmt.Sprintf("%-3d %-6s %s %s %s %4d %s", it.Position, plan.Starts[i], common.Pad(it.Title, 34),
			common.Pad(string(it.Purpose), 18), common.Pad(it.Presenter, 12), it.Minutes, strings.Join(flags, " "))
		m.row(b, i == m.edCur.Index, line, false)
	}
	sum := plan.Summary(mt)
	if plan.Overrun > 0 {
		sum = s.Bad.Render(sum)
	} else {
		sum = s.OK.Render(sum)
	}
	b.WriteString(spread("", sum+" ", m.width) + "\n")
	b.WriteString(m.rule() + "\n")
	if it, ok := m.selectedItem(); ok {
		b.WriteString(m.itemDetail(it) + "\n")
	}
	b.WriteString(m.backlogLine() + "\n")
}

// itemDetail is one line about the selected item: who raised it, its papers, its explanation.
func (m *Model) itemDetail(it model.AgendaItem) string {
	var parts []string
	if it.ImpositionID != 0 {
		parts = append(parts, "[V] vertrouwelijk (art 20 WOR)")
	}
	if it.RaisedBy != "" {
		p := "ingebracht door " + it.RaisedBy
		if !it.RaisedOn.IsZero() {
			p += " (" + it.RaisedOn.DayMonth() + ")"
		}
		parts = append(parts, p)
	}
	if docs := m.docs[it.ID]; len(docs) > 0 {
		var names []string
		for _, d := range docs {
			names = append(names, d.Title)
		}
		parts = append(parts, "stukken: "+strings.Join(names, ", "))
	}
	if e := strings.TrimSpace(it.Explain); e != "" {
		parts = append(parts, strings.ReplaceAll(e, "\n", " "))
	}
	if len(parts) == 0 {
		return " " + m.c.Styles.Muted.Render(fmt.Sprintf("punt %d: geen toelichting of stukken (e bewerken, d stukken)", it.Position))
	}
	return common.Cut(fmt.Sprintf(" punt %d: %s", it.Position, strings.Join(parts, " · ")), m.width)
}
