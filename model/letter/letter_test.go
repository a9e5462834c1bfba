package letter

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// full gives every known field a value.
func full() map[string]string {
	v := map[string]string{}
	for _, f := range Fields() {
		v[f.Name] = "waarde " + f.Name
		if f.Kind == KindDate {
			v[f.Name] = "2025-03-14"
		}
	}
	return v
}

func TestDefaults(t *testing.T) {
	want := []string{"ontvangstbevestiging-adviesaanvraag", "adviesbrief-positief", "adviesbrief-negatief",
		"adviesbrief-voorwaardelijk", "instemmingsbrief-verleend", "instemmingsbrief-geweigerd",
		"instemmingsbrief-voorwaardelijk", "verzoek-om-informatie", "initiatiefvoorstel", "verzoek-overlegvergadering",
		"beroep-op-nietigheid", "uitnodiging-overlegvergadering"}
	ts := Defaults()
	if len(ts) != len(want) {
		t.Fatalf("%d templates, want %d", len(ts), len(want))
	}
	for i, tp := range ts {
		if tp.Code != want[i] {
			t.Errorf("template %d is %q, want %q", i, tp.Code, want[i])
		}
		if tp.Name == "" || tp.Article == "" || len(tp.Ingredients) < 3 || !tp.Fits(model.RulesWOR) || tp.Fits(model.RulesWMS) {
			t.Errorf("%s: incomplete: %+v", tp.Code, tp)
		}
		p, _ := Split(tp.Source)
		if !strings.Contains(p.Subject, "artikel") && tp.Group != "uitnodiging" {
			t.Errorf("%s: Betreft names no article: %q", tp.Code, p.Subject)
		}
	}
	if _, ok := Default("adviesbrief-negatief"); !ok {
		t.Error("Default(adviesbrief-negatief) not found")
	}
	if got := ForRuleSet(ts, model.RulesWmcz); len(got) != 0 {
		t.Errorf("WOR letters offered to a cliëntenraad: %d", len(got))
	}
}

func TestSentEvents(t *testing.T) {
	for code, want := range map[string][2]string{
		"adviesbrief-positief": {"advies", "positief"}, "adviesbrief-negatief": {"advies", "negatief"},
		"adviesbrief-voorwaardelijk": {"advies", "voorwaardelijk"}, "instemmingsbrief-verleend": {"instemming", "verleend"},
		"instemmingsbrief-geweigerd": {"instemming", "geweigerd"}, "instemmingsbrief-voorwaardelijk": {"instemming", "voorwaardelijk"},
		"initiatiefvoorstel": {"verzonden", ""}, "verzoek-om-informatie": {"verzonden", ""},
		"verzoek-overlegvergadering": {"ov-verzoek", ""}, "beroep-op-nietigheid": {"notitie", ""},
	} {
		tp, _ := Default(code)
		if k, c := tp.SentEvent(); k != want[0] || c != want[1] {
			t.Errorf("%s: event %q %q, want %v", code, k, c, want)
		}
	}
}

func TestEveryTemplateRendersFull(t *testing.T) {
	for _, tp := range Defaults() {
		r, err := Render(tp.Source, full())
		if err != nil {
			t.Fatalf("%s: %v", tp.Code, err)
		}
		text := r.Text()
		if n := r.Markers(); n != 0 || len(r.Missing) != 0 {
			t.Errorf("%s: %d markers %v with every field filled:\n%s", tp.Code, n, r.Missing, text)
		}
		for _, want := range []string{"Betreft: ", "Kenmerk: ", "waarde aanhef", "Met vriendelijke groet,", "namens de waarde orgaan",
			"waarde voorzitter, voorzitter", "waarde secretaris, secretaris", "14 maart 2025"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no %q in\n%s", tp.Code, want, text)
			}
		}
		if strings.Contains(text, "{{") {
			t.Errorf("%s: unrendered field in\n%s", tp.Code, text)
		}
	}
}

func TestEveryTemplateMarksMissingFields(t *testing.T) {
	for _, tp := range Defaults() {
		names, err := tp.Names()
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			f, _ := Lookup(name)
			vals := full()
			delete(vals, name)
			r, err := Render(tp.Source, vals)
			if err != nil {
				t.Fatal(err)
			}
			marker := Marker(f.Label)
			switch {
			case f.Optional && strings.Contains(r.Text(), marker):
				t.Errorf("%s: optional %s marked", tp.Code, name)
			case !f.Optional && (!strings.Contains(r.Text(), marker) || len(r.Missing) != 1 || r.Missing[0] != f.Label):
				t.Errorf("%s: missing %s: missing %v, text:\n%s", tp.Code, name, r.Missing, r.Text())
			}
		}
	}
}

