package archief

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// View draws what the Archief shows now.
func (m *Model) View() string {
	switch m.mode {
	case modePrompt:
		return m.promptView("Importeren in het archief van "+m.body.Name,
			"Een map wordt met alle submappen ingelezen. Formaten: PDF, DOCX, ODT, TXT, Markdown, HTML en EML;\n"+
				" de bijlagen van een e-mail worden eigen documenten. Wat al in het archief staat, wordt overgeslagen.", m.input)
	case modeImporting:
		return m.progressView()
	case modeSummary:
		return m.summaryView()
	case modeDoc, modeSavePrompt:
		return m.docView()
	case modePicker:
		return m.pickerView()
	case modeHit:
		return m.hitView()
	}
	if m.srch.active {
		return m.searchView()
	}
	return m.listView()
}

// Column widths of the list; the title takes the rest, the last column only what its rows need.
const (
	colType = 10
	colDate = 12
	colTail = 34
)

// tail is the last column of a row: dossier, confidentiality, no text.
func tail(d model.Document) string {
	var t []string
	if d.DossierTitle != "" {
		t = append(t, "dossier: "+d.DossierTitle)
	}
	if d.Confidential {
		t = append(t, "[V]")
	}
	if d.NoText {
		t = append(t, noTextLabel(d))
	}
	return strings.Join(t, " · ")
}

// tailWidth is the width the last column needs for the rows on screen.
func (m *Model) tailWidth() int {
	w := 0
	end := min(m.cur.Offset+m.rows(), m.total)
	for i := m.cur.Offset; i < end; i++ {
		if j := i - m.pageOff; j >= 0 && j < len(m.page) {
			w = max(w, ansi.StringWidth(tail(m.page[j])))
		}
	}
	return min(w, colTail)
}

func (m *Model) listView() string {
	s := m.c.Styles
	var b strings.Builder
	count := common.Count(m.total, "document", "documenten")
	head := " " + s.Title.Render("Archief") + s.Muted.Render("  "+count+" · nieuwste eerst")
	b.WriteString(head + "\n")
	switch {
	case m.confirm:
		d, _ := m.selected()
		b.WriteString(" " + s.Bad.Render(fmt.Sprintf("%q naar de prullenbak? j/n", d.Title)) + "\n")
	case m.loaded && m.body.ID == 0:
		b.WriteString("\n   Nog geen orgaan: maak eerst een orgaan in Instellingen (,).\n")
		return common.Lines(b.String(), m.width, m.height)
	case m.loaded && m.total == 0:
		b.WriteString("\n   Het archief van " + m.body.Name + " is nog leeg.\n\n")
		if m.c.ReadOnly {
			b.WriteString("   Deze database is alleen te lezen; importeren kan hier niet.\n")
		} else {
			b.WriteString("   Druk i om bestanden of een hele map te importeren (PDF, DOCX, ODT, TXT, Markdown, HTML, EML),\n")
			b.WriteString("   of vanuit een terminal: werkbank import PAD...\n")
		}
		return common.Lines(b.String(), m.width, m.height)
	default:
		b.WriteString(s.Muted.Render(fmt.Sprintf("   %s %s %s", common.Pad("soort", colType), common.Pad("datum", colDate), "titel")) + "\n")
	}
	tailW := m.tailWidth()
	titleW := max(m.width-3-colType-colDate-tailW-4, 10)
	end := min(m.cur.Offset+m.rows(), m.total)
	for i := m.cur.Offset; i < end; i++ {
		j := i - m.pageOff
		if j < 0 || j >= len(m.page) {
			b.WriteString(s.Muted.Render("   …") + "\n")
			continue
		}
		d := m.page[j]
		title := d.Title
		if d.ParentID != 0 {
			title = "↳ " + title
		}
		line := fmt.Sprintf(" %s %s %s %s %s", common.Marker(i == m.cur.Index), common.Pad(string(d.Type), colType),
			common.Pad(d.Date.Compact(), colDate), common.Pad(title, titleW), common.Cut(tail(d), tailW))
		if i == m.cur.Index {
			line = s.Selected.Render(line)
		}
		b.WriteString(common.Cut(line, m.width) + "\n")
	}
	return common.Lines(b.String(), m.width, m.height)
}
