package dossiers

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// View draws the open form, the event picker, one dossier, or the list.
func (m *Model) View() string {
	switch {
	case m.form != nil:
		v := "\n" + m.form.View()
		if m.formErr != "" {
			v += "\n" + m.c.Styles.Bad.Render(indent(ansi.Wordwrap("✗ "+m.formErr, m.width-4, ""), "   "))
		}
		return common.Lines(v, m.width, m.height)
	case m.picker != nil:
		return m.viewPicker()
	case m.detail:
		if r, ok := m.current(); ok {
			return m.viewDetail(r)
		}
	}
	return m.viewList()
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

func (m *Model) viewPicker() string {
	s := m.c.Styles
	var b strings.Builder
	r, _ := m.current()
	b.WriteString("\n " + s.Title.Render("Gebeurtenis toevoegen aan "+r.d.Title) + "\n\n")
	for i, k := range m.picker.kinds {
		line := " " + common.Marker(i == m.picker.cur.Index) + " " + k.Name(m.picker.kind)
		if i == m.picker.cur.Index {
			line = s.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n " + s.Muted.Render("Een termijn die de bestuurder vraagt (\"advies binnen 6 weken\") is een afgesproken "+
		"termijn, geen wettelijke.") + "\n")
	return common.Lines(b.String(), m.width, m.height)
}

func (m *Model) filterLine() string {
	s := m.c.Styles
	var parts []string
	for i, f := range []string{"open", "alle", "gesloten"} {
		if i == m.status {
			parts = append(parts, s.ActiveTab.Render("["+f+"]"))
		} else {
			parts = append(parts, s.Tab.Render(f))
		}
	}
	kind := "alle"
	if m.kind > 0 {
		kind = string(termijn.DossierKinds[m.kind-1])
	}
	body := m.activeBody().Name
	if m.allBodies {
		body = "alle organen"
	}
	left := " " + s.Title.Render("Dossiers") + "  " + strings.Join(parts, " ") + s.Muted.Render("  · soort: "+kind+" · "+body)
	right := common.Count(m.total(), "dossier", "dossiers") + " "
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return common.Cut(left, m.width)
	}
	return left + strings.Repeat(" ", gap) + right
}

// nextText is the next term of a row in a few words: "ma 1 dec · 6 dagen · Einde opschorting besluit".
func (m *Model) nextText(r row) string {
	if !r.has {
		if _, closed := r.d.Closed(); closed {
			return ""
		}
		return "geen termijn"
	}
	return common.Pad(r.next.End.Weekday2()+" "+r.next.End.DayMonth(), 10) + common.Pad(dossier.Remaining(m.c.Today(),
		r.next.End), 10) + shortRule(r.next.Rule)
}

// shortKind and shortRule keep list columns narrow; the full words are one line below and on the dossier.
func shortKind(k termijn.DossierKind) string {
	switch k {
	case termijn.Adviesaanvraag:
		return "advies"
	case termijn.Instemmingsverzoek:
		return "instemming"
	case termijn.Initiatiefvoorstel:
		return "initiatief"
	case termijn.Informatieverzoek:
		return "informatie"
	}
	return string(k)
}

func shortRule(code string) string {
	switch code {
	case termijn.CodeOpschorting:
		return "einde opschorting"
	case termijn.CodeBeroep:
		return "beroep OK"
	case termijn.CodeNietigheid:
		return "nietigheid inroepen"
	case termijn.CodeOVVerzoek:
		return "OV houden"
	case termijn.CodeAfgesproken:
		return "afgesproken"
	}
	return code
}

func (m *Model) viewList() string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(m.filterLine() + "\n")
	if !m.loaded {
		return common.Lines(b.String(), m.width, m.height)
	}
	if m.total() == 0 {
		b.WriteString("\n")
		if !m.any {
			b.WriteString("   Nog geen dossiers. Druk n om een adviesaanvraag, instemmingsverzoek, initiatiefvoorstel of\n")
			b.WriteString("   informatieverzoek vast te leggen; werkbank rekent de termijnen uit.\n")
		} else {
			b.WriteString("   Geen dossiers met dit filter (f: open/alle/gesloten, s: soort).\n")
		}
		return common.Lines(b.String(), m.width, m.height)
	}
	tw := max(m.width-74, 20)
	b.WriteString(s.Muted.Render(fmt.Sprintf("   %-4s %-10s %s %-15s %s", "nr", "soort", common.Pad("titel", tw), "eigenaar",
		"volgende termijn")) + "\n")
	end := min(m.cur.Offset+m.listRows(), m.total())
	for i := m.cur.Offset; i < end; i++ {
		r, ok := m.rowAt(i)
		if !ok { // its window is on its way
			b.WriteString(" " + common.Marker(i == m.cur.Index) + " " + s.Muted.Render("…") + "\n")
			continue
		}
		title := r.d.Title
		if r.d.ImpositionID != 0 {
			title = "[V] " + title
		}
		next := m.nextText(r)
		line := fmt.Sprintf(" %s %-4d %-10s %s %s %s", common.Marker(i == m.cur.Index), r.d.ID, shortKind(r.d.Kind),
			common.Pad(title, tw), common.Pad(r.d.Owner, 15), next)
		switch {
		case i == m.cur.Index:
			line = s.Selected.Render(common.Cut(line, m.width))
		case r.d.Status == dossier.StatusClosed:
			line = s.Muted.Render(common.Cut(line, m.width))
		}
		b.WriteString(common.Cut(line, m.width) + "\n")
	}
	lines := strings.Count(b.String(), "\n")
	b.WriteString(strings.Repeat("\n", max(m.height-lines-2, 0)))
	r, ok := m.rowAt(m.cur.Index)
	if !ok {
		return common.Lines(b.String(), m.width, m.height)
	}
	info := r.body.Name + " · fase: " + r.d.Phase() + " · gestart " + r.d.StartedOn.Compact()
	b.WriteString(" " + s.Muted.Render(common.Cut(info, m.width-2)) + "\n")
	if r.has {
		b.WriteString(" " + common.Cut(fmt.Sprintf("volgende termijn: %s, %s (%s) — %s", r.next.Title, r.next.End.Short(),
			r.next.Article, termijn.Remaining(m.c.Today(), r.next.Deadline)), m.width-2))
	}
	return common.Lines(b.String(), m.width, m.height)
}
