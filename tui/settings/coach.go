package settings

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// Geheimhouding in Instellingen: the body's art 20 impositions with where each stands today, a key to
// release an expired one after review (until then its rows stay out of coach copies and openbare
// exports), and the "Kopie voor coach" dialog.

// CoachRequest is what the coach copy dialog asks the store for.
type CoachRequest struct {
	Path             string
	Pseudonymise     bool
	WithoutOriginals bool
	Overwrite        bool
	Passphrase       []byte // empty: not encrypted
}

// CoachStore is what Geheimhouding needs.
type CoachStore interface {
	Impositions(ctx context.Context, bodyID int64) ([]model.Imposition, error)
	ReleaseImposition(ctx context.Context, id int64, version int64, on model.Date) error
	// MakeCoachCopy writes the copy and returns a one-line Dutch summary.
	MakeCoachCopy(ctx context.Context, r CoachRequest) (string, error)
}

type impositionsMsg struct {
	list []model.Imposition
	err  error
}

type coachDoneMsg struct {
	text string
	err  error
}

func loadImpositions(st Store, bodyID int64) tea.Cmd {
	return func() tea.Msg {
		list, err := st.Impositions(context.Background(), bodyID)
		return impositionsMsg{list, err}
	}
}

// impositionState is the state in words, so it reads without colour.
func impositionState(i model.Imposition, today model.Date) string {
	switch i.State(today) {
	case model.Active:
		return "[V] van kracht"
	case model.ExpiredUnreviewed:
		return "[V] verlopen: opnieuw beoordelen"
	}
	return "vrijgegeven " + i.Released.Short()
}

func (m *Model) viewImpositions(b *strings.Builder) {
	s := m.c.Styles
	if len(m.impositions) == 0 {
		b.WriteString("   Er rust geen geheimhouding (art 20 WOR) op gegevens van dit orgaan.\n")
	} else {
		b.WriteString(s.Muted.Render(fmt.Sprintf("   %-28s %-18s %-13s %s", "onderwerp", "opgelegd door", "tot", "stand")) + "\n")
		today := m.c.Today()
		end := min(m.cur.Offset+m.listRows()-2, len(m.impositions))
		for i := m.cur.Offset; i < end; i++ {
			imp := m.impositions[i]
			until := "geen einde"
			if !imp.Until.IsZero() {
				until = imp.Until.Compact()
			}
			m.row(b, i, fmt.Sprintf("%s %s %s %s", common.Pad(imp.Subject, 28), common.Pad(imp.ImposedBy, 18), common.Pad(until, 13),
				impositionState(imp, today)))
		}
	}
	b.WriteString("\n   " + s.Muted.Render("Een kopie voor de coach laat alles weg waarop geheimhouding rust, ook verlopen geheimhouding") + "\n")
	b.WriteString("   " + s.Muted.Render("die u nog niet heeft vrijgegeven.") + "\n")
}

// release releases the selected imposition when it has expired.
func (m *Model) release() tea.Cmd {
	if m.cur.Index >= len(m.impositions) {
		return nil
	}
	imp := m.impositions[m.cur.Index]
	today := m.c.Today()
	if imp.State(today) != model.ExpiredUnreviewed {
		return common.Status("Alleen verlopen geheimhouding kan worden vrijgegeven")
	}
	st := m.st
	return func() tea.Msg {
		err := st.ReleaseImposition(context.Background(), imp.ID, imp.Version, today)
		return savedMsg{text: "Geheimhouding vrijgegeven: " + imp.Subject, err: err}
	}
}

// coachDialog asks where the coach copy goes and how.
type coachDialog struct {
	path, pass1, pass2 textinput.Model
	opts               [4]bool // pseudonimiseer, zonder originelen, versleutel, overschrijf
	focus              int     // 0 path, 1..4 options, 5 and 6 the passphrase
	err                string
	busy               bool
}

var coachOptionLabels = [4]string{"Namen pseudonimiseren", "Zonder originele bestanden", "Versleutelen met wachtwoord", "Bestaand bestand vervangen"}

func newCoachDialog() *coachDialog {
	d := &coachDialog{path: textinput.New(), pass1: textinput.New(), pass2: textinput.New()}
	d.path.Placeholder = "~/kopie-coach.db"
	d.path.CharLimit = 1024
	for _, p := range []*textinput.Model{&d.pass1, &d.pass2} {
		p.EchoMode, p.EchoCharacter = textinput.EchoPassword, '•'
	}
	d.path.Focus()
	return d
}

func (d *coachDialog) fields() int {
	if d.opts[2] {
		return 7
	}
	return 5
}

