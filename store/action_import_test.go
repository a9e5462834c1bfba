package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

func importBody(t *testing.T) (*Store, model.Body) {
	t.Helper()
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	for _, n := range []string{"Piet de Vries", "Sanne Jansen", "Jan Smit", "Jan Bakker"} {
		if _, err := s.CreateMember(ctx, model.Member{BodyID: b.ID, Name: n, Role: model.RoleLid}); err != nil {
			t.Fatal(err)
		}
	}
	s.SaveBestuurder(ctx, model.Bestuurder{BodyID: b.ID, Name: "Ingrid Bakker"})
	return s, b
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportActionsXLSX(t *testing.T) {
	ctx := context.Background()
	s, b := importBody(t)
	f := excelize.NewFile()
	rows := [][]any{
		{"Nr", "Actie", "Wie", "Deadline", "Status", "Opmerkingen"},
		{1, "Roosterevaluatie opvragen bij HR", "Piet", 45685, "open", ""},
		{2, "Notulen OV uitwerken", "AS", "20-11-2025", "loopt", "concept klaar"},
		{},
		{3, "Reactie achterban verzamelen", "sanne jansen", "28/11/25", "", ""},
		{4, "Kantinebeleid navragen", "Ingrid Bakker", "", "afgerond", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle("Sheet1", "D2", "D2", style)
	p := filepath.Join(t.TempDir(), "actielijst.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	sh, err := ReadActionSheet(p)
	if err != nil {
		t.Fatal(err)
	}
	cols, err := DetectColumns(sh.Header, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := cols.Describe(sh.Header); got != "omschrijving = Actie (B), eigenaar = Wie (C), datum = Deadline (D), status = Status (E), notities = Opmerkingen (F)" {
		t.Fatalf("columns %s", got)
	}
	imp, err := s.PrepareActionImport(ctx, b.ID, sh, cols, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Problems) != 0 || len(imp.Actions) != 4 {
		t.Fatalf("prepared %+v", imp)
	}
	a := imp.Actions
	if a[0].Owner != "Piet de Vries" || a[0].Due.String() != "2025-01-28" || a[1].Status != model.ActionBusy || a[1].Notes != "concept klaar" ||
		a[2].Owner != "Sanne Jansen" || a[2].Due.String() != "2025-11-28" || a[3].Status != model.ActionDone || a[3].Owner != "Ingrid Bakker" {
		t.Fatalf("actions %+v", a)
	}
	n, err := s.ImportActions(ctx, imp)
	if err != nil || n != 4 {
		t.Fatalf("import %d %v", n, err)
	}
	list, _ := s.Actions(ctx, b.ID, model.ActionFilter{}, s.Today())
	if len(list) != 4 || countRows(t, s, "action_history") != 4 {
		t.Fatalf("stored %d", len(list))
	}
	for _, x := range list {
		if x.Status == model.ActionDone && x.Closed.IsZero() {
			t.Fatalf("imported done action without closed date %+v", x)
		}
	}
}

func TestImportActionsCSVWindows1252(t *testing.T) {
	ctx := context.Background()
	s, b := importBody(t)
	text := "Omschrijving;Eigenaar;Datum;Status\r\n" +
		"Reactie op ideeën;Piet;28-01-2025;open\r\n" +
		"\"Overleg; café\";Sanne;;bezig\r\n"
	enc, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := ReadActionSheet(writeFile(t, "acties.csv", []byte(enc)))
	if err != nil {
		t.Fatal(err)
	}
	cols, err := DetectColumns(sh.Header, nil)
	if err != nil {
		t.Fatal(err)
	}
	imp, _ := s.PrepareActionImport(ctx, b.ID, sh, cols, ImportOptions{})
	if len(imp.Problems) != 0 || imp.Actions[0].Description != "Reactie op ideeën" || imp.Actions[1].Description != "Overleg; café" {
		t.Fatalf("prepared %+v", imp)
	}
	// UTF-8 with BOM and commas, columns given by letter and header text.
	sh, err = ReadActionSheet(writeFile(t, "acties.csv", []byte("\uFEFFwho,what,when\nPiet,\"Rooster, evaluatie\",2025-02-01\n")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DetectColumns(sh.Header, nil); err == nil || !strings.Contains(err.Error(), "--kolom-omschrijving") {
		t.Fatalf("undetected columns: %v", err)
	}
	cols, err = DetectColumns(sh.Header, map[string]string{"omschrijving": "B", "eigenaar": "who", "datum": "3"})
	if err != nil {
		t.Fatal(err)
	}
	imp, _ = s.PrepareActionImport(ctx, b.ID, sh, cols, ImportOptions{})
	if len(imp.Actions) != 1 || imp.Actions[0].Description != "Rooster, evaluatie" || imp.Actions[0].Due.String() != "2025-02-01" {
		t.Fatalf("prepared %+v", imp)
	}
	if _, err := DetectColumns(sh.Header, map[string]string{"omschrijving": "Q"}); err == nil {
		t.Fatal("column Q accepted")
	}
}

// TestImportActionsProblems: every bad row is reported with its line and reason, and nothing is
// imported, not even the good rows.
func TestImportActionsProblems(t *testing.T) {
	ctx := context.Background()
	s, b := importBody(t)
	text := "actie;wie;datum;status\n" +
		"Goed;Piet;01-02-2025;open\n" +
		";Piet;;\n" +
		"Zonder eigenaar;;;\n" +
		"Onbekende;Klaas;;\n" +
		"Dubbel;Jan;;\n" +
		"Datum;Piet;31-02-2025;\n" +
		"Status;Piet;;misschien\n"
	sh, err := ReadActionSheet(writeFile(t, "acties.csv", []byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := DetectColumns(sh.Header, nil)
	imp, err := s.PrepareActionImport(ctx, b.ID, sh, cols, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []ImportProblem{
		{3, "omschrijving ontbreekt"},
		{4, "eigenaar ontbreekt"},
		{5, `eigenaar "Klaas" is geen lid, niet de bestuurder en niet de AS`},
		{6, `eigenaar "Jan" past op meer leden: Jan Bakker, Jan Smit`},
		{7, `datum "31-02-2025" is geen datum (gebruik bijvoorbeeld 28-01-2025)`},
		{8, `status "misschien" onbekend (gebruik open, bezig, gereed of vervallen)`},
	}
	if len(imp.Problems) != len(want) {
		t.Fatalf("problems %+v", imp.Problems)
	}
	for i, p := range want {
		if imp.Problems[i] != p {
			t.Errorf("problem %d: %+v, want %+v", i, imp.Problems[i], p)
		}
	}
	if _, err := s.ImportActions(ctx, imp); err == nil || !strings.Contains(err.Error(), "er is niets geïmporteerd") {
		t.Fatalf("import with problems: %v", err)
	}
	if countRows(t, s, "actions") != 0 {
		t.Fatal("half imported")
	}
	// With free owners Klaas is accepted as written; the other problems remain.
	imp, _ = s.PrepareActionImport(ctx, b.ID, sh, cols, ImportOptions{FreeOwners: true})
	if len(imp.Problems) != 4 {
		t.Fatalf("free owners %+v", imp.Problems)
	}
	if _, err := s.ImportActions(ctx, ActionImport{}); err == nil {
		t.Fatal("empty import accepted")
	}
}

func TestReadActionSheetRefusals(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		data       []byte
	}{
		{"leeg.csv", "is leeg", []byte("\n\n")},
		{"oud.xls", "oud Excel-bestand", []byte("x")},
		{"kapot.xlsx", "geen leesbaar Excel-bestand", []byte("PK no zip")},
	} {
		_, err := ReadActionSheet(writeFile(t, tc.name, tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	if _, err := ReadActionSheet(filepath.Join(t.TempDir(), "nergens.csv")); err == nil {
		t.Fatal("missing file read")
	}
}

func TestParseSheetDate(t *testing.T) {
	for in, want := range map[string]string{
		"28-01-2025": "2025-01-28", "28/1/2025": "2025-01-28", "28.01.25": "2025-01-28", "2025-01-28": "2025-01-28",
		"45685": "2025-01-28", "45685.5": "2025-01-28",
	} {
		d, err := parseSheetDate(in)
		if err != nil || d.String() != want {
			t.Errorf("%q: %v %v", in, d, err)
		}
	}
	for _, in := range []string{"morgen", "12", "28.01", "31-02-2025"} {
		if _, err := parseSheetDate(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}
