package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// failingReader gives some bytes, then fails, as a disk or network share does (root reads mode 000
// files, so the failure is injected rather than made with permissions).
type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, errors.New("input/output error")
	}
	k := min(len(p), r.n)
	for i := range p[:k] {
		p[i] = 'a'
	}
	r.n -= k
	return k, nil
}

func TestBatchReportsEveryBadFile(t *testing.T) {
	s, _ := newStore(t)
	body := newBody(t, s)
	if err := s.SetImportLimit(ctx, 1); err != nil {
		t.Fatal(err)
	}
	corrupt := textPDF(t, "Kapot", "Deze PDF is afgebroken.")
	corrupt = corrupt[:len(corrupt)/3]
	files := []struct {
		name   string
		r      io.Reader
		good   bool
		reason string
	}{
		{"advies.pdf", bytes.NewReader(textPDF(t, "Advies OR", "De OR adviseert positief over het café.")), true, ""},
		{"kapot.pdf", bytes.NewReader(corrupt), false, "beschadigd"},
		{"geheim.pdf", bytes.NewReader(encryptedPDF(t)), false, "versleuteld"},
		{"leeg.txt", bytes.NewReader(nil), false, "leeg"},
		{"notulen.docx", bytes.NewReader(docxFile(t, "Notulen", "Reünie in België, geïnd €12.")), true, ""},
		{"nep.docx", strings.NewReader("Dit is gewoon tekst met een verkeerde extensie."), false, "geen zip"},
		{"groot.txt", strings.NewReader(strings.Repeat("woord ", 200_000)), false, "te groot"},
		{"onleesbaar.txt", &failingReader{n: 5000}, false, "onleesbaar: input/output error"},
		{"scan.pdf", bytes.NewReader(scanPDF(t)), true, "geen tekst (scan?)"},
		{"memo.txt", strings.NewReader("Korte memo over de thuiswerkregeling."), true, ""},
		{"plaatje.jpg", bytes.NewReader([]byte{0xff, 0xd8, 0xff, 0xe0}), false, "niet ondersteund"},
		{"memo kopie.txt", strings.NewReader("Korte memo over de thuiswerkregeling."), false, "zelfde bestand als memo.txt"},
	}
	var results []model.ImportResult
	b, err := s.NewBatch(ctx, model.DocumentMeta{}, func(r model.ImportResult) { results = append(results, r) })
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := b.Add(f.name, f.r, model.DocumentMeta{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if len(results) != len(files) {
		t.Fatalf("%d results for %d files", len(results), len(files))
	}
	for i, f := range files {
		r := results[i]
		if r.Path != f.name {
			t.Fatalf("result %d is for %s, want %s", i, r.Path, f.name)
		}
		if f.good != (r.Status == model.ImportOK) || !strings.Contains(r.Reason, f.reason) {
			t.Errorf("%s: status %s, reason %q; want ok=%v, reason with %q", f.name, r.Status, r.Reason, f.good, f.reason)
		}
	}
	if n, _ := s.CountDocuments(ctx, model.DocumentQuery{BodyID: body.ID}); n != 4 {
		t.Fatalf("%d documents, want 4", n)
	}
	docs, _ := s.Documents(ctx, model.DocumentQuery{BodyID: body.ID})
	for _, d := range docs {
		if d.FileName == "scan.pdf" && !d.NoText {
			t.Fatal("scan not marked without text")
		}
	}
	checkIndex(t, s)
}

func TestImportPathsWalksFoldersAndCancels(t *testing.T) {
	s, _ := newStore(t)
	newBody(t, s)
	dir := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "2025", "sub"), 0o700))
	must(os.MkdirAll(filepath.Join(dir, ".git"), 0o700))
	must(os.WriteFile(filepath.Join(dir, ".git", "config.txt"), []byte("geheim"), 0o600))
	must(os.WriteFile(filepath.Join(dir, ".DS_Store"), []byte("x"), 0o600))
	for i := range 5 {
		must(os.WriteFile(filepath.Join(dir, "2025", fmt.Sprintf("brief-%d.txt", i)), []byte(fmt.Sprintf("Brief nummer %d over de regeling.", i)), 0o600))
	}
	must(os.WriteFile(filepath.Join(dir, "2025", "sub", "agenda.html"), []byte("<html><title>Agenda OV</title><script>var x='verborgen';</script><p>Punt één</p></html>"), 0o600))
	var last model.ImportProgress
	sum, err := s.ImportPaths(ctx, []string{dir, filepath.Join(dir, "bestaat-niet.pdf")}, model.DocumentMeta{}, func(p model.ImportProgress) { last = p })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 6 || sum.Failed != 1 || sum.Hidden != 2 || sum.Total != 7 {
		t.Fatalf("summary %+v", sum)
	}
	if last.Done != 7 || last.Imported != 6 || last.Failed != 1 {
		t.Fatalf("last progress %+v", last)
	}
	if !strings.Contains(sum.Failures[0].Reason, "bestaat niet") {
		t.Fatalf("failure %+v", sum.Failures[0])
	}
	if len(hits(t, s, "verborgen")) != 0 || len(hits(t, s, "punt")) != 1 {
		t.Fatal("HTML script text indexed, or visible text not")
	}
	// Again: everything is a duplicate, nothing is added.
	sum, _ = s.ImportPaths(ctx, []string{dir}, model.DocumentMeta{}, nil)
	if sum.Duplicates != 6 || sum.Imported != 0 {
		t.Fatalf("second import %+v", sum)
	}

	// Cancelled after two files: those two are kept, the rest is counted as not started.
	dir2 := t.TempDir()
	for i := range 10 {
		must(os.WriteFile(filepath.Join(dir2, fmt.Sprintf("n%02d.txt", i)), []byte(fmt.Sprintf("Notitie %d", i)), 0o600))
	}
	cctx, cancel := context.WithCancel(ctx)
	sum, err = s.ImportPaths(cctx, []string{dir2}, model.DocumentMeta{}, func(p model.ImportProgress) {
		if p.Done == 2 {
			cancel()
		}
	})
	if err != nil || !sum.Canceled || sum.Imported != 2 || sum.NotStarted != 8 {
		t.Fatalf("cancelled import: %v %+v", err, sum)
	}
	checkIndex(t, s)
}

