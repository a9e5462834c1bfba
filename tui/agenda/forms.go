package agenda

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

type (
	meetingTarget  struct{ m model.Meeting }
	itemTarget     struct{ it model.AgendaItem }
	topicTarget    struct{ t model.BacklogTopic }
	templateTarget struct{ index int }
	seriesTarget   struct{}
	outcomeTarget  struct{ it model.AgendaItem }
)

func minutesField(key, value string) *form.Field {
	return form.Text(key, "Minuten", value, func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		switch {
		case err != nil:
			return model.Invalid(key, "duur is een heel aantal minuten, bijvoorbeeld 15")
		case n <= 0:
			return model.Invalid(key, "duur moet meer dan 0 minuten zijn")
		case n > 24*60:
			return model.Invalid(key, "duur is langer dan een dag")
		}
		return nil
	})
}

func atoi(s string) int { n, _ := strconv.Atoi(strings.TrimSpace(s)); return n }

func date(s string) model.Date { d, _ := model.ParseDate(s); return d }

func clock(s string) model.Clock { c, _ := model.ParseClock(s); return c }

func kindLabels() []string {
	out := make([]string, len(model.MeetingKinds))
	for i, k := range model.MeetingKinds {
		out[i] = k.Label()
	}
	return out
}

func kindOf(label string) model.MeetingKind {
	for _, k := range model.MeetingKinds {
		if k.Label() == label {
			return k
		}
	}
	return model.MeetingOR
}

func purposeLabels() []string {
	out := make([]string, len(model.Purposes))
	for i, p := range model.Purposes {
		out[i] = string(p)
	}
	return out
}

func statusLabels() []string {
	out := make([]string, len(model.MeetingStatuses))
	for i, s := range model.MeetingStatuses {
		out[i] = s.Label()
	}
	return out
}

func statusOf(label string) model.MeetingStatus {
	for _, s := range model.MeetingStatuses {
		if s.Label() == label {
			return s
		}
	}
	return model.MeetingConcept
}

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}

func (m *Model) open(f *form.Model, target any) {
	f.SetWidth(m.width)
	m.form, m.formTarget = f, target
}

// meetingForm edits a meeting, or a new one (ID 0) that will start from its kind's standard agenda.
func (m *Model) meetingForm(mt model.Meeting) {
	title := "Vergadering bewerken"
	if mt.ID == 0 {
		title = "Nieuwe vergadering (de agenda begint vanuit de standaardagenda)"
		mt = model.Meeting{BodyID: m.body.ID, Kind: model.MeetingOR, Date: m.today().AddDays(14), Start: 13*60 + 30, End: 16 * 60,
			Status: model.MeetingConcept}
	}
	fields := []*form.Field{
		form.Choice("kind", "Soort", mt.Kind.Label(), kindLabels()).WithHint("←/→ kiezen"),
		form.Text("date", "Datum", mt.Date.String(), form.Date("datum", false)).WithHint("JJJJ-MM-DD of DD-MM-JJJJ"),
		form.Text("start", "Begin", mt.Start.String(), form.Clock("begintijd")).WithHint("UU:MM"),
		form.Text("end", "Geplande eindtijd", mt.End.String(), form.Clock("eindtijd")),
		form.Text("location", "Plaats", mt.Location, form.MaxRunes("plaats", 200)),
		form.Text("chair", "Voorzitter", mt.Chair, form.MaxRunes("voorzitter", 200)).WithHint("leeg: OR-voorzitter; bij een OV wisselend met de bestuurder (art 23a)"),
		form.Choice("art24", "Art 24 (alg. gang)", yesNo(mt.Art24), []string{"nee", "ja"}).WithHint("alleen bij een overlegvergadering"),
		form.Text("ov_requested", "OV gevraagd op", mt.OVRequested.String(), form.Date("verzoekdatum", true)).WithHint("met redenen omkleed verzoek: OV binnen 2 weken (art 23 lid 1)"),
	}
	if mt.ID != 0 {
		fields = append(fields, form.Choice("status", "Status", mt.Status.Label(), statusLabels()))
	}
	m.open(form.New(m.c, "meeting", title, fields...), meetingTarget{mt})
}

