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

// closedLoaded takes a window of closed dossiers and works out their terms (theirs only).
func (m *Model) closedLoaded(msg pageMsg) {
	m.pending = -1
	m.closed = msg.page
	m.closedR = m.closedR[:0]
	for _, d := range msg.page.Rows {
		m.closedR = append(m.closedR, m.rowOf(d))
	}
}

// window numbers a new load of the closed dossiers around the screen and returns where it starts in the
// closed run and how many it reads; answers to older loads are dropped.
func (m *Model) window() (seq, off, size int) {
	m.pageSeq++
	from, to := m.need()
	m.pendingSize = max(pageSize, 4*m.listRows())
	m.pending = model.PageStart((from+to)/2, m.pendingSize, m.closed.Total)
	return m.pageSeq, m.pending, m.pendingSize
}

// need is the part of the closed run that should be loaded: its rows on screen and a screen more on
// either side.
func (m *Model) need() (from, to int) {
	n := m.listRows()
	return m.cur.Offset - n - len(m.open), m.cur.Offset + 2*n - len(m.open)
}

// ensurePage loads the closed dossiers around the cursor when the rows on screen, or a screen more on
// either side, are not all loaded: the next window is there before the cursor reaches it.
func (m *Model) ensurePage() tea.Cmd {
	if !m.loaded || statusFilters[m.status] == dossier.StatusOpen {
		return nil
	}
	from, to := m.need()
	if m.closed.Covers(from, to) {
		return nil
	}
	if m.pending >= 0 && max(from, 0) >= m.pending && min(to, m.closed.Total) <= m.pending+m.pendingSize {
		return nil // on its way
	}
	var body int64
	if !m.allBodies {
		body = m.activeBody().ID
	}
	f := dossier.Filter{BodyID: body, Kind: m.kindFilter()}
	st := m.st
	seq, off, size := m.window()
	return func() tea.Msg { return loadClosed(context.Background(), st, f, seq, off, size) }
}

// moveList moves the list cursor by delta rows and loads what the screen will need.
func (m *Model) moveList(delta int) tea.Cmd {
	m.cur.Move(delta, m.total(), m.listRows())
	return m.ensurePage()
}
