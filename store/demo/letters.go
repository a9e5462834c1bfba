package demo

import (
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/letter"
)

// demoLetter is a letter drafted for a demo dossier (by title; "" for none), saved as one or more
// versions: each step sets fields on top of the previous version.
type demoLetter struct {
	template string
	dossier  string
	steps    []map[string]string
	// sentDay, when set, marks the letter sent that many days from today; signing marks it ter
	// ondertekening.
	sentDay int
	signing bool
	oc      bool // a letter of the onderdeelcommissie instead of the OR
}

// demoLetters show every state: a sent ontvangstbevestiging of the OC (archived, in its dossier's
// timeline; the OR's archive stays as the archive demo made it), and for the OR a conditional consent in
// its second version, a draft beroep op nietigheid whose term has just expired, and an invitation to the
// next OV waiting for signatures.
var demoLetters = []demoLetter{
	{oc: true, template: "ontvangstbevestiging-adviesaanvraag", dossier: "Indeling wijkteams 2026", sentDay: -8, steps: []map[string]string{{
		"sub": "b", "uw_kenmerk": "DIR-TZ/2025/088",
		"bijlagen_aanvraag":      "de notitie over de nieuwe wijkteams en de kaart van de wijken",
		"ontbrekende_informatie": "- de gevolgen per wijkteam voor de reistijd van de medewerkers;\n- de planning van de overgang per 1 maart 2026.",
		"datum_vragen":           "2", "datum_ov": "12", "streefdatum_advies": "25",
	}}},
	{template: "instemmingsbrief-voorwaardelijk", dossier: "Nieuw dienstrooster Thuiszorg", steps: []map[string]string{
		{"sub": "b", "uw_kenmerk": "HR/2025/114"},
		{"bijlagen_aanvraag": "het conceptrooster en de toelichting van HR",
			"voorwaarden": "- ieder team heeft ten hoogste één vast weekend per vier weken;\n- de roosters worden na zes maanden met de OR geëvalueerd.",
			"motivering":  "De vaste weekenddiensten drukken zwaar op medewerkers met een kleine aanstelling; de ideeën van de teams zijn nog niet verwerkt."},
	}},
	{template: "beroep-op-nietigheid", dossier: "Roosterwijziging weekenddiensten", steps: []map[string]string{
		{"besluit": "invoering van de nieuwe weekendroosters", "hoe_vernomen": "doordat medewerkers de nieuwe roosters bij de OR meldden"},
	}},
	{template: "uitnodiging-overlegvergadering", signing: true, steps: []map[string]string{{}}},
}

// letters drafts the demo letters through the store, as the AS would.
func (g *gen) letters(or, oc model.Body) error {
	ds, err := g.s.Dossiers(g.ctx, dossier.Filter{})
	if err != nil {
		return err
	}
	byTitle := map[string]int64{}
	for _, d := range ds {
		byTitle[d.Title] = d.ID
	}
	seq := map[int64]int{}
	for _, dl := range demoLetters {
		body := or
		if dl.oc {
			body = oc
		}
		seq[body.ID]++
		id := byTitle[dl.dossier]
		if dl.dossier != "" && id == 0 {
			continue // the dossier demo changed; the letter needs its dossier
		}
		l, err := g.s.CreateLetter(g.ctx, body.ID, dl.template, id)
		if err != nil {
			return fmt.Errorf("demo letter %s: %w", dl.template, err)
		}
		g.sum.Letters++
		v, err := g.s.LetterVersion(g.ctx, l.ID, 0)
		if err != nil {
			return err
		}
		for i, step := range dl.steps {
			fields := map[string]string{}
			for k, val := range v.Fields {
				fields[k] = val
			}
			for k, val := range step {
				fields[k] = g.demoValue(k, val)
			}
			// The store dates a new letter by the real clock; the demo lives around its own today.
			on := g.today.AddDays(dl.sentDay)
			fields["datum"] = on.String()
			fields["kenmerk"] = letter.Reference(body, on, seq[body.ID])
			fields["antwoord_voor"] = on.AddDays(14).String()
			if i == len(dl.steps)-1 && (dl.signing || dl.sentDay != 0) {
				fillRest(g.today, v.Source, fields)
			}
			if v, err = g.s.SaveLetterVersion(g.ctx, l.ID, v.N, v.Source, fields); err != nil {
				return fmt.Errorf("demo letter %s: %w", dl.template, err)
			}
		}
		switch {
		case dl.sentDay != 0:
			if _, err := g.s.MarkLetterSent(g.ctx, l.ID, g.today.AddDays(dl.sentDay)); err != nil {
				return fmt.Errorf("demo letter %s: %w", dl.template, err)
			}
		case dl.signing:
			if _, err := g.s.MarkLetterForSigning(g.ctx, l.ID); err != nil {
				return fmt.Errorf("demo letter %s: %w", dl.template, err)
			}
		}
	}
	return nil
}

// demoValue turns a day offset ("-46") of a date field into a date relative to today.
func (g *gen) demoValue(name, val string) string {
	f, _ := letter.Lookup(name)
	var days int
	if f.Kind == letter.KindDate {
		if _, err := fmt.Sscan(val, &days); err == nil {
			return g.today.AddDays(days).String()
		}
	}
	return val
}

// fillRest gives a field the demo did not set a plain value, so a letter that is signed or sent holds
// no markers (a demo without an OV meeting still gets its invitation).
func fillRest(today model.Date, source string, fields map[string]string) {
	names, err := letter.Names(source)
	if err != nil {
		return
	}
	fallback := map[string]string{"ov_tijd": "10.00 uur", "ov_plaats": "de vergaderzaal", "ov_voorzitter": "de bestuurder",
		"ov_deelnemers": "de bestuurder en de leden van de ondernemingsraad", "datum_ov": today.AddDays(14).String(),
		"ov_agenda": "1. Opening en vaststellen agenda\n2. Verslag vorige overlegvergadering\n3. Mededelingen\n4. Rondvraag\n5. Sluiting"}
	for _, n := range names {
		if fields[n] != "" {
			continue
		}
		if v := fallback[n]; v != "" {
			fields[n] = v
		}
	}
}