// chairFor fills an empty chair: the OR's voorzitter, or for an OV whoever did not chair the last one
// before it. It runs inside a command: the last OV may lie in a part of the list that is not loaded.
func chairFor(ctx context.Context, st Store, members []model.Member, bestuurder model.Bestuurder, mt model.Meeting) (string, error) {
	voorzitter := ""
	for _, mem := range members {
		if mem.Role == model.RoleVoorzitter {
			voorzitter = mem.Name
		}
	}
	if mt.Kind != model.MeetingOV || bestuurder.Name == "" {
		return voorzitter, nil
	}
	if mt.Date.IsZero() {
		return bestuurder.Name, nil
	}
	last, err := st.PreviousMeeting(ctx, mt.BodyID, model.MeetingOV, mt.Date, mt.ID)
	switch {
	case errors.Is(err, model.ErrNotFound):
		return bestuurder.Name, nil
	case err != nil:
		return "", err
	case last.Chair == bestuurder.Name:
		return voorzitter, nil
	}
	return bestuurder.Name, nil
}

func (m *Model) itemForm(it model.AgendaItem) {
	title := "Agendapunt bewerken"
	if it.ID == 0 {
		title = "Nieuw agendapunt"
	}
	m.open(form.New(m.c, "item", title,
		form.Text("title", "Onderwerp", it.Title, form.Required("onderwerp")),
		form.Choice("purpose", "Doel", string(it.Purpose), purposeLabels()).WithHint("advies: art 25, instemming: art 27"),
		form.Text("presenter", "Inleider", it.Presenter, form.MaxRunes("inleider", 200)),
		minutesField("minutes", strconv.Itoa(it.Minutes)),
		form.Text("explanation", "Toelichting", it.Explain, form.MaxRunes("toelichting", form.MaxLen)),
		form.Text("raised_by", "Ingebracht door", it.RaisedBy, form.MaxRunes("ingebracht door", 200)),
		form.Choice("dossier", "Dossier", m.dossierLabel(it.DossierID), m.dossierLabels()).WithHint("←/→ kiezen"),
	), itemTarget{it})
}

// noDossier is the choice for an item that belongs to no dossier.
const noDossier = "geen"

// dossierLabels are the choices for an item's dossier: none, then the body's dossiers by title and number
// (the number keeps two dossiers with one title apart).
func (m *Model) dossierLabels() []string {
	out := []string{noDossier}
	for _, d := range m.dossiers {
		out = append(out, dossierChoiceLabel(d))
	}
	return out
}

func dossierChoiceLabel(d model.DossierChoice) string { return fmt.Sprintf("%s (%d)", d.Title, d.ID) }

func (m *Model) dossierLabel(id int64) string {
	for _, d := range m.dossiers {
		if d.ID == id {
			return dossierChoiceLabel(d)
		}
	}
	return noDossier
}

// dossierID maps a chosen label back to its dossier; an unknown label (the dossier went to the bin
// meanwhile) keeps the item's current link.
func (m *Model) dossierID(label string, current int64) int64 {
	if label == noDossier {
		return 0
	}
	for _, d := range m.dossiers {
		if dossierChoiceLabel(d) == label {
			return d.ID
		}
	}
	return current
}

func (m *Model) topicForm(t model.BacklogTopic) {
	title := "Onderwerp op de parkeerlijst bewerken"
	if t.ID == 0 {
		title = "Nieuw onderwerp voor de parkeerlijst"
	}
	m.open(form.New(m.c, "topic", title,
		form.Text("title", "Onderwerp", t.Title, form.Required("onderwerp")),
		form.Text("raised_by", "Ingebracht door", t.RaisedBy, form.MaxRunes("ingebracht door", 200)),
		form.Text("raised_on", "Op", t.RaisedOn.String(), form.Date("datum", true)).WithHint("JJJJ-MM-DD of DD-MM-JJJJ"),
		form.Choice("purpose", "Doel", string(t.Purpose), purposeLabels()),
		minutesField("minutes", strconv.Itoa(t.Minutes)),
		form.Text("explanation", "Toelichting", t.Explain, form.MaxRunes("toelichting", form.MaxLen)),
	), topicTarget{t})
}

