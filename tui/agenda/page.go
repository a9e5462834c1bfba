package agenda

import (
	"context"
	"errors"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// pageSize is how many meetings one load reads at least (four screens when the screen is tall): scrolling
// asks the database again only every few screens, and ten years of meetings are never loaded at once.
const pageSize = 100

// size is how many meetings one load reads for a screen of rows rows.
func size(rows int) int { return max(pageSize, 4*rows) }

// window is one load of the list: the rows from off, or, when focus is set, the rows around that meeting
// wherever a save put it.
type window struct {
	seq   int
	off   int
	size  int
	focus int64
}

// pageMsg is a loaded window. focus is the focused meeting's place in the list, -1 for none.
type pageMsg struct {
	seq   int
	page  model.MeetingPage
	focus int
	err   error
}

func (w window) load(ctx context.Context, st Store, bodyID int64, today model.Date) pageMsg {
	msg := pageMsg{seq: w.seq, focus: -1}
	off := w.off
	if w.focus != 0 {
		pos, err := st.MeetingPosition(ctx, bodyID, today, w.focus)
		switch {
		case err == nil:
			msg.focus, off = pos, pos-w.size/2
		case !errors.Is(err, model.ErrNotFound):
			msg.err = err
			return msg
		}
	}
	msg.page, msg.err = st.MeetingPage(ctx, bodyID, today, max(off, 0), w.size)
	return msg
}

func loadPage(st Store, bodyID int64, today model.Date, w window) tea.Cmd {
	return func() tea.Msg { return w.load(context.Background(), st, bodyID, today) }
}

// window numbers a new load of the rows around the cursor (or around focus); answers to older ones are
// dropped.
func (m *Model) window(focus int64) window {
	m.pageSeq++
	w := window{seq: m.pageSeq, focus: focus}
	w.off, w.size = m.list.Around(m.listCur.Offset, m.listRows())
	if focus != 0 {
		m.list.Forget() // where it lands is not known yet
	}
	return w
}

func (m *Model) pageLoaded(msg pageMsg) tea.Cmd {
	if msg.seq != m.pageSeq {
		return nil
	}
	if msg.err != nil {
		m.list.Forget()
		return common.Error(msg.err)
	}
	m.list.Set(msg.page.Page)
	m.late, m.next = msg.page.Late, msg.page.Next
	if msg.focus >= 0 {
		m.listCur.Index = msg.focus
	}
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
	return loadPage(m.st, m.body.ID, m.today(), window{seq: m.pageSeq, off: off, size: size})
}

// moveList moves the list cursor by delta rows and loads what the screen will need.
func (m *Model) moveList(delta int) tea.Cmd {
	m.listCur.Move(delta, m.list.Total, m.listRows())
	return m.ensurePage()
}
