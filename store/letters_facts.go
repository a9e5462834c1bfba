package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// letterFacts reads what a new letter is filled from: the body, chair and secretary, bestuurder, the
// dossier's title and dates, the next overlegvergadering and the latest OR meeting.
func (s *Store) letterFacts(ctx context.Context, bodyID, dossierID int64, today model.Date) (letter.Facts, error) {
	f := letter.Facts{Today: today}
	var err error
	if f.Calendar, err = s.Calendar(ctx); err != nil {
		return f, err
	}
	if f.Body, err = s.Body(ctx, bodyID); err != nil {
		return f, err
	}
	members, err := s.Members(ctx, bodyID)
	if err != nil {
		return f, err
	}
	for _, m := range members {
		switch {
		case m.Role == model.RoleVoorzitter && f.Chair == "":
			f.Chair = m.Name
		case m.Role == model.RoleSecretaris && f.Secretary == "":
			f.Secretary = m.Name
		}
	}
	if f.Bestuurder, err = s.Bestuurder(ctx, bodyID); err != nil && !errors.Is(err, model.ErrNotFound) {
		return f, err
	}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) + 1 FROM letters WHERE body_id = ? AND substr(created_at, 1, 4) = ?`,
		bodyID, fmt.Sprint(today.Year())).Scan(&f.Seq); err != nil {
		return f, mapErr(err)
	}
	if dossierID != 0 {
		d, err := s.dossierFacts(ctx, bodyID, dossierID)
		if err != nil {
			return f, err
		}
		f.Dossier = &d
	}
	var last sql.NullString
	if err := s.r.QueryRowContext(ctx, `SELECT max(date) FROM meetings WHERE body_id = ? AND kind = 'or-vergadering'
		AND date <= ? AND status <> 'geannuleerd' AND deleted_at IS NULL`, bodyID, today.String()).Scan(&last); err != nil {
		return f, mapErr(err)
	}
	f.LastORMeeting = scanDate(last)
	if f.NextOV, err = s.nextOV(ctx, f, today); err != nil {
		return f, err
	}
	return f, nil
}

// dossierFacts reads a dossier's title and the dates of its timeline, as the dossier view derives them
// (model/dossier.Events).
func (s *Store) dossierFacts(ctx context.Context, bodyID, dossierID int64) (letter.DossierFacts, error) {
	d, err := s.Dossier(ctx, dossierID)
	if errors.Is(err, model.ErrNotFound) || err == nil && d.BodyID != bodyID {
		return letter.DossierFacts{}, model.Invalid("dossier", fmt.Sprintf("dossier %d bestaat niet bij dit orgaan", dossierID))
	}
	if err != nil {
		return letter.DossierFacts{}, err
	}
	ev := dossier.Events(d)
	return letter.DossierFacts{Title: d.Title, Kind: d.Kind, Received: ev.Received, OVHeld: ev.OVHeld,
		DecisionNotified: ev.DecisionNotified, ExecutionNoticed: ev.ExecutionNoticed}, nil
}

// nextOV describes the first overlegvergadering from today with its agenda, for an invitation.
func (s *Store) nextOV(ctx context.Context, f letter.Facts, today model.Date) (*letter.MeetingFacts, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM meetings WHERE body_id = ? AND kind = 'overlegvergadering' AND date >= ?
		AND status <> 'geannuleerd' AND deleted_at IS NULL ORDER BY date, start_min LIMIT 1`, f.Body.ID, today.String()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, mapErr(err)
	}
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return nil, err
	}
	items, err := s.AgendaItems(ctx, id)
	if err != nil {
		return nil, err
	}
	mf := &letter.MeetingFacts{Date: m.Date, Start: m.Start.String() + " uur", Location: m.Location, Chair: m.Chair}
	var who []string
	if f.Bestuurder.Name != "" {
		who = append(who, f.Bestuurder.Name+" ("+strings.TrimSpace(f.Bestuurder.Title)+")")
	}
	who = append(who, "de leden van de "+f.Body.Kind.Label(), "de ambtelijk secretaris")
	mf.Participants = strings.ReplaceAll(strings.Join(who, ", "), " ()", "")
	for _, it := range items {
		line := it.Title
		switch it.Purpose {
		case model.PurposeAdvies:
			line += " (advies, artikel 25 WOR; geldt als overleg ex artikel 25 lid 4 WOR)"
		case model.PurposeInstemming:
			line += " (instemming, artikel 27 WOR)"
		case "":
		default:
			line += " (" + string(it.Purpose) + ")"
		}
		mf.Agenda = append(mf.Agenda, line)
	}
	return mf, nil
}

