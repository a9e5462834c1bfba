package notulen

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/werkbank-nl/werkbank/model"
)

// quickKeys label the owners: one keystroke picks one.
const quickKeys = "123456789abcdefhijklmnorstuvwxyz"

// dueChoice is one of the due dates offered with one keystroke.
type dueChoice struct {
	key   string
	label string
	date  model.Date
}

// dueChoices are counted from the meeting's date: the action was agreed there.
func (m *Model) dueChoices() []dueChoice {
	d := m.meeting.Date
	out := []dueChoice{
		{"1", "over 1 week", d.AddDays(7)},
		{"2", "over 2 weken", d.AddDays(14)},
		{"3", "over 3 weken", d.AddDays(21)},
		{"4", "over 4 weken", d.AddDays(28)},
	}
	for _, l := range m.later {
		if l.Kind == m.meeting.Kind {
			out = append(out, dueChoice{"v", "voor de volgende vergadering (" + l.Date.DayMonth() + ")", l.Date.AddDays(-1)})
			break
		}
	}
	return append(out, dueChoice{"g", "geen datum", model.Date{}})
}

func (m *Model) quickKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	if msg.String() == "esc" {
		m.quick = stepNone
		m.qinput.Blur()
		return m, nil
	}
	switch m.quick {
	case stepDescription:
		if msg.String() == "enter" {
			if strings.TrimSpace(m.qinput.Value()) == "" {
				return m, func() tea.Msg {
					return savedMsg{err: model.Invalid("description", "omschrijving is verplicht: wat moet er gebeuren?")}
				}
			}
			m.qaction.Description = strings.TrimSpace(m.qinput.Value())
			m.qinput.Blur()
			m.quick = stepOwner
			return m, nil
		}
		var cmd tea.Cmd
		m.qinput, cmd = m.qinput.Update(msg)
		return m, cmd
	case stepOwner:
		i := strings.Index(quickKeys, msg.String())
		if len(msg.String()) == 1 && i >= 0 && i < len(m.owners) {
			m.qaction.Owner = m.owners[i]
			m.quick = stepDue
		}
		return m, nil
	case stepDue:
		for _, c := range m.dueChoices() {
			if msg.String() == c.key {
				a := c.date
				m.qaction.Due = a
				m.quick = stepNone
				return m, m.createAction(m.qaction)
			}
		}
	}
	return m, nil
}

func (m *Model) createAction(a model.Action) tea.Cmd {
	st := m.st
	return func() tea.Msg {
		got, err := st.CreateAction(context.Background(), a)
		if err != nil {
			return savedMsg{err: err}
		}
		due := "zonder datum"
		if !got.Due.IsZero() {
			due = "uiterlijk " + got.Due.Short()
		}
		return savedMsg{text: fmt.Sprintf("Actie %s voor %s, %s", got.Number(), got.Owner, due)}
	}
}

// quickView is the prompt of the step the quick action entry is in.
func (m *Model) quickView() string {
	s := m.c.Styles
	it, _ := m.selected()
	head := fmt.Sprintf(" %s bij punt %d", s.Title.Render("Nieuwe actie"), it.Position)
	switch m.quick {
	case stepDescription:
		return head + "\n   Wat moet er gebeuren? " + m.qinput.View() + "\n   " + s.Muted.Render("enter verder · esc annuleren")
	case stepOwner:
		var opts []string
		for i, o := range m.owners {
			if i >= len(quickKeys) {
				break
			}
			opts = append(opts, s.Key.Render(string(quickKeys[i]))+" "+o)
		}
		return head + ": " + m.qaction.Description + "\n   Wie? " + wrapJoin(opts, m.width-8, "\n        ")
	case stepDue:
		var opts []string
		for _, c := range m.dueChoices() {
			opts = append(opts, s.Key.Render(c.key)+" "+c.label)
		}
		return head + ": " + m.qaction.Description + " · " + m.qaction.Owner + "\n   Wanneer? " + wrapJoin(opts, m.width-12, "\n            ")
	}
	return ""
}

// wrapJoin joins options with " · ", starting a new line (with indent) before one would pass width.
func wrapJoin(opts []string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, o := range opts {
		w := ansi.StringWidth(o)
		if i > 0 {
			if line+3+w > width {
				b.WriteString(indent)
				line = 0
			} else {
				b.WriteString(" · ")
				line += 3
			}
		}
		b.WriteString(o)
		line += w
	}
	return b.String()
}
