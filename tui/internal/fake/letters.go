package fake

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// The letters of the fake: versions in memory with the rules the Brieven view depends on (a new version
// per save, conflicts on a stale base, no signing or sending while markers remain, locked until reopened),
// rendered with model/letter.

type letters struct {
	rows     map[int64]*letter.Letter
	versions map[int64][]letter.Version // oldest first
	own      map[string]letter.Template
}

var letterSets sync.Map // *Store -> *letters

func (s *Store) l() *letters {
	v, _ := letterSets.LoadOrStore(s, &letters{rows: map[int64]*letter.Letter{}, versions: map[int64][]letter.Version{},
		own: map[string]letter.Template{}})
	return v.(*letters)
}

func (s *Store) letterRow(l *letter.Letter) letter.Letter {
	c := *l
	vs := s.l().versions[l.ID]
	last := vs[len(vs)-1]
	c.Versions, c.SavedAt = len(vs), last.CreatedAt
	if r, err := last.Render(); err == nil {
		c.Subject = r.Subject
	}
	return c
}

func (s *Store) Letters(_ context.Context, bodyID int64) ([]letter.Letter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []letter.Letter{}
	for id := s.nextID; id > 0; id-- {
		if l, ok := s.l().rows[id]; ok && l.BodyID == bodyID {
			out = append(out, s.letterRow(l))
		}
	}
	return out, nil
}

// LetterPage is a window of Letters, like the store's.
func (s *Store) LetterPage(ctx context.Context, bodyID int64, offset, limit int) (model.Page[letter.Letter], error) {
	all, err := s.Letters(ctx, bodyID)
	if err != nil {
		return model.Page[letter.Letter]{}, err
	}
	p := model.Page[letter.Letter]{Total: len(all)}
	p.Offset = min(max(offset, 0), p.Total)
	p.Rows = all[p.Offset:min(p.Offset+max(limit, 0), p.Total)]
	return p, nil
}

func (s *Store) Letter(_ context.Context, id int64) (letter.Letter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.l().rows[id]
	if !ok {
		return letter.Letter{}, model.ErrNotFound
	}
	return s.letterRow(l), nil
}

func (s *Store) LetterVersions(_ context.Context, id int64) ([]letter.Version, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vs := s.l().versions[id]
	out := make([]letter.Version, len(vs))
	for i, v := range vs {
		out[len(vs)-1-i] = v
	}
	return out, nil
}

func (s *Store) CreateLetter(_ context.Context, bodyID int64, code string, dossierID int64) (letter.Letter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.l().own[code]
	if !ok {
		if t, ok = letter.Default(code); !ok {
			return letter.Letter{}, model.Invalid("template", "onbekend sjabloon "+code)
		}
	}
	f := letter.Facts{Today: model.DateOf(s.Now), Seq: len(s.l().rows) + 1}
	for _, b := range s.bodies {
		if b.ID == bodyID {
			f.Body = b
		}
	}
	f.Bestuurder = s.bestuurders[bodyID]
	for _, m := range s.members {
		if m.BodyID == bodyID && m.Role == model.RoleVoorzitter {
			f.Chair = m.Name
		}
	}
	l := &letter.Letter{ID: s.id(), BodyID: bodyID, Template: code, TemplateName: t.Name, DossierID: dossierID,
		Status: letter.StatusConcept, CreatedAt: s.Now}
	for _, d := range s.a().dossiers {
		if d.ID == dossierID {
			l.DossierTitle = d.Title
			f.Dossier = &letter.DossierFacts{Title: d.Title, Kind: termijn.DossierKind(d.Kind)}
		}
	}
	s.l().rows[l.ID] = l
	s.l().versions[l.ID] = []letter.Version{{LetterID: l.ID, N: 1, Source: t.Source, Fields: letter.DraftFields(f), CreatedAt: s.Now}}
	return s.letterRow(l), nil
}

func (s *Store) addVersion(id int64, source string, fields map[string]string) letter.Version {
	vs := s.l().versions[id]
	v := letter.Version{LetterID: id, N: vs[len(vs)-1].N + 1, Source: source, Fields: fields, CreatedAt: s.Now}
	s.l().versions[id] = append(vs, v)
	return v
}

