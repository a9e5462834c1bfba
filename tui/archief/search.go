package archief

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// searchPage is how many hits one query fetches; scrolling past them fetches the next ones.
const searchPage = 100

// searchState is the Archief's search: the box, the filters set with keys, and the hits on screen.
type searchState struct {
	input   textinput.Model
	focused bool // keys go to the box
	active  bool // the list shows hits instead of every document
	typeIdx int  // index in searchTypes; 0 is every type
	byDate  bool
	seq     int // of the latest query; older answers are dropped
	text    string
	res     model.SearchResult
	cur     common.Cursor
	loading bool
	hit     model.SearchHit // an action or decision shown in the detail pane
}

// searchTypes are what the type key cycles through.
var searchTypes = append([]string{""}, append(typeLabels(), string(model.HitAction), string(model.HitDecision))...)

func newSearchInput() textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 4000
	in.Placeholder = "woorden, \"een zin\", reorg*, type:brief-in, jaar:2024, afzender:..."
	return in
}

// query is the box's text with the filters set by key: typed text first, so the key wins.
func (s *searchState) query() string {
	q := strings.TrimSpace(s.input.Value())
	if t := searchTypes[s.typeIdx]; t != "" {
		q += " type:" + t
	}
	return strings.TrimSpace(q)
}

type searchMsg struct {
	seq    int
	offset int
	keep   bool // a refresh: the cursor stays where it is
	res    model.SearchResult
	err    error
}

// runSearch asks the store for hits; the values are captured, so a later keystroke cannot change
// what this query searches.
func runSearch(st Store, seq int, text string, opt model.SearchOptions) tea.Cmd {
	return func() tea.Msg {
		res, err := st.SearchText(context.Background(), text, opt)
		return searchMsg{seq: seq, offset: opt.Offset, res: res, err: err}
	}
}

// search starts the query for the box as it is now, from the first hit.
func (m *Model) search() tea.Cmd {
	s := &m.srch
	s.seq++
	s.text = s.query()
	if s.text == "" {
		s.res, s.loading = model.SearchResult{}, false
		return nil
	}
	s.loading = true
	return runSearch(m.st, s.seq, s.text, model.SearchOptions{BodyID: m.body.ID, Limit: searchPage, SortByDate: s.byDate})
}

// more fetches the next hits when the cursor nears the end of those loaded.
func (m *Model) more() tea.Cmd {
	s := &m.srch
	n := len(s.res.Hits)
	if s.loading || n >= s.res.Count && !s.res.CountCapped || s.cur.Index < n-m.hitRows() || n%searchPage != 0 || n == 0 {
		return nil
	}
	s.loading = true
	return runSearch(m.st, s.seq, s.text, model.SearchOptions{BodyID: m.body.ID, Limit: searchPage, Offset: n, SortByDate: s.byDate})
}

func (m *Model) searchLoaded(msg searchMsg) (*Model, tea.Cmd) {
	s := &m.srch
	if msg.seq != s.seq {
		return m, nil // a stale answer: the user typed on
	}
	s.loading = false
	if msg.err != nil {
		return m, common.Error(msg.err)
	}
	if msg.offset > 0 {
		s.res.Hits = append(s.res.Hits, msg.res.Hits...)
		return m, nil
	}
	s.res = msg.res
	if msg.keep {
		s.cur.Clamp(s.total(), m.hitRows())
	} else {
		s.cur = common.Cursor{}
	}
	return m, nil
}

// refreshSearch runs the search again after a change (here or in another process), keeping the
// hits loaded so far and the cursor.
func (m *Model) refreshSearch() tea.Cmd {
	s := &m.srch
	s.seq++
	seq, st := s.seq, m.st
	opt := model.SearchOptions{BodyID: m.body.ID, Limit: max(len(s.res.Hits), searchPage), SortByDate: s.byDate}
	text := s.text
	return func() tea.Msg {
		msg := runSearch(st, seq, text, opt)().(searchMsg)
		msg.keep = true
		return msg
	}
}

// total is the number of hits the cursor can reach.
func (s *searchState) total() int { return len(s.res.Hits) }

// hitRows is the number of hits on screen: two lines each, under the box and the column heads.
func (m *Model) hitRows() int { return max((m.height-3)/2, 1) }

func (m *Model) openSearch() tea.Cmd {
	m.srch.active, m.srch.focused = true, true
	return m.srch.input.Focus()
}

// closeSearch returns to the list of every document.
func (m *Model) closeSearch() tea.Cmd {
	s := &m.srch
	s.input.SetValue("")
	s.input.Blur()
	s.active, s.focused, s.typeIdx = false, false, 0
	s.res, s.text = model.SearchResult{}, ""
	s.seq++
	return m.reload()
}

// searchKey handles a key while the search list is on screen.
func (m *Model) searchKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k, s := m.keys, &m.srch
	switch {
	case key.Matches(msg, k.Back):
		if s.focused && s.input.Value() != "" && s.total() > 0 {
			s.focused = false
			s.input.Blur()
			return m, nil
		}
		return m, m.closeSearch()
	case key.Matches(msg, k.Up):
		if !s.focused || msg.Type == tea.KeyUp {
			s.cur.Move(-1, s.total(), m.hitRows())
			return m, nil
		}
	case key.Matches(msg, k.Down):
		if !s.focused || msg.Type == tea.KeyDown {
			s.cur.Move(1, s.total(), m.hitRows())
			return m, m.more()
		}
	case key.Matches(msg, k.PageDown):
		s.cur.Move(m.hitRows(), s.total(), m.hitRows())
		return m, m.more()
	case key.Matches(msg, k.PageUp):
		s.cur.Move(-m.hitRows(), s.total(), m.hitRows())
		return m, nil
	case key.Matches(msg, k.Open):
		return m, m.openHit()
	case key.Matches(msg, k.TypeFilter) && (!s.focused || msg.Type == tea.KeyCtrlT):
		s.typeIdx = (s.typeIdx + 1) % len(searchTypes)
		return m, m.search()
	case key.Matches(msg, k.SortOrder) && (!s.focused || msg.Type == tea.KeyCtrlR):
		s.byDate = !s.byDate
		return m, m.search()
	case !s.focused && key.Matches(msg, k.Search):
		s.focused = true
		return m, s.input.Focus()
	}
	if !s.focused {
		if key.Matches(msg, k.Top) {
			s.cur.Move(-s.total(), s.total(), m.hitRows())
		} else if key.Matches(msg, k.Bottom) {
			s.cur.Move(s.total(), s.total(), m.hitRows())
			return m, m.more()
		}
		return m, nil
	}
	before := s.input.Value()
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if s.input.Value() == before {
		return m, cmd
	}
	return m, tea.Batch(cmd, m.search())
}

// openHit opens the hit under the cursor: a document in the document view with its matches marked,
// an action or decision in the detail pane.
func (m *Model) openHit() tea.Cmd {
	s := &m.srch
	if s.cur.Index >= s.total() {
		return nil
	}
	h := s.res.Hits[s.cur.Index]
	s.focused = false
	s.input.Blur()
	if h.Kind != model.HitDocument {
		s.hit = h
		m.mode = modeHit
		return nil
	}
	m.terms = s.res.Terms
	return loadDoc(m.st, h.ID)
}
