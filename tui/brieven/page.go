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

// size is how many letters one load reads for a screen of rows rows.
func size(rows int) int { return max(pageSize, 4*rows) }

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

func (m *Model) pageLoaded(msg pageMsg) tea.Cmd {
	if msg.seq != m.pageSeq {
		return nil
	}
	if msg.err != nil {
		m.list.Forget()
		return common.Error(msg.err)
	}
	m.list.Set(msg.page)
	m.listCur.Clamp(m.list.Total, m.listRows())
	return m.ensurePage()
}

// ensurePage loads the window around the cursor when the rows on screen, or a screen more on either side,
// are not all loaded: the next window is there before the cursor reaches it.
func (m *Model) ensurePage() tea.Cmd {
	if m.body.ID == 0 {
		return nil
	}
	off, size, ok := m.list.Want(m.listCur.Offset, m.listRows())
	if !ok {
		return nil
	}
	m.pageSeq++
	st, body, seq := m.st, m.body.ID, m.pageSeq
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
