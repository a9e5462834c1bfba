package dossiers

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
)

// pageSize is how many closed dossiers one load reads at least (four screens when the screen is tall).
const pageSize = 100

// pageMsg is a loaded window of the closed dossiers.
type pageMsg struct {
	seq  int
	page model.Page[dossier.Dossier]
	err  error
}

// loadClosed reads a window of the closed dossiers of f.
func loadClosed(ctx context.Context, st Store, f dossier.Filter, seq, off, size int) pageMsg {
	f.Status = dossier.StatusClosed
	p, err := st.DossierPage(ctx, f, off, size)
	return pageMsg{seq: seq, page: p, err: err}
}

// total is the length of the whole list: the open dossiers and every closed one, loaded or not.
func (m *Model) total() int { return len(m.open) + m.closed.Total }

// rowAt is row i of the whole list, when it is loaded.
func (m *Model) rowAt(i int) (row, bool) {
	if i >= 0 && i < len(m.open) {
		return m.open[i], true
	}
	j := i - len(m.open) - m.closed.Offset
	if j < 0 || j >= len(m.closedR) {
		return row{}, false
	}
	return m.closedR[j], true
}

// closedTerms works out the terms of the loaded window of closed dossiers (theirs only).
func (m *Model) closedTerms() {
	m.closedR = m.closedR[:0]
	for _, d := range m.closed.Rows {
		m.closedR = append(m.closedR, m.rowOf(d))
	}
}

// closedTop is where the screen starts in the closed run: negative while open dossiers show above it.
func (m *Model) closedTop() int { return m.cur.Offset - len(m.open) }

// ensurePage loads the closed dossiers around the cursor when the rows on screen, or a screen more on
// either side, are not all loaded: the next window is there before the cursor reaches it.
func (m *Model) ensurePage() tea.Cmd {
	if !m.loaded || statusFilters[m.status] == dossier.StatusOpen {
		return nil
	}
	off, size, ok := m.closed.Want(m.closedTop(), m.listRows())
	if !ok {
		return nil
	}
	var body int64
	if !m.allBodies {
		body = m.activeBody().ID
	}
	f := dossier.Filter{BodyID: body, Kind: m.kindFilter()}
	m.pageSeq++
	st, seq := m.st, m.pageSeq
	return func() tea.Msg { return loadClosed(context.Background(), st, f, seq, off, size) }
}