func TestMarkerText(t *testing.T) {
	r, err := Render("Betreft: overleg op {{datum_ov}}\n\nTot {{datum_ov}}.", map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Subject != "overleg op [nog invullen: datum OV]" {
		t.Errorf("subject %q", r.Subject)
	}
	if !contains(r.Missing, "datum OV") || strings.Count(r.Text(), "datum OV]") != 2 {
		t.Errorf("missing %v", r.Missing)
	}
	// A marker typed into the text counts as well.
	if CountMarkers("Zie [nog invullen: bijlage] en [nog invullen: datum]") != 2 {
		t.Error("typed markers not counted")
	}
}

func TestUnknownField(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Betreft: x\n\nBeste {{datum_ovv}},", "onbekend veld {{datum_ovv}}"},
		{"Betreft: x\n\nregel\nBeste {{datum_ov", "regel 4: veld zonder }}"},
	} {
		err := Check(c.text)
		if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, model.ErrInvalid) {
			t.Errorf("Check(%q) = %v, want %q", c.text, err, c.want)
		}
		if _, err := Render(c.text, full()); err == nil {
			t.Errorf("Render(%q) accepted", c.text)
		}
	}
	bad := Template{Name: "Eigen brief", Source: "Betreft: x\n\n{{handtekening}}"}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "{{handtekening}}") || !strings.Contains(err.Error(), "Eigen brief") {
		t.Errorf("Validate = %v", err)
	}
	if err := (Template{Name: "x", Source: "Geen betreft\n\ntekst"}).Validate(); err == nil {
		t.Error("template without Betreft accepted")
	}
}

func TestDutchDatesEveryMonth(t *testing.T) {
	months := []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
		"oktober", "november", "december"}
	for i, m := range months {
		d := model.NewDate(2025, time.Month(i+1), 14)
		want := "Utrecht, 14 " + m + " 2025"
		if got := PlaceDate("Utrecht", d); got != want {
			t.Errorf("PlaceDate = %q, want %q", got, want)
		}
		f, _ := Lookup("datum_ov")
		if got := f.Value(d.String()); got != "14 "+m+" 2025" {
			t.Errorf("date field %q", got)
		}
	}
	if got := PlaceDate("Tiel", model.NewDate(2025, 3, 1)); got != "Tiel, 1 maart 2025" {
		t.Errorf("single digit day: %q", got)
	}
	f, _ := Lookup("datum")
	if _, err := f.CheckValue("31-02-2025"); err == nil {
		t.Error("impossible date accepted")
	}
	if v, err := f.CheckValue("14-03-2025"); err != nil || v != "2025-03-14" {
		t.Errorf("CheckValue = %q, %v", v, err)
	}
}

