package demo

import (
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// meetings plans two years of meetings for a body, up to two months ahead: OR meetings on the second
// Tuesday of each month, an overlegvergadering every six weeks (two of them per year on the algemene gang
// van zaken, art 24).
func (g *gen) meetings(b model.Body, large bool) error {
	from := model.NewDate(g.today.Year()-1, 1, 1)
	until := g.today.AddMonths(2)
	chair, _ := g.chairName(b.ID)
	for d := from; !d.After(until); d = d.AddMonths(1) {
		or := secondTuesday(d.Year(), d.Month())
		if err := g.meeting(b, model.MeetingOR, or, chair, large); err != nil {
			return err
		}
		if int(d.Month())%3 == 1 || (large && int(d.Month())%3 == 2) {
			ov := or.AddDays(9) // the Thursday of the next week
			art24 := d.Month() == time.March || d.Month() == time.October
			if err := g.meetingOV(b, ov, art24, large); err != nil {
				return err
			}
		}
	}
	return nil
}

func secondTuesday(y int, m time.Month) model.Date {
	d := model.NewDate(y, m, 1)
	for d.Weekday() != time.Tuesday {
		d = d.AddDays(1)
	}
	return d.AddDays(7)
}

func (g *gen) chairName(bodyID int64) (string, error) {
	ms, err := g.s.Members(g.ctx, bodyID)
	if err != nil || len(ms) == 0 {
		return "", err
	}
	return ms[0].Name, nil
}

func (g *gen) status(date model.Date) (model.MeetingStatus, model.Date) {
	due := date.AddDays(-7)
	switch {
	case date.Before(g.today):
		sent := due.AddDays(-g.rnd.IntN(3))
		if g.rnd.IntN(8) == 0 {
			sent = due.AddDays(1 + g.rnd.IntN(2)) // now and then an agenda went out late
		}
		return model.MeetingHeld, sent
	case !due.After(g.today) && g.rnd.IntN(2) == 0:
		return model.MeetingAgendaSent, due
	}
	return model.MeetingConcept, model.Date{}
}

func (g *gen) meeting(b model.Body, kind model.MeetingKind, date model.Date, chair string, large bool) error {
	status, sent := g.status(date)
	m := model.Meeting{BodyID: b.ID, Kind: kind, Date: date, Start: 13*60 + 30, End: 16 * 60, Location: g.pick(locations),
		Chair: chair, Status: status, AgendaSent: sent}
	n := 2 + g.rnd.IntN(3)
	if !large {
		n = 1 + g.rnd.IntN(2)
	}
	items := []model.AgendaItem{
		{Title: "Opening en vaststellen agenda", Purpose: model.PurposeInformatie, Presenter: "voorzitter", Minutes: 5},
		{Title: "Verslag vorige vergadering", Purpose: model.PurposeBesluitvorming, Minutes: 10},
		{Title: "Ingekomen stukken en mededelingen", Purpose: model.PurposeInformatie, Minutes: 10},
		{Title: "Actielijst", Purpose: model.PurposeBespreking, Minutes: 10},
	}
	for i := 0; i < n; i++ {
		items = append(items, model.AgendaItem{Title: g.pick(topics), Purpose: model.PurposeBespreking, Minutes: 15 + 15*g.rnd.IntN(3)})
	}
	if large && g.rnd.IntN(5) == 0 {
		it, err := g.secretItem(b, date)
		if err != nil {
			return err
		}
		items = append(items, it)
	}
	items = append(items,
		model.AgendaItem{Title: "Rondvraag", Purpose: model.PurposeInformatie, Minutes: 10},
		model.AgendaItem{Title: "Sluiting", Purpose: model.PurposeInformatie, Minutes: 5})
	if _, err := g.s.CreateMeeting(g.ctx, m, items); err != nil {
		return err
	}
	g.sum.Meetings++
	g.sum.AgendaItems += len(items)
	return nil
}

func (g *gen) meetingOV(b model.Body, date model.Date, art24, large bool) error {
	status, sent := g.status(date)
	bestuurder, _ := g.s.Bestuurder(g.ctx, b.ID)
	m := model.Meeting{BodyID: b.ID, Kind: model.MeetingOV, Date: date, Start: 10 * 60, End: 12 * 60, Location: "Bestuurskamer",
		Chair: bestuurder.Name, Status: status, AgendaSent: sent, Art24: art24}
	items := []model.AgendaItem{
		{Title: "Opening en vaststellen agenda", Purpose: model.PurposeInformatie, Minutes: 5},
		{Title: "Verslag en actielijst vorige overlegvergadering", Purpose: model.PurposeBesluitvorming, Minutes: 10},
		{Title: "Mededelingen bestuurder", Purpose: model.PurposeInformatie, Presenter: bestuurder.Name, Minutes: 15},
	}
	if art24 {
		items = append(items, model.AgendaItem{Title: "Algemene gang van zaken (art 24 WOR)", Purpose: model.PurposeBespreking,
			Presenter: bestuurder.Name, Minutes: 45})
	}
	items = append(items, model.AgendaItem{Title: g.pick(topics), Purpose: model.PurposeBespreking, Minutes: 30})
	if large && g.rnd.IntN(3) == 0 {
		it, err := g.secretItem(b, date)
		if err != nil {
			return err
		}
		items = append(items, it)
	}
	items = append(items, model.AgendaItem{Title: "Rondvraag en sluiting", Purpose: model.PurposeInformatie, Minutes: 10})
	if _, err := g.s.CreateMeeting(g.ctx, m, items); err != nil {
		return err
	}
	g.sum.Meetings++
	g.sum.AgendaItems += len(items)
	return nil
}

// secretItem makes an agenda item under an art 20 imposition by the bestuurder.
func (g *gen) secretItem(b model.Body, date model.Date) (model.AgendaItem, error) {
	bestuurder, _ := g.s.Bestuurder(g.ctx, b.ID)
	title := g.pick(secretTopics)
	imp := model.Imposition{BodyID: b.ID, ImposedBy: bestuurder.Name, Subject: title, From: date.AddDays(-14),
		Exempt: "de bestuurder en de AS"}
	if g.rnd.IntN(2) == 0 {
		imp.Until = date.AddMonths(6)
	}
	imp, err := g.s.CreateImposition(g.ctx, imp)
	if err != nil {
		return model.AgendaItem{}, err
	}
	g.sum.Impositions++
	return model.AgendaItem{Title: title, Purpose: model.PurposeBespreking, Presenter: bestuurder.Name, Minutes: 30,
		ImpositionID: imp.ID}, nil
}
