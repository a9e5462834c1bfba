package demo

import (
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// demoEvent is an event dated in days relative to today.
type demoEvent struct {
	kind    dossier.EventKind
	day     int
	content string
	note    string
}

type demoDossier struct {
	kind        termijn.DossierKind
	title, desc string
	owner       int // index among the body's members; -1 for none
	started     int // days relative to today
	events      []demoEvent
}

// orDossiers tell the stories an AS follows: a reorganisation whose deviating decision has its suspension
// and appeal term ending within a week, a roster on which the council asked for an OV, a roster change
// executed without consent whose nullity term just expired, an information request with an agreed term,
// an initiative proposal, and one closed matter.
var orDossiers = []demoDossier{
	{termijn.Adviesaanvraag, "Reorganisatie facilitaire dienst",
		"Voorgenomen besluit: de facilitaire dienst gaat op in het team Services; 42 medewerkers krijgen een andere functie of werkplek.",
		3, -74, []demoEvent{
			{dossier.AgreedTerm, -32, "advies binnen 6 weken", "gevraagd in de adviesaanvraag"},
			{dossier.OVHeld, -46, "", "toelichting door de bestuurder; vragen over het sociaal plan"},
			{dossier.Advice, -32, string(termijn.AdviceNegative), "het sociaal plan ontbreekt nog"},
			{dossier.Decision, -25, dossier.DecisionDeviating, "besluit per brief, met motivering"},
		}},
	{termijn.Instemmingsverzoek, "Nieuw dienstrooster Thuiszorg",
		"Roosters van vier weken met vaste weekenddiensten per team (art 27 lid 1 sub b WOR: werktijdenregeling).",
		4, -20, []demoEvent{
			{dossier.AgreedTerm, 22, "instemming binnen 6 weken", ""},
			{dossier.OVRequest, -6, "", "de OR vraagt met redenen overleg over de roosterdruk"},
		}},
	{termijn.Instemmingsverzoek, "Roosterwijziging weekenddiensten",
		"De bestuurder vroeg instemming, maar voerde de nieuwe weekendroosters in voordat de OR had besloten.",
		5, -70, []demoEvent{
			{dossier.OVHeld, -50, "", ""},
			{dossier.ExecutionNoticed, -33, "", "medewerkers melden de nieuwe roosters bij de OR"},
		}},
	{termijn.Informatieverzoek, "Verzuimcijfers per afdeling 2025",
		"Verzoek om de verzuimcijfers per afdeling over de eerste drie kwartalen (art 31 WOR).",
		6, -12, []demoEvent{
			{dossier.AgreedTerm, 16, "informatie binnen 4 weken", "toegezegd door HR"},
		}},
	{termijn.Initiatiefvoorstel, "Fietsplan voor alle medewerkers",
		"Voorstel van de OR om de fietsregeling open te stellen voor alle medewerkers (art 23 lid 3 WOR).",
		7, -40, []demoEvent{
			{dossier.OVHeld, -20, "", "bestuurder neemt het voorstel mee naar het MT"},
			{dossier.Note, -19, "", "bestuurder reageert na overleg met HR"},
		}},
	{termijn.Adviesaanvraag, "Nieuw declaratiesysteem",
		"Overstap naar een digitaal declaratiesysteem voor reis- en onkosten.",
		2, -200, []demoEvent{
			{dossier.OVHeld, -170, "", ""},
			{dossier.Advice, -160, string(termijn.AdvicePositive), ""},
			{dossier.Decision, -150, dossier.DecisionConform, ""},
			{dossier.Closing, -140, "", "besluit conform advies; niets meer te doen"},
		}},
}

var ocDossiers = []demoDossier{
	{termijn.Adviesaanvraag, "Indeling wijkteams 2026",
		"Nieuwe indeling van de wijkteams Thuiszorg per 1 maart 2026.",
		1, -10, []demoEvent{
			{dossier.AgreedTerm, 25, "advies binnen 5 weken", ""},
		}},
}

// dossiers creates the demo dossiers of both bodies with their timelines.
func (g *gen) dossiers(or, oc model.Body) error {
	for _, set := range []struct {
		body model.Body
		list []demoDossier
	}{{or, orDossiers}, {oc, ocDossiers}} {
		members, err := g.s.Members(g.ctx, set.body.ID)
		if err != nil {
			return err
		}
		for _, dd := range set.list {
			d := dossier.Dossier{BodyID: set.body.ID, Kind: dd.kind, Title: dd.title, Description: dd.desc,
				StartedOn: g.today.AddDays(dd.started)}
			if dd.owner >= 0 && dd.owner < len(members) {
				d.OwnerID = members[dd.owner].ID
			}
			d, err := g.s.CreateDossier(g.ctx, d)
			if err != nil {
				return err
			}
			g.sum.Dossiers++
			for _, e := range dd.events {
				_, err := g.s.AddDossierEvent(g.ctx, dossier.Event{DossierID: d.ID, Kind: e.kind,
					Date: g.today.AddDays(e.day), Content: e.content, Note: e.note})
				if err != nil {
					return err
				}
			}
		}
	}
	return nil
}