func (s *Store) lastVersion(id int64) letter.Version {
	vs := s.l().versions[id]
	return vs[len(vs)-1]
}

func (s *Store) SaveLetterVersion(_ context.Context, id int64, base int, source string, fields map[string]string) (letter.Version, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := letter.Check(source); err != nil {
		return letter.Version{}, err
	}
	l, ok := s.l().rows[id]
	if !ok {
		return letter.Version{}, model.ErrNotFound
	}
	if l.Locked() {
		return letter.Version{}, model.Invalid("status", "de brief is "+l.Status.Label()+": heropen hem eerst (r) om iets te wijzigen")
	}
	last := s.lastVersion(id)
	if last.N != base {
		return letter.Version{}, model.ErrConflict
	}
	if last.Source == source && maps.Equal(last.Fields, fields) {
		return last, nil
	}
	return s.addVersion(id, source, maps.Clone(fields)), nil
}

func (s *Store) RestoreLetterVersion(_ context.Context, id int64, n int) (letter.Version, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	vs := s.l().versions[id]
	if n < 1 || n > len(vs) {
		return letter.Version{}, model.ErrNotFound
	}
	return s.addVersion(id, vs[n-1].Source, vs[n-1].Fields), nil
}

func (s *Store) letterComplete(id int64) error {
	r, err := s.lastVersion(id).Render()
	if err != nil {
		return err
	}
	if n := r.Markers(); n > 0 {
		return model.Invalid("status", fmt.Sprintf("nog %d open velden: vul die eerst in", n))
	}
	return nil
}

func (s *Store) MarkLetterForSigning(_ context.Context, id int64) (letter.Letter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.letterComplete(id); err != nil {
		return letter.Letter{}, err
	}
	s.l().rows[id].Status = letter.StatusSigning
	return s.letterRow(s.l().rows[id]), nil
}

func (s *Store) MarkLetterSent(_ context.Context, id int64, on model.Date) (letter.Letter, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.letterComplete(id); err != nil {
		return letter.Letter{}, err
	}
	l := s.l().rows[id]
	l.Status, l.SentOn = letter.StatusSent, on
	return s.letterRow(l), nil
}

func (s *Store) ReopenLetter(_ context.Context, id int64) (letter.Version, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.l().rows[id]
	l.Status, l.SentOn = letter.StatusConcept, model.Date{}
	last := s.lastVersion(id)
	return s.addVersion(id, last.Source, last.Fields), nil
}

func (s *Store) DeleteLetter(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.l().rows, id)
	return nil
}

func (s *Store) ExportLetter(_ context.Context, id int64, format, path string) error {
	s.mu.Lock()
	text := s.lastVersion(id).Text()
	s.mu.Unlock()
	if _, err := os.Stat(filepath.Dir(path)); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("map bestaat niet: %s", filepath.Dir(path))
	}
	return os.WriteFile(path, []byte(text), 0o600)
}

func (s *Store) LetterFileName(_ context.Context, id int64, format string) (string, error) {
	return fmt.Sprintf("brief-%d.%s", id, format), nil
}

func (s *Store) LetterTemplates(context.Context) ([]letter.Template, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := letter.Defaults()
	for i, t := range out {
		if o, ok := s.l().own[t.Code]; ok {
			out[i] = o
		}
	}
	return out, nil
}

func (s *Store) SaveLetterTemplate(_ context.Context, code, name, source string) (letter.Template, error) {
	t, ok := letter.Default(code)
	if !ok {
		return t, model.Invalid("template", "onbekend sjabloon "+code)
	}
	t.Name, t.Source, t.Custom = name, source, true
	if err := t.Validate(); err != nil {
		return t, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.l().own[code] = t
	return t, nil
}

func (s *Store) RestoreLetterTemplate(_ context.Context, code string) (letter.Template, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.l().own, code)
	t, _ := letter.Default(code)
	return t, nil
}

// NullityDeadline knows no dossier timelines: the fake has none.
func (s *Store) NullityDeadline(context.Context, int64, int64) (termijn.Deadline, bool, error) {
	return termijn.Deadline{}, false, nil
}
