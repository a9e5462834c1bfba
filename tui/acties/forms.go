package acties

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/form"
)

type (
	actionTarget struct{ a model.Action }
	filterTarget struct{}
	exportTarget struct{ decisions bool }
)

const allLabel = "(allen)"

func (m *Model) open(f *form.Model, target any) {
	f.SetWidth(m.width)
	m.form, m.formTarget = f, target
}

// ownerChoices are the owners offered, with the current one first when it is not a member.
func (m *Model) ownerChoices(current string) []string {
	out := append([]string{}, m.owners...)
	for _, o := range out {
		if strings.EqualFold(o, current) {
			return out
		}
	}
	if current != "" {
		out = append([]string{current}, out...)
	}
	return out
}

func statusLabels() []string {
	out := make([]string, len(model.ActionStatuses))
	for i, s := range model.ActionStatuses {
		out[i] = string(s)
	}
	return out
}

func (m *Model) actionForm(a model.Action) {
	title := "Nieuwe actie"
	if a.ID != 0 {
		title = "Actie " + a.Number() + " bewerken"
	}
	due := ""
	if !a.Due.IsZero() {
		due = a.Due.String()
	}
	hint := "JJJJ-MM-DD; later zetten telt als uitstel"
	if !a.MeetingDate.IsZero() {
		hint = "niet voor " + a.MeetingDate.Short()
	}
	m.open(form.New(m.c, "action", title,
		form.Text("description", "Omschrijving", a.Description, form.Required("omschrijving")),
		form.Choice("owner", "Eigenaar", a.Owner, m.ownerChoices(a.Owner)).WithHint("←/→ kiezen"),
		form.Text("due", "Datum", due, form.Date("datum", true)).WithHint(hint),
		form.Choice("status", "Status", string(a.Status), statusLabels()).WithHint("←/→ kiezen"),
		form.Text("notes", "Notities", a.Notes, form.MaxRunes("notities", 2000)),
	), actionTarget{a})
}

// meetingChoices is how many meetings the filter form offers, the latest held: about two years. The
// actions of an older meeting are one m away, on any of its actions.
const meetingChoices = 40

// choicesMsg carries what the filter form offers; it is read when the form opens, never with the list.
type choicesMsg struct {
	meetings []model.Meeting
	dossiers []model.DossierChoice
	err      error
}

func loadChoices(st Store, bodyID int64, today model.Date) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		var msg choicesMsg
		if msg.meetings, msg.err = st.MeetingChoices(ctx, bodyID, today, meetingChoices); msg.err != nil {
			return msg
		}
		msg.dossiers, msg.err = st.DossierChoices(ctx, bodyID)
		return msg
	}
}

// filterForm opens the filter form on the choices just loaded; the meeting filtered on now is offered
// even when it is older than the latest.
func (m *Model) filterForm(c choicesMsg) {
	if m.meeting.ID != 0 && m.meeting.ID == m.filter.MeetingID && !containsMeeting(c.meetings, m.meeting.ID) {
		c.meetings = append(c.meetings, m.meeting)
	}
	m.choices = c
	owners := append([]string{allLabel}, m.owners...)
	owner := m.filter.Owner
	if owner == "" {
		owner = allLabel
	}
	meetings := []string{allLabel}
	sel := allLabel
	for _, mt := range c.meetings {
		l := meetingLabel(mt)
		meetings = append(meetings, l)
		if mt.ID == m.filter.MeetingID {
			sel = l
		}
	}
	dossiers := []string{allLabel}
	dsel := allLabel
	for _, d := range c.dossiers {
		dossiers = append(dossiers, d.Title)
		if d.ID == m.filter.DossierID {
			dsel = d.Title
		}
	}
	m.open(form.New(m.c, "filter", "Filter op de actielijst",
		form.Choice("owner", "Eigenaar", owner, owners).WithHint("←/→ kiezen"),
		form.Choice("meeting", "Vergadering", sel, meetings).WithHint("waar de actie is afgesproken"),
		form.Choice("dossier", "Dossier", dsel, dossiers),
	), filterTarget{})
}

func containsMeeting(list []model.Meeting, id int64) bool {
	for _, mt := range list {
		if mt.ID == id {
			return true
		}
	}
	return false
}

func meetingLabel(mt model.Meeting) string { return mt.Kind.Label() + " " + mt.Date.Short() }

func exportDir() string {
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	return "."
}

var listFormats = []string{"csv (Excel)", "docx", "pdf", "md"}

func (m *Model) exportForm(decisions bool) {
	title, name := "Actielijst exporteren", "actielijst-"+m.today().String()
	if decisions {
		title, name = "Besluitenlijst exporteren", "besluitenlijst"
		if m.dfilter.Year != 0 {
			name += fmt.Sprintf("-%d", m.dfilter.Year)
		}
	}
	m.open(form.New(m.c, "export", title+" (zoals de lijst nu gefilterd is)",
		form.Choice("format", "Formaat", listFormats[0], listFormats).WithHint("←/→ kiezen"),
		form.Text("path", "Bestand", filepath.Join(exportDir(), name+".csv"), form.Required("bestand")).WithHint("de extensie volgt het formaat"),
	), exportTarget{decisions})
}

func (m *Model) submit(msg form.SubmitMsg) tea.Cmd {
	v := msg.Values
	st, body := m.st, m.body.ID
	switch t := m.formTarget.(type) {
	case actionTarget:
		a := t.a
		a.Description, a.Owner, a.Notes = v["description"], v["owner"], v["notes"]
		a.Status = model.ActionStatus(v["status"])
		a.Due, _ = model.ParseDate(v["due"])
		if a.ID == 0 {
			return func() tea.Msg {
				got, err := st.CreateAction(context.Background(), a)
				return savedMsg{text: "Actie " + got.Number() + " toegevoegd", err: err, focus: got.ID}
			}
		}
		return func() tea.Msg {
			got, err := st.UpdateAction(context.Background(), a)
			text := a.Number() + " opgeslagen"
			if err == nil && got.Postponed > t.a.Postponed {
				text += fmt.Sprintf(" (%dx uitgesteld)", got.Postponed)
			}
			return savedMsg{text: text, err: err, focus: a.ID}
		}
	case filterTarget:
		m.form, m.formTarget = nil, nil
		f := model.ActionFilter{}
		if v["owner"] != allLabel {
			f.Owner = v["owner"]
		}
		m.dossier = ""
		for _, mt := range m.choices.meetings {
			if meetingLabel(mt) == v["meeting"] {
				f.MeetingID = mt.ID
			}
		}
		for _, d := range m.choices.dossiers {
			if d.Title == v["dossier"] {
				f.DossierID, m.dossier = d.ID, d.Title
			}
		}
		m.filter, m.choices = f, choicesMsg{}
		m.acts.reset()
		if f.MeetingID != 0 && m.show == showOpen {
			m.show = showAll // the actions of one meeting: all of them, also the closed ones
		}
		return m.refresh()
	case exportTarget:
		format := strings.Fields(v["format"])[0]
		path := strings.TrimSuffix(v["path"], filepath.Ext(v["path"])) + "." + format
		af, df := m.listFilter(), m.dfilter
		return write(filepath.Base(path)+" geschreven", 0, func(ctx context.Context) error {
			if t.decisions {
				return st.ExportDecisions(ctx, body, df, format, path)
			}
			return st.ExportActions(ctx, body, af, format, path)
		})
	}
	return nil
}
