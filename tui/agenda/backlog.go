package agenda

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// target is the meeting a parkeerlijst topic goes to: the open agenda, or else the first upcoming meeting
// that is not cancelled.
func (m *Model) target() (model.Meeting, bool) {
	if m.back == modeEditor && m.meeting.ID != 0 {
		return m.meeting, true
	}
	return m.next, m.next.ID != 0
}

func (m *Model) backlogKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	var t model.BacklogTopic
	ok := len(m.backlog) > 0
	if ok {
		t = m.backlog[m.blCur.Index]
	}
	st := m.st
	switch {
	case key.Matches(msg, k.Back):
		m.mode = m.back
	case key.Matches(msg, k.Up):
		m.blCur.Move(-1, len(m.backlog), m.listRows())
	case key.Matches(msg, k.Down):
		m.blCur.Move(1, len(m.backlog), m.listRows())
	case key.Matches(msg, k.Schedule) && ok:
		mt, found := m.target()
		if !found {
			return m, common.Error(model.Invalid("meeting", "er is geen komende vergadering: plan er eerst een (n)"))
		}
		back := m.back
		return m, func() tea.Msg {
			it, err := st.ScheduleTopic(context.Background(), t.ID, mt.ID, 0)
			msg := savedMsg{text: t.Title + " staat op de agenda van " + mt.Title(), err: err, focus: it.ID}
			if back == modeEditor {
				msg.text = t.Title + " staat nu op deze agenda als punt " + fmt.Sprint(it.Position)
			}
			return msg
		}
	case key.Matches(msg, k.New):
		m.topicForm(model.BacklogTopic{BodyID: m.body.ID, RaisedOn: m.today(), Minutes: 15, Purpose: model.PurposeBespreking})
	case key.Matches(msg, k.Edit) && ok:
		m.topicForm(t)
	case key.Matches(msg, k.Delete) && ok:
		return m, write(t.Title+" naar de prullenbak (P)", func(ctx context.Context) error { return st.DeleteBacklogTopic(ctx, t.ID) })
	}
	return m, nil
}

func (m *Model) viewBacklog(b *strings.Builder) {
	s := m.c.Styles
	dest := "geen komende vergadering"
	if mt, ok := m.target(); ok {
		dest = "enter zet een onderwerp op de agenda van " + mt.Title()
	}
	b.WriteString(spread(" "+s.Title.Render("Parkeerlijst")+"  "+m.body.Name, common.Count(len(m.backlog), "onderwerp", "onderwerpen")+" ", m.width) + "\n")
	b.WriteString(" " + s.Muted.Render(dest) + "\n")
	if len(m.backlog) == 0 {
		b.WriteString("\n   De parkeerlijst is leeg. Druk n om een onderwerp te parkeren dat nog niet op een agenda hoort;\n")
		b.WriteString("   in de agenda zet p een punt terug op de parkeerlijst.\n")
		return
	}
	b.WriteString(s.Muted.Render(fmt.Sprintf("   %-38s %-20s %-11s %-18s %4s", "onderwerp", "ingebracht door", "op", "doel", "min")) + "\n")
	end := min(m.blCur.Offset+m.listRows(), len(m.backlog))
	for i := m.blCur.Offset; i < end; i++ {
		t := m.backlog[i]
		flag := ""
		if t.ImpositionID != 0 {
			flag = "[V]"
		}
		if t.FromItem != 0 {
			flag = strings.TrimSpace(flag + " niet behandeld")
		}
		line := fmt.Sprintf("%s %s %s %s %4d  %s", common.Pad(t.Title, 38), common.Pad(t.RaisedBy, 20), common.Pad(t.RaisedOn.Compact(), 11),
			common.Pad(string(t.Purpose), 18), t.Minutes, flag)
		m.row(b, i == m.blCur.Index, line, false)
	}
	if len(m.backlog) > 0 {
		t := m.backlog[m.blCur.Index]
		if e := strings.TrimSpace(t.Explain); e != "" {
			b.WriteString(m.rule() + "\n")
			b.WriteString(common.Cut(" "+strings.ReplaceAll(e, "\n", " "), m.width) + "\n")
		}
	}
}
