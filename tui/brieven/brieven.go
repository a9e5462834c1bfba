// Package brieven is view 5, Brieven: the council's letters. The AS picks a template (offered per the
// body's rule set) and a dossier, werkbank fills in what it knows, and the AS writes the rest in a
// textarea or in $EDITOR/$VISUAL. Every save is a version (list, view, compare, restore); a letter goes
// ter ondertekening and is marked sent, which archives it and adds the event to its dossier. Exports go
// to Word, PDF, Markdown or text through a path prompt.
package brieven

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

// Store is what the Brieven view needs of the database.
type Store interface {
	Bodies(ctx context.Context) ([]model.Body, error)
	LetterPage(ctx context.Context, bodyID int64, offset, limit int) (model.Page[letter.Letter], error)
	Letter(ctx context.Context, id int64) (letter.Letter, error)
	LetterVersions(ctx context.Context, id int64) ([]letter.Version, error)
	CreateLetter(ctx context.Context, bodyID int64, code string, dossierID int64) (letter.Letter, error)
	SaveLetterVersion(ctx context.Context, id int64, base int, source string, fields map[string]string) (letter.Version, error)
	RestoreLetterVersion(ctx context.Context, id int64, n int) (letter.Version, error)
	MarkLetterForSigning(ctx context.Context, id int64) (letter.Letter, error)
	MarkLetterSent(ctx context.Context, id int64, on model.Date) (letter.Letter, error)
	ReopenLetter(ctx context.Context, id int64) (letter.Version, error)
	DeleteLetter(ctx context.Context, id int64) error
	ExportLetter(ctx context.Context, id int64, format, path string) error
	LetterFileName(ctx context.Context, id int64, format string) (string, error)
	LetterTemplates(ctx context.Context) ([]letter.Template, error)
	SaveLetterTemplate(ctx context.Context, code, name, source string) (letter.Template, error)
	RestoreLetterTemplate(ctx context.Context, code string) (letter.Template, error)
	DossierChoices(ctx context.Context, bodyID int64) ([]model.DossierChoice, error)
	NullityDeadline(ctx context.Context, bodyID, dossierID int64) (termijn.Deadline, bool, error)
}

type mode int

const (
	modeList mode = iota
	modeTemplates
	modeDossiers
	modeLetter
	modeEdit
	modeFields
	modeVersions
	modeText // one version, a diff or the preview: a scrolling text with a title
)

// Model is the Brieven view.
type Model struct {
	c    common.Common
	st   Store
	keys KeyMap
	mode mode

	body model.Body
	// list is the window of the letters that is loaded; listCur indexes the whole list.
	list    common.Window[letter.Letter]
	listCur common.Cursor

	templates []letter.Template
	tplCur    common.Cursor
	dossiers  []model.DossierChoice
	dosCur    common.Cursor
	chosen    letter.Template

	// The open letter: its row, all versions (newest first) and the latest rendered.
	cur      letter.Letter
	versions []letter.Version
	rendered letter.Rendered
	renderOK error
	nullity  *termijn.Deadline
	scroll   int

	verCur common.Cursor
	marked int // a version marked for comparison; 0 none

	text       textView
	textBack   mode
	editBack   mode
	editor     textarea.Model
	editing    editTarget
	editOrig   string
	fieldsCur  common.Cursor
	fieldNames []string
	form       *form.Model
	formTarget any
	confirm    *confirmation
	// external is the file of an external editor whose changes have not been read back yet (a GUI editor
	// that returned at once); ctrl+r reads it.
	external *externalEdit
	editErr  string

	listSeq, letterSeq int
	// pageSeq numbers the loads of a window of the list (alone or with a reload); older ones are dropped.
	pageSeq       int
	width, height int
}

// New returns the Brieven view.
func New(c common.Common, st Store) *Model {
	m := &Model{c: c, st: st, keys: DefaultKeyMap(c.ReadOnly), editor: newTextarea(),
		list: common.Window[letter.Letter]{Size: common.PageSize(pageSize)}}
	return m
}

func (m *Model) Init() tea.Cmd { return m.reload() }

