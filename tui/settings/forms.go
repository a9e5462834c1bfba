package settings

import (
	"context"
	"errors"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/form"
)

func errorsIs(err, target error) bool { return errors.Is(err, target) }

func asField(err error, fe **model.FieldError) bool { return errors.As(err, fe) }

func kindLabels() []string {
	out := make([]string, len(model.BodyKinds))
	for i, k := range model.BodyKinds {
		out[i] = k.Label()
	}
	return out
}

func roleLabels() []string {
	out := make([]string, len(model.Roles))
	for i, r := range model.Roles {
		out[i] = string(r)
	}
	return out
}

var yesNo = []string{"nee", "ja"}

func boolLabel(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}

// openForm opens the form for the selected row, or an empty one for a new row.
func (m *Model) openForm(isNew bool) {
	switch m.sec {
	case secBodies:
		b := model.Body{Kind: model.KindOR, RuleSet: model.RulesWOR}
		title := "Nieuw orgaan"
		if !isNew && len(m.bodies) > 0 {
			b, title = m.bodies[m.cur.Index], "Orgaan bewerken"
		}
		m.form = form.New(m.c, "body", title,
			form.Text("name", "Naam", b.Name, form.Required("naam")),
			form.Choice("kind", "Soort", b.Kind.Label(), kindLabels()).WithHint("←/→ kiezen"),
			form.Choice("rule_set", "Regeling", string(b.RuleSet), []string{"wor", "wms", "wmcz"}).WithHint("wet die de termijnen bepaalt"),
			form.Text("company", "Onderneming", b.Company, form.MaxRunes("onderneming", 200)),
			form.Text("address", "Adres", b.Address, form.MaxRunes("adres", 200)),
			form.Text("place", "Plaats", b.Place, form.MaxRunes("plaats", 100)).WithHint("voor 'Plaats, datum' in brieven"))
		m.formTarget = b
	case secBestuurder:
		b := m.bestuurder
		if m.activeBody().ID == 0 {
			return
		}
		b.BodyID = m.activeBody().ID
		m.form = form.New(m.c, "bestuurder", "Bestuurder van "+m.activeBody().Name,
			form.Text("name", "Naam", b.Name, form.Required("naam")),
			form.Text("title", "Functie", b.Title, form.MaxRunes("functie", 200)).WithHint("bijvoorbeeld directeur-bestuurder"),
			form.Choice("salutation", "Aanhef", salutationLabel(b.Salutation), []string{"geen", "heer", "mevrouw"}),
			form.Text("email", "E-mail", b.Email, form.MaxRunes("e-mail", 200)))
		m.formTarget = b
	case secHolidays:
		m.openHolidayForm()
		return
	case secMembers:
		if m.activeBody().ID == 0 {
			return
		}
		mem := model.Member{BodyID: m.activeBody().ID, Role: model.RoleLid}
		title := "Nieuw lid"
		if !isNew && len(m.members) > 0 {
			mem, title = m.members[m.cur.Index], "Lid bewerken"
		}
		m.form = form.New(m.c, "member", title,
			form.Text("name", "Naam", mem.Name, form.Required("naam")),
			form.Choice("role", "Rol", string(mem.Role), roleLabels()),
			form.Text("email", "E-mail", mem.Email, form.MaxRunes("e-mail", 200)),
			form.Text("term_start", "Zittingstermijn van", mem.TermStart.String(), form.Date("begin zittingstermijn", true)).WithHint("JJJJ-MM-DD of DD-MM-JJJJ"),
			form.Text("term_end", "tot en met", mem.TermEnd.String(), form.Date("einde zittingstermijn", true)).WithHint("art 12 WOR: meestal 3 jaar"),
			form.Choice("commission", "Ook in commissie", boolLabel(mem.Commission), yesNo).WithHint("art 18: 8 scholingsdagen"))
		m.formTarget = mem
	}
	if m.form != nil {
		m.form.SetWidth(m.width)
	}
}

func salutationLabel(s string) string {
	if s == "" {
		return "geen"
	}
	return s
}

func date(s string) model.Date {
	d, _ := model.ParseDate(s)
	return d
}

// save stores the submitted form in one transaction; validation errors come back at their field.
func (m *Model) save(msg form.SubmitMsg) tea.Cmd {
	v := msg.Values
	st := m.st
	ctx := context.Background()
	switch target := m.formTarget.(type) {
	case model.Body:
		b := target
		b.Name, b.Company, b.Address, b.Place = v["name"], v["company"], v["address"], v["place"]
		b.RuleSet = model.RuleSet(v["rule_set"])
		for _, k := range model.BodyKinds {
			if k.Label() == v["kind"] {
				b.Kind = k
			}
		}
		return func() tea.Msg {
			var err error
			if b.ID == 0 {
				_, err = st.CreateBody(ctx, b)
			} else {
				_, err = st.UpdateBody(ctx, b)
			}
			return savedMsg{text: b.Name + " opgeslagen", err: err}
		}
	case model.Bestuurder:
		b := target
		b.Name, b.Title, b.Email = v["name"], v["title"], v["email"]
		b.Salutation = v["salutation"]
		if b.Salutation == "geen" {
			b.Salutation = ""
		}
		return func() tea.Msg {
			_, err := st.SaveBestuurder(ctx, b)
			return savedMsg{text: "Bestuurder opgeslagen", err: err}
		}
	case termijn.Holiday:
		return m.saveHoliday(v)
	case model.Member:
		mem := target
		mem.Name, mem.Email, mem.Role = v["name"], v["email"], model.Role(v["role"])
		mem.TermStart, mem.TermEnd = date(v["term_start"]), date(v["term_end"])
		mem.Commission = v["commission"] == "ja"
		return func() tea.Msg {
			var err error
			if mem.ID == 0 {
				_, err = st.CreateMember(ctx, mem)
			} else {
				_, err = st.UpdateMember(ctx, mem)
			}
			return savedMsg{text: mem.Name + " opgeslagen", err: err}
		}
	}
	return nil
}
