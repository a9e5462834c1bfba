package brieven

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// pageSize is how many letters one load reads at least (four screens when the screen is tall): scrolling
// asks the database again only every few screens, and years of letters are never loaded at once.
const pageSize = 100

// pageMsg is a loaded window of the list.
type pageMsg struct {
	seq  int
	page model.Page[letter.Letter]
	err  error
}

func loadPage(ctx context.Context, st Store, bodyID int64, seq, off, size int) pageMsg {
	p, err := st.LetterPage(ctx, bodyID, off, size)
	return pageMsg{seq: seq, page: p, err: err}
}

// window numbers a new load of the rows around the screen and returns where it starts and how many rows
// it reads; answers to older loads are dropped.
func (m *Model) window() (seq, off, size int) {
	m.pageSeq++
	from, to := m.need()
	m.pendingSize = max(pageSize, 4*m.listRows())
	m.pending = model.PageStart((from+to)/2, m.pendingSize, m.list.Total)
	return m.pageSeq, m.pending, m.pendingSize
}

// need is the part of the list that should be loaded: the rows on screen and a screen more on either side.
func (m *Model) need() (from, to int) {
	n := m.listRows()
	return m.listCur.Offset - n, m.listCur.Offset + 2*n
}

func (m *Model) pageLoaded(msg pageMsg) tea.Cmd {
	if msg.seq != m.pageSeq {
		return nil
	}
	m.pending = -1
	if msg.err != nil {
		return common.Error(msg.err)
	}
	m.list = msg.page
	m.listCur.Clamp(m.list.Total, m.listRows())
	return m.ensurePage()
}

// ensurePage loads the window around the cursor when the rows on screen, or a screen more on either side,
// are not all loaded: the next window is there before the cursor reaches it.
func (m *Model) ensurePage() tea.Cmd {
	if m.body.ID == 0 {
		return nil
	}
	from, to := m.need()
	if m.list.Covers(from, to) {
		return nil
	}
	if m.pending >= 0 && max(from, 0) >= m.pending && min(to, m.list.Total) <= m.pending+m.pendingSize {
		return nil // on its way
	}
	st, body := m.st, m.body.ID
	seq, off, size := m.window()
	return func() tea.Msg { return loadPage(context.Background(), st, body, seq, off, size) }
}

// moveList moves the list cursor by delta rows and loads what the screen will need.
func (m *Model) moveList(delta int) tea.Cmd {
	m.listCur.Move(delta, m.list.Total, m.listRows())
	return m.ensurePage()
}

// selected is the letter under the cursor, when its window is loaded.
func (m *Model) selected() (letter.Letter, bool) {
	return m.list.At(m.listCur.Index)
}
