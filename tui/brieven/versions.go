package brieven

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// textView is a scrolling text with a title: one version, a diff or the preview.
type textView struct {
	title  string
	lines  []string
	offset int
}

func (m *Model) showText(title string, lines []string, back mode) {
	m.text, m.textBack, m.mode = textView{title: title, lines: lines}, back, modeText
}

func (m *Model) textKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	page := max(m.height-2, 1)
	last := max(len(m.text.lines)-page, 0)
	switch {
	case key.Matches(msg, k.Back):
		m.mode = m.textBack
	case key.Matches(msg, k.Up):
		m.text.offset = max(m.text.offset-1, 0)
	case key.Matches(msg, k.Down):
		m.text.offset = min(m.text.offset+1, last)
	case key.Matches(msg, k.PageUp):
		m.text.offset = max(m.text.offset-page, 0)
	case key.Matches(msg, k.PageDown):
		m.text.offset = min(m.text.offset+page, last)
	}
	return m, nil
}

func (m *Model) viewText(b *strings.Builder) {
	s := m.c.Styles
	page := max(m.height-2, 1)
	pos := ""
	if len(m.text.lines) > page {
		pos = fmt.Sprintf("regel %d–%d van %d ", m.text.offset+1, min(m.text.offset+page, len(m.text.lines)), len(m.text.lines))
	}
	b.WriteString(common.Pad(" "+s.Title.Render(m.text.title), m.width-len([]rune(pos))) + s.Muted.Render(pos) + "\n\n")
	for i := m.text.offset; i < min(m.text.offset+page, len(m.text.lines)); i++ {
		l := m.text.lines[i]
		switch {
		case strings.HasPrefix(l, "+ "):
			l = s.OK.Render(l)
		case strings.HasPrefix(l, "- "):
			l = s.Bad.Render(l)
		}
		b.WriteString(common.Cut("  "+l, m.width) + "\n")
	}
}

func (m *Model) versionsKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	n := len(m.versions)
	switch {
	case key.Matches(msg, k.Up):
		m.verCur.Move(-1, n, m.listRows())
	case key.Matches(msg, k.Down):
		m.verCur.Move(1, n, m.listRows())
	case key.Matches(msg, k.Back):
		m.mode = modeLetter
	case n == 0:
	case key.Matches(msg, k.Open):
		v := m.versions[m.verCur.Index]
		m.showText(fmt.Sprintf("%s · versie %d", m.cur.TemplateName, v.N), letter.Wrap(v.Text(), max(m.width-4, 20)), modeVersions)
	case key.Matches(msg, k.Mark):
		v := m.versions[m.verCur.Index]
		if m.marked == v.N {
			m.marked = 0
		} else {
			m.marked = v.N
		}
	case key.Matches(msg, k.Compare):
		return m, m.compare()
	case key.Matches(msg, k.Restore):
		v := m.versions[m.verCur.Index]
		if v.N == m.latest().N {
			return m, common.Status("Dit is de huidige versie")
		}
		if m.cur.Locked() {
			return m, common.Status(fmt.Sprintf("De brief is %s: druk r om hem eerst te heropenen", m.cur.Status.Label()))
		}
		st, id, n := m.st, m.cur.ID, v.N
		return m, write(fmt.Sprintf("Versie %d teruggezet als nieuwe versie", n), 0, modeVersions, func(ctx context.Context) error {
			_, err := st.RestoreLetterVersion(ctx, id, n)
			return err
		})
	}
	return m, nil
}

// compare shows the diff between the marked version and the one under the cursor, or, with nothing
// marked, between the one under the cursor and the version before it.
func (m *Model) compare() tea.Cmd {
	cur := m.versions[m.verCur.Index]
	var old letter.Version
	found := false
	for _, v := range m.versions {
		if m.marked != 0 && v.N == m.marked || m.marked == 0 && v.N == cur.N-1 {
			old, found = v, true
		}
	}
	if !found {
		return common.Status("Versie 1 heeft geen eerdere versie; markeer een andere versie met m")
	}
	if old.N > cur.N {
		old, cur = cur, old
	}
	d := letter.Diff(old.Text(), cur.Text())
	add, rem := letter.Changed(d)
	var lines []string
	for _, l := range d {
		lines = append(lines, l.String())
	}
	if add+rem == 0 {
		lines = append([]string{"(geen verschil in de tekst van de brief)", ""}, lines...)
	}
	m.showText(fmt.Sprintf("Versie %d → %d · +%d −%d regels", old.N, cur.N, add, rem), lines, modeVersions)
	// Start a few lines above the first change: a letter's changes are rarely in its header.
	for i, l := range d {
		if l.Op != letter.Same {
			m.text.offset = min(max(i-3, 0), max(len(lines)-max(m.height-2, 1), 0))
			break
		}
	}
	return nil
}

func (m *Model) viewVersions(b *strings.Builder) {
	s := m.c.Styles
	m.heading(b, s.Muted.Render(" · versies"))
	b.WriteString(s.Label.Render(fmt.Sprintf("   %-8s %-20s %s", "versie", "bewaard", "wijzigingen")) + "\n")
	end := min(m.verCur.Offset+m.listRows()-1, len(m.versions))
	for i := m.verCur.Offset; i < end; i++ {
		v := m.versions[i]
		change := "eerste versie"
		if i+1 < len(m.versions) {
			add, rem := letter.Changed(letter.Diff(m.versions[i+1].Text(), v.Text()))
			change = fmt.Sprintf("+%d −%d regels t.o.v. versie %d", add, rem, m.versions[i+1].N)
		}
		if i == 0 {
			change += " · huidige"
		}
		mark := " "
		if v.N == m.marked {
			mark = "*"
		}
		sel := i == m.verCur.Index
		line := fmt.Sprintf(" %s%s%-8d %-20s %s", common.Marker(sel), mark, v.N, v.CreatedAt.Local().Format("02-01-2006 15:04"), change)
		if sel {
			line = s.Selected.Render(line)
		}
		b.WriteString(common.Cut(line, m.width) + "\n")
	}
	if m.marked != 0 {
		b.WriteString("\n" + s.Muted.Render(fmt.Sprintf(" * versie %d gemarkeerd: c vergelijkt haar met de versie onder de cursor", m.marked)) + "\n")
	}
}
