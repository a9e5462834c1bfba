package common

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
)

// Window is the loaded part of a list that is paged from the database, and the load on its way, so that
// moving on while a page loads does not ask for it again. The view keeps the cursor (its list may have
// rows before the paged ones, as the open dossiers come before the closed) and the sequence number of its
// loads (a whole reload brings a page too), and asks the window which page the screen needs.
type Window[T any] struct {
	model.Page[T]
	// Size is how many rows one load reads for a screen of rows rows: a few screens, so scrolling asks
	// the database again only every few screens and a long list is never read at once.
	Size func(rows int) int

	// loading says a page is on its way: size rows from off.
	loading   bool
	off, size int
}

// PageSize is the usual Size of a Window: a load reads at least least rows, and four screens when the
// screen is tall.
func PageSize(least int) func(rows int) int {
	return func(rows int) int { return max(least, 4*rows) }
}

// margin is how many rows either side of the screen must be loaded too, so the next ones are there
// before the cursor reaches them: a screen, unless a page cannot hold that much.
func (w *Window[T]) margin(rows int) int { return max(min(rows, (w.Size(rows)-rows)/2), 0) }

// Around is the page to load for the screen of rows rows from row top: centred on the screen, inside the
// list. It counts as on its way.
func (w *Window[T]) Around(top, rows int) (off, size int) {
	size = w.Size(rows)
	off = model.PageStart(top+rows/2, size, w.Total)
	w.loading, w.off, w.size = true, off, size
	return off, size
}

// Want says which page to load for the screen of rows rows from row top, when the rows on screen, or a
// margin either side, are neither loaded nor on their way; that page then counts as on its way. It never
// asks again for the page it holds (a screen taller than a page can be).
func (w *Window[T]) Want(top, rows int) (off, size int, ok bool) {
	n := w.margin(rows)
	from, to := top-n, top+rows+n
	if w.Covers(from, to) {
		return 0, 0, false
	}
	if w.loading && max(from, 0) >= w.off && min(to, w.Total) <= w.off+w.size {
		return 0, 0, false // on its way
	}
	size = w.Size(rows)
	off = model.PageStart(top+rows/2, size, w.Total)
	if off == w.Offset && len(w.Rows) == min(size, w.Total-off) {
		return 0, 0, false
	}
	w.loading, w.off, w.size = true, off, size
	return off, size, true
}

// Ensure returns load(off, size), the command that reads the page Want asks for, or nil when it asks for
// none.
func (w *Window[T]) Ensure(top, rows int, load func(off, size int) tea.Cmd) tea.Cmd {
	off, size, ok := w.Want(top, rows)
	if !ok {
		return nil
	}
	return load(off, size)
}

// Loaded takes the answer to load seq when that is the latest load, latest: its page, or its error
// (shown by cmd). It says whether it took a page; an answer to an older load is dropped.
func (w *Window[T]) Loaded(seq, latest int, p model.Page[T], err error) (ok bool, cmd tea.Cmd) {
	switch {
	case seq != latest:
		return false, nil
	case err != nil:
		w.Forget()
		return false, Error(err)
	}
	w.Set(p)
	return true, nil
}

// Set takes a loaded page: nothing is on its way any more.
func (w *Window[T]) Set(p model.Page[T]) { w.Page, w.loading = p, false }

// Forget counts no page as on its way: the last load failed, or where its page lands is not known.
func (w *Window[T]) Forget() { w.loading = false }