// Capturing is true while text is typed: the textarea, a form, or a yes/no question.
func (m *Model) Capturing() bool {
	return m.mode == modeEdit || m.form != nil || m.confirm != nil
}

// Unsaved is true while the textarea or a form holds changes that are not saved.
func (m *Model) Unsaved() bool {
	return m.mode == modeEdit && m.editor.Value() != m.editOrig || m.form != nil && m.form.Dirty()
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.editor.SetWidth(max(w-4, 20))
	m.editor.SetHeight(max(h-3, 3))
	if m.form != nil {
		m.form.SetWidth(w)
	}
}

func (m *Model) today() model.Date { return m.c.Today() }

type listMsg struct {
	seq       int
	body      model.Body
	page      pageMsg
	templates []letter.Template
	err       error
}

type letterMsg struct {
	seq      int
	letter   letter.Letter
	versions []letter.Version
	nullity  *termijn.Deadline
	err      error
}

type dossiersMsg struct {
	list []model.DossierChoice
	err  error
}

// doneMsg reports a write. open, when set, is the letter to show next; mode, when set, the screen.
type doneMsg struct {
	text string
	err  error
	open int64
	mode mode
}

func loadList(st Store, seq, pageSeq, off, size int) tea.Cmd {
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
		if msg.page = loadPage(ctx, st, msg.body.ID, pageSeq, off, size); msg.page.err != nil {
			msg.err = msg.page.err
			return msg
		}
		msg.templates, msg.err = st.LetterTemplates(ctx)
		return msg
	}
}

func loadLetter(st Store, id int64, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := letterMsg{seq: seq}
		if msg.letter, msg.err = st.Letter(ctx, id); msg.err != nil {
			return msg
		}
		if msg.versions, msg.err = st.LetterVersions(ctx, id); msg.err != nil {
			return msg
		}
		if msg.letter.Template == "beroep-op-nietigheid" {
			d, ok, err := st.NullityDeadline(ctx, msg.letter.BodyID, msg.letter.DossierID)
			if err != nil {
				msg.err = err
			} else if ok {
				msg.nullity = &d
			}
		}
		return msg
	}
}

func loadDossiers(st Store, bodyID int64) tea.Cmd {
	return func() tea.Msg {
		list, err := st.DossierChoices(context.Background(), bodyID)
		return dossiersMsg{list: list, err: err}
	}
}

// write runs a store call in the background and reports it.
func write(text string, open int64, next mode, fn func(ctx context.Context) error) tea.Cmd {
	return func() tea.Msg {
		return doneMsg{text: text, err: fn(context.Background()), open: open, mode: next}
	}
}

// reload asks for fresh data for what is on screen; older answers are dropped by their sequence.
func (m *Model) reload() tea.Cmd {
	m.listSeq++
	m.pageSeq++
	off, size := m.list.Around(m.listCur.Offset, m.listRows())
	cmds := []tea.Cmd{loadList(m.st, m.listSeq, m.pageSeq, off, size)}
	if m.cur.ID != 0 {
		m.letterSeq++
		cmds = append(cmds, loadLetter(m.st, m.cur.ID, m.letterSeq))
	}
	return tea.Batch(cmds...)
}

