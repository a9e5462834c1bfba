package demo

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
)

func TestVocabularyIsZipfLike(t *testing.T) {
	v := newVocabulary()
	if len(v.words) != VocabularySize {
		t.Fatalf("%d words", len(v.words))
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	counts := map[string]int{}
	const n = 200_000
	for range n {
		counts[v.word(rnd)]++
	}
	// Zipf: the most frequent word is about twice the second and ten times the tenth; many words of
	// the long tail still occur.
	first, second, tenth := counts[v.words[0]], counts[v.words[1]], counts[v.words[9]]
	if first < second*3/2 || first < tenth*6 {
		t.Fatalf("not Zipf-like: %d, %d, %d", first, second, tenth)
	}
	if len(counts) < 8_000 {
		t.Fatalf("only %d distinct words in %d draws", len(counts), n)
	}
	if newVocabulary().words[19_999] != v.words[19_999] {
		t.Fatal("vocabulary differs between builds")
	}
}

func fill(t *testing.T, docs int) (*store.Store, Summary) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sum, err := Fill(context.Background(), s, Options{Seed: 1, Today: model.NewDate(2025, 11, 25), Documents: docs})
	if err != nil {
		t.Fatal(err)
	}
	return s, sum
}

func TestDemoArchive(t *testing.T) {
	ctx := context.Background()
	s, sum := fill(t, 40)
	if sum.Files != 7 || sum.Documents != 40+7+2 {
		t.Fatalf("summary %+v", sum)
	}
	b, _ := s.ActiveBody(ctx)
	docs, err := s.Documents(ctx, model.DocumentQuery{BodyID: b.ID, Limit: 1000})
	if err != nil || len(docs) != sum.Documents {
		t.Fatalf("%v, %d documents", err, len(docs))
	}
	kinds := map[string]bool{}
	var scan, generated *model.Document
	for i, d := range docs {
		kinds[filepath.Ext(d.FileName)] = true
		if d.FileName == "getekend-convenant.pdf" {
			scan = &docs[i]
		}
		if strings.HasPrefix(d.Title, "Adviesaanvraag ") && filepath.Ext(d.FileName) == ".txt" || generated == nil && filepath.Ext(d.FileName) == ".txt" && d.Size > 1500 {
			generated = &docs[i]
		}
	}
	for _, ext := range []string{".pdf", ".docx", ".odt", ".html", ".md", ".txt", ".eml"} {
		if !kinds[ext] {
			t.Errorf("no %s file in the demo archive", ext)
		}
	}
	if scan == nil || !scan.NoText {
		t.Fatalf("scan: %+v", scan)
	}
	full, _ := s.Document(ctx, generated.ID)
	if n := len(full.Text); n < 1500 || n > 2800 {
		t.Fatalf("generated document of %d bytes", n)
	}

	// Deterministic: the same seed gives the same archive.
	s2, _ := fill(t, 40)
	docs2, _ := s2.Documents(ctx, model.DocumentQuery{BodyID: b.ID, Limit: 1000})
	for i := range docs {
		if docs[i].Title != docs2[i].Title || docs[i].SHA256 != docs2[i].SHA256 {
			t.Fatalf("document %d differs between runs: %q / %q", i, docs[i].Title, docs2[i].Title)
		}
	}

	// Adding to a filled database adds new documents, never duplicates.
	add, err := AddDocuments(ctx, s, Options{Seed: 1}, 25)
	if err != nil || add.Documents != 25 {
		t.Fatalf("add: %v %+v", err, add)
	}
}
