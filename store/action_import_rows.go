package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// ImportProblem is a row that could not be read, with the reason in Dutch.
type ImportProblem struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// ActionImport is a prepared import: the actions to add, or the problems that stop it.
type ActionImport struct {
	Actions  []model.Action  `json:"actions"`
	Problems []ImportProblem `json:"problems"`
	// Empty counts rows without any content, which are skipped.
	Empty int `json:"empty"`
}

// ImportOptions steer owner matching.
type ImportOptions struct {
	// FreeOwners accepts an owner who is no member, not the bestuurder and not the AS, as written.
	FreeOwners bool
}

// PrepareActionImport reads every row of the sheet into an action of the body, matching owners to the
// body's members (full name, or a first or last name that fits one member only), the bestuurder and
// the AS. Every row that cannot be read is reported with its reason; nothing is written here.
func (s *Store) PrepareActionImport(ctx context.Context, bodyID int64, sh ActionSheet, c ImportColumns, opt ImportOptions) (ActionImport, error) {
	out := ActionImport{Actions: []model.Action{}, Problems: []ImportProblem{}}
	members, err := s.Members(ctx, bodyID)
	if err != nil {
		return out, err
	}
	b, err := s.Bestuurder(ctx, bodyID)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return out, err
	}
	owners := newOwnerMatcher(members, b.Name)
	cell := func(r []string, i int) string {
		if i < 0 || i >= len(r) {
			return ""
		}
		return r[i]
	}
	for n, r := range sh.Rows {
		line := sh.Lines[n]
		desc, who, due, status, notes := cell(r, c.Description), cell(r, c.Owner), cell(r, c.Due), cell(r, c.Status), cell(r, c.Notes)
		if desc == "" && who == "" && due == "" && status == "" && notes == "" {
			out.Empty++
			continue
		}
		var reasons []string
		a := model.Action{BodyID: bodyID, Description: desc, Notes: notes, Created: s.Today()}
		if desc == "" {
			reasons = append(reasons, "omschrijving ontbreekt")
		}
		if who == "" {
			reasons = append(reasons, "eigenaar ontbreekt")
		} else if name, why := owners.match(who); why != "" {
			if !opt.FreeOwners {
				reasons = append(reasons, why)
			}
			a.Owner = who
		} else {
			a.Owner = name
		}
		if due != "" {
			d, err := parseSheetDate(due)
			if err != nil {
				reasons = append(reasons, err.Error())
			}
			a.Due = d
		}
		st, err := parseSheetStatus(status)
		if err != nil {
			reasons = append(reasons, err.Error())
		}
		a.Status = st
		if len(reasons) == 0 {
			if err := a.Validate(); err != nil {
				reasons = append(reasons, err.Error())
			}
		}
		if len(reasons) > 0 {
			out.Problems = append(out.Problems, ImportProblem{Line: line, Reason: strings.Join(reasons, "; ")})
			continue
		}
		out.Actions = append(out.Actions, a)
	}
	return out, nil
}

// ImportActions adds every prepared action in one transaction: all or nothing. A prepared import with
// problems is refused whole.
func (s *Store) ImportActions(ctx context.Context, imp ActionImport) (int, error) {
	if len(imp.Problems) > 0 {
		return 0, model.Invalid("file", fmt.Sprintf("%d %s niet te lezen: er is niets geïmporteerd", len(imp.Problems),
			map[bool]string{true: "regel is", false: "regels zijn"}[len(imp.Problems) == 1]))
	}
	if len(imp.Actions) == 0 {
		return 0, model.Invalid("file", "het bestand bevat geen acties")
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for i, a := range imp.Actions {
			if _, err := s.insertAction(ctx, tx, a); err != nil {
				return fmt.Errorf("actie %d (%s): %w", i+1, a.Description, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(imp.Actions), nil
}

// parseSheetDate reads the dates an actielijst holds: 28-01-2025, 28/1/2025, 28.01.25, 2025-01-28, and
// an Excel serial number (what a date cell holds).
func parseSheetDate(s string) (model.Date, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "-/") && (!strings.Contains(s, ".") || n > 20000) {
		if n < 20000 || n > 80000 {
			return model.Date{}, fmt.Errorf("datum %q is geen datum", s)
		}
		return model.NewDate(1899, 12, 30).AddDays(int(n)), nil
	}
	norm := strings.NewReplacer("/", "-", ".", "-", " ", "").Replace(s)
	if parts := strings.Split(norm, "-"); len(parts) == 3 && len(parts[2]) == 2 && len(parts[0]) <= 2 {
		norm = parts[0] + "-" + parts[1] + "-20" + parts[2]
	}
	d, err := model.ParseDate(norm)
	if err != nil {
		return model.Date{}, fmt.Errorf("datum %q is geen datum (gebruik bijvoorbeeld 28-01-2025)", s)
	}
	return d, nil
}

// parseSheetStatus reads a status as people write it; empty is open.
func parseSheetStatus(s string) (model.ActionStatus, error) {
	switch model.Fold(strings.TrimSpace(s)) {
	case "", "open", "nieuw", "todo", "te doen", "nog doen":
		return model.ActionOpen, nil
	case "bezig", "loopt", "lopend", "in behandeling", "in uitvoering", "onderhanden":
		return model.ActionBusy, nil
	case "gereed", "klaar", "afgerond", "done", "gedaan", "afgehandeld", "ok", "x":
		return model.ActionDone, nil
	case "vervallen", "vervalt", "geschrapt", "niet meer nodig", "ingetrokken":
		return model.ActionCancelled, nil
	}
	return model.ActionOpen, fmt.Errorf("status %q onbekend (gebruik open, bezig, gereed of vervallen)", s)
}

// ownerMatcher finds the owner a name in a sheet means.
type ownerMatcher struct {
	full  map[string]string
	parts map[string][]string
}

func newOwnerMatcher(members []model.Member, bestuurder string) ownerMatcher {
	m := ownerMatcher{full: map[string]string{}, parts: map[string][]string{}}
	add := func(name string) {
		m.full[model.Fold(name)] = name
		fs := strings.Fields(model.Fold(name))
		if len(fs) > 1 {
			for _, p := range []string{fs[0], fs[len(fs)-1]} {
				if !contains(m.parts[p], name) {
					m.parts[p] = append(m.parts[p], name)
				}
			}
		}
	}
	for _, mb := range members {
		add(mb.Name)
	}
	if bestuurder != "" {
		add(bestuurder)
		m.full["bestuurder"] = bestuurder
		m.full["directie"] = bestuurder
	}
	for _, k := range []string{"as", "ambtelijk secretaris", "ambtelijk secretariaat", "secretariaat"} {
		m.full[k] = model.OwnerAS
	}
	return m
}

// match returns the owner's name, or a Dutch reason why the name fits nobody or several people.
func (m ownerMatcher) match(who string) (string, string) {
	f := strings.Join(strings.Fields(model.Fold(who)), " ")
	if n, ok := m.full[f]; ok {
		return n, ""
	}
	switch c := m.parts[f]; len(c) {
	case 1:
		return c[0], ""
	case 0:
		return "", fmt.Sprintf("eigenaar %q is geen lid, niet de bestuurder en niet de AS", who)
	default:
		return "", fmt.Sprintf("eigenaar %q past op meer leden: %s", who, strings.Join(c, ", "))
	}
}
