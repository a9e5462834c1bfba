package archief

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/golden"
)

// searchStore is an archive with documents about a few subjects, the matches deep in a long text.
func searchView(t *testing.T) *Model {
	st := newStore(t, 0)
	dossier := st.AddDossier(1, "Reorganisatie FD")
	long := strings.Repeat("Over de planning en de begroting van volgend jaar is nog niets besloten. ", 25)
	for i, d := range []model.Document{
		{Title: "Adviesaanvraag reorganisatie facilitaire dienst", Type: model.DocBriefIn, Date: model.NewDate(2025, 9, 12),
			Text: "De voorgenomen reorganisatie van de facilitaire dienst raakt 42 medewerkers.", DossierID: dossier.ID, DossierTitle: dossier.Title},
		{Title: "Advies OR reorganisatie facilitaire dienst", Type: model.DocBriefUit, Date: model.NewDate(2025, 10, 24),
			Text: "De OR adviseert negatief over de reorganisatie, omdat de gevolgen onduidelijk zijn.", DossierID: dossier.ID, DossierTitle: dossier.Title},
		{Title: "Verslag overlegvergadering 10 oktober", Type: model.DocVerslag, Date: model.NewDate(2025, 10, 10), Confidential: true,
			Text: long + "Toelichting op de reorganisatie door de bestuurder.\n\n" + long + "Na de reorganisatie volgt een evaluatie."},
		{Title: "Werkdruk", Type: model.DocNotitie, Date: model.NewDate(2024, 1, 5), Text: "Roosters en werkdruk."},
	} {
		d.BodyID, d.FileName, d.Size = 1, "stuk.txt", int64(100*(i+1))
		st.ArchiveDocument(d)
	}
	return newView(t, st, false)
}

func TestSearchAsYouType(t *testing.T) {
	m := searchView(t)
	press(m, "/")
	if !m.Capturing() || !m.srch.focused {
		t.Fatal("/ does not focus the search box")
	}
	golden.Assert(t, "search_empty", m.View())
	for _, k := range strings.Split("reorg", "") {
		press(m, k)
	}
	if m.srch.text != "reorg" || m.srch.total() != 3 || m.srch.res.Hits[0].Title != "Adviesaanvraag reorganisatie facilitaire dienst" {
		t.Fatalf("after typing: %q %d %+v", m.srch.text, m.srch.total(), m.srch.res.Hits)
	}
	// An answer to an older keystroke, arriving late, is dropped.
	m.Update(searchMsg{seq: m.srch.seq - 1, res: model.SearchResult{Hits: []model.SearchHit{{Title: "oud"}}, Count: 1}})
	if m.srch.res.Hits[0].Title == "oud" {
		t.Fatal("stale result shown")
	}
	golden.Assert(t, "search_results", m.View())
	// The filters as keys: ctrl+t cycles the type while typing, r sorts by date once the box is left.
	press(m, "ctrl+t")
	if m.srch.text != "reorg type:brief-in" || m.srch.total() != 1 {
		t.Fatalf("type filter: %q %d", m.srch.text, m.srch.total())
	}
	press(m, "esc")
	if m.srch.focused || !m.srch.active {
		t.Fatal("esc with hits should leave the box, not the search")
	}
	press(m, "t", "t", "r")
	if m.srch.text != "reorg type:verslag" || !m.srch.byDate || m.srch.total() != 1 {
		t.Fatalf("type verslag by date: %q %v %d", m.srch.text, m.srch.byDate, m.srch.total())
	}
	golden.Assert(t, "search_filtered", m.View())
	press(m, "esc")
	if m.srch.active || m.Capturing() {
		t.Fatal("esc did not close the search")
	}
}

func TestSearchOpensDocumentWithMatches(t *testing.T) {
	m := searchView(t)
	press(m, "/")
	typeText(m, "reorganisatie")
	press(m, "down", "down", "enter")
	if m.mode != modeDoc || m.doc.Title != "Verslag overlegvergadering 10 oktober" {
		t.Fatalf("opened %q in mode %d", m.doc.Title, m.mode)
	}
	if len(m.matches) != 2 {
		t.Fatalf("matches on lines %v", m.matches)
	}
	// The first match is below the fold: the view starts there.
	if m.text.YOffset != m.matches[0]-2 || !strings.Contains(m.View(), "»reorganisatie«") {
		t.Fatalf("offset %d, matches %v\n%s", m.text.YOffset, m.matches, m.View())
	}
	golden.Assert(t, "search_document", m.View())
	press(m, "n")
	if m.text.YOffset != min(m.matches[1]-2, m.text.TotalLineCount()-m.text.Height) || !strings.Contains(m.View(), "treffer 2 van 2") {
		t.Fatalf("n: offset %d, matches %v", m.text.YOffset, m.matches)
	}
	press(m, "N")
	if !strings.Contains(m.View(), "treffer 1 van 2") {
		t.Fatalf("N:\n%s", m.View())
	}
	press(m, "esc")
	if m.mode != modeList || !m.srch.active || m.srch.cur.Index != 2 {
		t.Fatal("esc should return to the hits")
	}
	// A document opened from the plain list has nothing marked.
	press(m, "esc", "enter")
	if m.mode != modeDoc || len(m.matches) != 0 || strings.Contains(m.View(), "»") {
		t.Fatalf("plain open marked matches: %v", m.matches)
	}
}

func TestSearchPastesAndTypesFast(t *testing.T) {
	m := searchView(t)
	press(m, "/")
	// Fast typing arrives as one message with several runes: all of it is query text, none a command.
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("werkdruk tr")})
	if m.srch.input.Value() != "werkdruk tr" || m.srch.typeIdx != 0 || m.srch.byDate {
		t.Fatalf("typed %q, type %d, by date %v", m.srch.input.Value(), m.srch.typeIdx, m.srch.byDate)
	}
	st := m.st.(interface{ Searches() []string })
	if n := len(st.Searches()); n > 1 {
		t.Fatalf("%d searches before the answer", n)
	}
}
