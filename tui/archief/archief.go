// Package archief is view 4, the Archief: every document of the active body, paged from the database
// (never loaded whole), the import of files and folders with progress and a summary of every file that
// failed, and the document view: metadata, the extracted text, editing, linking to a dossier, and the
// original opened in the system viewer or saved to a path.
package archief

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

// Store is what the Archief needs.
type Store interface {
	Bodies(ctx context.Context) ([]model.Body, error)
	Documents(ctx context.Context, q model.DocumentQuery) ([]model.Document, error)
	CountDocuments(ctx context.Context, q model.DocumentQuery) (int, error)
	Document(ctx context.Context, id int64) (model.Document, error)
	UpdateDocument(ctx context.Context, d model.Document) (model.Document, error)
	DeleteDocument(ctx context.Context, id int64) error
	ImportPaths(ctx context.Context, paths []string, meta model.DocumentMeta, progress func(model.ImportProgress)) (model.ImportSummary, error)
	OriginalTempFile(ctx context.Context, id int64) (string, error)
	SaveOriginal(ctx context.Context, id int64, path string) (string, error)
	DossierChoices(ctx context.Context, bodyID int64) ([]model.DossierChoice, error)
	// SearchText runs a search box's text (never an error for what a user types) and MatchSpans
	// finds its terms in a text, as the search matched them (inflections, diacritics).
	SearchText(ctx context.Context, text string, opt model.SearchOptions) (model.SearchResult, error)
	MatchSpans(text string, terms []string) []model.TextSpan
}

type mode int

const (
	modeList mode = iota
	modePrompt
	modeImporting
	modeSummary
	modeDoc
	modePicker
	modeSavePrompt
	modeHit // an action or decision found by search, read-only
)

// pageSize is how many rows one database query fetches.
const pageSize = 100

// Model is the Archief.
type Model struct {
	c    common.Common
	st   Store
	keys KeyMap
	mode mode

	body    model.Body
	total   int
	page    []model.Document
	pageOff int
	cur     common.Cursor
	loaded  bool
	seq     int // of the latest list load; older answers are dropped

	input      textinput.Model
	candidates []string
	imp        importState

	doc      model.Document
	attached []model.Document // a mail's attachments
	parent   model.Document   // the mail an attachment came with
	text     viewport.Model
	form     *form.Model
	confirm  bool
	picker   picker

	srch     searchState
	terms    []string // of the search that opened the document: marked in its text
	matches  []int    // lines of the document view with a match
	matchIdx int      // the match n/N went to last

	// Open launches the system viewer; tests replace it.
	Open func(path string) error

	width, height int
}

// New returns the Archief.
func New(c common.Common, st Store) *Model {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 4096
	return &Model{c: c, st: st, keys: DefaultKeyMap(c.ReadOnly), input: in, text: viewport.New(0, 0), Open: openInViewer,
		srch: searchState{input: newSearchInput()}}
}

func (m *Model) Init() tea.Cmd { return m.reload() }

// Capturing is true while typing: a path, a form field, a dossier filter.
func (m *Model) Capturing() bool {
	return m.mode == modePrompt || m.mode == modeSavePrompt || m.mode == modePicker || m.form != nil ||
		m.mode == modeList && m.srch.focused
}

func (m *Model) Unsaved() bool { return m.form != nil && m.form.Dirty() }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.Width = max(w-12, 10)
	m.srch.input.Width = max(w/2-12, 10)
	m.text.Width, m.text.Height = w, max(h-5, 1)
	if m.form != nil {
		m.form.SetWidth(w)
	}
	m.cur.Clamp(m.total, m.rows())
	m.srch.cur.Clamp(m.srch.total(), m.hitRows())
	if m.mode == modeDoc {
		m.setText()
	}
}

// rows is the number of list rows on screen.
func (m *Model) rows() int { return max(m.height-3, 1) }

// Messages of the list.
type (
	listMsg struct {
		seq   int
		body  model.Body
		total int
		off   int
		docs  []model.Document
		err   error
	}
	docMsg struct {
		doc      model.Document
		attached []model.Document
		parent   model.Document
		err      error
	}
	doneMsg struct {
		text   string
		err    error
		back   bool // return to the list
		reload bool
	}
)

// reload asks for the body, the count and the page around the cursor.
func (m *Model) reload() tea.Cmd {
	m.seq++
	return loadList(m.st, m.seq, m.cur.Offset-(pageSize-m.rows())/2)
}

func loadList(st Store, seq, off int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := listMsg{seq: seq}
		bodies, err := st.Bodies(ctx)
		if err != nil {
			msg.err = err
			return msg
		}
		for _, b := range bodies {
			if b.Active {
				msg.body = b
			}
		}
		if msg.body.ID == 0 {
			return msg
		}
		q := model.DocumentQuery{BodyID: msg.body.ID}
		if msg.total, msg.err = st.CountDocuments(ctx, q); msg.err != nil {
			return msg
		}
		msg.off = min(max(off, 0), max(msg.total-pageSize, 0))
		q.Offset, q.Limit = msg.off, pageSize
		msg.docs, msg.err = st.Documents(ctx, q)
		return msg
	}
}

