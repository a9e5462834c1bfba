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

func (m *Model) tplKindNow() model.MeetingKind { return model.MeetingKinds[m.tplKind] }

// saveTemplate stores the whole list for the kind shown; every edit saves at once.
func (m *Model) saveTemplate(items []model.TemplateItem, text string) tea.Cmd {
	st, body, kind := m.st, m.body.ID, m.tplKindNow()
	m.tpl, m.tplCustom = items, true
	return write(text, func(ctx context.Context) error { return st.SaveAgendaTemplate(ctx, body, kind, items) })
}

func (m *Model) templateKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	ok := len(m.tpl) > 0
	i := m.tplCur.Index
	switch {
	case key.Matches(msg, k.Back):
		m.mode = modeList
	case key.Matches(msg, k.Up):
		m.tplCur.Move(-1, len(m.tpl), m.listRows())
	case key.Matches(msg, k.Down):
		m.tplCur.Move(1, len(m.tpl), m.listRows())
	case key.Matches(msg, k.NextKind), key.Matches(msg, k.PrevKind):
		d := 1
		if key.Matches(msg, k.PrevKind) {
			d = len(model.MeetingKinds) - 1
		}
		m.tplKind = (m.tplKind + d) % len(model.MeetingKinds)
		m.tpl, m.tplCur = nil, common.Cursor{}
		return m, loadTemplate(m.st, m.body.ID, m.tplKindNow())
	case key.Matches(msg, k.New):
		m.templateForm(-1, model.TemplateItem{Purpose: model.PurposeBespreking, Minutes: 10})
	case (key.Matches(msg, k.Edit) || key.Matches(msg, k.Open)) && ok && !m.c.ReadOnly:
		m.templateForm(i, m.tpl[i])
	case key.Matches(msg, k.Delete) && ok:
		items := append(append([]model.TemplateItem{}, m.tpl[:i]...), m.tpl[i+1:]...)
		return m, m.saveTemplate(items, "Regel "+m.tpl[i].Title+" uit de standaardagenda gehaald")
	case (key.Matches(msg, k.MoveUp) || key.Matches(msg, k.MoveDown)) && ok:
		j := i - 1
		if key.Matches(msg, k.MoveDown) {
			j = i + 1
		}
		if j < 0 || j >= len(m.tpl) {
			return m, nil
		}
		items := append([]model.TemplateItem{}, m.tpl...)
		items[i], items[j] = items[j], items[i]
		m.tplCur.Index = j
		return m, m.saveTemplate(items, "Standaardagenda opgeslagen")
	case key.Matches(msg, k.Reset):
		st, body, kind := m.st, m.body.ID, m.tplKindNow()
		m.tplCustom = false
		return m, write("Standaardagenda "+kind.Label()+" terug naar de ingebouwde", func(ctx context.Context) error {
			return st.SaveAgendaTemplate(ctx, body, kind, nil)
		})
	}
	return m, nil
}

func (m *Model) viewTemplates(b *strings.Builder) {
	s := m.c.Styles
	b.WriteString(" " + s.Title.Render("Standaardagenda") + "  ")
	for i, kind := range model.MeetingKinds {
		if i == m.tplKind {
			b.WriteString(s.ActiveTab.Render("["+kind.Label()+"]") + " ")
		} else {
			b.WriteString(s.Tab.Render(" "+kind.Label()+" ") + " ")
		}
	}
	b.WriteString("\n")
	origin := "ingebouwd: wijzig een regel om er uw eigen versie van te maken"
	if m.tplCustom {
		origin = "eigen versie (R: terug naar de ingebouwde)"
	}
	b.WriteString(" " + s.Muted.Render("een nieuwe vergadering begint met deze punten · "+origin) + "\n")
	b.WriteString(s.Muted.Render(fmt.Sprintf("   %-3s %-44s %-18s %-14s %4s", "nr", "onderwerp", "doel", "wie", "min")) + "\n")
	total := 0
	for i, t := range m.tpl {
		total += t.Minutes
		line := fmt.Sprintf("%-3d %s %s %s %4d", i+1, common.Pad(t.Title, 44), common.Pad(string(t.Purpose), 18), common.Pad(t.Presenter, 14), t.Minutes)
		m.row(b, i == m.tplCur.Index, line, false)
	}
	b.WriteString(spread("", fmt.Sprintf("totaal %d min ", total), m.width) + "\n")
}
