package archief

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// searchView is the box, what the search is set to, and two lines per hit: the hit, and a snippet
// with the matched words marked »so«.
func (m *Model) searchView() string {
	st, s := m.c.Styles, &m.srch
	var b strings.Builder
	box := s.input.View()
	if !s.focused {
		box = s.input.Value()
	}
	order := "op relevantie"
	if s.byDate {
		order = "nieuwste eerst"
	}
	right := order
	if t := searchTypes[s.typeIdx]; t != "" {
		right = "soort: " + t + " · " + right
	}
	switch {
	case s.text == "":
	case s.loading && len(s.res.Hits) == 0:
		right = "zoeken… · " + right
	default:
		right = s.res.CountText() + " · " + right
	}
	left := " " + st.Title.Render("Zoeken:") + " " + box
	gap := max(m.width-lipgloss.Width(left)-lipgloss.Width(right)-1, 1)
	b.WriteString(common.Cut(left+strings.Repeat(" ", gap)+st.Muted.Render(right), m.width) + "\n")
	if len(s.res.Problems) > 0 {
		b.WriteString(common.Cut(" "+st.Warn.Render("let op: "+strings.Join(s.res.Problems, "; ")), m.width) + "\n")
	} else {
		b.WriteString(st.Muted.Render(fmt.Sprintf("   %s %s %s", common.Pad("soort", colType), common.Pad("datum", colDate), "titel")) + "\n")
	}
	switch {
	case s.text == "":
		b.WriteString("\n   Typ om te zoeken in documenten, acties en besluiten. Voorbeelden:\n")
		b.WriteString("     reorganisatie jaar:2024      \"sociaal plan\"      reorg* -concept      afzender:bakker\n")
		b.WriteString("   t kiest een soort, r wisselt tussen relevantie en datum, esc sluit het zoeken.\n")
		return common.Lines(b.String(), m.width, m.height)
	case !s.loading && len(s.res.Hits) == 0:
		b.WriteString("\n   Niets gevonden. Minder woorden, een woord met * of zonder filter vindt meer.\n")
		return common.Lines(b.String(), m.width, m.height)
	}
	titleW := max(m.width-3-colType-colDate-colTail-4, 10)
	end := min(s.cur.Offset+m.hitRows(), s.total())
	for i := s.cur.Offset; i < end; i++ {
		h := s.res.Hits[i]
		title := h.Title
		if h.Number != "" {
			title = h.Number + "  " + title
		}
		line := fmt.Sprintf(" %s %s %s %s %s", common.Marker(i == s.cur.Index), common.Pad(h.Type, colType),
			common.Pad(h.Date.Compact(), colDate), common.Pad(title, titleW), common.Cut(hitTail(h), colTail))
		if i == s.cur.Index {
			line = st.Selected.Render(line)
		}
		b.WriteString(common.Cut(line, m.width) + "\n")
		snippet := h.Snippet
		if h.Kind != model.HitDocument {
			snippet = hitWho(h)
		}
		b.WriteString(st.Muted.Render(common.Cut(strings.Repeat(" ", 3+colType+1+colDate+1)+snippet, m.width)) + "\n")
	}
	return common.Lines(b.String(), m.width, m.height)
}

func hitTail(h model.SearchHit) string {
	var t []string
	if h.DossierTitle != "" {
		t = append(t, "dossier: "+h.DossierTitle)
	}
	if h.Confidential {
		t = append(t, "[V]")
	}
	return strings.Join(t, " · ")
}

// hitWho is the second line of an action or decision: its text is the title already.
func hitWho(h model.SearchHit) string {
	if h.Kind == model.HitAction {
		return "actie · eigenaar " + h.Sender + " · enter toont de actie"
	}
	return "besluit " + h.Number + " · enter toont het besluit"
}

// hitView is the read-only pane of an action or decision found by search.
func (m *Model) hitView() string {
	st, h := m.c.Styles, m.srch.hit
	var b strings.Builder
	kind := "Actie"
	if h.Kind == model.HitDecision {
		kind = "Besluit"
	}
	b.WriteString(" " + st.Title.Render(kind+" "+h.Number) + "\n\n")
	row := func(label, value string) {
		if value != "" {
			b.WriteString(common.Cut(" "+st.Label.Render(common.Pad(label, 10))+" "+value, m.width) + "\n")
		}
	}
	date := h.Date.Long()
	if h.Date.IsZero() {
		date = ""
	}
	if h.Kind == model.HitAction {
		row("eigenaar", h.Sender)
		row("datum", date)
	} else {
		row("genomen", date)
	}
	row("dossier", h.DossierTitle)
	if h.Confidential {
		row("", st.Warn.Render("[V] vertrouwelijk (art 20)"))
	}
	b.WriteString("\n")
	b.WriteString(lipgloss.NewStyle().Width(max(m.width-4, 10)).PaddingLeft(2).Render(m.markedTitle(h)) + "\n\n")
	if h.Kind == model.HitAction {
		b.WriteString(st.Muted.Render("   Alleen te lezen hier. enter gaat naar Acties (3), esc terug.") + "\n")
	} else {
		b.WriteString(st.Muted.Render("   Alleen te lezen hier. esc terug.") + "\n")
	}
	return common.Lines(b.String(), m.width, m.height)
}

func (m *Model) markedTitle(h model.SearchHit) string {
	saved := m.terms
	m.terms = m.srch.res.Terms
	text, _ := m.markMatches(h.Title)
	m.terms = saved
	return text
}