// LetterTemplates returns every template with the AS's own copies in place of the built-in text.
func (s *Store) LetterTemplates(ctx context.Context) ([]letter.Template, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT code, name, source FROM letter_templates")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	own := map[string][2]string{}
	for rows.Next() {
		var code, name, source string
		if err := rows.Scan(&code, &name, &source); err != nil {
			return nil, err
		}
		own[code] = [2]string{name, source}
	}
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	out := letter.Defaults()
	for i, t := range out {
		if o, ok := own[t.Code]; ok {
			out[i].Name, out[i].Source, out[i].Custom = o[0], o[1], true
		}
	}
	return out, nil
}

// LetterTemplate returns one template, the AS's copy when there is one.
func (s *Store) LetterTemplate(ctx context.Context, code string) (letter.Template, error) {
	ts, err := s.LetterTemplates(ctx)
	if err != nil {
		return letter.Template{}, err
	}
	for _, t := range ts {
		if t.Code == code {
			return t, nil
		}
	}
	return letter.Template{}, model.Invalid("template", fmt.Sprintf("onbekend sjabloon %q", code))
}

func (s *Store) customTemplateNames(ctx context.Context) (map[string]string, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT code, name FROM letter_templates")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var code, name string
		if err := rows.Scan(&code, &name); err != nil {
			return nil, err
		}
		out[code] = name
	}
	return out, mapErr(rows.Err())
}

// SaveLetterTemplate stores the AS's own version of a built-in template. A source naming an unknown
// field is refused with a Dutch message that names it; letters already drafted keep their own text.
func (s *Store) SaveLetterTemplate(ctx context.Context, code, name, source string) (letter.Template, error) {
	t, ok := letter.Default(code)
	if !ok {
		return t, model.Invalid("template", fmt.Sprintf("onbekend sjabloon %q", code))
	}
	t.Name, t.Source, t.Custom = strings.TrimSpace(name), source, true
	if err := t.Validate(); err != nil {
		return t, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO letter_templates (code, name, source, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (code) DO UPDATE SET name = excluded.name, source = excluded.source, updated_at = excluded.updated_at,
			version = version + 1`, code, t.Name, t.Source, s.stamp())
		return err
	})
	return t, err
}

// RestoreLetterTemplate drops the AS's copy: the built-in template applies again.
func (s *Store) RestoreLetterTemplate(ctx context.Context, code string) (letter.Template, error) {
	t, ok := letter.Default(code)
	if !ok {
		return t, model.Invalid("template", fmt.Sprintf("onbekend sjabloon %q", code))
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM letter_templates WHERE code = ?", code)
		return err
	})
	return t, err
}

// NullityDeadline is the art 27 lid 5 term of a dossier, for the warning on a beroep op nietigheid.
func (s *Store) NullityDeadline(ctx context.Context, bodyID, dossierID int64) (termijn.Deadline, bool, error) {
	if dossierID == 0 {
		return termijn.Deadline{}, false, nil
	}
	d, err := s.dossierFacts(ctx, bodyID, dossierID)
	if err != nil {
		return termijn.Deadline{}, false, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return termijn.Deadline{}, false, err
	}
	dl, ok := letter.NullityDeadline(d.DecisionNotified, d.ExecutionNoticed, cal)
	return dl, ok, nil
}