func (d *coachDialog) setFocus(i int) {
	d.focus = (i + d.fields()) % d.fields()
	for j, in := range []*textinput.Model{&d.path, &d.pass1, &d.pass2} {
		if j == 0 && d.focus == 0 || j > 0 && d.focus == 4+j {
			in.Focus()
		} else {
			in.Blur()
		}
	}
}

func (m *Model) coachKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	d := m.coach
	if d.busy {
		return m, nil
	}
	d.err = ""
	switch msg.String() {
	case "esc":
		m.coach = nil
		return m, nil
	case "tab", "down":
		d.setFocus(d.focus + 1)
		return m, nil
	case "shift+tab", "up":
		d.setFocus(d.focus - 1)
		return m, nil
	case "ctrl+s", "enter":
		return m, m.submitCoach()
	case " ", "left", "right":
		if d.focus >= 1 && d.focus <= 4 {
			d.opts[d.focus-1] = !d.opts[d.focus-1]
			return m, nil
		}
	}
	var cmd tea.Cmd
	switch d.focus {
	case 0:
		d.path, cmd = d.path.Update(msg)
	case 5:
		d.pass1, cmd = d.pass1.Update(msg)
	case 6:
		d.pass2, cmd = d.pass2.Update(msg)
	}
	return m, cmd
}

func (m *Model) submitCoach() tea.Cmd {
	d := m.coach
	r := CoachRequest{Path: expandHome(strings.TrimSpace(d.path.Value())), Pseudonymise: d.opts[0], WithoutOriginals: d.opts[1], Overwrite: d.opts[3]}
	if r.Path == "" {
		d.err = "Vul in waar de kopie moet komen"
		d.setFocus(0)
		return nil
	}
	if d.opts[2] {
		if d.pass1.Value() == "" {
			d.err = "Vul een wachtwoord in"
			d.setFocus(5)
			return nil
		}
		if d.pass1.Value() != d.pass2.Value() {
			d.err = "De twee wachtwoorden verschillen"
			d.setFocus(6)
			return nil
		}
		r.Passphrase = []byte(d.pass1.Value())
	}
	d.busy = true
	st := m.st
	return func() tea.Msg {
		text, err := st.MakeCoachCopy(context.Background(), r)
		return coachDoneMsg{text, err}
	}
}

func (m *Model) coachDone(msg coachDoneMsg) (*Model, tea.Cmd) {
	if m.coach == nil {
		return m, nil
	}
	m.coach.busy = false
	if msg.err != nil {
		m.coach.err = common.ErrorText(msg.err)
		return m, nil
	}
	m.coach = nil
	return m, common.Status(msg.text)
}

func (m *Model) viewCoach(b *strings.Builder) {
	s := m.c.Styles
	d := m.coach
	b.WriteString("   " + s.Title.Render("Kopie voor coach") + "\n")
	b.WriteString("   " + s.Muted.Render("Zonder alles waarop geheimhouding rust (art 20 WOR); de coach opent hem alleen lezen.") + "\n\n")
	b.WriteString("   " + common.Marker(d.focus == 0) + " " + common.Pad("Bestand", 30) + d.path.View() + "\n")
	for i, l := range coachOptionLabels {
		v := "[ ] nee"
		if d.opts[i] {
			v = "[x] ja"
		}
		b.WriteString("   " + common.Marker(d.focus == i+1) + " " + common.Pad(l, 30) + v + "\n")
	}
	if d.opts[2] {
		b.WriteString("   " + common.Marker(d.focus == 5) + " " + common.Pad("Wachtwoord", 30) + d.pass1.View() + "\n")
		b.WriteString("   " + common.Marker(d.focus == 6) + " " + common.Pad("Nog een keer", 30) + d.pass2.View() + "\n")
	}
	b.WriteString("\n")
	switch {
	case d.busy:
		b.WriteString("   Kopie wordt gemaakt…\n")
	case d.err != "":
		b.WriteString("   " + s.Bad.Render("✗ "+d.err) + "\n")
	}
	b.WriteString("   " + s.Muted.Render("tab volgende · spatie aan/uit · enter maken · esc annuleren") + "\n")
}

func expandHome(p string) string {
	if strings.HasPrefix(p, "~/") {
		if h, err := os.UserHomeDir(); err == nil {
			return h + p[1:]
		}
	}
	return p
}

// coachKeys are the keys of Geheimhouding; both write, so neither exists on a read-only database.
func coachKeys(readOnly bool) (release, copy key.Binding) {
	release = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "vrijgeven"))
	copy = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "kopie voor coach"))
	release.SetEnabled(!readOnly)
	copy.SetEnabled(!readOnly)
	return release, copy
}