func (m *Model) templateForm(index int, t model.TemplateItem) {
	title := "Regel van de standaardagenda " + m.tplKindNow().Label()
	m.open(form.New(m.c, "template", title,
		form.Text("title", "Onderwerp", t.Title, form.Required("onderwerp")),
		form.Choice("purpose", "Doel", string(t.Purpose), purposeLabels()),
		form.Text("presenter", "Inleider", t.Presenter, form.MaxRunes("inleider", 200)),
		minutesField("minutes", strconv.Itoa(t.Minutes)),
	), templateTarget{index})
}

var dayLabels = []string{"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"}

func (m *Model) seriesForm() {
	var nths []string
	for _, n := range model.NthNames {
		nths = append(nths, n.Name)
	}
	from := m.today()
	m.open(form.New(m.c, "series", "Reeks vergaderingen plannen (daarna kunt u elke vergadering apart aanpassen)",
		form.Choice("kind", "Soort", model.MeetingOR.Label(), kindLabels()),
		form.Choice("nth", "Welke", "tweede", nths).WithHint("van de maand, of elke week"),
		form.Choice("weekday", "Dag", "dinsdag", dayLabels),
		form.Text("interval", "Om de", "1", func(s string) error {
			if n := atoi(s); n < 1 || n > 12 {
				return model.Invalid("interval", "kies 1 tot 12 (maanden, of weken bij 'elke week')")
			}
			return nil
		}).WithHint("maanden (bij 'elke week': weken)"),
		form.Text("from", "Van", from.String(), form.Date("begindatum", false)),
		form.Text("until", "Tot en met", from.AddMonths(12).AddDays(-1).String(), form.Date("einddatum", false)),
		form.Text("start", "Begin", "13:30", form.Clock("begintijd")),
		form.Text("end", "Geplande eindtijd", "16:00", form.Clock("eindtijd")),
		form.Text("location", "Plaats", "", form.MaxRunes("plaats", 200)),
	), seriesTarget{})
}

var outcomeLabels = []string{"nog niet vastgelegd", "behandeld", "doorschuiven naar de volgende vergadering", "terug naar de parkeerlijst"}
var outcomes = []model.ItemOutcome{model.OutcomeNone, model.OutcomeTreated, model.OutcomeCarried, model.OutcomeBacklog}

func (m *Model) outcomeForm(it model.AgendaItem) {
	cur := outcomeLabels[0]
	for i, o := range outcomes {
		if o == it.Outcome {
			cur = outcomeLabels[i]
		}
	}
	m.open(form.New(m.c, "outcome", "Afloop van punt "+strconv.Itoa(it.Position)+": "+it.Title,
		form.Choice("outcome", "Afloop", cur, outcomeLabels).WithHint("←/→ kiezen, enter vastleggen")), outcomeTarget{it})
}