func TestImportReadOnly(t *testing.T) {
	s, path := newStore(t)
	newBody(t, s)
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.ArchiveText(ctx, "a.txt", "tekst", model.DocumentMeta{}); !errors.Is(err, model.ErrReadOnly) {
		t.Fatalf("import into read-only: %v", err)
	}
}

// plainDoc is a 2 KB plain-text document, different for each n.
func plainDoc(n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Notitie %d over de ondernemingsraad\n\n", n)
	words := strings.Fields("de ondernemingsraad heeft in de vergadering van dinsdag het voorgenomen besluit over de reorganisatie " +
		"van de facilitaire dienst besproken en adviseert de bestuurder om eerst het sociaal plan met de vakbonden af te ronden " +
		"werkdruk thuiswerkregeling roosters personeelsvertegenwoordiging instemming advies medezeggenschap arbeidsomstandigheden")
	for i := 0; b.Len() < 2000; i++ {
		b.WriteString(words[(i*7+n)%len(words)])
		b.WriteByte(' ')
	}
	fmt.Fprintf(&b, "\nkenmerk %d", n)
	return b.Bytes()
}

// BenchmarkImportPlainText imports 2 KB text documents through one batch: hashing, chunking, storing
// and indexing. Target: at least 1,000 documents per second, and B/op that does not grow with N.
func BenchmarkImportPlainText(b *testing.B) {
	s, _ := newStore(b)
	newBody(b, s)
	docs := make([][]byte, 1000)
	for i := range docs {
		docs[i] = plainDoc(i)
	}
	batch, err := s.NewBatch(ctx, model.DocumentMeta{}, func(r model.ImportResult) {
		if r.Status != model.ImportOK {
			b.Fatalf("%s: %s", r.Path, r.Reason)
		}
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		d := docs[n%len(docs)]
		// Vary the bytes so no file is a duplicate of another.
		d = append(d[:len(d):len(d)], fmt.Sprintf(" %d", n)...)
		if err := batch.Add(fmt.Sprintf("n%d.txt", n), bytes.NewReader(d), model.DocumentMeta{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := batch.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// TestImportMemoryFlat imports 10,000 files in one batch and checks that the heap after it is about
// what it was after the first 1,000: nothing grows with the number of files.
func TestImportMemoryFlat(t *testing.T) {
	total := 10_000
	if testing.Short() {
		total = 2_000
	}
	s, _ := newStore(t)
	newBody(t, s)
	batch, err := s.NewBatch(ctx, model.DocumentMeta{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	var early uint64
	for i := range total {
		if i == 1000 {
			early = heap()
		}
		d := append(plainDoc(i%500), fmt.Sprintf(" uniek %d", i)...)
		if err := batch.Add(fmt.Sprintf("n%d.txt", i), bytes.NewReader(d), model.DocumentMeta{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.Close(); err != nil {
		t.Fatal(err)
	}
	late := heap()
	t.Logf("heap in use after 1,000 files: %d KB; after %d: %d KB", early>>10, total, late>>10)
	if late > early+8<<20 {
		t.Fatalf("heap grew from %d KB to %d KB over the batch", early>>10, late>>10)
	}
}
