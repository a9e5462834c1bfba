package archief

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// picker chooses the dossier a document belongs to: type to filter, ↑↓ and enter to choose.
type picker struct {
	all    []model.DossierChoice
	filter string
	cur    common.Cursor
}

type choicesMsg struct {
	choices []model.DossierChoice
	err     error
}

// noDossier is the first choice: unlink.
var noDossier = model.DossierChoice{Title: "geen dossier"}

func (m *Model) openPicker() tea.Cmd {
	st, body := m.st, m.doc.BodyID
	return func() tea.Msg {
		c, err := st.DossierChoices(context.Background(), body)
		return choicesMsg{c, err}
	}
}

func (m *Model) pickerLoaded(msg choicesMsg) (*Model, tea.Cmd) {
	if msg.err != nil {
		return m, common.Error(msg.err)
	}
	if m.mode != modeDoc {
		return m, nil
	}
	if len(msg.choices) == 0 {
		return m, common.Status("Dit orgaan heeft nog geen dossiers; maak er een in Dossiers (6)")
	}
	m.picker = picker{all: append([]model.DossierChoice{noDossier}, msg.choices...)}
	for i, c := range m.picker.all {
		if c.ID == m.doc.DossierID {
			m.picker.cur.Index = i
		}
	}
	m.mode = modePicker
	m.picker.cur.Clamp(len(m.picker.all), m.pickerRows())
	return m, nil
}

func (p *picker) shown() []model.DossierChoice {
	if p.filter == "" {
		return p.all
	}
	f := strings.ToLower(p.filter)
	var out []model.DossierChoice
	for _, c := range p.all {
		if strings.Contains(strings.ToLower(c.Title), f) {
			out = append(out, c)
		}
	}
	return out
}

func (m *Model) pickerRows() int { return max(m.height-5, 1) }

func (m *Model) pickerKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k, p := m.keys, &m.picker
	shown := p.shown()
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = modeDoc
	case msg.Type == tea.KeyUp:
		p.cur.Move(-1, len(shown), m.pickerRows())
	case msg.Type == tea.KeyDown:
		p.cur.Move(1, len(shown), m.pickerRows())
	case key.Matches(msg, k.Confirm):
		if len(shown) == 0 {
			return m, nil
		}
		choice := shown[p.cur.Index]
		m.mode = modeDoc
		d := m.doc
		d.Text, d.DossierID = "", choice.ID
		st := m.st
		text := fmt.Sprintf("Gekoppeld aan dossier %q", choice.Title)
		if choice.ID == 0 {
			text = "Losgekoppeld van het dossier"
		}
		return m, func() tea.Msg {
			_, err := st.UpdateDocument(context.Background(), d)
			if err != nil {
				return doneMsg{err: err}
			}
			return doneMsg{text: text, reload: true}
		}
	case msg.Type == tea.KeyBackspace:
		if r := []rune(p.filter); len(r) > 0 {
			p.filter = string(r[:len(r)-1])
		}
		p.cur = common.Cursor{}
	case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace:
		p.filter += string(msg.Runes)
		if msg.Type == tea.KeySpace {
			p.filter += " "
		}
		p.cur = common.Cursor{}
	}
	return m, nil
}

func (m *Model) pickerView() string {
	s, p := m.c.Styles, &m.picker
	var b strings.Builder
	b.WriteString(" " + s.Title.Render("Dossier koppelen") + s.Muted.Render("  aan "+m.doc.Title) + "\n")
	b.WriteString(" " + s.Label.Render("zoek") + " " + p.filter + "█\n\n")
	shown := p.shown()
	if len(shown) == 0 {
		b.WriteString("   Geen dossier met " + fmt.Sprintf("%q", p.filter) + " in de titel.\n")
	}
	end := min(p.cur.Offset+m.pickerRows(), len(shown))
	for i := p.cur.Offset; i < end; i++ {
		c := shown[i]
		line := " " + common.Marker(i == p.cur.Index) + " " + common.Pad(c.Title, 60)
		if c.ID != 0 {
			line += "  " + s.Muted.Render(c.Kind+" · "+c.Status)
		}
		if c.ID == m.doc.DossierID {
			line += "  (nu)"
		}
		if i == p.cur.Index {
			line = s.Selected.Render(line)
		}
		b.WriteString(common.Cut(line, m.width) + "\n")
	}
	return common.Lines(b.String(), m.width, m.height)
}
