package brieven

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

// fieldNames lists the fields of a version: the layout's and those its text names, open ones first so
// the AS sees at once what is left to do.
func fieldNames(v letter.Version) []string {
	t := letter.Template{Source: v.Source}
	names, err := t.Names()
	if err != nil {
		return nil
	}
	var open, filled []string
	for _, n := range names {
		f, _ := letter.Lookup(n)
		if strings.TrimSpace(v.Fields[n]) == "" && !f.Optional {
			open = append(open, n)
		} else {
			filled = append(filled, n)
		}
	}
	return append(open, filled...)
}

type fieldTarget struct{ name string }

func (m *Model) fieldsKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	n := len(m.fieldNames)
	switch {
	case key.Matches(msg, k.Up):
		m.fieldsCur.Move(-1, n, m.listRows())
	case key.Matches(msg, k.Down):
		m.fieldsCur.Move(1, n, m.listRows())
	case key.Matches(msg, k.Back):
		m.mode = modeLetter
	case key.Matches(msg, k.Open) && n > 0:
		name := m.fieldNames[m.fieldsCur.Index]
		f, _ := letter.Lookup(name)
		val := m.latest().Fields[name]
		hint := "leeg laten: blijft gemarkeerd"
		if f.Kind == letter.KindDate {
			hint = "JJJJ-MM-DD of DD-MM-JJJJ"
		}
		if f.Optional {
			hint = "mag leeg blijven"
		}
		m.form = form.New(m.c, "veld", "Veld: "+f.Label, form.Text("value", f.Label, val, func(s string) error {
			_, err := f.CheckValue(s)
			return err
		}).WithHint(hint))
		m.form.SetWidth(m.width)
		m.formTarget = fieldTarget{name}
	}
	return m, nil
}

// saveField saves the letter with one field changed, as a new version.
func (m *Model) saveField(name, value string) tea.Cmd {
	v := m.latest()
	fields := map[string]string{}
	for k, val := range v.Fields {
		fields[k] = val
	}
	fields[name] = value
	st, id, base, source := m.st, m.cur.ID, v.N, v.Source
	return func() tea.Msg {
		nv, err := st.SaveLetterVersion(context.Background(), id, base, source, fields)
		text := fmt.Sprintf("Versie %d opgeslagen", nv.N)
		if err == nil && nv.N == base {
			text = "Geen wijzigingen"
		}
		return doneMsg{text: text, err: err, mode: modeFields}
	}
}

func (m *Model) viewFields(b *strings.Builder) {
	s := m.c.Styles
	m.heading(b, s.Muted.Render(" · velden"))
	b.WriteString(s.Label.Render(fmt.Sprintf("   %-34s %s", "veld", "waarde")) + "\n")
	v := m.latest()
	end := min(m.fieldsCur.Offset+m.listRows()-1, len(m.fieldNames))
	for i := m.fieldsCur.Offset; i < end; i++ {
		name := m.fieldNames[i]
		f, _ := letter.Lookup(name)
		val := strings.ReplaceAll(f.Value(v.Fields[name]), "\n", " ⏎ ")
		switch {
		case val == "" && f.Optional:
			val = s.Muted.Render("(leeg, mag)")
		case val == "":
			val = s.Warn.Render(letter.Marker(f.Label))
		}
		sel := i == m.fieldsCur.Index
		line := fmt.Sprintf(" %s %s %s", common.Marker(sel), common.Pad(f.Label, 34), val)
		if sel {
			line = s.Selected.Render(line)
		}
		b.WriteString(common.Cut(line, m.width) + "\n")
	}
}
