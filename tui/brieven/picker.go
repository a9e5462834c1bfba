package brieven

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// confirmation is a yes/no question in the status area; j or y answers yes.
type confirmation struct {
	question string
	yes      func() tea.Cmd
}

func (m *Model) ask(q string, yes func() tea.Cmd) { m.confirm = &confirmation{question: q, yes: yes} }

func (m *Model) confirmKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	c := m.confirm
	m.confirm = nil
	if s := msg.String(); s == "j" || s == "y" {
		return m, c.yes()
	}
	return m, nil
}

func (m *Model) templateKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	n := len(m.templates)
	switch {
	case key.Matches(msg, k.Up):
		m.tplCur.Move(-1, n, m.listRows())
	case key.Matches(msg, k.Down):
		m.tplCur.Move(1, n, m.listRows())
	case key.Matches(msg, k.Back):
		m.mode = modeList
	case n == 0:
	case key.Matches(msg, k.Open):
		m.chosen = m.templates[m.tplCur.Index]
		m.mode, m.dossiers, m.dosCur = modeDossiers, nil, common.Cursor{}
		return m, loadDossiers(m.st, m.body.ID)
	case key.Matches(msg, k.EditTemplate):
		t := m.templates[m.tplCur.Index]
		m.startEdit(editTarget{template: &t}, t.Source)
		return m, m.editor.Focus()
	case key.Matches(msg, k.ResetTemplate):
		t := m.templates[m.tplCur.Index]
		if !t.Custom {
			return m, common.Status(t.Name + " is al de standaardtekst")
		}
		m.ask("Eigen versie van "+t.Name+" weggooien en de standaardtekst terugzetten? j/n", func() tea.Cmd {
			st, code := m.st, t.Code
			return write("Standaardtekst van "+t.Name+" teruggezet", 0, modeTemplates, func(ctx context.Context) error {
				_, err := st.RestoreLetterTemplate(ctx, code)
				return err
			})
		})
	}
	return m, nil
}

// dossierRow is one choice in the dossier picker; id 0 is "no dossier".
type dossierRow struct {
	id    int64
	label string
	fits  bool
}

// dossierRows offers the dossiers the template is written for first; a template that needs no dossier
// offers "geen dossier" first.
func (m *Model) dossierRows() []dossierRow {
	none := dossierRow{label: "geen dossier", fits: len(m.chosen.DossierKinds) == 0}
	var fit, other []dossierRow
	for _, d := range m.dossiers {
		r := dossierRow{id: d.ID, label: d.Title + "  ·  " + string(d.Kind), fits: slices.Contains(m.chosen.DossierKinds, termijn.DossierKind(d.Kind))}
		if d.Status == string(dossier.StatusClosed) {
			r.label += " (gesloten)"
		}
		if r.fits {
			fit = append(fit, r)
		} else {
			other = append(other, r)
		}
	}
	if none.fits {
		return append(append([]dossierRow{none}, fit...), other...)
	}
	return append(append(fit, other...), none)
}

func (m *Model) dossierKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	rows := m.dossierRows()
	switch {
	case key.Matches(msg, k.Up):
		m.dosCur.Move(-1, len(rows), m.listRows())
	case key.Matches(msg, k.Down):
		m.dosCur.Move(1, len(rows), m.listRows())
	case key.Matches(msg, k.Back):
		m.mode = modeTemplates
	case key.Matches(msg, k.Open) && len(rows) > 0:
		r := rows[m.dosCur.Index]
		st, body, code := m.st, m.body.ID, m.chosen.Code
		name := m.chosen.Name
		return m, func() tea.Msg {
			l, err := st.CreateLetter(context.Background(), body, code, r.id)
			return doneMsg{text: name + " begonnen", err: err, open: l.ID, mode: modeLetter}
		}
	}
	return m, nil
}

func (m *Model) viewTemplates(b *strings.Builder) {
	s := m.c.Styles
	b.WriteString(" " + s.Title.Render("Nieuwe brief") + s.Muted.Render(fmt.Sprintf("  kies een sjabloon · regeling %s", strings.ToUpper(string(m.body.RuleSet)))) + "\n\n")
	leftW := min(46, m.width/2)
	rightW := m.width - leftW - 3
	var left []string
	for i, t := range m.templates {
		sel := i == m.tplCur.Index
		name := t.Name
		if t.Custom {
			name += " (eigen versie)"
		}
		line := fmt.Sprintf(" %s %s", common.Marker(sel), name)
		if sel {
			line = s.Selected.Render(line)
		}
		left = append(left, common.Pad(line, leftW))
	}
	var right []string
	if len(m.templates) > 0 {
		t := m.templates[m.tplCur.Index]
		right = append(right, s.Heading.Render(t.Article)+s.Muted.Render(" · wat erin moet, in deze volgorde:"))
		for i, ing := range t.Ingredients {
			for j, l := range letter.Wrap(ing, rightW-4) {
				prefix := "    "
				if j == 0 {
					prefix = fmt.Sprintf("%2d. ", i+1)
				}
				right = append(right, prefix+l)
			}
		}
		if len(t.DossierKinds) > 0 {
			var kinds []string
			for _, k := range t.DossierKinds {
				kinds = append(kinds, string(k))
			}
			right = append(right, s.Muted.Render("voor dossiers: "+strings.Join(kinds, ", ")))
		}
	}
	rows := max(len(left), len(right))
	for i := 0; i < min(rows, m.height-3); i++ {
		l, r := strings.Repeat(" ", leftW), ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		b.WriteString(l + s.Rule.Render(" │ ") + common.Cut(r, rightW) + "\n")
	}
}

func (m *Model) viewDossiers(b *strings.Builder) {
	s := m.c.Styles
	b.WriteString(" " + s.Title.Render(m.chosen.Name) + s.Muted.Render("  kies het dossier") + "\n\n")
	rows := m.dossierRows()
	end := min(m.dosCur.Offset+m.listRows()-1, len(rows))
	for i := m.dosCur.Offset; i < end; i++ {
		r := rows[i]
		sel := i == m.dosCur.Index
		label := r.label
		if !r.fits && r.id != 0 {
			label = s.Muted.Render(label)
		}
		line := fmt.Sprintf(" %s %s", common.Marker(sel), label)
		if sel {
			line = s.Selected.Render(line)
		}
		b.WriteString(common.Cut(line, m.width) + "\n")
	}
}

// dossierTitle is the dossier line of a letter heading.
func dossierTitle(l letter.Letter) string {
	if l.DossierTitle == "" {
		return "zonder dossier"
	}
	return "dossier " + l.DossierTitle
}
