package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/store"
)

// Scale is the size of a generated council, counted over all bodies (the demo's own rows included).
type Scale struct {
	Documents, Meetings, Actions, Decisions, Dossiers, Letters int
}

// Large is ten years of a large council (`werkbank demo --schaal groot`): what werkbank must stay
// instant on.
var Large = Scale{Documents: 100_000, Meetings: 1_000, Actions: 20_000, Decisions: 3_000, Dossiers: 300, Letters: 2_000}

// FillScale fills an empty database with the demo council and its archive of sc.Documents generated
// documents, then adds older history to the OR until the counts of sc are reached. It is Fill followed
// by AddHistory, so a cached Fill can be topped up to the same database.
func FillScale(ctx context.Context, s *store.Store, opt Options, sc Scale) (Summary, error) {
	opt.Documents = sc.Documents
	if sc.Documents <= 0 {
		opt.Documents = -1
	}
	sum, err := Fill(ctx, s, opt)
	if err != nil {
		return sum, err
	}
	more, err := AddHistory(ctx, s, opt, sc, sum)
	return add(sum, more), err
}

func add(a, b Summary) Summary {
	a.Meetings += b.Meetings
	a.AgendaItems += b.AgendaItems
	a.Actions += b.Actions
	a.Decisions += b.Decisions
	a.Dossiers += b.Dossiers
	a.Letters += b.Letters
	return a
}

// AddHistory adds, to the first body of a demo database whose counts are in have, the years before the
// demo's own: held meetings with agendas, decisions and actions (nearly all done), closed dossiers and
// letters in two or three versions, until the counts of sc are reached. The stream is fixed by the
// seed, so the same demo gives the same history.
func AddHistory(ctx context.Context, s *store.Store, opt Options, sc Scale, have Summary) (Summary, error) {
	bodies, err := s.Bodies(ctx)
	if err != nil {
		return Summary{}, err
	}
	if len(bodies) == 0 {
		return Summary{}, fmt.Errorf("nog geen orgaan: maak eerst een demo")
	}
	if opt.Today.IsZero() {
		opt.Today = s.Today()
	}
	g := &gen{ctx: ctx, s: s, rnd: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5ca1e)), today: opt.Today}
	or := bodies[0]
	members, err := s.Members(ctx, or.ID)
	if err != nil {
		return Summary{}, err
	}
	owners := model.Owners(members[:min(5, len(members))], "")
	h := history{gen: g, body: or, members: members, owners: owners,
		meetings: max(0, sc.Meetings-have.Meetings), actions: max(0, sc.Actions-have.Actions),
		decisions: max(0, sc.Decisions-have.Decisions)}
	if err := h.meetingsBack(); err != nil {
		return g.sum, err
	}
	ids, err := g.oldDossiers(or, members, max(0, sc.Dossiers-have.Dossiers))
	if err != nil {
		return g.sum, err
	}
	err = g.oldLetters(or, ids, max(0, sc.Letters-have.Letters))
	return g.sum, err
}

type history struct {
	*gen
	body                          model.Body
	members                       []model.Member
	owners                        []string
	meetings, actions, decisions  int
	madeActions, madeDecisions, i int
}

var historyKinds = []model.MeetingKind{model.MeetingOR, model.MeetingOV, model.MeetingDB, model.MeetingCommissie}

// meetingsBack plans the meetings going back from the day before the demo's first one, about two a week,
// and spreads the decisions and actions evenly over them.
func (h *history) meetingsBack() error {
	day := model.NewDate(h.today.Year()-1, 1, 1).AddDays(-1)
	for n := 0; n < h.meetings; n++ {
		day = day.AddDays(-(2 + h.rnd.IntN(3)))
		for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
			day = day.AddDays(-1)
		}
		kind := historyKinds[n%len(historyKinds)]
		m := model.Meeting{BodyID: h.body.ID, Kind: kind, Date: day, Start: 13*60 + 30, End: 16 * 60, Location: h.pick(locations),
			Chair: h.owners[0], Status: model.MeetingHeld, AgendaSent: day.AddDays(-7 - h.rnd.IntN(3))}
		var extra []model.AgendaItem
		for i := 2 + h.rnd.IntN(3); i > 0; i-- {
			extra = append(extra, model.AgendaItem{Title: h.pick(topics), Purpose: model.PurposeBespreking, Minutes: 15 + 15*h.rnd.IntN(3)})
		}
		items := agenda(m, extra)
		m, err := h.s.CreateMeeting(h.ctx, m, items)
		if err != nil {
			return err
		}
		h.sum.Meetings++
		h.sum.AgendaItems += len(items)
		if err := h.outcomes(m, h.meetings-n); err != nil {
			return err
		}
	}
	return nil
}

