package acties

import (
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// pageSize is how many rows one load reads at least: a few screens, so scrolling asks the database again
// only every few screens, and ten years of actions are never loaded at once. A tall screen reads four
// screens' worth.
const pageSize = 100

// size is how many rows a load reads for a screen of rows rows, at most what the store reads at once.
func size(rows int) int { return min(max(pageSize, 4*rows), model.MaxPageLimit) }

// window is a list paged from the database (the actielijst, the besluitenlijst): the rows around the
// cursor and the load on its way, and the cursor over the whole list.
type window[T any] struct {
	common.Window[T]
	cur common.Cursor
}

func newWindow[T any]() window[T] { return window[T]{Window: common.Window[T]{Size: size}} }

// selected is the row under the cursor, when its page is loaded.
func (w *window[T]) selected() (T, bool) { return w.At(w.cur.Index) }

// set takes a loaded page; focus is the position the cursor goes to (-1: it stays where it is).
func (w *window[T]) set(p model.Page[T], focus, rows int) {
	w.Set(p)
	if focus >= 0 {
		w.cur.Index = focus
	}
	w.cur.Clamp(w.Total, rows)
}

// reset puts the cursor on the first row (a new filter).
func (w *window[T]) reset() { w.cur = common.Cursor{} }

// want is the request for the page the screen needs, when it is neither loaded nor on its way.
func (w *window[T]) want(rows int) (model.PageRequest, bool) {
	off, n, ok := w.Want(w.cur.Offset, rows)
	return model.PageRequest{Offset: off, Limit: n}, ok
}

// around is the request for a fresh page around the screen, or around focus when it is set.
func (w *window[T]) around(rows int, focus int64) model.PageRequest {
	off, n := w.Around(w.cur.Offset, rows)
	return model.PageRequest{Offset: off, Limit: n, Focus: focus}
}
