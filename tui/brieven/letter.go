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

// boxRows is how many lines of the letter the box shows.
func (m *Model) boxRows() int {
	n := m.height - 4
	if m.nullity != nil {
		n--
	}
	return max(n, 1)
}

func (m *Model) boxLines() []string {
	text := m.rendered.Text()
	if m.renderOK != nil {
		text = m.latest().Source
	}
	return letter.Wrap(strings.TrimRight(text, "\n"), max(m.width-6, 20))
}

func (m *Model) letterKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	lines := len(m.boxLines())
	page := m.boxRows()
	locked := m.cur.Locked()
	switch {
	case key.Matches(msg, k.Back):
		m.leaveLetter()
		return m, m.reload()
	case key.Matches(msg, k.Up):
		m.scroll = max(m.scroll-1, 0)
	case key.Matches(msg, k.Down):
		m.scroll = min(m.scroll+1, max(lines-page, 0))
	case key.Matches(msg, k.PageUp):
		m.scroll = max(m.scroll-page, 0)
	case key.Matches(msg, k.PageDown):
		m.scroll = min(m.scroll+page, max(lines-page, 0))
	case len(m.versions) == 0:
		return m, nil // still loading
	case key.Matches(msg, k.Preview):
		m.showText("Voorbeeld · "+m.cur.TemplateName, strings.Split(m.rendered.Page(min(m.width-4, 76)), "\n"), modeLetter)
	case key.Matches(msg, k.Versions):
		m.mode, m.verCur, m.marked = modeVersions, common.Cursor{}, 0
	case key.Matches(msg, k.Export):
		return m, m.exportForm()
	case key.Matches(msg, k.Reopen):
		if !locked {
			return m, common.Status("De brief is een concept: u kunt hem gewoon bewerken")
		}
		m.ask("Brief heropenen? Er komt een nieuwe versie; wat verzonden is, blijft in het archief. j/n", func() tea.Cmd {
			st, id := m.st, m.cur.ID
			return write("Brief heropend als concept", 0, modeLetter, func(ctx context.Context) error {
				_, err := st.ReopenLetter(ctx, id)
				return err
			})
		})
	case locked && (key.Matches(msg, k.Edit, k.External, k.Fields, k.Signing, k.Reread)):
		return m, common.Status(fmt.Sprintf("De brief is %s: druk r om hem te heropenen", m.cur.Status.Label()))
	case key.Matches(msg, k.Edit):
		m.startEdit(editTarget{}, m.latest().Source)
		return m, m.editor.Focus()
	case key.Matches(msg, k.External):
		return m, m.openExternal()
	case key.Matches(msg, k.Reread):
		return m, m.reread()
	case key.Matches(msg, k.Fields):
		m.mode = modeFields
	case key.Matches(msg, k.Signing):
		st, id := m.st, m.cur.ID
		return m, write("Brief staat ter ondertekening", 0, modeLetter, func(ctx context.Context) error {
			_, err := st.MarkLetterForSigning(ctx, id)
			return err
		})
	case key.Matches(msg, k.Sent):
		if n := m.rendered.Markers(); n > 0 {
			return m, common.Error(fmt.Errorf("nog %s: vul die eerst in (f velden, e bewerken)", common.Count(n, "open veld", "open velden")))
		}
		on := m.today()
		m.ask(fmt.Sprintf("Brief als verzonden markeren op %s? Hij wordt gearchiveerd en vergrendeld. j/n", on.Long()), func() tea.Cmd {
			st, id := m.st, m.cur.ID
			return write("Brief verzonden en gearchiveerd", 0, modeLetter, func(ctx context.Context) error {
				_, err := st.MarkLetterSent(ctx, id, on)
				return err
			})
		})
	case key.Matches(msg, k.Delete):
		m.ask(fmt.Sprintf("Brief %d (%s) naar de prullenbak? j/n", m.cur.ID, m.cur.TemplateName), func() tea.Cmd {
			st, id := m.st, m.cur.ID
			m.leaveLetter()
			return write("Brief naar de prullenbak", 0, modeList, func(ctx context.Context) error { return st.DeleteLetter(ctx, id) })
		})
	}
	return m, nil
}

// heading is the first line of a letter screen: what it is, and where it stands.
func (m *Model) heading(b *strings.Builder, extra string) {
	s := m.c.Styles
	left := " " + s.Title.Render(m.cur.TemplateName) + s.Muted.Render(" · "+dossierTitle(m.cur)) + extra
	status := m.cur.Status.Label()
	if m.cur.Status == letter.StatusSent {
		status += " " + m.cur.SentOn.Compact()
	}
	right := fmt.Sprintf("%s · versie %d ", status, m.latest().N)
	b.WriteString(common.Pad(left, m.width-len([]rune(right))) + right + "\n")
}

func (m *Model) viewLetter(b *strings.Builder) {
	s := m.c.Styles
	m.heading(b, "")
	if m.nullity != nil {
		d := *m.nullity
		line := fmt.Sprintf(" art 27 lid 5: nietigheid inroepen uiterlijk %s · %s", d.End.Short(), model.Distance(m.today(), d.End))
		if d.End.Before(m.today()) {
			b.WriteString(s.Bad.Render(line+" ✗ te laat") + "\n")
		} else {
			b.WriteString(s.Warn.Render(line) + "\n")
		}
	}
	w := m.width - 2
	title := " " + common.Cut(strings.Join(m.rendered.Sender, ", "), w-8) + " "
	b.WriteString(" ┌" + title + strings.Repeat("─", max(w-2-len([]rune(title)), 0)) + "┐\n")
	lines := m.boxLines()
	rows := m.boxRows()
	for i := m.scroll; i < m.scroll+rows; i++ {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		b.WriteString(" │ " + common.Pad(l, w-4) + " │\n")
	}
	b.WriteString(" └" + strings.Repeat("─", max(w-2, 0)) + "┘\n")
	b.WriteString(common.Cut(" "+m.footer(), m.width) + "\n")
}

// footer is the line of SCREENS.md "5 Brieven": open fields first, then what can be done.
func (m *Model) footer() string {
	s := m.c.Styles
	if m.renderOK != nil {
		return s.Bad.Render("✗ " + common.ErrorText(m.renderOK))
	}
	if m.cur.Status == letter.StatusSent {
		return fmt.Sprintf("verzonden op %s en gearchiveerd · r heropenen · v versies · x exporteren", m.cur.SentOn.Long())
	}
	open := s.OK.Render("✓ alle velden ingevuld")
	if n := m.rendered.Markers(); n > 0 {
		open = s.Warn.Render(common.Count(n, "open veld", "open velden"))
	}
	if m.cur.Status == letter.StatusSigning {
		return open + " · ter ondertekening · s verzonden · r heropenen · x exporteren · p voorbeeld"
	}
	// The line of SCREENS.md; e, f, o and esc are in the help line under it.
	parts := []string{open, "ctrl+e bewerken in $EDITOR", "p voorbeeld", "v versies", "x exporteren", "s verzonden"}
	if m.external != nil {
		parts = []string{open, "ctrl+r editorbestand inlezen", "p voorbeeld", "v versies", "x exporteren", "s verzonden"}
	}
	if m.c.ReadOnly {
		parts = []string{open, "p voorbeeld", "v versies", "x exporteren"}
	}
	return strings.Join(parts, " · ")
}
