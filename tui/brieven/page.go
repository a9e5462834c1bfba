package brieven

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
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

func (m *Model) pageLoaded(msg pageMsg) tea.Cmd {
	if ok, cmd := m.list.Loaded(msg.seq, m.pageSeq, msg.page, msg.err); !ok {
		return cmd
	}
	m.listCur.Clamp(m.list.Total, m.listRows())
	return m.ensurePage()
}

// ensurePage loads the letters around the cursor when the rows on screen, or a screen more on either
// side, are not all loaded: the next ones are there before the cursor reaches them.
func (m *Model) ensurePage() tea.Cmd {
	if m.body.ID == 0 {
		return nil
	}
	return m.list.Ensure(m.listCur.Offset, m.listRows(), m.readPage)
}

// readPage reads size letters from off; answers to older reads are dropped.
func (m *Model) readPage(off, size int) tea.Cmd {
	m.pageSeq++
	st, body, seq := m.st, m.body.ID, m.pageSeq
	return func() tea.Msg { return loadPage(context.Background(), st, body, seq, off, size) }
}

// selected is the letter under the cursor, when its window is loaded.
func (m *Model) selected() (letter.Letter, bool) {
	return m.list.At(m.listCur.Index)
}
