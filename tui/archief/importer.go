package archief

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// importState is one import started from the Archief.
type importState struct {
	id       int
	root     string
	cancel   context.CancelFunc
	progress <-chan model.ImportProgress
	done     <-chan importDoneMsg
	last     model.ImportProgress
	sum      model.ImportSummary
	err      error
	canceled bool
	scroll   int
}

type (
	progressMsg struct {
		id int
		p  model.ImportProgress
		ok bool
	}
	importDoneMsg struct {
		id  int
		sum model.ImportSummary
		err error
	}
)

func (m *Model) openPrompt() tea.Cmd {
	m.mode, m.candidates = modePrompt, nil
	m.input.SetValue("")
	return m.input.Focus()
}

func (m *Model) promptKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = modeList
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
		if path == "" {
			return m, common.Error(fmt.Errorf("geef een bestand of map op"))
		}
		m.input.Blur()
		return m, m.startImport(expandHome(path))
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.candidates = nil
	return m, cmd
}

// startImport runs the import in its own goroutine. Progress arrives through a channel that keeps only
// the newest report (the screen needs no more), the summary through another.
func (m *Model) startImport(path string) tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	progress := make(chan model.ImportProgress, 1)
	done := make(chan importDoneMsg, 1)
	id := m.imp.id + 1
	m.imp = importState{id: id, root: path, cancel: cancel, progress: progress, done: done}
	m.mode = modeImporting
	st, bodyID := m.st, m.body.ID
	go func() {
		sum, err := st.ImportPaths(ctx, []string{path}, model.DocumentMeta{BodyID: bodyID}, func(p model.ImportProgress) {
			select {
			case <-progress: // drop the report nobody read yet
			default:
			}
			progress <- p
		})
		done <- importDoneMsg{id: id, sum: sum, err: err}
	}()
	return waitImport(id, progress, done)
}

func waitImport(id int, progress <-chan model.ImportProgress, done <-chan importDoneMsg) tea.Cmd {
	return func() tea.Msg {
		select {
		case p := <-progress:
			return progressMsg{id: id, p: p, ok: true}
		case d := <-done:
			return d
		}
	}
}

func (m *Model) importUpdate(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case progressMsg:
		if msg.id != m.imp.id {
			return m, nil
		}
		m.imp.last = msg.p
		return m, waitImport(m.imp.id, m.imp.progress, m.imp.done)
	case importDoneMsg:
		if msg.id != m.imp.id {
			return m, nil
		}
		m.imp.cancel()
		m.imp.sum, m.imp.err, m.imp.scroll = msg.sum, msg.err, 0
		if m.mode == modeImporting {
			m.mode = modeSummary
		}
		if msg.err != nil {
			return m, tea.Batch(common.Error(msg.err), common.Reload)
		}
		return m, tea.Batch(common.Status(summaryLine(msg.sum)), common.Reload)
	}
	return m, nil
}

func (m *Model) importKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	if m.mode == modeImporting {
		if key.Matches(msg, k.Cancel) && !m.imp.canceled {
			m.imp.canceled = true
			m.imp.cancel()
		}
		return m, nil
	}
	lines := len(m.summaryLines())
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Open):
		m.mode = modeList
	case key.Matches(msg, k.Up):
		m.imp.scroll = max(m.imp.scroll-1, 0)
	case key.Matches(msg, k.Down):
		m.imp.scroll = min(m.imp.scroll+1, max(lines-m.summaryRows(), 0))
	}
	return m, nil
}

func summaryLine(s model.ImportSummary) string {
	line := fmt.Sprintf("Import klaar: %s opgenomen, %d al in het archief, %d mislukt",
		common.Count(s.Imported, "bestand", "bestanden"), s.Duplicates, s.Failed)
	if s.Canceled {
		line = "Import afgebroken: " + strings.TrimPrefix(line, "Import klaar: ")
	}
	return line
}

// progressView draws the bar with counts and the file being read.
func (m *Model) progressView() string {
	s, p := m.c.Styles, m.imp.last
	var b strings.Builder
	b.WriteString(" " + s.Title.Render("Importeren") + s.Muted.Render("  uit "+m.imp.root) + "\n\n")
	width := min(max(m.width-30, 10), 60)
	filled := 0
	if p.Total > 0 {
		filled = p.Done * width / p.Total
	}
	pct := 0
	if p.Total > 0 {
		pct = p.Done * 100 / p.Total
	}
	bar := "[" + strings.Repeat("█", filled) + strings.Repeat("░", width-filled) + "]"
	b.WriteString(fmt.Sprintf(" %s  %d van %d · %d%%\n", bar, p.Done, p.Total, pct))
	b.WriteString(fmt.Sprintf(" %d nieuw · %d al in het archief · %d mislukt\n", p.Imported, p.Duplicates, p.Failed))
	if p.Current != "" {
		b.WriteString(s.Muted.Render(" bezig met "+relPath(m.imp.root, p.Current)) + "\n")
	}
	b.WriteString("\n")
	if m.imp.canceled {
		b.WriteString(" " + s.Warn.Render("Afbreken… het bestand dat nu wordt gelezen, wordt nog afgemaakt.") + "\n")
	} else {
		b.WriteString(s.Muted.Render(" esc breekt af: wat al is ingelezen, blijft bewaard") + "\n")
	}
	return common.Lines(b.String(), m.width, m.height)
}

