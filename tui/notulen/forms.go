package notulen

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/form"
)

type (
	decisionTarget struct{ it model.AgendaItem }
	verslagTarget  struct{}
	approveTarget  struct{}
)

func (m *Model) open(f *form.Model, target any) {
	f.SetWidth(m.width)
	m.form, m.formTarget = f, target
}

func (m *Model) decisionForm(it model.AgendaItem) {
	m.open(form.New(m.c, "decision", "Besluit bij punt "+itoa(it.Position)+": "+it.Title,
		form.Text("text", "Besluit", "", form.Required("tekst van het besluit")).WithHint("het nummer volgt vanzelf"),
	), decisionTarget{it})
}

var verslagFormats = []string{"docx", "pdf", "md"}

func verslagName(mt model.Meeting, format string) string {
	return "verslag-" + string(mt.Kind) + "-" + mt.Date.String() + "." + format
}

func (m *Model) verslagForm() {
	dir := "."
	if wd, err := os.Getwd(); err == nil {
		dir = wd
	}
	m.open(form.New(m.c, "verslag", "Verslag maken: "+m.meeting.Title(),
		form.Choice("format", "Formaat", "docx", verslagFormats).WithHint("←/→: Word, PDF of Markdown"),
		form.Text("path", "Bestand", filepath.Join(dir, verslagName(m.meeting, "docx")), form.Required("bestand")).WithHint("de extensie volgt het formaat"),
	), verslagTarget{})
}

// approveForm records the approval of this verslag in a later meeting; an OV verslag needs the OR and
// the bestuurder.
func (m *Model) approveForm() {
	var parties []string
	for _, p := range model.Parties(m.meeting.Kind) {
		parties = append(parties, p.Label())
	}
	var meetings []string
	for _, l := range m.later {
		meetings = append(meetings, l.Title())
	}
	m.open(form.New(m.c, "approve", "Verslag vaststellen: "+m.meeting.Title(),
		form.Choice("party", "Vastgesteld door", parties[0], parties).WithHint("←/→ kiezen"),
		form.Choice("meeting", "In de vergadering", meetings[0], meetings).WithHint("een latere vergadering"),
	), approveTarget{})
}

func (m *Model) submit(msg form.SubmitMsg) tea.Cmd {
	v := msg.Values
	st, mt := m.st, m.meeting
	switch t := m.formTarget.(type) {
	case decisionTarget:
		d := model.Decision{BodyID: mt.BodyID, MeetingID: mt.ID, AgendaItemID: t.it.ID, DossierID: t.it.DossierID, Text: v["text"]}
		return func() tea.Msg {
			got, err := st.CreateDecision(context.Background(), d)
			return savedMsg{text: "Besluit " + got.Number() + " vastgelegd", err: err}
		}
	case verslagTarget:
		format := v["format"]
		path := strings.TrimSuffix(v["path"], filepath.Ext(v["path"])) + "." + format
		return write(filepath.Base(path)+" geschreven", func(ctx context.Context) error { return st.ExportVerslag(ctx, mt.ID, format, path) })
	case approveTarget:
		p := model.PartyOR
		if v["party"] == model.PartyBestuurder.Label() {
			p = model.PartyBestuurder
		}
		var in model.Meeting
		for _, l := range m.later {
			if l.Title() == v["meeting"] {
				in = l
			}
		}
		return write("Verslag vastgesteld door "+p.Label()+" in "+in.Title(), func(ctx context.Context) error {
			_, err := st.ApproveVerslag(ctx, mt.ID, in.ID, p)
			return err
		})
	}
	return nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
