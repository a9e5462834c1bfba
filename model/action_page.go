package model

// PageRequest asks for one window of a long list (the actielijst, the besluitenlijst): Limit rows
// from Offset. Focus, when set, names a row that must be in the window wherever it stands now (an
// action just saved moves when its date changes): the window is then centred on it.
type PageRequest struct {
	Offset int
	Limit  int
	Focus  int64
}

// Page limits: a screen holds a few hundred rows around the cursor, never the whole list.
const (
	DefaultPageLimit = 100
	MaxPageLimit     = 1000
)

// Size is the number of rows to fetch: Limit, or DefaultPageLimit when it is not positive, at most
// MaxPageLimit.
func (r PageRequest) Size() int {
	if r.Limit <= 0 {
		return DefaultPageLimit
	}
	return min(r.Limit, MaxPageLimit)
}

// Start is where the window begins in a list of total rows. focus is the position of r.Focus in the
// list, or -1 when there is none or it is not in the list; a focus centres the window on it. The
// window always lies inside the list, and is full whenever the list is long enough.
func (r PageRequest) Start(total, focus int) int {
	if focus >= 0 {
		return PageStart(focus, r.Size(), total)
	}
	return min(max(r.Offset, 0), max(total-r.Size(), 0))
}

// ActionPage is one window of the actielijst.
type ActionPage struct {
	Page[Action]
	// Late counts the actions of the whole list that are late on the day asked.
	Late int `json:"late"`
	// Focus is the position of the request's focus action in the whole list; -1 when it is not in it.
	Focus int `json:"focus"`
}

// DecisionPage is one window of the besluitenlijst.
type DecisionPage struct {
	Page[Decision]
	// Focus is the position of the request's focus decision in the whole list; -1 when it is not in it.
	Focus int `json:"focus"`
}

// Cut takes the window r asks for out of a whole sorted list; focus is the index of r.Focus in it
// (or -1). For in-memory lists (fakes, tests) that must answer as the database does.
func Cut[T any](list []T, r PageRequest, focus int) Page[T] {
	off := r.Start(len(list), focus)
	end := min(off+r.Size(), len(list))
	return Page[T]{Offset: off, Total: len(list), Rows: append([]T{}, list[off:end]...)}
}