func loadDoc(st Store, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		d, err := st.Document(ctx, id)
		if err != nil {
			return docMsg{err: err}
		}
		msg := docMsg{doc: d}
		if d.Type == model.DocMail {
			msg.attached, msg.err = st.Documents(ctx, model.DocumentQuery{BodyID: d.BodyID, ParentID: d.ID, Limit: 1000})
		}
		if d.ParentID != 0 {
			msg.parent, _ = st.Document(ctx, d.ParentID)
		}
		return msg
	}
}

// Update routes by what is on screen.
func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case listMsg:
		return m.listLoaded(msg)
	case docMsg:
		return m.docLoaded(msg)
	case searchMsg:
		return m.searchLoaded(msg)
	case common.ReloadMsg, common.BodyChangedMsg:
		cmds := []tea.Cmd{m.reload()}
		if _, ok := msg.(common.BodyChangedMsg); ok && m.mode != modeImporting {
			m.mode, m.form, m.cur = modeList, nil, common.Cursor{}
			m.closeSearch()
		} else if m.srch.active && m.srch.text != "" {
			cmds = append(cmds, m.refreshSearch())
		}
		if (m.mode == modeDoc || m.mode == modePicker) && m.doc.ID != 0 && m.form == nil {
			cmds = append(cmds, loadDoc(m.st, m.doc.ID))
		}
		return m, tea.Batch(cmds...)
	case doneMsg:
		return m.done(msg)
	case progressMsg, importDoneMsg:
		return m.importUpdate(msg)
	case choicesMsg:
		return m.pickerLoaded(msg)
	case formSavedMsg:
		return m.formSaved(msg)
	case form.SubmitMsg:
		return m, m.saveForm(msg)
	case form.CancelMsg:
		m.form = nil
		return m, nil
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m *Model) listLoaded(msg listMsg) (*Model, tea.Cmd) {
	if msg.seq != m.seq {
		return m, nil
	}
	if msg.err != nil {
		return m, common.Error(msg.err)
	}
	m.body, m.total, m.page, m.pageOff, m.loaded = msg.body, msg.total, msg.docs, msg.off, true
	m.cur.Clamp(m.total, m.rows())
	return m, nil
}

func (m *Model) done(msg doneMsg) (*Model, tea.Cmd) {
	if msg.err != nil {
		return m, common.Error(msg.err)
	}
	if msg.back {
		m.mode, m.doc = modeList, model.Document{}
	}
	cmds := []tea.Cmd{}
	if msg.text != "" {
		cmds = append(cmds, common.Status(msg.text))
	}
	if msg.reload {
		cmds = append(cmds, common.Reload)
	}
	return m, tea.Batch(cmds...)
}

func (m *Model) key(msg tea.KeyMsg) (*Model, tea.Cmd) {
	switch m.mode {
	case modePrompt:
		return m.promptKey(msg)
	case modeImporting, modeSummary:
		return m.importKey(msg)
	case modeDoc:
		return m.docKey(msg)
	case modePicker:
		return m.pickerKey(msg)
	case modeSavePrompt:
		return m.saveKey(msg)
	case modeHit:
		switch {
		case key.Matches(msg, m.keys.Back):
			m.mode = modeList
		case key.Matches(msg, m.keys.Open) && m.srch.hit.Kind == model.HitAction:
			m.mode = modeList
			return m, common.SwitchTab(common.TabActies, m.srch.hit.ID)
		}
		return m, nil
	}
	if m.srch.active && !m.confirm {
		return m.searchKey(msg)
	}
	return m.listKey(msg)
}

func (m *Model) listKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	if m.confirm {
		return m.confirmDelete(msg)
	}
	switch {
	case key.Matches(msg, k.Up):
		m.cur.Move(-1, m.total, m.rows())
	case key.Matches(msg, k.Down):
		m.cur.Move(1, m.total, m.rows())
	case key.Matches(msg, k.PageUp):
		m.cur.Move(-m.rows(), m.total, m.rows())
	case key.Matches(msg, k.PageDown):
		m.cur.Move(m.rows(), m.total, m.rows())
	case key.Matches(msg, k.Top):
		m.cur.Move(-m.total, m.total, m.rows())
	case key.Matches(msg, k.Bottom):
		m.cur.Move(m.total, m.total, m.rows())
	case key.Matches(msg, k.Search):
		return m, m.openSearch()
	case key.Matches(msg, k.Import):
		return m, m.openPrompt()
	case key.Matches(msg, k.Open):
		if d, ok := m.selected(); ok {
			m.terms = nil
			return m, loadDoc(m.st, d.ID)
		}
		return m, nil
	case key.Matches(msg, k.Original):
		if d, ok := m.selected(); ok {
			return m, m.openOriginal(d)
		}
		return m, nil
	case key.Matches(msg, k.Delete):
		if _, ok := m.selected(); ok {
			m.confirm = true
		}
		return m, nil
	default:
		return m, nil
	}
	return m, m.ensurePage()
}

// selected is the document under the cursor, when its page is loaded.
func (m *Model) selected() (model.Document, bool) {
	i := m.cur.Index - m.pageOff
	if i < 0 || i >= len(m.page) {
		return model.Document{}, false
	}
	return m.page[i], true
}

// ensurePage loads the page around the rows on screen when they are not all loaded.
func (m *Model) ensurePage() tea.Cmd {
	end := min(m.cur.Offset+m.rows(), m.total)
	if m.cur.Offset >= m.pageOff && end <= m.pageOff+len(m.page) {
		return nil
	}
	return m.reload()
}