// submit saves a submitted form in the background; the answer comes back as a savedMsg.
func (m *Model) submit(msg form.SubmitMsg) tea.Cmd {
	v := msg.Values
	st := m.st
	switch t := m.formTarget.(type) {
	case meetingTarget:
		mt := t.m
		mt.Kind, mt.Date, mt.Start, mt.End = kindOf(v["kind"]), date(v["date"]), clock(v["start"]), clock(v["end"])
		mt.Location, mt.Chair, mt.Art24, mt.OVRequested = v["location"], v["chair"], v["art24"] == "ja", date(v["ov_requested"])
		if s, ok := v["status"]; ok {
			mt.Status = statusOf(s)
		}
		members, bestuurder := m.members, m.bestuurder
		return func() tea.Msg {
			ctx := context.Background()
			if mt.Chair == "" {
				chair, err := chairFor(ctx, st, members, bestuurder, mt)
				if err != nil {
					return savedMsg{err: err}
				}
				mt.Chair = chair
			}
			if mt.ID == 0 {
				saved, err := st.NewMeeting(ctx, mt)
				return savedMsg{text: mt.Title() + " gepland, met de standaardagenda", err: err, meeting: saved.ID}
			}
			_, err := st.UpdateMeeting(ctx, mt)
			return savedMsg{text: mt.Title() + " opgeslagen", err: err, meeting: mt.ID}
		}
	case itemTarget:
		it := t.it
		it.Title, it.Purpose, it.Presenter = v["title"], model.Purpose(v["purpose"]), v["presenter"]
		it.Minutes, it.Explain, it.RaisedBy = atoi(v["minutes"]), v["explanation"], v["raised_by"]
		it.DossierID = m.dossierID(v["dossier"], it.DossierID)
		return func() tea.Msg {
			var err error
			if it.ID == 0 {
				it, err = st.AddAgendaItem(context.Background(), it)
			} else {
				it, err = st.UpdateAgendaItem(context.Background(), it)
			}
			return savedMsg{text: "Punt " + it.Title + " opgeslagen", err: err, focus: it.ID}
		}
	case topicTarget:
		tp := t.t
		tp.Title, tp.RaisedBy, tp.RaisedOn = v["title"], v["raised_by"], date(v["raised_on"])
		tp.Purpose, tp.Minutes, tp.Explain = model.Purpose(v["purpose"]), atoi(v["minutes"]), v["explanation"]
		return write(tp.Title+" op de parkeerlijst", func(ctx context.Context) error {
			var err error
			if tp.ID == 0 {
				_, err = st.CreateBacklogTopic(ctx, tp)
			} else {
				_, err = st.UpdateBacklogTopic(ctx, tp)
			}
			return err
		})
	case templateTarget:
		line := model.TemplateItem{Title: v["title"], Purpose: model.Purpose(v["purpose"]), Presenter: v["presenter"], Minutes: atoi(v["minutes"])}
		items := append([]model.TemplateItem{}, m.tpl...)
		if t.index < 0 {
			at := len(items)
			for at > 0 && items[at-1].Role.Trailing() {
				at--
			}
			items = append(items[:at], append([]model.TemplateItem{line}, items[at:]...)...)
		} else {
			line.Role = items[t.index].Role
			items[t.index] = line
		}
		return m.saveTemplate(items, "Standaardagenda "+m.tplKindNow().Label()+" opgeslagen")
	case seriesTarget:
		return m.submitSeries(v)
	case outcomeTarget:
		o := model.OutcomeNone
		for i, l := range outcomeLabels {
			if l == v["outcome"] {
				o = outcomes[i]
			}
		}
		it := t.it
		return func() tea.Msg {
			_, err := st.SetItemOutcome(context.Background(), it.ID, o)
			return savedMsg{text: "Afloop van " + it.Title + ": " + v["outcome"], err: err, focus: it.ID}
		}
	case exportTarget:
		return m.submitExport(t, v)
	}
	return nil
}

func (m *Model) submitSeries(v map[string]string) tea.Cmd {
	sr := model.Series{BodyID: m.body.ID, Kind: kindOf(v["kind"]), Interval: atoi(v["interval"]), From: date(v["from"]),
		Until: date(v["until"]), Start: clock(v["start"]), End: clock(v["end"]), Location: v["location"]}
	for _, n := range model.NthNames {
		if n.Name == v["nth"] {
			sr.Nth = n.Value
		}
	}
	for i, d := range dayLabels {
		if d == v["weekday"] {
			sr.Weekday = time.Weekday(i + 1)
		}
	}
	st, members, bestuurder := m.st, m.members, m.bestuurder
	return func() tea.Msg {
		ctx := context.Background()
		chair, err := chairFor(ctx, st, members, bestuurder, model.Meeting{BodyID: sr.BodyID, Kind: sr.Kind})
		if err != nil {
			return savedMsg{err: err}
		}
		sr.Chair = chair
		ms, err := st.PlanSeries(ctx, sr)
		msg := savedMsg{text: common.Count(len(ms), "vergadering", "vergaderingen") + " gepland: " + sr.Describe(), err: err}
		if len(ms) > 0 {
			msg.meeting = ms[0].ID
		}
		return msg
	}
}