func (m *Model) summaryRows() int { return max(m.height-3, 1) }

// summaryLines are every line of the summary: the counts, then each file that failed with its reason,
// then the ones kept without text, the duplicates and the warnings.
func (m *Model) summaryLines() []string {
	s, sum := m.c.Styles, m.imp.sum
	var out []string
	head := fmt.Sprintf("%s opgenomen", common.Count(sum.Imported, "bestand", "bestanden"))
	if sum.Attachments > 0 {
		head += fmt.Sprintf(" (plus %s uit e-mails)", common.Count(sum.Attachments, "bijlage", "bijlagen"))
	}
	head += fmt.Sprintf(", %d al in het archief, %d mislukt", sum.Duplicates, sum.Failed)
	out = append(out, " "+head)
	if sum.Hidden > 0 {
		out = append(out, " "+s.Muted.Render(fmt.Sprintf("%s overgeslagen (zoals .git)", common.Count(sum.Hidden, "verborgen bestand of map", "verborgen bestanden en mappen"))))
	}
	if sum.Canceled {
		out = append(out, " "+s.Warn.Render(fmt.Sprintf("Afgebroken: %s niet meer gelezen; wat al gelezen was, is bewaard.",
			common.Count(sum.NotStarted, "bestand", "bestanden"))))
	}
	if m.imp.err != nil {
		out = append(out, " "+s.Bad.Render("✗ "+common.ErrorText(m.imp.err)))
	}
	section := func(title string, rs []model.ImportResult, reason func(model.ImportResult) string) {
		if len(rs) == 0 {
			return
		}
		out = append(out, "", " "+s.Heading.Render(fmt.Sprintf("%s (%d)", title, len(rs))))
		nameW := 0
		for _, r := range rs {
			nameW = max(nameW, ansi.StringWidth(relPath(m.imp.root, r.Path)))
		}
		nameW = min(nameW, 30)
		for _, r := range rs {
			name := relPath(m.imp.root, r.Path)
			if why := reason(r); why != "" {
				out = append(out, "   "+common.Pad(name, nameW)+"  "+why)
			} else {
				out = append(out, "   "+name)
			}
		}
	}
	section("✗ Mislukt", sum.Failures, func(r model.ImportResult) string { return r.Reason })
	section("Geen tekst (scan?), wel bewaard", sum.NoTextFiles, func(model.ImportResult) string { return "" })
	section("Al in het archief", sum.DuplicateFiles, func(r model.ImportResult) string { return r.Reason })
	section("Let op", sum.Warnings, func(r model.ImportResult) string { return strings.Join(r.Warnings, "; ") })
	return out
}

func (m *Model) summaryView() string {
	s := m.c.Styles
	title := "Import klaar"
	if m.imp.sum.Canceled {
		title = "Import afgebroken"
	}
	lines := m.summaryLines()
	end := min(m.imp.scroll+m.summaryRows(), len(lines))
	body := strings.Join(lines[min(m.imp.scroll, len(lines)):end], "\n")
	more := ""
	if end < len(lines) {
		more = fmt.Sprintf("  (↓ nog %d regels)", len(lines)-end)
	}
	return common.Lines(" "+s.Title.Render(title)+s.Muted.Render("  uit "+m.imp.root+more)+"\n\n"+body, m.width, m.height)
}

func (m *Model) promptView(title, hint string, in textinput.Model) string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(" " + s.Title.Render(title) + "\n\n")
	b.WriteString(" " + s.Label.Render("pad") + "  " + in.View() + "\n")
	b.WriteString(s.Muted.Render("      tab vult aan · enter start · esc annuleert") + "\n")
	if len(m.candidates) > 0 {
		b.WriteString("\n")
		for i, c := range m.candidates {
			if i == 12 {
				b.WriteString(s.Muted.Render(fmt.Sprintf("      … en nog %d", len(m.candidates)-12)) + "\n")
				break
			}
			b.WriteString("      " + c + "\n")
		}
	}
	b.WriteString("\n " + hint + "\n")
	return common.Lines(b.String(), m.width, m.height)
}

// relPath shows a path below the import root relative to it, which is shorter and says enough.
func relPath(root, path string) string {
	if rel, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(rel, "..") && rel != "." {
		return rel
	}
	return path
}