// outcomes records this meeting's share of the decisions and actions still to make (left meetings to go).
func (h *history) outcomes(m model.Meeting, left int) error {
	items, err := h.s.AgendaItems(h.ctx, m.ID)
	if err != nil {
		return err
	}
	var topics []model.AgendaItem
	for _, it := range items {
		if it.Role == model.RoleNone {
			topics = append(topics, it)
		}
	}
	if len(topics) == 0 {
		return nil
	}
	nd := (h.decisions - h.madeDecisions + left - 1) / left
	na := (h.actions - h.madeActions + left - 1) / left
	decided := map[int64]int64{}
	for k := 0; k < nd; k++ {
		it := topics[k%len(topics)]
		d, err := h.s.CreateDecision(h.ctx, model.Decision{BodyID: h.body.ID, MeetingID: m.ID, AgendaItemID: it.ID, Text: h.pick(decisionTexts)})
		if err != nil {
			return err
		}
		h.madeDecisions++
		h.sum.Decisions++
		decided[it.ID] = d.ID
	}
	for k := 0; k < na; k++ {
		it := topics[k%len(topics)]
		due := m.Date.AddDays(7 * (1 + h.rnd.IntN(4)))
		a := model.Action{BodyID: h.body.ID, Description: h.pick(actionTexts), Owner: h.pick(h.owners), Due: due, MeetingID: m.ID,
			AgendaItemID: it.ID, DecisionID: decided[it.ID], Created: m.Date, Status: model.ActionDone, Closed: due.AddDays(-h.rnd.IntN(5))}
		switch h.rnd.IntN(40) {
		case 0:
			a.Status, a.Closed = model.ActionOpen, model.Date{} // forgotten: years late
		case 1, 2:
			a.Status, a.Closed = model.ActionCancelled, m.Date.AddDays(30)
		}
		if _, err := h.s.CreateAction(h.ctx, a); err != nil {
			return err
		}
		h.madeActions++
		h.sum.Actions++
	}
	return nil
}

var historyDossierKinds = []termijn.DossierKind{termijn.Adviesaanvraag, termijn.Instemmingsverzoek, termijn.Informatieverzoek,
	termijn.Initiatiefvoorstel}

// oldDossiers adds n dossiers of the past ten years, each closed after an OV; it returns their ids.
func (g *gen) oldDossiers(b model.Body, members []model.Member, n int) ([]int64, error) {
	var ids []int64
	for i := range n {
		start := g.today.AddDays(-400 - g.rnd.IntN(3200))
		d := dossier.Dossier{BodyID: b.ID, Kind: historyDossierKinds[i%len(historyDossierKinds)],
			Title: fmt.Sprintf("%s (%d)", g.pick(topics), start.Year()), Description: "Afgerond dossier uit het archief.",
			StartedOn: start, OwnerID: members[g.rnd.IntN(len(members))].ID}
		d, err := g.s.CreateDossier(g.ctx, d)
		if err != nil {
			return ids, err
		}
		g.sum.Dossiers++
		ids = append(ids, d.ID)
		for _, e := range []dossier.Event{{Kind: dossier.OVHeld, Date: start.AddDays(20)},
			{Kind: dossier.Closing, Date: start.AddDays(60), Note: "afgerond"}} {
			e.DossierID = d.ID
			if _, err := g.s.AddDossierEvent(g.ctx, e); err != nil {
				return ids, fmt.Errorf("dossier %s: %w", d.Title, err)
			}
		}
	}
	return ids, nil
}
