package archief

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

func (m *Model) docLoaded(msg docMsg) (*Model, tea.Cmd) {
	if msg.err != nil {
		if errors.Is(msg.err, model.ErrNotFound) && m.mode == modeDoc {
			m.mode = modeList
		}
		return m, common.Error(msg.err)
	}
	opened := m.mode == modeList || m.doc.ID != msg.doc.ID
	if opened {
		m.text.GotoTop()
	}
	if m.mode == modeList {
		m.mode = modeDoc
	}
	m.doc, m.attached, m.parent = msg.doc, msg.attached, msg.parent
	m.setText()
	if opened {
		m.matchIdx = 0
		if len(m.matches) > 0 && m.matches[0] >= m.text.Height {
			m.showMatch() // the first match is below the fold: show it
		}
	}
	return m, nil
}

// setText fills the viewport with the text wrapped to the width, never cut.
func (m *Model) setText() {
	text := m.doc.Text
	if strings.TrimSpace(text) == "" {
		text = "(geen tekst)"
		if m.doc.NoText && strings.HasSuffix(strings.ToLower(m.doc.FileName), ".pdf") {
			text = "(" + noTextPDF + ": open het origineel met o)"
		}
	}
	text, marked := m.markMatches(text)
	wrapped := lipgloss.NewStyle().Width(max(m.width-2, 10)).PaddingLeft(1).Render(text)
	m.text.SetContent(wrapped)
	m.matches = nil
	if marked {
		for i, line := range strings.Split(wrapped, "\n") {
			if strings.Contains(line, "»") {
				m.matches = append(m.matches, i)
			}
		}
	}
}

// markMatches puts »…« around the words the search found, so that they read without colour.
func (m *Model) markMatches(text string) (string, bool) {
	if len(m.terms) == 0 {
		return text, false
	}
	spans := m.st.MatchSpans(text, m.terms)
	if len(spans) == 0 {
		return text, false
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp.Start < last || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		b.WriteString(text[last:sp.Start])
		b.WriteString("»" + text[sp.Start:sp.End] + "«")
		last = sp.End
	}
	b.WriteString(text[last:])
	return b.String(), true
}

// jumpMatch scrolls to the next (dir 1) or previous (dir -1) match, wrapping around.
func (m *Model) jumpMatch(dir int) {
	n := len(m.matches)
	if n == 0 {
		return
	}
	m.matchIdx = ((m.matchIdx+dir)%n + n) % n
	m.showMatch()
}

// showMatch scrolls so that the current match is on screen, a few lines from the top.
func (m *Model) showMatch() {
	m.text.SetYOffset(max(m.matches[m.matchIdx]-2, 0))
}

// matchAt says which match is shown: "treffer 2 van 7".
func (m *Model) matchAt() string {
	if len(m.matches) == 0 {
		return ""
	}
	return fmt.Sprintf(" treffer %d van %d · n/N ", m.matchIdx+1, len(m.matches))
}

func (m *Model) docKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	if m.form != nil {
		var cmd tea.Cmd
		m.form, cmd = m.form.Update(msg)
		return m, cmd
	}
	if m.confirm {
		return m.confirmDelete(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		m.mode, m.doc = modeList, model.Document{}
		return m, m.reload()
	case key.Matches(msg, k.Edit):
		m.openForm()
	case key.Matches(msg, k.Dossier):
		return m, m.openPicker()
	case key.Matches(msg, k.Original):
		return m, m.openOriginal(m.doc)
	case key.Matches(msg, k.SaveAs):
		m.mode, m.candidates = modeSavePrompt, nil
		m.input.SetValue("~/" + m.doc.FileName)
		m.input.CursorEnd()
		return m, m.input.Focus()
	case key.Matches(msg, k.Delete):
		m.confirm = true
	case key.Matches(msg, k.NextMatch):
		m.jumpMatch(1)
	case key.Matches(msg, k.PrevMatch):
		m.jumpMatch(-1)
	case key.Matches(msg, k.Top):
		m.text.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.text.GotoBottom()
	default:
		var cmd tea.Cmd
		m.text, cmd = m.text.Update(msg)
		return m, cmd
	}
	return m, nil
}

// confirmDelete asks "j/n" before a document goes to the prullenbak.
func (m *Model) confirmDelete(msg tea.KeyMsg) (*Model, tea.Cmd) {
	m.confirm = false
	if s := msg.String(); s != "j" && s != "y" {
		return m, nil
	}
	d := m.doc
	if m.mode == modeList {
		d, _ = m.selected()
	}
	st := m.st
	return m, func() tea.Msg {
		err := st.DeleteDocument(context.Background(), d.ID)
		return doneMsg{text: fmt.Sprintf("%q naar de prullenbak (P om terug te zetten)", d.Title), err: err, back: true, reload: true}
	}
}

// noTextPDF is how a PDF without a text layer is listed (the same words as the import's summary).
const noTextPDF = "geen tekst (scan?)"

var yesNo = []string{"nee", "ja"}

func typeLabels() []string {
	out := make([]string, len(model.DocTypes))
	for i, t := range model.DocTypes {
		out[i] = string(t)
	}
	return out
}

func (m *Model) openForm() {
	d := m.doc
	conf := "nee"
	if d.Confidential {
		conf = "ja"
	}
	m.form = form.New(m.c, "document", "Gegevens van het document",
		form.Text("title", "Titel", d.Title, form.Required("titel")),
		form.Text("date", "Datum", d.Date.String(), form.Date("datum", false)).WithHint("JJJJ-MM-DD of DD-MM-JJJJ"),
		form.Choice("type", "Soort", string(d.Type), typeLabels()).WithHint("←/→ kiezen"),
		form.Text("sender", "Afzender of auteur", d.Sender, form.MaxRunes("afzender", 300)),
		form.Choice("confidential", "Vertrouwelijk", conf, yesNo).WithHint("art 20 WOR: geheimhouding zonder einddatum"))
	m.form.SetWidth(m.width)
}

