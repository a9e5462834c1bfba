package brieven

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/tui/common"
)

func (m *Model) listKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	if k.list().Move(msg, &m.listCur, m.listRows(), m.list.Total) {
		return m, m.ensurePage()
	}
	switch {
	case key.Matches(msg, k.Open):
		if l, ok := m.selected(); ok {
			m.openLetter(l.ID)
			return m, m.reload()
		}
	case key.Matches(msg, k.New):
		if m.body.ID == 0 {
			return m, nil
		}
		if len(m.templates) == 0 {
			return m, common.Status(fmt.Sprintf("Er zijn geen briefsjablonen voor de regeling %s van %s", strings.ToUpper(string(m.body.RuleSet)), m.body.Name))
		}
		m.mode = modeTemplates
	case key.Matches(msg, k.Delete):
		if l, ok := m.selected(); ok {
			// The cursor stays where it is: the next letter takes the deleted one's place.
			m.ask(fmt.Sprintf("Brief %d (%s) naar de prullenbak? j/n", l.ID, l.TemplateName), func() tea.Cmd {
				st, id := m.st, l.ID
				return write("Brief naar de prullenbak", 0, modeList, func(ctx context.Context) error { return st.DeleteLetter(ctx, id) })
			})
		}
	}
	return m, nil
}

func (m *Model) viewList(b *strings.Builder) {
	s := m.c.Styles
	head := " " + s.Title.Render("Brieven") + "  " + s.Muted.Render(m.body.Name)
	b.WriteString(common.Pad(head, m.width-16) + common.PadLeft(common.Count(m.list.Total, "brief", "brieven")+" ", 16) + "\n")
	if m.list.Total == 0 {
		b.WriteString("\n  Nog geen brieven. Druk n om een brief te beginnen vanuit een sjabloon.\n")
		return
	}
	w := m.width
	const tplW, statusW = 34, 17
	dossierW := max(w-32-tplW-statusW, 10)
	b.WriteString(s.Label.Render("   "+common.Pad("nr", 4)+" "+common.Pad("sjabloon", tplW)+" "+common.Pad("dossier", dossierW)+" "+
		common.Pad("status", statusW)+" "+common.Pad("versie", 7)+" bewaard") + "\n")
	end := min(m.listCur.Offset+m.listRows()-1, m.list.Total)
	for i := m.listCur.Offset; i < end; i++ {
		l, ok := m.list.At(i)
		sel := i == m.listCur.Index
		if !ok { // its window is on its way
			b.WriteString(" " + common.Marker(sel) + " " + s.Muted.Render("…") + "\n")
			continue
		}
		dossier := l.DossierTitle
		if dossier == "" {
			dossier = "-"
		}
		status := l.Status.Label()
		if l.Status == letter.StatusSent {
			status += " " + l.SentOn.DayMonth()
		}
		name := l.TemplateName
		if l.ImpositionID != 0 {
			name = "[V] " + name // art 20: marked in every view, not by colour alone
		}
		line := fmt.Sprintf(" %s %-4d %s %s %s %-7d %s", common.Marker(sel), l.ID, common.Pad(name, tplW),
			common.Pad(dossier, dossierW), common.Pad(status, statusW), l.Versions, savedText(l, m.today()))
		if sel {
			line = s.Selected.Render(line)
		}
		b.WriteString(common.Cut(line, w) + "\n")
	}
}

// savedText is when the latest version was saved: a time today, a date before.
func savedText(l letter.Letter, today model.Date) string {
	if l.SavedAt.IsZero() {
		return ""
	}
	t := l.SavedAt.Local()
	if model.DateOf(t).Equal(today) {
		return "vandaag " + t.Format("15:04")
	}
	return model.DateOf(t).Compact()
}
