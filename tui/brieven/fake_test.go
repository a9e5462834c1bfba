package brieven

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// fakeStore keeps letters in memory with the rules of the real store (versions, status, markers), using
// model/letter for rendering, so the view can be tested without importing store/.
type fakeStore struct {
	mu        sync.Mutex
	body      model.Body
	facts     letter.Facts
	dossiers  []model.DossierChoice
	letters   map[int64]*letter.Letter
	versions  map[int64][]letter.Version // oldest first
	own       map[string]letter.Template
	exports   []string
	sent      []string // "letter-id date", as the dossier event would record it
	nextID    int64
	clock     time.Time
	nullities map[int64]termijn.Deadline
}

func newFake() *fakeStore {
	b := model.Body{ID: 1, Name: "OR Zorggroep Rivierenland", Kind: model.KindOR, RuleSet: model.RulesWOR, Active: true,
		Company: "Zorggroep Rivierenland", Address: "Postbus 412, 4000 AK Tiel", Place: "Tiel"}
	return &fakeStore{
		body: b,
		facts: letter.Facts{Body: b, Chair: "Anneke Smit", Secretary: "Zoë Brouwer", Today: model.NewDate(2025, 11, 25),
			Bestuurder: model.Bestuurder{Name: "Ingrid Bakker", Title: "bestuurder", Salutation: "mevrouw"}},
		dossiers: []model.DossierChoice{
			{ID: 7, Title: "Reorganisatie facilitaire dienst", Kind: "adviesaanvraag", Status: "open"},
			{ID: 8, Title: "Nieuw dienstrooster Thuiszorg", Kind: "instemmingsverzoek", Status: "open"},
		},
		letters: map[int64]*letter.Letter{}, versions: map[int64][]letter.Version{}, own: map[string]letter.Template{},
		clock: time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC), nullities: map[int64]termijn.Deadline{},
	}
}

func (f *fakeStore) tick() time.Time { f.clock = f.clock.Add(time.Minute); return f.clock }

func (f *fakeStore) Bodies(context.Context) ([]model.Body, error) { return []model.Body{f.body}, nil }

func (f *fakeStore) LetterPage(_ context.Context, bodyID int64, offset, limit int) (model.Page[letter.Letter], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	all := []letter.Letter{}
	for id := f.nextID; id > 0; id-- {
		if l, ok := f.letters[id]; ok && l.BodyID == bodyID {
			all = append(all, f.row(l))
		}
	}
	p := model.Page[letter.Letter]{Total: len(all)}
	p.Offset = min(max(offset, 0), p.Total)
	p.Rows = all[p.Offset:min(p.Offset+max(limit, 0), p.Total)]
	return p, nil
}

func (f *fakeStore) row(l *letter.Letter) letter.Letter {
	c := *l
	vs := f.versions[l.ID]
	c.Versions, c.SavedAt = len(vs), vs[len(vs)-1].CreatedAt
	if r, err := vs[len(vs)-1].Render(); err == nil {
		c.Subject = r.Subject
	}
	return c
}

func (f *fakeStore) Letter(_ context.Context, id int64) (letter.Letter, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	l, ok := f.letters[id]
	if !ok {
		return letter.Letter{}, model.ErrNotFound
	}
	return f.row(l), nil
}

func (f *fakeStore) LetterVersions(_ context.Context, id int64) ([]letter.Version, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	vs := f.versions[id]
	out := make([]letter.Version, len(vs))
	for i, v := range vs {
		out[len(vs)-1-i] = v
	}
	return out, nil
}

func (f *fakeStore) template(code string) (letter.Template, error) {
	if t, ok := f.own[code]; ok {
		return t, nil
	}
	if t, ok := letter.Default(code); ok {
		return t, nil
	}
	return letter.Template{}, model.Invalid("template", "onbekend sjabloon "+code)
}

func (f *fakeStore) CreateLetter(_ context.Context, bodyID int64, code string, dossierID int64) (letter.Letter, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, err := f.template(code)
	if err != nil {
		return letter.Letter{}, err
	}
	facts := f.facts
	facts.Seq = len(f.letters) + 1
	l := &letter.Letter{BodyID: bodyID, Template: code, TemplateName: t.Name, Status: letter.StatusConcept, DossierID: dossierID}
	for _, d := range f.dossiers {
		if d.ID == dossierID {
			l.DossierTitle = d.Title
			facts.Dossier = &letter.DossierFacts{Title: d.Title, Received: model.NewDate(2025, 9, 12), OVHeld: model.NewDate(2025, 10, 10)}
		}
	}
	f.nextID++
	l.ID, l.CreatedAt = f.nextID, f.tick()
	f.letters[l.ID] = l
	f.versions[l.ID] = []letter.Version{{LetterID: l.ID, N: 1, Source: t.Source, Fields: letter.DraftFields(facts), CreatedAt: f.tick()}}
	return f.row(l), nil
}

