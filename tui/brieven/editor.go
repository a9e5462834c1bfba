package brieven

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/editor"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// editTarget says what the textarea edits: the open letter, or (template set) a template.
type editTarget struct {
	template *letter.Template
}

func newTextarea() textarea.Model {
	t := textarea.New()
	t.ShowLineNumbers = false
	t.Prompt = ""
	t.CharLimit = 0
	t.MaxHeight = 0 // a letter is longer than the textarea's default of 99 lines
	t.MaxWidth = 0
	return t
}

func (m *Model) startEdit(t editTarget, text string) {
	m.editor = newTextarea()
	m.editor.SetWidth(max(m.width-4, 20))
	m.editor.SetHeight(max(m.height-3, 3))
	m.editor.SetValue(text)
	// SetValue leaves the cursor at the end; a letter is edited from the top.
	for i := 0; i < 10000 && (m.editor.Line() > 0 || m.editor.LineInfo().RowOffset > 0); i++ {
		m.editor.CursorUp()
	}
	m.editor.CursorStart()
	m.editing, m.editOrig, m.editErr = t, text, ""
	m.editBack = m.mode
	m.mode = modeEdit
}

func (m *Model) editKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Save):
		return m, m.saveEdit()
	case key.Matches(msg, m.keys.Back):
		if m.editor.Value() != m.editOrig {
			m.ask("Wijzigingen weggooien? j/n", func() tea.Cmd {
				m.mode, m.editErr = m.editBack, ""
				return nil
			})
			return m, nil
		}
		m.mode, m.editErr = m.editBack, ""
		return m, nil
	}
	var cmd tea.Cmd
	m.editor, cmd = m.editor.Update(msg)
	return m, cmd
}

// saveEdit saves the textarea. A refused text (an unknown field, a conflict) keeps the textarea open with
// the message, so nothing typed is lost.
func (m *Model) saveEdit() tea.Cmd {
	text := m.editor.Value()
	if t := m.editing.template; t != nil {
		st, code, name := m.st, t.Code, t.Name
		return write("Eigen versie van "+name+" opgeslagen", 0, modeTemplates, func(ctx context.Context) error {
			_, err := st.SaveLetterTemplate(ctx, code, name, text)
			return err
		})
	}
	if text == m.editOrig {
		m.mode = modeLetter
		return common.Status("Geen wijzigingen")
	}
	return m.saveSource(text, modeLetter)
}

// saveSource saves a new text for the open letter, on top of the version it was based on.
func (m *Model) saveSource(text string, next mode) tea.Cmd {
	st, id, base, fields := m.st, m.cur.ID, m.latest().N, m.latest().Fields
	return func() tea.Msg {
		v, err := st.SaveLetterVersion(context.Background(), id, base, text, fields)
		return doneMsg{text: fmt.Sprintf("Versie %d opgeslagen", v.N), err: err, mode: next}
	}
}

// externalEdit is a letter's text handed to an external editor in a temporary file.
type externalEdit struct {
	path     string
	letterID int64
	base     int
	fields   map[string]string
	written  string // what werkbank wrote into the file
}

type editorDoneMsg struct {
	edit *externalEdit
	err  error
}

// editorCommand builds the command for $VISUAL, else $EDITOR (charmbracelet/x/editor, which falls back
// to nano).
func editorCommand(path string) (*exec.Cmd, error) {
	if v := strings.Fields(os.Getenv("VISUAL")); len(v) > 0 {
		return exec.Command(v[0], append(v[1:], path)...), nil
	}
	return editor.Command("werkbank", path)
}

// openExternal writes the letter's text to a temporary file and suspends the TUI while the editor runs.
func (m *Model) openExternal() tea.Cmd {
	v := m.latest()
	f, err := os.CreateTemp("", fmt.Sprintf("werkbank-brief-%d-*.txt", m.cur.ID))
	if err != nil {
		return common.Error(fmt.Errorf("kan geen tijdelijk bestand maken voor de editor: %w", err))
	}
	_, err = f.WriteString(v.Source)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return common.Error(fmt.Errorf("kan het bestand voor de editor niet schrijven: %w", err))
	}
	ed := &externalEdit{path: f.Name(), letterID: m.cur.ID, base: v.N, fields: v.Fields, written: v.Source}
	cmd, err := editorCommand(ed.path)
	if err != nil {
		os.Remove(ed.path)
		return common.Error(fmt.Errorf("kan de editor niet starten: %w", err))
	}
	return tea.ExecProcess(cmd, func(err error) tea.Msg { return editorDoneMsg{edit: ed, err: err} })
}

// editorDone reads the file back. An editor that failed saves nothing and keeps the file. A file the
// editor left unchanged may belong to a GUI editor that returned at once (no --wait): the file is kept
// and ctrl+r reads it later, so text saved there is not lost.
func (m *Model) editorDone(msg editorDoneMsg) (*Model, tea.Cmd) {
	ed := msg.edit
	if msg.err != nil {
		m.external = ed
		var exit *exec.ExitError
		reason := msg.err.Error()
		if errors.As(msg.err, &exit) {
			reason = fmt.Sprintf("afgesloten met code %d", exit.ExitCode())
		}
		return m, common.Error(fmt.Errorf("de editor is %s; er is niets opgeslagen, de laatste versie blijft staan. Uw tekst staat nog in %s (ctrl+r leest het in)", reason, ed.path))
	}
	return m, m.readExternal(ed, true)
}

// reread reads the external editor's file again (ctrl+r).
func (m *Model) reread() tea.Cmd {
	if m.external == nil || m.external.letterID != m.cur.ID {
		return common.Status("Er wacht geen editorbestand om in te lezen")
	}
	return m.readExternal(m.external, false)
}

func (m *Model) readExternal(ed *externalEdit, justClosed bool) tea.Cmd {
	data, err := os.ReadFile(ed.path)
	if err != nil {
		m.external = nil
		return common.Error(fmt.Errorf("kan het editorbestand niet lezen (%v); de laatste versie blijft staan", err))
	}
	text := string(data)
	if text == ed.written {
		m.external = ed
		if justClosed {
			return common.Status("Geen wijzigingen. Sloot de editor direct (een grafische editor zonder --wait)? Sla daar op en druk ctrl+r")
		}
		return common.Status("Het editorbestand is nog niet gewijzigd")
	}
	st := m.st
	return func() tea.Msg {
		v, err := st.SaveLetterVersion(context.Background(), ed.letterID, ed.base, text, ed.fields)
		if err == nil {
			os.Remove(ed.path)
			return externalSavedMsg{doneMsg{text: fmt.Sprintf("Versie %d opgeslagen uit de editor", v.N), mode: modeLetter}}
		}
		return externalSavedMsg{doneMsg{err: fmt.Errorf("%s; uw tekst staat nog in %s", common.ErrorText(err), ed.path), mode: modeLetter}}
	}
}

// externalSavedMsg is the save of an editor's file; on success the pending file is forgotten.
type externalSavedMsg struct{ doneMsg }
