package dossiers

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// columns splits the width between the timeline and the terms.
func (m *Model) columns() (left, right int) {
	left = max(m.width*47/100, 30)
	return left, max(m.width-left-1, 20)
}

// bottomLines is how many lines under the columns the open dossier needs: its points of attention, the
// note of the selected event, and the links.
func (m *Model) bottomLines(r row) int { return len(m.checks(r)) + 2 }

func (m *Model) checks(r row) []string {
	c := dossier.Checks(r.d, termijn.RuleSet(r.body.RuleSet))
	if len(c) > 2 {
		c = c[:2]
	}
	return c
}

func (m *Model) timelineRows() int {
	r, _ := m.current()
	return max(m.height-4-m.bottomLines(r), 1)
}

func (m *Model) viewDetail(r row) string {
	s := m.c.Styles
	d := r.d
	var b strings.Builder

	left := " " + s.Title.Render(dossier.KindLabel(d.Kind)+" · "+d.Title)
	status := string(d.Status)
	if on, ok := d.Closed(); ok {
		status = "gesloten op " + on.Compact()
	}
	if d.Owner != "" {
		status += " · eigenaar " + d.Owner
	}
	right := status + " "
	if gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right); gap >= 1 {
		b.WriteString(left + strings.Repeat(" ", gap) + right + "\n")
	} else {
		b.WriteString(common.Cut(left, m.width) + "\n")
	}
	sub := dossier.Article(d.Kind)
	if sub != "" {
		sub += " · "
	}
	sub += r.body.Name + " · gestart " + d.StartedOn.Short()
	if d.Description != "" {
		sub += " · " + d.Description
	}
	b.WriteString(" " + s.Muted.Render(common.Cut(sub, m.width-2)) + "\n\n")

	lw, rw := m.columns()
	rows := m.timelineRows()
	leftLines := []string{s.Heading.Render("  tijdlijn")}
	evs := dossier.Sorted(d.Events)
	if len(evs) == 0 {
		leftLines = append(leftLines, s.Muted.Render("  nog niets; druk n voor de eerste gebeurtenis"))
	}
	end := min(m.evCur.Offset+rows, len(evs))
	for i := m.evCur.Offset; i < end; i++ {
		e := evs[i]
		line := common.Marker(i == m.evCur.Index) + " " + common.PadLeft(e.Date.Compact(), 11) + "  " + e.Label(d.Kind)
		if e.Note != "" && e.Kind != dossier.Note {
			line += " *"
		}
		line = common.Pad(line, lw)
		if i == m.evCur.Index {
			line = s.Selected.Render(line)
		}
		leftLines = append(leftLines, line)
	}
	rightLines := append([]string{s.Heading.Render("termijnen")}, m.termLines(r, rw)...)
	for i := 0; i < max(len(leftLines), min(len(rightLines), rows+1)); i++ {
		l, rt := strings.Repeat(" ", lw), ""
		if i < len(leftLines) {
			l = common.Pad(leftLines[i], lw)
		}
		if i < len(rightLines) && i <= rows {
			rt = rightLines[i]
		}
		b.WriteString(l + " " + common.Cut(rt, rw) + "\n")
	}
	used := strings.Count(b.String(), "\n")
	b.WriteString(strings.Repeat("\n", max(m.height-used-m.bottomLines(r), 0)))
	for _, c := range m.checks(r) {
		b.WriteString(" " + s.Warn.Render(common.Cut("! "+c, m.width-2)) + "\n")
	}
	note := ""
	if len(evs) > 0 && m.evCur.Index < len(evs) && evs[m.evCur.Index].Note != "" {
		note = "* " + evs[m.evCur.Index].Note
	}
	b.WriteString(" " + s.Muted.Render(common.Cut(note, m.width-2)) + "\n")
	b.WriteString(" " + common.Cut(m.links.Text(), m.width-2))
	return common.Lines(b.String(), m.width, m.height)
}

// termLines draws each term: its end and title, how far away with its article, then why (the
// explanation and note, wrapped within the column).
func (m *Model) termLines(r row, width int) []string {
	s := m.c.Styles
	today := m.c.Today()
	if len(r.terms) == 0 {
		msg := "geen termijnen uit deze tijdlijn"
		if termijn.Rules(termijn.RuleSet(r.body.RuleSet)) == nil {
			msg = "geen wettelijke termijn bekend onder " + string(r.body.RuleSet)
		}
		return []string{s.Muted.Render(msg)}
	}
	var out []string
	for _, t := range r.terms {
		out = append(out, t.End.Compact()+"  "+s.Title.Render(t.Title))
		state := termijn.Remaining(today, t.Deadline)
		if t.End.Before(today) {
			state = "✗ " + state
		}
		if t.Done != "" {
			state = "✓ " + t.Done
		}
		if !t.Statutory {
			state += " · afgesproken, geen wettelijke termijn"
		} else {
			state += " · " + t.Article
		}
		out = append(out, "  "+state)
		if t.Done != "" {
			continue // settled: why it ended no longer matters here
		}
		for _, text := range []string{t.Explanation, t.Note} {
			if text == "" {
				continue
			}
			for _, l := range strings.Split(ansi.Wordwrap(text, width-2, ""), "\n") {
				out = append(out, "  "+s.Muted.Render(l))
			}
		}
	}
	return out
}
