package acties

import (
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// pageSize is how many rows one load reads: a few screens, so scrolling asks the database again only
// every few screens, and ten years of actions are never loaded at once.
const pageSize = 100

// window is a list paged from the database (the actielijst, the besluitenlijst): the rows around the
// cursor, the cursor over the whole list, and the load on its way.
type window[T any] struct {
	model.Page[T]
	cur common.Cursor
	// pending is where the page on its way starts; -1 when none is.
	pending int
}

func newWindow[T any]() window[T] { return window[T]{pending: -1} }

// selected is the row under the cursor, when its page is loaded.
func (w *window[T]) selected() (T, bool) { return w.At(w.cur.Index) }

// set takes a loaded page; focus is the position the cursor goes to (-1: it stays where it is).
func (w *window[T]) set(p model.Page[T], focus, rows int) {
	w.Page, w.pending = p, -1
	if focus >= 0 {
		w.cur.Index = focus
	}
	w.cur.Clamp(w.Total, rows)
}

// move shifts the cursor by delta rows within the whole list.
func (w *window[T]) move(delta, rows int) { w.cur.Move(delta, w.Total, rows) }

// reset puts the cursor on the first row (a new filter).
func (w *window[T]) reset() { w.cur = common.Cursor{} }

// want says where to load a page when the rows on screen, or a screen more on either side, are not all
// loaded and not on their way: the next rows are there before the cursor reaches them.
func (w *window[T]) want(rows int) (int, bool) {
	from, to := w.cur.Offset-rows, w.cur.Offset+2*rows
	if w.Covers(from, to) {
		return 0, false
	}
	if w.pending >= 0 && max(from, 0) >= w.pending && min(to, w.Total) <= w.pending+pageSize {
		return 0, false // on its way
	}
	w.pending = model.PageStart(w.cur.Index, pageSize, w.Total)
	return w.pending, true
}

// around is the request for a fresh page around the cursor, or around focus when it is set.
func (w *window[T]) around(focus int64) model.PageRequest {
	w.pending = model.PageStart(w.cur.Index, pageSize, w.Total)
	return model.PageRequest{Offset: w.pending, Limit: pageSize, Focus: focus}
}
