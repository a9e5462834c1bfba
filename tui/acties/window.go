package acties

import (
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// pageSize is how many rows one load reads at least: a few screens, so scrolling asks the database again
// only every few screens, and ten years of actions are never loaded at once. A tall screen reads four
// screens' worth.
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

// size is how many rows a load reads for a screen of rows rows; margin is how many rows either side of
// the screen must be loaded too, so the next ones are there before the cursor reaches them.
func size(rows int) int   { return min(max(pageSize, 4*rows), model.MaxPageLimit) }
func margin(rows int) int { return max(min(rows, (size(rows)-rows)/2), 0) }

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

// start is where the page for the screen starts: centred on the screen, inside the list.
func (w *window[T]) start(rows int) int {
	return model.PageStart(w.cur.Offset+rows/2, size(rows), w.Total)
}

// want says where to load a page when the rows on screen, or a margin either side, are not all loaded
// and not on their way. It never asks again for the page it holds.
func (w *window[T]) want(rows int) (int, bool) {
	n := margin(rows)
	from, to := w.cur.Offset-n, w.cur.Offset+rows+n
	if w.Covers(from, to) {
		return 0, false
	}
	if w.pending >= 0 && max(from, 0) >= w.pending && min(to, w.Total) <= w.pending+size(rows) {
		return 0, false // on its way
	}
	start := w.start(rows)
	if start == w.Offset && len(w.Rows) == min(size(rows), w.Total-start) {
		return 0, false // the screen is taller than a page can be
	}
	w.pending = start
	return start, true
}

// around is the request for a fresh page around the screen, or around focus when it is set.
func (w *window[T]) around(rows int, focus int64) model.PageRequest {
	w.pending = w.start(rows)
	return model.PageRequest{Offset: w.pending, Limit: size(rows), Focus: focus}
}
