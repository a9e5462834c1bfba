package common

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
)

// page is rows [off, off+n) of a list of total rows, each row its own position.
func page(off, n, total int) model.Page[int] {
	p := model.Page[int]{Offset: off, Total: total}
	for i := off; i < off+n && i < total; i++ {
		p.Rows = append(p.Rows, i)
	}
	return p
}

func size100(rows int) int { return max(100, 4*rows) }

// TestWindowWant: a page is asked for only when the rows on screen and a screen either side are not
// loaded and not on their way, and it is centred on the screen inside the list.
func TestWindowWant(t *testing.T) {
	for _, tc := range []struct {
		name    string
		held    model.Page[int]
		pending [2]int // off, size of a load on its way; size 0: none
		top     int
		rows    int
		size    func(int) int
		off, n  int
		want    bool
	}{
		{name: "empty list", held: page(0, 0, 0), rows: 20, size: size100},
		{name: "screen and margins loaded", held: page(0, 100, 500), top: 60, rows: 20, size: size100},
		{name: "short list all loaded", held: page(0, 30, 30), top: 10, rows: 20, size: size100},
		{name: "margin below missing", held: page(0, 100, 500), top: 61, rows: 20, size: size100, off: 21, n: 100, want: true},
		{name: "margin above missing", held: page(200, 100, 500), top: 210, rows: 20, size: size100, off: 170, n: 100, want: true},
		{name: "far past the page", held: page(0, 100, 500), top: 480, rows: 20, size: size100, off: 400, n: 100, want: true},
		{name: "on its way", held: page(0, 100, 500), top: 61, rows: 20, size: size100, pending: [2]int{21, 100}},
		{name: "another one on its way", held: page(0, 100, 500), top: 300, rows: 20, size: size100, pending: [2]int{21, 100}, off: 260, n: 100, want: true},
		{name: "tall screen reads four screens", held: page(0, 200, 1000), top: 190, rows: 50, size: size100, off: 115, n: 200, want: true},
		{name: "taller than a page can be", held: page(25, 100, 500), top: 0, rows: 150, size: func(int) int { return 100 }},
		{name: "rows before the page", held: page(0, 100, 500), top: -4, rows: 20, size: size100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := Window[int]{Page: tc.held, Size: tc.size}
			if tc.pending[1] > 0 {
				w.loading, w.off, w.size = true, tc.pending[0], tc.pending[1]
			}
			off, n, ok := w.Want(tc.top, tc.rows)
			if ok != tc.want || off != tc.off || n != tc.n {
				t.Fatalf("Want(%d, %d) = %d, %d, %v; want %d, %d, %v", tc.top, tc.rows, off, n, ok, tc.off, tc.n, tc.want)
			}
		})
	}
}

// TestWindowLoads: a page asked for is not asked for again while it is on its way; once it is there or
// failed, the window asks again only when the screen needs it.
func TestWindowLoads(t *testing.T) {
	w := Window[int]{Page: page(0, 100, 500), Size: size100}
	if _, _, ok := w.Want(200, 20); !ok {
		t.Fatal("no load for rows far past the page")
	}
	if _, _, ok := w.Want(201, 20); ok {
		t.Fatal("asked again for the page on its way")
	}
	w.Forget()
	off, n, ok := w.Want(201, 20)
	if !ok {
		t.Fatal("no load after the last one failed")
	}
	w.Set(page(off, n, 500))
	if _, _, ok := w.Want(201, 20); ok {
		t.Fatal("asked again for the page that is there")
	}
	if off, n := w.Around(0, 20); off != 0 || n != 100 {
		t.Fatalf("Around(0, 20) = %d, %d", off, n)
	}
	if _, _, ok := w.Want(0, 20); ok {
		t.Fatal("asked again for the page Around asked for")
	}
}

// TestListKeysMove: the navigation keys move the cursor by a row, a screen or the whole list, and the
// cursor stops at either end; other keys leave it.
func TestListKeysMove(t *testing.T) {
	k := ListKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k")),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		PageUp:   key.NewBinding(key.WithKeys("pgup")),
		PageDown: key.NewBinding(key.WithKeys("pgdown")),
		Top:      key.NewBinding(key.WithKeys("home", "g")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G")),
	}
	const rows, total = 10, 35
	for _, tc := range []struct {
		key   tea.KeyMsg
		from  int
		ok    bool
		index int
	}{
		{tea.KeyMsg{Type: tea.KeyDown}, 5, true, 6},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("k")}, 5, true, 4},
		{tea.KeyMsg{Type: tea.KeyUp}, 0, true, 0},
		{tea.KeyMsg{Type: tea.KeyDown}, 34, true, 34},
		{tea.KeyMsg{Type: tea.KeyPgDown}, 12, true, 22},
		{tea.KeyMsg{Type: tea.KeyPgDown}, 30, true, 34},
		{tea.KeyMsg{Type: tea.KeyPgUp}, 3, true, 0},
		{tea.KeyMsg{Type: tea.KeyHome}, 20, true, 0},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")}, 2, true, 34},
		{tea.KeyMsg{Type: tea.KeyEnter}, 7, false, 7},
	} {
		c := Cursor{Index: tc.from}
		ok := k.Move(tc.key, &c, rows, total)
		if ok != tc.ok || c.Index != tc.index {
			t.Errorf("%s from %d: %v to %d; want %v to %d", tc.key, tc.from, ok, c.Index, tc.ok, tc.index)
		}
	}
}

// TestWindowLoaded: only the answer to the latest load is taken; an older one is dropped, and a failed
// one leaves nothing on its way.
func TestWindowLoaded(t *testing.T) {
	w := Window[int]{Page: page(0, 100, 500), Size: size100}
	w.Want(300, 20)
	for _, tc := range []struct {
		name    string
		seq     int
		err     error
		ok      bool
		cmd     bool
		loading bool
		offset  int
	}{
		{name: "stale page", seq: 1, ok: false, loading: true, offset: 0},
		{name: "stale error", seq: 1, err: model.ErrNotFound, ok: false, loading: true, offset: 0},
		{name: "latest error", seq: 2, err: model.ErrNotFound, ok: false, cmd: true, loading: false, offset: 0},
		{name: "latest page", seq: 2, ok: true, loading: false, offset: 260},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := w
			ok, cmd := w.Loaded(tc.seq, 2, page(260, 100, 500), tc.err)
			if ok != tc.ok || (cmd != nil) != tc.cmd || w.loading != tc.loading || w.Offset != tc.offset {
				t.Fatalf("Loaded(%d, 2, err %v) = %v, cmd %v: loading %v, page at %d", tc.seq, tc.err, ok, cmd != nil, w.loading, w.Offset)
			}
		})
	}
}
