// Package form is werkbank's small form: labelled text fields and choice fields, validated at the field
// with a Dutch message, submitted only when every field is valid, so nothing is ever saved half.
package form

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// MaxLen bounds every text field: a 10,000-character paste is cut, not stored.
const MaxLen = 2000

// Field is one input. A field with Options is a choice cycled with ←/→; otherwise it is free text.
type Field struct {
	Key      string
	Label    string
	Hint     string
	Options  []string
	Validate func(string) error
	input    textinput.Model
	choice   int
	err      string
}

// Text returns a text field.
func Text(key, label, value string, validate func(string) error) *Field {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = MaxLen
	in.SetValue(value)
	return &Field{Key: key, Label: label, Validate: validate, input: in}
}

// Choice returns a choice field with the value preselected when it is one of the options.
func Choice(key, label, value string, options []string) *Field {
	f := &Field{Key: key, Label: label, Options: options}
	for i, o := range options {
		if o == value {
			f.choice = i
		}
	}
	return f
}

// WithHint adds a grey hint after the field ("JJJJ-MM-DD").
func (f *Field) WithHint(h string) *Field { f.Hint = h; return f }

// Value is the field's current value.
func (f *Field) Value() string {
	if f.Options != nil {
		return f.Options[f.choice]
	}
	return strings.TrimSpace(f.input.Value())
}

// SubmitMsg is sent when the form is submitted with every field valid.
type SubmitMsg struct {
	ID     string
	Values map[string]string
}

// CancelMsg is sent when the user backs out with esc.
type CancelMsg struct{ ID string }

// Model is a form.
type Model struct {
	c      common.Common
	ID     string
	Title  string
	fields []*Field
	focus  int
	dirty  bool
	width  int
	keys   KeyMap
	// Err is an error that belongs to the whole form (a conflict, a failed save); shown above the fields.
	Err string
}

// New builds a form; id travels in its messages so the owner knows which form answered.
func New(c common.Common, id, title string, fields ...*Field) *Model {
	m := &Model{c: c, ID: id, Title: title, fields: fields, keys: DefaultKeyMap(), width: 80}
	m.focusField(0)
	return m
}

// SetWidth sets the width the form may use.
func (m *Model) SetWidth(w int) {
	m.width = w
	for _, f := range m.fields {
		f.input.Width = min(max(w-50, 10), 50)
	}
}

// Dirty reports whether the user changed anything.
func (m *Model) Dirty() bool { return m.dirty }

// SetError marks a field invalid after a failed save (for example a model.FieldError from the store).
func (m *Model) SetError(key, msg string) {
	for i, f := range m.fields {
		if f.Key == key {
			f.err = msg
			m.focusField(i)
			return
		}
	}
	m.Err = msg
}

func (m *Model) focusField(i int) {
	for j, f := range m.fields {
		if f.Options != nil {
			continue
		}
		if j == i {
			f.input.Focus()
		} else {
			f.input.Blur()
		}
	}
	m.focus = i
}

// Update handles keys: tab/↓ and shift+tab/↑ move, ←/→ change a choice, enter moves on or submits, esc
// cancels.
func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	f := m.fields[m.focus]
	switch {
	case key.Matches(k, m.keys.Cancel):
		id := m.ID
		return m, func() tea.Msg { return CancelMsg{ID: id} }
	case key.Matches(k, m.keys.Next):
		m.check(f)
		m.focusField((m.focus + 1) % len(m.fields))
		return m, nil
	case key.Matches(k, m.keys.Prev):
		m.check(f)
		m.focusField((m.focus + len(m.fields) - 1) % len(m.fields))
		return m, nil
	case key.Matches(k, m.keys.Submit):
		if !m.check(f) {
			return m, nil
		}
		if m.focus < len(m.fields)-1 {
			m.focusField(m.focus + 1)
			return m, nil
		}
		return m, m.submit()
	case key.Matches(k, m.keys.Save):
		return m, m.submit()
	}
	if f.Options != nil {
		switch k.String() {
		case "left", "h":
			f.choice = (f.choice + len(f.Options) - 1) % len(f.Options)
			m.dirty = true
		case "right", "l", " ":
			f.choice = (f.choice + 1) % len(f.Options)
			m.dirty = true
		}
		return m, nil
	}
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(k)
	if f.input.Value() != before {
		m.dirty, f.err = true, ""
	}
	return m, cmd
}

// check validates one field and records its message.
func (m *Model) check(f *Field) bool {
	f.err = ""
	if f.Validate != nil {
		if err := f.Validate(f.Value()); err != nil {
			f.err = common.ErrorText(err)
			return false
		}
	}
	return true
}

// submit validates every field and sends the values only when all are valid.
func (m *Model) submit() tea.Cmd {
	for i, f := range m.fields {
		if !m.check(f) {
			m.focusField(i)
			return nil
		}
	}
	vals := make(map[string]string, len(m.fields))
	for _, f := range m.fields {
		vals[f.Key] = f.Value()
	}
	id := m.ID
	m.Err = ""
	return func() tea.Msg { return SubmitMsg{ID: id, Values: vals} }
}

// View draws the form: one line per field, its message under it.
func (m *Model) View() string {
	s := m.c.Styles
	var b strings.Builder
	if m.Title != "" {
		b.WriteString(" " + s.Title.Render(m.Title) + "\n\n")
	}
	if m.Err != "" {
		b.WriteString(" " + s.Bad.Render("✗ "+m.Err) + "\n\n")
	}
	for i, f := range m.fields {
		marker := "  "
		if i == m.focus {
			marker = s.Selected.Render("› ")
		}
		label := s.Label.Render(common.Pad(f.Label, 20))
		var val string
		if f.Options != nil {
			val = "‹ " + f.Value() + " ›"
			if i != m.focus {
				val = "  " + f.Value()
			}
		} else {
			val = f.input.View()
		}
		line := " " + marker + label + " " + val
		if f.Hint != "" {
			line += "  " + s.Muted.Render(f.Hint)
		}
		b.WriteString(common.Cut(line, m.width) + "\n")
		if f.err != "" {
			b.WriteString(common.Cut("   "+strings.Repeat(" ", 21)+s.Bad.Render("✗ "+f.err), m.width) + "\n")
		}
	}
	return b.String()
}

// KeyMap holds the form's keys.
type KeyMap struct {
	Next, Prev, Submit, Save, Cancel key.Binding
}

// DefaultKeyMap returns the form's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/↓", "volgend veld")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab/↑", "vorig veld")),
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "verder/opslaan")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "opslaan")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "annuleren")),
	}
}

// Help lists the form's keys for the footer.
func (m *Model) Help() []key.Binding {
	return []key.Binding{m.keys.Next, m.keys.Submit, m.keys.Save, m.keys.Cancel}
}
