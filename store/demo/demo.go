// Package demo fills an empty database with a realistic, invented Dutch works council, deterministic for
// a seed and dated relative to a given "today", so every view has something true-to-life to show.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
)

// Options steer the generator.
type Options struct {
	Seed  uint64
	Today model.Date
	// Documents is how many generated documents to archive: 0 takes DefaultDocuments, a negative
	// number none. A few real files of each format are archived as well.
	Documents int
}

// Summary counts what was created.
type Summary struct {
	Bodies      int `json:"bodies"`
	Members     int `json:"members"`
	Meetings    int `json:"meetings"`
	AgendaItems int `json:"agenda_items"`
	Impositions int `json:"impositions"`
	// BacklogTopics counts the topics on the parkeerlijsten.
	BacklogTopics int `json:"backlog_topics"`
	Documents     int `json:"documents"`
	Files         int `json:"files"` // real files (PDF, DOCX, ...) among the documents
	Actions       int `json:"actions"`
	Decisions     int `json:"decisions"`
	Dossiers      int `json:"dossiers"`
	Letters       int `json:"letters"`
}

type gen struct {
	ctx   context.Context
	s     *store.Store
	rnd   *rand.Rand
	today model.Date
	sum   Summary
	// ovCount alternates the chair of overlegvergaderingen (art 23a WOR).
	ovCount int
}

// Fill creates the demo council in an empty database; it refuses a database that holds data.
func Fill(ctx context.Context, s *store.Store, opt Options) (Summary, error) {
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return Summary{}, err
	}
	if !empty {
		return Summary{}, model.ErrNotEmpty
	}
	if opt.Today.IsZero() {
		opt.Today = s.Today()
	}
	g := &gen{ctx: ctx, s: s, rnd: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed)), today: opt.Today}
	or, err := g.body(model.Body{Name: "OR Zorggroep Rivierenland", Kind: model.KindOR, Company: "Zorggroep Rivierenland",
		Address: "Postbus 412, 4000 AK Tiel", Place: "Tiel"}, 9, "mevrouw", "Ingrid Bakker", "bestuurder")
	if err != nil {
		return g.sum, err
	}
	oc, err := g.body(model.Body{Name: "OC Thuiszorg", Kind: model.KindOnderdeel, Company: "Zorggroep Rivierenland, divisie Thuiszorg",
		Address: "Postbus 412, 4000 AK Tiel", Place: "Tiel"}, 5, "heer", "Marco van Leeuwen", "directeur Thuiszorg")
	if err != nil {
		return g.sum, err
	}
	if err := g.meetings(or, true); err != nil {
		return g.sum, err
	}
	if err := g.meetings(oc, false); err != nil {
		return g.sum, err
	}
	if err := g.dossiers(or, oc); err != nil {
		return g.sum, err
	}
	if err := g.backlog(or, 4); err != nil {
		return g.sum, err
	}
	if err := g.actions(or); err != nil {
		return g.sum, err
	}
	if err := g.archive(or, opt.Documents); err != nil {
		return g.sum, err
	}
	if err := g.letters(or, oc); err != nil {
		return g.sum, err
	}
	return g.sum, nil
}

func (g *gen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

// body creates a body with its members and bestuurder.
func (g *gen) body(b model.Body, members int, salutation, bestuurder, title string) (model.Body, error) {
	b, err := g.s.CreateBody(g.ctx, b)
	if err != nil {
		return b, err
	}
	g.sum.Bodies++
	names := g.names(members)
	start := model.NewDate(g.today.Year()-1, 6, 1)
	for i, name := range names {
		role := model.RoleLid
		switch i {
		case 0:
			role = model.RoleVoorzitter
		case 1:
			role = model.RoleVicevoorzitter
		case 2:
			role = model.RoleSecretaris
		}
		m := model.Member{BodyID: b.ID, Name: name, Role: role, Email: emailOf(name),
			TermStart: start.AddMonths(-12 * (i % 2)), TermEnd: start.AddMonths(36 - 12*(i%2)).AddDays(-1), Commission: i%4 == 3}
		m, err := g.s.CreateMember(g.ctx, m)
		if err != nil {
			return b, err
		}
		for y := g.today.Year() - 1; y <= g.today.Year(); y++ {
			if err := g.s.SetTraining(g.ctx, m.ID, y, float64(g.rnd.IntN(7))); err != nil {
				return b, err
			}
		}
		g.sum.Members++
	}
	_, err = g.s.SaveBestuurder(g.ctx, model.Bestuurder{BodyID: b.ID, Name: bestuurder, Title: title, Salutation: salutation,
		Email: emailOf(bestuurder)})
	return b, err
}

func (g *gen) names(n int) []string {
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		name := g.pick(firstNames) + " " + g.pick(lastNames)
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

func emailOf(name string) string {
	b := []rune{}
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			b = append(b, r|0x20)
		case r == ' ':
			b = append(b, '.')
		}
	}
	return fmt.Sprintf("%s@zorggroep-rivierenland.example", string(b))
}
