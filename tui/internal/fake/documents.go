package fake

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/werkbank-nl/werkbank/model"
)

// The archive of the fake: documents in memory, newest first, with the rules the views depend on
// (versions, the bin, dossier links). ImportPaths reads real files: text files become documents, an
// empty file fails with the reason the real import gives.

type archive struct {
	docs     []model.Document
	dossiers []model.DossierChoice
	binDocs  []model.Document
	// Opened and Saved record what the views asked of originals.
	Opened []int64
	Saved  []string
}

// archives holds each fake's archive beside it, so the archive needs nothing in the Store struct.
var archives sync.Map // *Store -> *archive

func (s *Store) a() *archive {
	v, _ := archives.LoadOrStore(s, &archive{})
	return v.(*archive)
}

// ArchiveDocument puts a document in the fake archive, as an import would.
func (s *Store) ArchiveDocument(d model.Document) model.Document {
	s.mu.Lock()
	defer s.mu.Unlock()
	d.ID, d.Version = s.id(), 1
	if d.ImportedAt.IsZero() {
		d.ImportedAt = s.Now
	}
	s.a().docs = append(s.a().docs, d)
	return d
}

// AddDossier adds a dossier documents can be linked to.
func (s *Store) AddDossier(bodyID int64, title string) model.DossierChoice {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := model.DossierChoice{ID: s.id(), Title: title, Kind: "adviesaanvraag", Status: "open"}
	s.a().dossiers = append(s.a().dossiers, c)
	return c
}

func (s *Store) sorted(q model.DocumentQuery) []model.Document {
	var out []model.Document
	for _, d := range s.a().docs {
		if d.BodyID == q.BodyID && (q.ParentID == 0 || d.ParentID == q.ParentID) && (q.DossierID == 0 || d.DossierID == q.DossierID) {
			d.Text = ""
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Date.Compare(out[j].Date); c != 0 {
			return c > 0
		}
		gi, gj := max(out[i].ParentID, 0), max(out[j].ParentID, 0)
		if gi == 0 {
			gi = out[i].ID
		}
		if gj == 0 {
			gj = out[j].ID
		}
		if gi != gj {
			return gi > gj
		}
		if (out[i].ParentID == 0) != (out[j].ParentID == 0) {
			return out[i].ParentID == 0
		}
		return out[i].ID > out[j].ID
	})
	return out
}

func (s *Store) Documents(_ context.Context, q model.DocumentQuery) ([]model.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	all := s.sorted(q)
	if q.Limit <= 0 {
		q.Limit = 100
	}
	start := min(max(q.Offset, 0), len(all))
	return append([]model.Document{}, all[start:min(start+q.Limit, len(all))]...), nil
}

func (s *Store) CountDocuments(_ context.Context, q model.DocumentQuery) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sorted(q)), nil
}

func (s *Store) Document(_ context.Context, id int64) (model.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.a().docs {
		if d.ID == id {
			return d, nil
		}
	}
	return model.Document{}, model.ErrNotFound
}

func (s *Store) UpdateDocument(_ context.Context, d model.Document) (model.Document, error) {
	if err := d.Validate(); err != nil {
		return d, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, old := range s.a().docs {
		if old.ID != d.ID {
			continue
		}
		if old.Version != d.Version {
			return d, model.ErrConflict
		}
		d.Text, d.Version, d.DossierTitle = old.Text, old.Version+1, ""
		for _, c := range s.a().dossiers {
			if c.ID == d.DossierID {
				d.DossierTitle = c.Title
			}
		}
		s.a().docs[i] = d
		return d, nil
	}
	return d, model.ErrNotFound
}

func (s *Store) DeleteDocument(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, d := range s.a().docs {
		if d.ID == id {
			s.a().docs = append(s.a().docs[:i], s.a().docs[i+1:]...)
			s.a().binDocs = append(s.a().binDocs, d)
			s.bin = append(s.bin, model.BinEntry{ID: s.id(), Kind: "documents", RefID: id, Label: d.Title, DeletedAt: s.Now})
			return nil
		}
	}
	return model.ErrNotFound
}

func (s *Store) ImportPaths(ctx context.Context, paths []string, meta model.DocumentMeta, progress func(model.ImportProgress)) (model.ImportSummary, error) {
	var files []string
	for _, p := range paths {
		filepath.WalkDir(p, func(path string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				files = append(files, path)
			}
			return nil
		})
	}
	sort.Strings(files)
	sum := model.ImportSummary{Total: len(files)}
	for i, f := range files {
		if ctx.Err() != nil {
			sum.Canceled, sum.NotStarted = true, len(files)-i
			break
		}
		progress(model.ImportProgress{Total: len(files), Done: i, Imported: sum.Imported, Failed: sum.Failed, Current: f})
		data, err := os.ReadFile(f)
		r := model.ImportResult{Path: f, Status: model.ImportOK}
		switch {
		case err != nil:
			r.Status, r.Reason = model.ImportFailed, "onleesbaar: "+err.Error()
		case len(data) == 0:
			r.Status, r.Reason = model.ImportFailed, "bestand is leeg"
		default:
			name := filepath.Base(f)
			d := s.ArchiveDocument(model.Document{BodyID: meta.BodyID, Title: strings.TrimSuffix(name, filepath.Ext(name)),
				Date: model.DateOf(s.Now), Type: model.GuessDocType(name, ""), FileName: name, Size: int64(len(data)), Text: string(data)})
			r.DocumentID = d.ID
		}
		sum.Add(r)
	}
	progress(model.ImportProgress{Total: len(files), Done: len(files) - sum.NotStarted, Imported: sum.Imported, Failed: sum.Failed})
	return sum, nil
}

func (s *Store) OriginalTempFile(_ context.Context, id int64) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.a().Opened = append(s.a().Opened, id)
	return filepath.Join(os.TempDir(), "werkbank-open-fake", "origineel"), nil
}

func (s *Store) SaveOriginal(_ context.Context, id int64, path string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.a().Saved = append(s.a().Saved, path)
	return path, nil
}

func (s *Store) DossierChoices(context.Context, int64) ([]model.DossierChoice, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]model.DossierChoice{}, s.a().dossiers...), nil
}

// OpenedOriginals and SavedOriginals report what the views asked for.
func (s *Store) OpenedOriginals() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]int64{}, s.a().Opened...)
}

func (s *Store) SavedOriginals() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string{}, s.a().Saved...)
}