func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case listMsg:
		if msg.seq != m.listSeq {
			return m, nil
		}
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		if m.body.ID != 0 && msg.body.ID != m.body.ID {
			m.leaveLetter()
		}
		m.body = msg.body
		m.templates = letter.ForRuleSet(msg.templates, msg.body.RuleSet)
		m.tplCur.Clamp(len(m.templates), m.listRows())
		if msg.body.ID == 0 {
			m.list.Page = model.Page[letter.Letter]{}
		}
		return m, m.pageLoaded(msg.page)
	case pageMsg:
		return m, m.pageLoaded(msg)
	case letterMsg:
		return m.letterLoaded(msg)
	case dossiersMsg:
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		m.dossiers = msg.list
		m.dosCur.Clamp(len(m.dossierRows()), m.listRows())
	case common.ReloadMsg, common.BodyChangedMsg:
		return m, m.reload()
	case doneMsg:
		return m.done(msg)
	case editorDoneMsg:
		return m.editorDone(msg)
	case externalSavedMsg:
		if msg.err == nil {
			m.external = nil
		}
		return m.done(msg.doneMsg)
	case form.SubmitMsg:
		return m, m.submit(msg)
	case form.CancelMsg:
		m.form, m.formTarget = nil, nil
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m *Model) letterLoaded(msg letterMsg) (*Model, tea.Cmd) {
	if msg.seq != m.letterSeq || m.cur.ID == 0 {
		return m, nil
	}
	if msg.err != nil {
		if errors.Is(msg.err, model.ErrNotFound) {
			m.leaveLetter()
			return m, common.Status("De brief is verwijderd (zie de prullenbak)")
		}
		return m, common.Error(msg.err)
	}
	m.cur, m.versions, m.nullity = msg.letter, msg.versions, msg.nullity
	m.rendered, m.renderOK = m.latest().Render()
	m.verCur.Clamp(len(m.versions), m.listRows())
	m.fieldNames = fieldNames(m.latest())
	m.fieldsCur.Clamp(len(m.fieldNames), m.listRows())
	return m, nil
}

// done shows the result of a write. A field error goes back to the open form; the textarea keeps its
// text whatever happens, so nothing typed is lost.
func (m *Model) done(msg doneMsg) (*Model, tea.Cmd) {
	if msg.err != nil {
		var fe *model.FieldError
		switch {
		case m.form != nil && errors.As(msg.err, &fe) && fe.Field != "status":
			m.form.SetError(fe.Field, fe.Message)
			return m, nil
		case m.form != nil && !errors.Is(msg.err, model.ErrConflict):
			m.form.Err = common.ErrorText(msg.err)
			return m, nil
		case m.mode == modeEdit:
			m.editErr = common.ErrorText(msg.err)
			if errors.Is(msg.err, model.ErrConflict) {
				m.editErr = "elders gewijzigd: uw tekst staat hier nog; kopieer wat u wilt houden en open de brief opnieuw"
			}
			return m, nil
		}
		m.form, m.formTarget = nil, nil
		return m, tea.Batch(common.Error(msg.err), m.reload())
	}
	m.form, m.formTarget, m.editErr = nil, nil, ""
	if msg.open != 0 {
		m.openLetter(msg.open)
	}
	if msg.mode != modeList || msg.open != 0 {
		m.mode = msg.mode
	}
	return m, tea.Batch(common.Status(msg.text), m.reload())
}

func (m *Model) openLetter(id int64) {
	if m.cur.ID != id {
		m.cur, m.versions, m.rendered, m.nullity = letter.Letter{ID: id}, nil, letter.Rendered{}, nil
		m.scroll, m.marked = 0, 0
		m.verCur, m.fieldsCur = common.Cursor{}, common.Cursor{}
	}
	m.mode = modeLetter
}

func (m *Model) leaveLetter() {
	m.mode, m.cur, m.versions, m.form, m.confirm = modeList, letter.Letter{}, nil, nil, nil
}

// latest is the open letter's newest version.
func (m *Model) latest() letter.Version {
	if len(m.versions) == 0 {
		return letter.Version{}
	}
	return m.versions[0]
}

func (m *Model) key(msg tea.KeyMsg) (*Model, tea.Cmd) {
	if m.form != nil {
		var cmd tea.Cmd
		m.form, cmd = m.form.Update(msg)
		return m, cmd
	}
	if m.confirm != nil {
		return m.confirmKey(msg)
	}
	switch m.mode {
	case modeTemplates:
		return m.templateKey(msg)
	case modeDossiers:
		return m.dossierKey(msg)
	case modeLetter:
		return m.letterKey(msg)
	case modeEdit:
		return m.editKey(msg)
	case modeFields:
		return m.fieldsKey(msg)
	case modeVersions:
		return m.versionsKey(msg)
	case modeText:
		return m.textKey(msg)
	}
	return m.listKey(msg)
}

func (m *Model) listRows() int { return max(m.height-4, 1) }
