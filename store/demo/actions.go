package demo

import (
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
)

var actionTexts = []string{
	"Roosterevaluatie opvragen bij HR",
	"Reactie achterban op thuiswerkregeling verzamelen",
	"Vragen over de begroting 2026 op papier zetten",
	"Afspraak maken met de preventiemedewerker",
	"Concept-advies reorganisatie facilitair schrijven",
	"Ziekteverzuimcijfers per afdeling opvragen",
	"Nieuwsbrief voor de achterban opstellen",
	"Scholingsplan OR voor volgend jaar voorbereiden",
	"Informatie over de fietsregeling navragen",
	"Evaluatie werkdruk ICT bespreken met de teamleider",
	"Verslag overlegvergadering uitwerken",
	"Reglement OR nalopen op de zittingstermijn",
}

var decisionTexts = []string{
	"De OR stemt in met de gewijzigde thuiswerkregeling.",
	"De OR brengt positief advies uit over de nieuwe roosterplanning.",
	"De OR vraagt de bestuurder om een nadere toelichting op de begroting.",
	"De OR stelt een werkgroep werkdruk in, met twee leden.",
	"De OR besluit een initiatiefvoorstel over de fietsregeling in te dienen.",
	"De OR stemt niet in met het voorstel voor cameratoezicht zoals het er ligt.",
	"Het verslag van de vorige vergadering wordt ongewijzigd vastgesteld.",
}

// actions records, for the body's meetings of the last four months that were held, attendance, notes on
// the topics, a decision or two and a few actions: the older ones mostly done, some still open and late,
// some postponed. Verslagen are approved in the next meeting of the same kind.
func (g *gen) actions(b model.Body) error {
	ms, err := g.s.Meetings(g.ctx, b.ID, g.today.AddDays(-120), 0)
	if err != nil {
		return err
	}
	members, err := g.s.Members(g.ctx, b.ID)
	if err != nil {
		return err
	}
	owners := model.Owners(members[:min(5, len(members))], "")
	var held []model.Meeting
	for _, m := range ms {
		if m.Date.Before(g.today) && m.Status == model.MeetingHeld {
			held = append(held, m)
		}
	}
	for _, m := range held {
		if err := g.minutes(b, m, members, owners); err != nil {
			return err
		}
	}
	for i, m := range held {
		for _, later := range held[i+1:] {
			if later.Kind != m.Kind {
				continue
			}
			for _, p := range model.Parties(m.Kind) {
				if _, err := g.s.ApproveVerslag(g.ctx, m.ID, later.ID, p); err != nil {
					return err
				}
			}
			break
		}
	}
	return nil
}

func (g *gen) minutes(b model.Body, m model.Meeting, members []model.Member, owners []string) error {
	for i, mb := range members {
		p := model.PresencePresent
		note := ""
		if (i+m.Date.Day())%6 == 0 {
			p, note = model.PresenceAbsent, "met kennisgeving"
		}
		if err := g.s.SetAttendance(g.ctx, m.ID, mb.ID, p, note); err != nil {
			return err
		}
	}
	items, err := g.s.AgendaItems(g.ctx, m.ID)
	if err != nil {
		return err
	}
	for _, it := range items {
		if it.Role != model.RoleNone {
			continue
		}
		it.Notes = fmt.Sprintf("%s licht het onderwerp toe. De OR bespreekt de gevolgen voor de medewerkers en stelt vragen over de planning.",
			g.pick(owners[:len(owners)-1]))
		if _, err := g.s.UpdateAgendaItem(g.ctx, it); err != nil {
			return err
		}
		if _, err := g.s.SetItemOutcome(g.ctx, it.ID, model.OutcomeTreated); err != nil {
			return err
		}
		var decisionID int64
		if g.rnd.IntN(3) > 0 {
			d, err := g.s.CreateDecision(g.ctx, model.Decision{BodyID: b.ID, MeetingID: m.ID, AgendaItemID: it.ID, Text: g.pick(decisionTexts)})
			if err != nil {
				return err
			}
			g.sum.Decisions++
			decisionID = d.ID
		}
		for n := 1 + g.rnd.IntN(2); n > 0; n-- {
			if err := g.action(b, m, it, decisionID, owners); err != nil {
				return err
			}
		}
	}
	return nil
}

// action creates one action of a meeting item; how far it got depends on its age.
func (g *gen) action(b model.Body, m model.Meeting, it model.AgendaItem, decisionID int64, owners []string) error {
	due := m.Date.AddDays(7 * (1 + g.rnd.IntN(4)))
	a := model.Action{BodyID: b.ID, Description: g.pick(actionTexts), Owner: g.pick(owners), Due: due, MeetingID: m.ID,
		AgendaItemID: it.ID, DecisionID: decisionID, Created: m.Date}
	roll := g.rnd.IntN(10)
	switch {
	case due.Before(g.today.AddDays(-21)) && roll < 7, due.Before(g.today) && roll < 3:
		a.Status, a.Closed = model.ActionDone, due.AddDays(-g.rnd.IntN(5))
	case roll == 9:
		a.Status, a.Closed = model.ActionCancelled, m.Date.AddDays(14)
	case roll%3 == 0:
		a.Status = model.ActionBusy
	}
	if a.Closed.After(g.today) {
		a.Closed = g.today
	}
	a, err := g.s.CreateAction(g.ctx, a)
	if err != nil {
		return err
	}
	g.sum.Actions++
	if a.IsOpen() && roll%4 == 1 {
		for n := 1 + g.rnd.IntN(2); n > 0; n-- {
			if a, err = g.s.PostponeAction(g.ctx, a, 7); err != nil {
				return err
			}
		}
	}
	return nil
}