func (f *fakeStore) latest(id int64) letter.Version { vs := f.versions[id]; return vs[len(vs)-1] }

func (f *fakeStore) add(id int64, source string, fields map[string]string) letter.Version {
	v := letter.Version{LetterID: id, N: f.latest(id).N + 1, Source: source, Fields: fields, CreatedAt: f.tick()}
	f.versions[id] = append(f.versions[id], v)
	return v
}

func (f *fakeStore) SaveLetterVersion(_ context.Context, id int64, base int, source string, fields map[string]string) (letter.Version, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := letter.Check(source); err != nil {
		return letter.Version{}, err
	}
	clean := map[string]string{}
	for k, v := range fields {
		fl, _ := letter.Lookup(k)
		v, err := fl.CheckValue(v)
		if err != nil {
			return letter.Version{}, err
		}
		if v != "" {
			clean[k] = v
		}
	}
	l := f.letters[id]
	if l.Locked() {
		return letter.Version{}, model.Invalid("status", "de brief is "+l.Status.Label()+": heropen hem eerst (r) om iets te wijzigen")
	}
	last := f.latest(id)
	if last.N != base {
		return letter.Version{}, model.ErrConflict
	}
	if last.Source == source && maps.Equal(last.Fields, clean) {
		return last, nil
	}
	return f.add(id, source, clean), nil
}

func (f *fakeStore) RestoreLetterVersion(_ context.Context, id int64, n int) (letter.Version, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	old := f.versions[id][n-1]
	return f.add(id, old.Source, old.Fields), nil
}

func (f *fakeStore) complete(id int64) error {
	r, err := f.latest(id).Render()
	if err != nil {
		return err
	}
	if n := r.Markers(); n > 0 {
		return model.Invalid("status", fmt.Sprintf("nog %d open velden: vul die eerst in", n))
	}
	return nil
}

func (f *fakeStore) MarkLetterForSigning(_ context.Context, id int64) (letter.Letter, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.complete(id); err != nil {
		return letter.Letter{}, err
	}
	f.letters[id].Status = letter.StatusSigning
	return f.row(f.letters[id]), nil
}

func (f *fakeStore) MarkLetterSent(_ context.Context, id int64, on model.Date) (letter.Letter, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.complete(id); err != nil {
		return letter.Letter{}, err
	}
	l := f.letters[id]
	l.Status, l.SentOn, l.DocumentID = letter.StatusSent, on, 99
	f.sent = append(f.sent, fmt.Sprintf("%d %s", id, on))
	return f.row(l), nil
}

func (f *fakeStore) ReopenLetter(_ context.Context, id int64) (letter.Version, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	l := f.letters[id]
	l.Status, l.SentOn = letter.StatusConcept, model.Date{}
	last := f.latest(id)
	return f.add(id, last.Source, last.Fields), nil
}

func (f *fakeStore) DeleteLetter(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.letters, id)
	return nil
}

func (f *fakeStore) ExportLetter(_ context.Context, id int64, format, path string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := os.Stat(filepath.Dir(path)); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("map bestaat niet: %s", filepath.Dir(path))
	}
	f.exports = append(f.exports, format+" "+path)
	return os.WriteFile(path, []byte(f.latest(id).Text()), 0o600)
}

func (f *fakeStore) LetterFileName(_ context.Context, id int64, format string) (string, error) {
	return fmt.Sprintf("brief-%d.%s", id, format), nil
}

func (f *fakeStore) LetterTemplates(context.Context) ([]letter.Template, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := letter.Defaults()
	for i, t := range out {
		if o, ok := f.own[t.Code]; ok {
			out[i] = o
		}
	}
	return out, nil
}

func (f *fakeStore) SaveLetterTemplate(_ context.Context, code, name, source string) (letter.Template, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, _ := letter.Default(code)
	t.Name, t.Source, t.Custom = name, source, true
	if err := t.Validate(); err != nil {
		return t, err
	}
	f.own[code] = t
	return t, nil
}

func (f *fakeStore) RestoreLetterTemplate(_ context.Context, code string) (letter.Template, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.own, code)
	t, _ := letter.Default(code)
	return t, nil
}

func (f *fakeStore) DossierChoices(context.Context, int64) ([]model.DossierChoice, error) {
	return f.dossiers, nil
}

func (f *fakeStore) NullityDeadline(_ context.Context, _, dossierID int64) (termijn.Deadline, bool, error) {
	d, ok := f.nullities[dossierID]
	return d, ok, nil
}

var _ Store = (*fakeStore)(nil)
