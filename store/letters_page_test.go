package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model/letter"
)

func letterKey(l letter.Letter) string {
	return fmt.Sprintf("%d %s %s %s %d %s", l.ID, l.TemplateName, l.DossierTitle, l.Status, l.Versions, l.SavedAt)
}

func TestLetterPageConcatenatesToLetters(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, d := letterCouncil(t, s)
	// The clock stands still in tests: every letter has the same created_at and the id decides.
	var ids []int64
	for i := range 23 {
		dossierID := d.ID
		if i%3 == 0 {
			dossierID = 0
		}
		l, err := s.CreateLetter(ctx, b.ID, "adviesbrief-positief", dossierID)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, l.ID)
		if i%4 == 0 {
			v, _ := s.LetterVersion(ctx, l.ID, 0)
			if _, err := s.SaveLetterVersion(ctx, l.ID, v.N, v.Source+"\nExtra.", v.Fields); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.DeleteLetter(ctx, ids[5]); err != nil {
		t.Fatal(err)
	}
	all, err := s.Letters(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 22 {
		t.Fatalf("%d letters, want 22", len(all))
	}
	for _, size := range []int{1, 4, 10, 22, 50} {
		var got []letter.Letter
		for off := 0; off < len(all); off += size {
			p, err := s.LetterPage(ctx, b.ID, off, size)
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != len(all) || p.Offset != off {
				t.Fatalf("size %d offset %d: total %d offset %d", size, off, p.Total, p.Offset)
			}
			got = append(got, p.Rows...)
		}
		if len(got) != len(all) {
			t.Fatalf("size %d: %d letters, want %d", size, len(got), len(all))
		}
		for i := range all {
			if letterKey(got[i]) != letterKey(all[i]) {
				t.Fatalf("size %d row %d: %s, want %s", size, i, letterKey(got[i]), letterKey(all[i]))
			}
		}
	}
	p, err := s.LetterPage(ctx, b.ID+100, 0, 10)
	if err != nil || p.Total != 0 || p.Rows == nil || len(p.Rows) != 0 {
		t.Fatalf("another body: %+v %v", p, err)
	}
}

func TestLetterPageUsesTheOrderIndex(t *testing.T) {
	s, _ := newStore(t)
	rows, err := s.r.Query(`EXPLAIN QUERY PLAN SELECT * FROM letters l WHERE l.body_id = 1 AND l.deleted_at IS NULL
		ORDER BY l.created_at DESC, l.id DESC LIMIT 10`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	plan := ""
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan += detail + "\n"
	}
	if want := "USING INDEX letters_body_created"; !strings.Contains(plan, want) || strings.Contains(plan, "TEMP B-TREE") {
		t.Fatalf("plan:\n%s", plan)
	}
}
