package agenda

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// picker attaches archived documents to an item: type to search, enter attaches or detaches.
type picker struct {
	item  model.AgendaItem
	input textinput.Model
	found []model.AttachedDocument
	on    map[int64]bool
	cur   common.Cursor
	seq   int
}

var pickToggle = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "stuk erbij/eraf"))

type docsMsg struct {
	seq   int
	found []model.AttachedDocument
	err   error
}

type attachedMsg struct {
	id  int64
	on  bool
	err error
}

func findDocs(st Store, bodyID int64, query string, seq int) tea.Cmd {
	return func() tea.Msg {
		found, err := st.AttachableDocuments(context.Background(), bodyID, query, 50)
		return docsMsg{seq: seq, found: found, err: err}
	}
}

func (m *Model) openPicker(it model.AgendaItem) tea.Cmd {
	in := textinput.New()
	in.Prompt = "zoek: "
	in.CharLimit = 200
	in.Focus()
	p := &picker{item: it, input: in, on: map[int64]bool{}, seq: 1}
	for _, d := range m.docs[it.ID] {
		p.on[d.ID] = true
	}
	m.picker = p
	return findDocs(m.st, m.body.ID, "", p.seq)
}

func (m *Model) pickerMsg(msg tea.Msg) (*Model, tea.Cmd) {
	p := m.picker
	switch msg := msg.(type) {
	case docsMsg:
		if p == nil || msg.seq != p.seq {
			return m, nil
		}
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		p.found = msg.found
		p.cur.Clamp(len(p.found), m.listRows())
	case attachedMsg:
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		if p != nil {
			p.on[msg.id] = msg.on
		}
		m.meetingSeq++
		return m, loadMeeting(m.st, m.meeting.ID, m.today(), m.meetingSeq)
	}
	return m, nil
}

func (m *Model) pickerKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	p := m.picker
	switch msg.String() {
	case "esc":
		m.picker = nil
		return m, nil
	case "up":
		p.cur.Move(-1, len(p.found), m.listRows())
		return m, nil
	case "down":
		p.cur.Move(1, len(p.found), m.listRows())
		return m, nil
	case "enter":
		if len(p.found) == 0 || m.c.ReadOnly {
			return m, nil
		}
		d := p.found[p.cur.Index]
		st, item, on := m.st, p.item.ID, !p.on[d.ID]
		return m, func() tea.Msg {
			var err error
			if on {
				err = st.AttachDocument(context.Background(), item, d.ID)
			} else {
				err = st.DetachDocument(context.Background(), item, d.ID)
			}
			return attachedMsg{id: d.ID, on: on, err: err}
		}
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.seq++
		return m, tea.Batch(cmd, findDocs(m.st, m.body.ID, p.input.Value(), p.seq))
	}
	return m, cmd
}

func (m *Model) viewPicker(b *strings.Builder) {
	s := m.c.Styles
	p := m.picker
	b.WriteString(" " + s.Title.Render(fmt.Sprintf("Stukken bij punt %d: %s", p.item.Position, p.item.Title)) + "\n")
	b.WriteString(" " + p.input.View() + "\n")
	if len(p.found) == 0 {
		if p.input.Value() == "" {
			b.WriteString("\n   Het archief heeft nog geen stukken van dit orgaan. Importeer ze eerst (werkbank import MAP);\n")
			b.WriteString("   daarna kunt u ze hier aan een agendapunt hangen.\n")
		} else {
			b.WriteString("   Geen stukken gevonden.\n")
		}
		return
	}
	end := min(p.cur.Offset+m.listRows(), len(p.found))
	for i := p.cur.Offset; i < end; i++ {
		d := p.found[i]
		box := "[ ]"
		if p.on[d.ID] {
			box = "[x]"
		}
		flag := ""
		if d.ImpositionID != 0 {
			flag = " [V]"
		}
		m.row(b, i == p.cur.Index, fmt.Sprintf("%s %s %s%s", box, common.Pad(d.Title, 50), d.FileName, flag), false)
	}
}
