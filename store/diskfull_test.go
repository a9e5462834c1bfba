package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// TestDiskFullDuringImport runs an import into a database that can grow only a little. PRAGMA
// max_page_count makes SQLite fail with SQLITE_FULL at exactly the point a full disk would, through
// the same code path. The import stops with a clear Dutch message, the failing batch leaves nothing
// behind, earlier batches stay, and the database opens and checks clean afterwards.
func TestDiskFullDuringImport(t *testing.T) {
	s, path := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	dir := t.TempDir()
	write := func(name string, paras int) string {
		var sb strings.Builder
		for i := 0; i < paras; i++ {
			fmt.Fprintf(&sb, "%s alinea %d: de ondernemingsraad bespreekt het roosterbeleid %d.\n", name, i, i*7919)
		}
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(sb.String()), 0o600)
		return p
	}
	first := []string{write("eerste.txt", 20), write("tweede.txt", 20)}
	sum, err := s.ImportPaths(ctx, first, model.DocumentMeta{BodyID: b.ID}, nil)
	if err != nil || sum.Imported != 2 {
		t.Fatalf("first batch: %+v %v", sum, err)
	}
	var pages int64
	s.w.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := s.w.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+8)); err != nil {
		t.Fatal(err)
	}
	var big []string
	for i := 0; i < 5; i++ {
		big = append(big, write(fmt.Sprintf("groot-%d.txt", i), 3000))
	}
	sum, err = s.ImportPaths(ctx, big, model.DocumentMeta{BodyID: b.ID}, nil)
	if !errors.Is(err, model.ErrDiskFull) {
		t.Fatalf("import on a full disk: %+v %v", sum, err)
	}
	if err.Error() != "de schijf is vol: er is niets opgeslagen" {
		t.Errorf("message %q", err.Error())
	}
	if sum.Imported != 0 || sum.Failed != len(big) {
		t.Errorf("summary %+v", sum)
	}
	for _, r := range sum.Failures {
		if !strings.Contains(r.Reason, "de schijf is vol") {
			t.Errorf("result %+v", r)
		}
	}
	// The database is as it was before the failing batch.
	docs, err := s.CountDocuments(ctx, model.DocumentQuery{BodyID: b.ID})
	if err != nil || docs != 2 {
		t.Fatalf("%d documents after the failed batch (%v)", docs, err)
	}
	// Other writes fail the same clear way while the disk is full, and work again once there is room.
	if _, err := s.ArchiveText(ctx, "x.txt", strings.Repeat("vol ", 40000), model.DocumentMeta{BodyID: b.ID}); !errors.Is(err, model.ErrDiskFull) {
		t.Fatalf("second write: %v", err)
	}
	s.w.Exec("PRAGMA max_page_count = 1073741823")
	if _, err := s.ArchiveText(ctx, "x.txt", "weer ruimte", model.DocumentMeta{BodyID: b.ID}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	rep, err := s2.Check(ctx)
	if err != nil || !rep.OK {
		t.Fatalf("%v %+v", err, rep)
	}
	if n, _ := s2.CountDocuments(ctx, model.DocumentQuery{BodyID: b.ID}); n != 3 {
		t.Fatalf("%d documents", n)
	}
}
