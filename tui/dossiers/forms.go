package dossiers

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

// picker offers the events a dossier of one kind can hold.
type picker struct {
	kind  termijn.DossierKind
	kinds []dossier.EventKind
	cur   common.Cursor
}

func newPicker(k termijn.DossierKind) *picker {
	return &picker{kind: k, kinds: dossier.EventKinds(k)}
}

func (m *Model) pickerKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	p, k := m.picker, m.keys
	switch {
	case key.Matches(msg, k.Back):
		m.picker = nil
	case key.Matches(msg, k.Up):
		p.cur.Move(-1, len(p.kinds), len(p.kinds))
	case key.Matches(msg, k.Down):
		p.cur.Move(1, len(p.kinds), len(p.kinds))
	case key.Matches(msg, k.Open):
		r, ok := m.current()
		m.picker = nil
		if ok {
			m.openEventForm(r.d, dossier.Event{DossierID: r.d.ID, Kind: p.kinds[p.cur.Index], Date: m.c.Today()})
		}
	}
	return m, nil
}

func kindOptions() []string {
	out := make([]string, len(termijn.DossierKinds))
	for i, k := range termijn.DossierKinds {
		out[i] = string(k)
	}
	return out
}

const noOwner = "geen"

// openDossierForm opens the form for a new dossier (zero ID) or for editing one.
func (m *Model) openDossierForm(d dossier.Dossier) {
	title := "Dossier bewerken"
	if d.ID == 0 {
		body := m.activeBody()
		if body.ID == 0 {
			return
		}
		d = dossier.Dossier{BodyID: body.ID, Kind: termijn.Adviesaanvraag, StartedOn: m.c.Today()}
		title = "Nieuw dossier voor " + body.Name
	}
	owners := []string{noOwner}
	owner := noOwner
	for _, mem := range m.members {
		if mem.BodyID == d.BodyID {
			owners = append(owners, mem.Name)
			if mem.ID == d.OwnerID {
				owner = mem.Name
			}
		}
	}
	m.form = form.New(m.c, "dossier", title,
		form.Choice("kind", "Soort", string(d.Kind), kindOptions()).WithHint("←/→ kiezen"),
		form.Text("title", "Titel", d.Title, form.Required("titel")),
		form.Text("description", "Omschrijving", d.Description, form.MaxRunes("omschrijving", 4000)),
		form.Choice("owner_id", "Eigenaar", owner, owners).WithHint("lid dat het dossier trekt"),
		form.Text("started_on", "Gestart op", d.StartedOn.String(), form.Date("startdatum", false)).
			WithHint("ontvangst van de aanvraag of verzending van het voorstel"))
	m.form.SetWidth(m.width)
	m.formFor = d
}

// openEventForm opens the form for a new event (zero ID) or for correcting one; its kind is fixed.
func (m *Model) openEventForm(d dossier.Dossier, e dossier.Event) {
	name := e.Kind.Name(d.Kind)
	title := name + " vastleggen"
	if e.ID != 0 {
		title = name + " corrigeren"
	}
	dateLabel, dateHint := "Datum", "JJJJ-MM-DD of DD-MM-JJJJ"
	if e.Kind == dossier.AgreedTerm {
		dateLabel, dateHint = "Uiterlijk", "einde van de afgesproken termijn"
	}
	fields := []*form.Field{form.Text("date", dateLabel, e.Date.String(), form.Date("datum", false)).WithHint(dateHint)}
	switch opts := dossier.Contents(d.Kind, e.Kind); {
	case opts != nil:
		value := e.Content
		if value == "" && e.Kind == dossier.Decision {
			value = defaultDecision(d)
		}
		fields = append(fields, form.Choice("content", "Inhoud", value, opts).WithHint("←/→ kiezen"))
	case e.Kind == dossier.AgreedTerm:
		fields = append(fields, form.Text("content", "Wat is afgesproken", e.Content, form.MaxRunes("afspraak", 200)).
			WithHint("bijvoorbeeld: advies binnen 6 weken"))
	}
	noteCheck := form.MaxRunes("notitie", 2000)
	if e.Kind == dossier.Note {
		noteCheck = form.Required("notitie")
	}
	fields = append(fields, form.Text("note", "Notitie", e.Note, noteCheck))
	m.form = form.New(m.c, "event", title, fields...)
	m.form.SetWidth(m.width)
	m.formFor = e
}

// defaultDecision guesses whether a decision deviates: after a positive advice it usually follows it.
func defaultDecision(d dossier.Dossier) string {
	if dossier.Events(d).AdviceContent == termijn.AdvicePositive {
		return dossier.DecisionConform
	}
	return dossier.DecisionDeviating
}

func parseDate(s string) model.Date {
	d, _ := model.ParseDate(s)
	return d
}

// save stores a submitted form; errors come back at their field (see saved).
func (m *Model) save(msg form.SubmitMsg) tea.Cmd {
	v, st, ctx := msg.Values, m.st, context.Background()
	switch target := m.formFor.(type) {
	case dossier.Dossier:
		d := target
		d.Kind, d.Title, d.Description = termijn.DossierKind(v["kind"]), v["title"], v["description"]
		d.StartedOn, d.OwnerID = parseDate(v["started_on"]), 0
		for _, mem := range m.members {
			if mem.Name == v["owner_id"] && mem.BodyID == d.BodyID {
				d.OwnerID = mem.ID
			}
		}
		return func() tea.Msg {
			if d.ID == 0 {
				saved, err := st.CreateDossier(ctx, d)
				return savedMsg{text: "Dossier " + d.Title + " aangemaakt", openID: saved.ID, err: err}
			}
			_, err := st.UpdateDossier(ctx, d)
			return savedMsg{text: "Dossier " + d.Title + " opgeslagen", err: err, keep: d.ID}
		}
	case dossier.Event:
		e := target
		e.Date, e.Content, e.Note = parseDate(v["date"]), v["content"], v["note"]
		return func() tea.Msg {
			var err error
			if e.ID == 0 {
				_, err = st.AddDossierEvent(ctx, e)
			} else {
				_, err = st.UpdateDossierEvent(ctx, e)
			}
			return savedMsg{text: "Tijdlijn bijgewerkt", err: err}
		}
	}
	return nil
}

// saved closes the form on success and reloads. A field error stays at its field with nothing saved; a
// conflict closes the form and shows the fresh data with "elders gewijzigd".
func (m *Model) saved(msg savedMsg) (*Model, tea.Cmd) {
	m.formErr = ""
	if msg.err == nil {
		m.form = nil
		if msg.openID != 0 {
			m.openID, m.jump, m.detail = msg.openID, msg.openID, false
		}
		m.keep = msg.keep // a new start date may move the dossier in the list
		return m, tea.Batch(common.Status(msg.text), m.reload())
	}
	var fe *model.FieldError
	switch {
	case m.form != nil && errors.As(msg.err, &fe):
		m.form.SetError(fe.Field, fe.Message)
		m.formErr = fe.Message
		return m, nil
	case m.form != nil && !errors.Is(msg.err, model.ErrConflict):
		m.form.Err = common.ErrorText(msg.err)
		return m, nil
	}
	m.form = nil
	return m, tea.Batch(common.Error(msg.err), m.reload())
}
