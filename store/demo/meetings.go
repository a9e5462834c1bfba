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

// agenda builds a meeting's agenda from its kind's template, with topics placed before the rondvraag.
func agenda(m model.Meeting, extra []model.AgendaItem) []model.AgendaItem {
	items := model.TemplateItems(model.DefaultTemplate(m.Kind), m)
	at := model.InsertPosition(items) - 1
	items = append(items[:at], append(extra, items[at:]...)...)
	return model.Renumber(items)
}

func (g *gen) meeting(b model.Body, kind model.MeetingKind, date model.Date, chair string, large bool) error {
	status, sent := g.status(date)
	m := model.Meeting{BodyID: b.ID, Kind: kind, Date: date, Start: 13*60 + 30, End: 16 * 60, Location: g.pick(locations),
		Chair: chair, Status: status, AgendaSent: sent}
	n := 2 + g.rnd.IntN(3)
	if !large {
		n = 1 + g.rnd.IntN(2)
	}
	var extra []model.AgendaItem
	for i := 0; i < n; i++ {
		extra = append(extra, model.AgendaItem{Title: g.pick(topics), Purpose: model.PurposeBespreking, Minutes: 15 + 15*g.rnd.IntN(3)})
	}
	if large && g.rnd.IntN(5) == 0 {
		it, err := g.secretItem(b, date)
		if err != nil {
			return err
		}
		extra = append(extra, it)
	}
	items := agenda(m, extra)
	if _, err := g.s.CreateMeeting(g.ctx, m, items); err != nil {
		return err
	}
	g.sum.Meetings++
	g.sum.AgendaItems += len(items)
	return nil
}

// meetingOV plans an overlegvergadering; the chair alternates between the bestuurder and the OR's
// chair (art 23a WOR).
func (g *gen) meetingOV(b model.Body, date model.Date, art24, large bool) error {
	status, sent := g.status(date)
	bestuurder, _ := g.s.Bestuurder(g.ctx, b.ID)
	chair := bestuurder.Name
	if g.ovCount%2 == 1 {
		chair, _ = g.chairName(b.ID)
	}
	g.ovCount++
	m := model.Meeting{BodyID: b.ID, Kind: model.MeetingOV, Date: date, Start: 10 * 60, End: 12 * 60, Location: "Bestuurskamer",
		Chair: chair, Status: status, AgendaSent: sent, Art24: art24}
	extra := []model.AgendaItem{{Title: g.pick(topics), Purpose: model.PurposeBespreking, Minutes: 30}}
	if large && g.rnd.IntN(3) == 0 {
		it, err := g.secretItem(b, date)
		if err != nil {
			return err
		}
		extra = append(extra, it)
	}
	items := agenda(m, extra)
	for i := range items {
		if items[i].Presenter == "bestuurder" {
			items[i].Presenter = bestuurder.Name
		}
	}
	if _, err := g.s.CreateMeeting(g.ctx, m, items); err != nil {
		return err
	}
	g.sum.Meetings++
	g.sum.AgendaItems += len(items)
	return nil
}

// backlog fills a body's parkeerlijst with topics members raised in the last months.
func (g *gen) backlog(b model.Body, n int) error {
	ms, err := g.s.Members(g.ctx, b.ID)
	if err != nil || len(ms) == 0 {
		return err
	}
	seen := map[string]bool{}
	for len(seen) < n {
		title := g.pick(topics)
		if seen[title] {
			continue
		}
		seen[title] = true
		t := model.BacklogTopic{BodyID: b.ID, Title: title, RaisedBy: ms[g.rnd.IntN(len(ms))].Name,
			RaisedOn: g.today.AddDays(-7 - g.rnd.IntN(80)), Purpose: model.PurposeBespreking, Minutes: 15 + 15*g.rnd.IntN(2)}
		if _, err := g.s.CreateBacklogTopic(g.ctx, t); err != nil {
			return err
		}
		g.sum.BacklogTopics++
	}
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
	return model.AgendaItem{Title: title, Purpose: model.PurposeAdvies, Presenter: bestuurder.Name, Minutes: 30,
		ImpositionID: imp.ID}, nil
}