func TestDiff(t *testing.T) {
	a := "Geachte mevrouw Bakker,\n\nDe raad adviseert positief.\nMet vriendelijke groet,\n"
	b := "Geachte mevrouw Bakker,\n\nDe raad adviseert negatief.\nDe raad heeft bezwaren.\nMet vriendelijke groet,\n"
	d := Diff(a, b)
	var got []string
	for _, l := range d {
		got = append(got, l.String())
	}
	want := []string{"  Geachte mevrouw Bakker,", "  ", "- De raad adviseert positief.", "+ De raad adviseert negatief.",
		"+ De raad heeft bezwaren.", "  Met vriendelijke groet,"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diff:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if add, rem := Changed(d); add != 2 || rem != 1 {
		t.Errorf("changed %d %d", add, rem)
	}
	if add, rem := Changed(Diff(a, a)); add+rem != 0 {
		t.Error("identical texts differ")
	}
	if len(Diff("", "x")) != 1 || len(Diff("x", "")) != 1 {
		t.Error("diff with an empty side")
	}
}

func TestSplitJoin(t *testing.T) {
	src := "Betreft: advies over {{onderwerp}}\nUw kenmerk: {{uw_kenmerk}}\nBijlagen: notitie; planning\nCc: personeelszaken\n\nTekst.\n\nMeer tekst."
	p, body := Split(src)
	if p.Subject != "advies over {{onderwerp}}" || p.TheirReference != "{{uw_kenmerk}}" || len(p.Enclosures) != 2 || p.Cc[0] != "personeelszaken" {
		t.Errorf("parts %+v", p)
	}
	if body != "Tekst.\n\nMeer tekst." {
		t.Errorf("body %q", body)
	}
	if Join(p, body) != src {
		t.Errorf("round trip:\n%s", Join(p, body))
	}
	r, _ := Render(src, full())
	if len(r.Enclosures) != 2 || r.TheirReference != "waarde uw_kenmerk" {
		t.Errorf("rendered %+v", r)
	}
}

func TestDraftFields(t *testing.T) {
	f := Facts{
		Body:  model.Body{Name: "OR Zorggroep", Kind: model.KindOR, Company: "Zorggroep Rivierenland", Address: "Postbus 412, 4000 AK Tiel", Place: "Tiel"},
		Chair: "Anneke Smit", Secretary: "Piet de Vries",
		Bestuurder: model.Bestuurder{Name: "Marco van Leeuwen", Title: "directeur", Salutation: "heer"},
		Today:      model.NewDate(2025, 11, 3), Seq: 4,
		Dossier: &DossierFacts{Title: "Reorganisatie facilitaire dienst", Kind: termijn.Adviesaanvraag,
			Received: model.NewDate(2025, 9, 12), OVHeld: model.NewDate(2025, 10, 10)},
	}
	v := DraftFields(f)
	for k, want := range map[string]string{
		"afzender": "Ondernemingsraad Zorggroep Rivierenland", "aanhef": "Geachte heer Van Leeuwen,",
		"bestuurder": "Heer M. van Leeuwen", "kenmerk": "OR-2025-004", "onderwerp": "reorganisatie facilitaire dienst",
		"datum_aanvraag": "2025-09-12", "datum_ov": "2025-10-10", "datum": "2025-11-03", "orgaan": "ondernemingsraad",
		"ov_uiterlijk": "2025-11-17", "antwoord_voor": "2025-11-17",
	} {
		if v[k] != want {
			t.Errorf("%s = %q, want %q", k, v[k], want)
		}
	}
	tp, _ := Default("adviesbrief-negatief")
	r, err := Render(tp.Source, v)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Text(), "Tiel, 3 november 2025") || !strings.Contains(r.Text(), "[nog invullen: bezwaren met redenen]") {
		t.Errorf("draft:\n%s", r.Text())
	}
	if _, ok := v["aanhef"]; !ok {
		t.Error("no aanhef")
	}
	f.Bestuurder.Salutation = ""
	if v := DraftFields(f); v["aanhef"] != "" {
		t.Errorf("aanhef guessed: %q", v["aanhef"])
	}
	if lowerFirst("ICT-beleid") != "ICT-beleid" {
		t.Error("abbreviation lowered")
	}
}

func TestNullityDeadline(t *testing.T) {
	// wor.md worked example 4: noticed Tue 10-06-2025, invoke by Thu 10-07-2025.
	d, ok := NullityDeadline(model.Date{}, model.NewDate(2025, 6, 10), termijn.Calendar{})
	if !ok || d.End.String() != "2025-07-10" {
		t.Errorf("deadline %+v", d)
	}
	if _, ok := NullityDeadline(model.Date{}, model.Date{}, termijn.Calendar{}); ok {
		t.Error("deadline without a start")
	}
}

func TestPage(t *testing.T) {
	tp, _ := Default("adviesbrief-voorwaardelijk")
	v := full()
	v["voorwaarden"] = "- een sociaal plan dat met de vakbonden is overeengekomen en door de raad is besproken\n- evaluatie na zes maanden"
	r, err := Render(tp.Source, v)
	if err != nil {
		t.Fatal(err)
	}
	page := r.Page(60)
	for _, line := range strings.Split(page, "\n") {
		if n := len([]rune(line)); n > 60 {
			t.Errorf("line of %d runes: %q", n, line)
		}
	}
	date := "waarde plaats, 14 maart 2025"
	if !strings.Contains(page, "\n"+strings.Repeat(" ", 60-len([]rune(date)))+date+"\n") {
		t.Errorf("date not on the right:\n%s", page)
	}
	for _, want := range []string{"Betreft:    ",
		"  - een sociaal plan", "waarde voorzitter", "waarde secretaris"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in\n%s", want, page)
		}
	}
	lines := Wrap("- "+strings.Repeat("woord ", 30), 40)
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "  ") {
		t.Errorf("wrap %q", lines)
	}
}
