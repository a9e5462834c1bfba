package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/xuri/excelize/v2"
)

// An actielijst comes from whatever system the council used before. Any bytes, read as CSV or as .xlsx,
// give rows or a clear Dutch message; never a panic, never an SQL error, and never half an import: the
// actions table grows by every prepared action or by none.

// fuzzImportBody is importBody for a fuzz target: one store for every input.
func fuzzImportBody(tb testing.TB) (*Store, model.Body) {
	s, _ := newStore(tb)
	b := newBody(tb, s)
	for _, n := range []string{"Piet de Vries", "Sanne Jansen", "Jan Smit", "Jan Bakker"} {
		if _, err := s.CreateMember(context.Background(), model.Member{BodyID: b.ID, Name: n, Role: model.RoleLid}); err != nil {
			tb.Fatal(err)
		}
	}
	return s, b
}

func actionCount(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM actions`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func checkImportError(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	if msg == "" || strings.Contains(strings.ToLower(msg), "sql") {
		t.Fatalf("not a message for the user: %q", msg)
	}
}

// importOnce runs the whole import of one file as the command does, and checks all or nothing.
func importOnce(t *testing.T, s *Store, bodyID int64, path string) {
	ctx := context.Background()
	sh, err := ReadActionSheet(path)
	if err != nil {
		checkImportError(t, err)
		return
	}
	cols, err := DetectColumns(sh.Header, nil)
	if err != nil {
		checkImportError(t, err)
		return
	}
	imp, err := s.PrepareActionImport(ctx, bodyID, sh, cols, ImportOptions{FreeOwners: len(sh.Rows)%2 == 0})
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	for _, p := range imp.Problems {
		checkImportError(t, &importProblemError{p.Reason})
	}
	before := actionCount(t, s)
	n, err := s.ImportActions(ctx, imp)
	after := actionCount(t, s)
	if err != nil {
		checkImportError(t, err)
		if after != before {
			t.Fatalf("half imported: %d → %d after %v", before, after, err)
		}
		return
	}
	if n != len(imp.Actions) || after != before+n {
		t.Fatalf("imported %d of %d: %d → %d", n, len(imp.Actions), before, after)
	}
}

type importProblemError struct{ reason string }

func (e *importProblemError) Error() string { return e.reason }

func FuzzActionImportCSV(f *testing.F) {
	for _, seed := range []string{
		"Actie;Wie;Deadline;Status\nRooster opvragen;Piet;28-01-2025;open\nNotulen;AS;;loopt\n",
		"\uFEFFwho,what,when\nPiet,\"Rooster, evaluatie\",2025-02-01\n",
		"omschrijving\teigenaar\tdatum\nx\tSanne Jansen\t45685\n",
		"Actie,Wie\n\"open quote,Piet\n",
		"Actie;Wie;Deadline\n;;\n;Jan;31-02-2025\nx;Onbekend;28.01.25\n",
		"\xe9\xe8;Wie\nact\xe9;Jan Smit\n",
		"Actie;Wie;Status\n" + strings.Repeat("a", 5000) + ";Piet;raar\n",
		"\n\n",
	} {
		f.Add([]byte(seed))
	}
	s, b := fuzzImportBody(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "acties.csv")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		importOnce(t, s, b.ID, p)
	})
}

func FuzzActionImportXLSX(f *testing.F) {
	for _, rows := range [][][]any{
		{{"Actie", "Wie", "Deadline", "Status"}, {"Rooster opvragen", "Piet", 45685, "open"}, {"Notulen", "AS", "20-11-2025", "loopt"}},
		{{"Nr", "wat", "trekker"}, {1, "", "Jan"}, {2, "x", "Jan Bakker"}},
		{{"leeg"}},
	} {
		f.Add(xlsxBytes(f, rows))
	}
	f.Add([]byte("PK\x03\x04 no zip"))
	f.Add([]byte{})
	s, b := fuzzImportBody(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "acties.xlsx")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		importOnce(t, s, b.ID, p)
	})
}

func xlsxBytes(tb testing.TB, rows [][]any) []byte {
	tb.Helper()
	x := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &r); err != nil {
			tb.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
