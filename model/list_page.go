package model

// Page is one window of a list that is paged from the database: Rows are the list's rows from Offset on,
// and Total is how many rows the whole list has, so a view can show the count and scroll past the window
// without ever holding every row.
type Page[T any] struct {
	Offset int
	Total  int
	Rows   []T
}

// At is row i of the whole list, when the page holds it.
func (p Page[T]) At(i int) (T, bool) {
	var zero T
	i -= p.Offset
	if i < 0 || i >= len(p.Rows) {
		return zero, false
	}
	return p.Rows[i], true
}

// Covers says whether every row of [from, to) that exists is in the page.
func (p Page[T]) Covers(from, to int) bool {
	from, to = max(from, 0), min(to, p.Total)
	return from >= to || from >= p.Offset && to <= p.Offset+len(p.Rows)
}

// PageStart is where a page of size rows starts so that row i sits in its middle, within a list of total
// rows.
func PageStart(i, size, total int) int {
	return min(max(i-size/2, 0), max(total-size, 0))
}

// MeetingPage is a window of a body's meeting list with what the list says about all of it.
type MeetingPage struct {
	Page[MeetingRow]
	// Late counts the meetings of the whole list whose agenda is or went out late.
	Late int
	// Next is the first upcoming meeting that is neither held nor cancelled (zero when there is none): where
	// a parked topic goes when no agenda is open.
	Next Meeting
}