func (m *Model) saveForm(msg form.SubmitMsg) tea.Cmd {
	if msg.ID != "document" || m.form == nil {
		return nil
	}
	d, v := m.doc, msg.Values
	d.Text = ""
	d.Title, d.Sender, d.Type = v["title"], v["sender"], model.DocType(v["type"])
	d.Date, _ = model.ParseDate(v["date"])
	d.Confidential = v["confidential"] == "ja"
	st := m.st
	return func() tea.Msg {
		_, err := st.UpdateDocument(context.Background(), d)
		return formSavedMsg{err: err}
	}
}

type formSavedMsg struct{ err error }

func (m *Model) formSaved(msg formSavedMsg) (*Model, tea.Cmd) {
	var fe *model.FieldError
	switch {
	case msg.err == nil:
		m.form = nil
		return m, tea.Batch(common.Status("Gegevens opgeslagen"), loadDoc(m.st, m.doc.ID), common.Reload)
	case m.form != nil && errors.As(msg.err, &fe):
		m.form.SetError(fe.Field, fe.Message)
		return m, nil
	case m.form != nil && !errors.Is(msg.err, model.ErrConflict):
		m.form.Err = common.ErrorText(msg.err)
		return m, nil
	}
	// Changed elsewhere: close the form and show the fresh data with the message.
	m.form = nil
	return m, tea.Batch(common.Error(msg.err), loadDoc(m.st, m.doc.ID))
}

func (m *Model) saveKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = modeDoc
		m.input.Blur()
		return m, nil
	case key.Matches(msg, k.Complete):
		v, cands := Complete(m.input.Value())
		m.input.SetValue(v)
		m.input.CursorEnd()
		m.candidates = cands
		return m, nil
	case key.Matches(msg, k.Start):
		path := strings.TrimSpace(m.input.Value())
		m.mode = modeDoc
		m.input.Blur()
		st, id := m.st, m.doc.ID
		return m, func() tea.Msg {
			written, err := st.SaveOriginal(context.Background(), id, path)
			return doneMsg{text: "Origineel opgeslagen als " + written, err: err}
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.candidates = nil
	return m, cmd
}

// docView draws the metadata above the text.
func (m *Model) docView() string {
	s, d := m.c.Styles, m.doc
	var b strings.Builder
	right := string(d.Type) + " · " + d.Date.Short()
	title := common.Cut(" "+s.Title.Render(d.Title), m.width-lipgloss.Width(right)-3)
	gap := max(m.width-lipgloss.Width(title)-lipgloss.Width(right)-1, 1)
	b.WriteString(title + strings.Repeat(" ", gap) + right + "\n")
	if m.form != nil {
		b.WriteString("\n" + m.form.View())
		return common.Lines(b.String(), m.width, m.height)
	}
	dossier := "geen (D koppelt)"
	if d.DossierID != 0 {
		dossier = d.DossierTitle
	}
	sender := d.Sender
	if sender == "" {
		sender = "onbekend"
	}
	conf := ""
	if d.Confidential {
		conf = "  " + s.Warn.Render("[V] vertrouwelijk (art 20)")
	}
	b.WriteString(common.Cut(fmt.Sprintf(" %s %s  %s %s%s", s.Label.Render("afzender"), common.Pad(sender, 30),
		s.Label.Render("dossier"), common.Pad(dossier, 30), conf), m.width) + "\n")
	file := fmt.Sprintf("%s · %s · opgenomen %s", d.FileName, sizeLabel(d.Size), model.DateOf(d.ImportedAt.In(m.c.Now().Location())).Short())
	if d.NoText {
		file += " · " + s.Warn.Render(noTextLabel(d))
	}
	b.WriteString(common.Cut(" "+s.Label.Render("bestand")+"  "+file, m.width) + "\n")
	switch {
	case d.ParentID != 0:
		b.WriteString(common.Cut(" "+s.Label.Render("bijlage bij")+" "+m.parent.Title, m.width) + "\n")
	case len(m.attached) > 0:
		names := make([]string, len(m.attached))
		for i, a := range m.attached {
			names[i] = a.FileName
		}
		b.WriteString(common.Cut(" "+s.Label.Render("bijlagen")+"  "+strings.Join(names, " · "), m.width) + "\n")
	default:
		b.WriteString("\n")
	}
	switch {
	case m.confirm:
		b.WriteString(" " + s.Bad.Render(fmt.Sprintf("%q naar de prullenbak? j/n", d.Title)) + "\n")
	case m.mode == modeSavePrompt:
		b.WriteString(" " + s.Label.Render("opslaan als") + " " + m.input.View() + s.Muted.Render("  tab vult aan") + "\n")
	default:
		where := m.matchAt()
		if n := m.text.TotalLineCount(); n > m.text.Height {
			where += fmt.Sprintf(" regel %d–%d van %d ", m.text.YOffset+1, min(m.text.YOffset+m.text.Height, n), n)
		}
		b.WriteString(s.Rule.Render(" "+strings.Repeat("─", max(m.width-2-len([]rune(where))-2, 1))+where+"──") + "\n")
	}
	b.WriteString(m.text.View())
	return common.Lines(b.String(), m.width, m.height)
}

func noTextLabel(d model.Document) string {
	if strings.HasSuffix(strings.ToLower(d.FileName), ".pdf") {
		return noTextPDF
	}
	return "geen tekst"
}

// sizeLabel says a file size the way a file manager does.
func sizeLabel(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d kB", (n+500)/1000)
	}
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/1e6), ".", ",", 1)
}
