package agenda

import (
	"context"
	"errors"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
)

// pageSize is how many meetings one load reads at least (four screens when the screen is tall): scrolling
// asks the database again only every few screens, and ten years of meetings are never loaded at once.
const pageSize = 100

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
	if ok, cmd := m.list.Loaded(msg.seq, m.pageSeq, msg.page.Page, msg.err); !ok {
		return cmd
	}
	m.late, m.next = msg.page.Late, msg.page.Next
	if msg.focus >= 0 {
		m.listCur.Index = msg.focus
	}
	m.listCur.Clamp(m.list.Total, m.listRows())
	return m.ensurePage()
}

// ensurePage loads the meetings around the cursor when the rows on screen, or a screen more on either
// side, are not all loaded: the next ones are there before the cursor reaches them.
func (m *Model) ensurePage() tea.Cmd {
	if m.body.ID == 0 {
		return nil
	}
	return m.list.Ensure(m.listCur.Offset, m.listRows(), func(off, size int) tea.Cmd {
		m.pageSeq++
		return loadPage(m.st, m.body.ID, m.today(), window{seq: m.pageSeq, off: off, size: size})
	})
}
