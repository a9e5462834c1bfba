package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// filledStore makes a database with members over several pages, a meeting with items and archived
// documents, and closes it so everything is in the main file.
func filledStore(t *testing.T) string {
	t.Helper()
	s, path := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	for i := 0; i < 200; i++ {
		if _, err := s.CreateMember(ctx, model.Member{BodyID: b.ID, Name: fmt.Sprintf("Lid nummer %d met een wat langere naam", i), Role: model.RoleLid}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate("2025-12-02"), Start: 570, End: 720},
		[]model.AgendaItem{{Title: "Opening", Minutes: 5}, {Title: "Thuiswerkregeling", Minutes: 30}}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := s.ArchiveText(ctx, fmt.Sprintf("notitie-%d.txt", i), fmt.Sprintf("Notitie %d over de roosters en het thuiswerken.", i), model.DocumentMeta{BodyID: b.ID}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func checkPath(t *testing.T, path string, opt Options) Report {
	t.Helper()
	s, err := Open(path, opt)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	rep, err := s.Check(context.Background())
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	return rep
}

func TestCheckHealthy(t *testing.T) {
	path := filledStore(t)
	rep := checkPath(t, path, Options{})
	// One entry per FTS5 table: action_fts, decision_fts (migration 0006) and document_fts.
	if !rep.OK || len(rep.FullText) != 3 || rep.FullText[2].Table != "document_fts" || rep.CheckedCopy {
		t.Fatalf("%+v", rep)
	}
}

// TestCheckReadOnlyUsesCopy: a read-only check changes no byte and no mtime of the file.
func TestCheckReadOnlyUsesCopy(t *testing.T) {
	path := filledStore(t)
	before, _ := os.ReadFile(path)
	fi1, _ := os.Stat(path)
	rep := checkPath(t, path, Options{ReadOnly: true})
	if !rep.OK || !rep.CheckedCopy || len(rep.FullText) != 3 {
		t.Fatalf("%+v", rep)
	}
	after, _ := os.ReadFile(path)
	fi2, _ := os.Stat(path)
	if !bytes.Equal(before, after) || !fi1.ModTime().Equal(fi2.ModTime()) {
		t.Fatal("read-only check changed the file")
	}
}

// damage overwrites the cell pointers of a table's root page, as a bad disk sector would.
func damage(t *testing.T, path, table string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	if err := db.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = ?", table).Scan(&root); err != nil {
		t.Fatal(err)
	}
	db.QueryRow("PRAGMA page_size").Scan(&pageSize)
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xFF}, 64), (root-1)*pageSize+8); err != nil {
		t.Fatal(err)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	path := filledStore(t)
	damage(t, path, "members")
	rep := checkPath(t, path, Options{})
	if rep.OK || len(rep.Integrity) == 0 {
		t.Fatalf("damage not found: %+v", rep)
	}
	// Read-only, through the copy, finds the same.
	rep = checkPath(t, path, Options{ReadOnly: true})
	if rep.OK || len(rep.Integrity) == 0 || !rep.CheckedCopy {
		t.Fatalf("damage not found read-only: %+v", rep)
	}
}

// TestCheckFindsHalfRecords: rows that constraints cannot catch (a document without its search
// entry, an incomplete original) and dangling references are all reported.
func TestCheckFindsHalfRecords(t *testing.T) {
	path := filledStore(t)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"DELETE FROM document_fts WHERE rowid = (SELECT min(id) FROM documents)",
		"DELETE FROM blob_chunks WHERE sha256 = (SELECT sha256 FROM documents WHERE id = (SELECT max(id) FROM documents))",
		"PRAGMA foreign_keys = OFF",
		"INSERT INTO agenda_items (meeting_id, position, title, minutes) VALUES (9999, 1, 'wees', 5)",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	rep := checkPath(t, path, Options{})
	if rep.OK || len(rep.Archive) != 2 || len(rep.ForeignKeys) != 1 || rep.ForeignKeys[0].Table != "agenda_items" || rep.ForeignKeys[0].Parent != "meetings" {
		t.Fatalf("%+v", rep)
	}
	if !strings.Contains(strings.Join(rep.Archive, "\n"), "zoekindex") {
		t.Errorf("archive: %v", rep.Archive)
	}
}
