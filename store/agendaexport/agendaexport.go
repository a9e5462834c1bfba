// Package agendaexport turns a meeting and its agenda into the files the AS sends out: the agenda as a
// document (Markdown, text, DOCX, PDF) in an internal and a public version, the meeting as an iCalendar
// appointment, and the convocation as a draft e-mail with the papers attached. It builds on the export
// kit (store/export) and decides confidentiality with the model's one rule.
package agendaexport

import (
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/export"
)

// Input is everything an agenda export needs, read from the store beforehand.
type Input struct {
	Body        model.Body
	Meeting     model.Meeting
	Items       []model.AgendaItem
	Impositions map[int64]model.Imposition
	Documents   map[int64][]model.AttachedDocument // by item id
	Members     []model.Member
	Bestuurder  model.Bestuurder
	Term        model.AgendaTerm
	Today       model.Date
}

// Withheld is the placeholder title of a confidential item in the public version.
const Withheld = "vertrouwelijk agendapunt"

// withheld applies the model's rule; an item that names an imposition the input does not hold is withheld
// too, so a missing row can never leak a title.
func (in Input) withheld(impositionID int64) bool {
	if impositionID == 0 {
		return false
	}
	imp, ok := in.Impositions[impositionID]
	if !ok {
		return true
	}
	return imp.Withheld(in.Today)
}

// confidential reports whether an item is under an imposition at all (shown as [V] in the internal version).
func (in Input) confidential(it model.AgendaItem) bool {
	return it.ImpositionID != 0 && in.withheld(it.ImpositionID)
}

// View is the agenda as one audience may see it: for the public version, confidential items keep their
// number, time and duration, and lose everything else.
func (in Input) View(openbaar bool) []model.AgendaItem {
	out := make([]model.AgendaItem, len(in.Items))
	for i, it := range in.Items {
		if openbaar && in.confidential(it) {
			it = model.AgendaItem{ID: it.ID, MeetingID: it.MeetingID, Position: it.Position, Title: Withheld, Minutes: it.Minutes,
				ImpositionID: it.ImpositionID}
		}
		out[i] = it
	}
	return out
}

// docs lists the documents of an item the audience may see.
func (in Input) docs(it model.AgendaItem, openbaar bool) []model.AttachedDocument {
	if openbaar && in.confidential(it) {
		return nil
	}
	var out []model.AttachedDocument
	for _, d := range in.Documents[it.ID] {
		if openbaar && in.withheld(d.ImpositionID) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// purposeText adds the article for advice and consent matters (letters.md section 8).
func purposeText(p model.Purpose) string {
	switch p {
	case model.PurposeAdvies:
		return "advies (art 25 WOR)"
	case model.PurposeInstemming:
		return "instemming (art 27 WOR)"
	}
	return string(p)
}

// Title is "Agenda OR-vergadering 2 december 2025".
func (in Input) Title() string {
	return "Agenda " + in.Meeting.Kind.Label() + " " + in.Meeting.Date.Long()
}

func (in Input) when() string {
	m := in.Meeting
	return fmt.Sprintf("%s %s, %s–%s", model.DayName(m.Date.Weekday()), m.Date.Long(), m.Start, m.End)
}

// Doc builds the agenda document; openbaar leaves confidential content out.
func (in Input) Doc(openbaar bool) export.Doc {
	m := in.Meeting
	d := export.Doc{Title: in.Title(), Subtitle: in.Body.Name, Author: in.Body.Name}
	kv := []export.KeyValue{{Key: "Datum en tijd", Value: in.when()}}
	if m.Location != "" {
		kv = append(kv, export.KeyValue{Key: "Plaats", Value: m.Location})
	}
	if m.Chair != "" {
		kv = append(kv, export.KeyValue{Key: "Voorzitter", Value: m.Chair})
	}
	if m.Kind == model.MeetingOV && m.Art24 {
		kv = append(kv, export.KeyValue{Key: "Art 24 WOR", Value: "overleg over de algemene gang van zaken"})
	}
	if openbaar {
		kv = append(kv, export.KeyValue{Key: "Versie", Value: "openbaar (vertrouwelijke punten weggelaten, art 20 WOR)"})
	} else {
		kv = append(kv, export.KeyValue{Key: "Versie", Value: "intern"})
	}
	d.Blocks = append(d.Blocks, export.KeyValues{Pairs: kv})

	items := in.View(openbaar)
	plan := model.Plan(m, items)
	rows := make([][]string, len(items))
	for i, it := range items {
		title := it.Title
		if !openbaar && in.confidential(it) {
			title += " [V]"
		}
		rows[i] = []string{fmt.Sprint(it.Position), plan.Starts[i].String(), title, purposeText(it.Purpose), it.Presenter, fmt.Sprint(it.Minutes)}
	}
	d.Blocks = append(d.Blocks,
		export.Table{Header: []string{"nr", "tijd", "onderwerp", "doel", "wie", "min"}, Rows: rows, Widths: []float64{6, 11, 39, 20, 15, 9}},
		export.Paragraph{Text: summary(m, plan)})

	var notes []export.Block
	for _, it := range items {
		docs := in.docs(it, openbaar)
		if strings.TrimSpace(it.Explain) == "" && len(docs) == 0 && (openbaar || !in.confidential(it)) {
			continue
		}
		notes = append(notes, export.Heading{Level: 2, Text: fmt.Sprintf("%d. %s", it.Position, it.Title)})
		if !openbaar && in.confidential(it) {
			imp := in.Impositions[it.ImpositionID]
			notes = append(notes, export.Paragraph{Text: "Vertrouwelijk (art 20 WOR), opgelegd door " + imp.ImposedBy + ". Niet verspreiden.", Bold: true})
		}
		if e := strings.TrimSpace(it.Explain); e != "" {
			notes = append(notes, export.Paragraph{Text: e})
		}
		if len(docs) > 0 {
			var names []string
			for _, doc := range docs {
				names = append(names, doc.Title)
			}
			notes = append(notes, export.Paragraph{Text: "Stukken:", Bold: true}, export.List{Items: names})
		}
	}
	if len(notes) > 0 {
		d.Blocks = append(d.Blocks, export.Heading{Level: 1, Text: "Toelichting en stukken"})
		d.Blocks = append(d.Blocks, notes...)
	}
	return d
}

// Text is the agenda as numbered plain lines, for the body of a mail or a calendar description.
func (in Input) Text(openbaar bool) string {
	items := in.View(openbaar)
	plan := model.Plan(in.Meeting, items)
	var b strings.Builder
	for i, it := range items {
		fmt.Fprintf(&b, "%2d. %s  %s", it.Position, plan.Starts[i], it.Title)
		if it.Purpose != "" {
			fmt.Fprintf(&b, " (%s)", purposeText(it.Purpose))
		}
		if !openbaar && in.confidential(it) {
			b.WriteString(" [V] vertrouwelijk, art 20 WOR")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// summary is the timing line for a document: like the screen's, without symbols a PDF font may lack.
func summary(m model.Meeting, plan model.Schedule) string {
	line := fmt.Sprintf("Totaal %d minuten, einde %s", plan.Total, plan.End)
	if plan.Overrun > 0 {
		return line + fmt.Sprintf(": let op, %d minuten na de geplande eindtijd (%s)", plan.Overrun, m.End)
	}
	return line + fmt.Sprintf(" (geplande eindtijd %s)", m.End)
}
