package store

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/export"
)

// ListFormats are the formats of the actielijst and besluitenlijst: the document formats plus CSV.
var ListFormats = []string{"md", "txt", "docx", "pdf", "csv"}

// ParseListFormat reads a list format as typed ("CSV", ".pdf", "markdown").
func ParseListFormat(s string) (string, error) {
	code := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), ".")
	if code == "csv" {
		return code, nil
	}
	f, err := export.ParseFormat(code)
	if err != nil {
		return "", fmt.Errorf("onbekend formaat %q: kies md, csv, docx of pdf", s)
	}
	return string(f), nil
}

// ActionsFileName suggests "actielijst-2025-11-25.csv".
func ActionsFileName(today model.Date, format string) string {
	return "actielijst-" + today.String() + "." + format
}

// DecisionsFileName suggests "besluitenlijst-2025.pdf", or "besluitenlijst.pdf" for every year.
func DecisionsFileName(year int, format string) string {
	if year == 0 {
		return "besluitenlijst." + format
	}
	return fmt.Sprintf("besluitenlijst-%d.%s", year, format)
}

// VerslagFileName suggests "verslag-or-vergadering-2025-12-02.docx".
func VerslagFileName(m model.Meeting, format string) string {
	return "verslag-" + string(m.Kind) + "-" + m.Date.String() + "." + format
}

func dueText(a model.Action) string {
	if a.Due.IsZero() {
		return ""
	}
	return a.Due.Compact()
}

// actionRows is the actielijst as a table, with lateness counted on day.
func actionRows(list []model.Action, day model.Date) ([]string, [][]string) {
	header := []string{"nr", "actie", "eigenaar", "datum", "status", "uitgesteld", "te laat", "uit"}
	rows := make([][]string, 0, len(list))
	for _, a := range list {
		post := ""
		if a.Postponed > 0 {
			post = fmt.Sprintf("%dx", a.Postponed)
		}
		from := a.MeetingTitle
		if a.ItemTitle != "" {
			from += ", " + a.ItemTitle
		}
		rows = append(rows, []string{a.Number(), a.Description, a.Owner, dueText(a), string(a.Status), post,
			model.LateText(a.OverdueDays(day)), from})
	}
	return header, rows
}

func decisionRows(list []model.Decision) ([]string, [][]string) {
	header := []string{"nummer", "datum", "vergadering", "besluit", "dossier", "acties"}
	rows := make([][]string, 0, len(list))
	for _, d := range list {
		var acts []string
		for _, id := range d.ActionIDs {
			acts = append(acts, fmt.Sprintf("A-%d", id))
		}
		rows = append(rows, []string{d.Number(), d.Date.Compact(), d.MeetingTitle, d.Text, d.DossierTitle, strings.Join(acts, ", ")})
	}
	return header, rows
}

// writeList writes a table as CSV (Excel with Dutch settings) or as a document.
func writeList(path, format string, d export.Doc, header []string, rows [][]string) error {
	if format == "csv" {
		return export.WriteFile(path, func(w io.Writer) error { return export.CSV(w, header, rows) })
	}
	f, err := export.ParseFormat(format)
	if err != nil {
		return err
	}
	d.Blocks = append(d.Blocks, export.Table{Header: header, Rows: rows})
	return export.Write(path, f, d)
}

// ExportActions writes the body's actielijst (the actions passing f, by due date) to path.
func (s *Store) ExportActions(ctx context.Context, bodyID int64, f model.ActionFilter, format, path string) error {
	format, err := ParseListFormat(format)
	if err != nil {
		return err
	}
	body, err := s.Body(ctx, bodyID)
	if err != nil {
		return err
	}
	today := s.Today()
	list, err := s.Actions(ctx, bodyID, f, today)
	if err != nil {
		return err
	}
	header, rows := actionRows(list, today)
	late := 0
	for _, a := range list {
		if a.OverdueDays(today) > 0 {
			late++
		}
	}
	d := export.Doc{Title: "Actielijst " + body.Name, Subtitle: "stand van " + today.Long(), Author: body.Name}
	d.Blocks = append(d.Blocks, export.Paragraph{Text: fmt.Sprintf("%s, waarvan %d te laat.", countText(len(list), "actie", "acties"), late)})
	return writeList(path, format, d, header, rows)
}

// ExportDecisions writes the body's besluitenlijst (the decisions passing f, by number) to path.
func (s *Store) ExportDecisions(ctx context.Context, bodyID int64, f model.DecisionFilter, format, path string) error {
	format, err := ParseListFormat(format)
	if err != nil {
		return err
	}
	body, err := s.Body(ctx, bodyID)
	if err != nil {
		return err
	}
	list, err := s.Decisions(ctx, bodyID, f)
	if err != nil {
		return err
	}
	header, rows := decisionRows(list)
	title := "Besluitenlijst " + body.Name
	if f.Year != 0 {
		title += fmt.Sprintf(" %d", f.Year)
	}
	d := export.Doc{Title: title, Subtitle: "stand van " + s.Today().Long(), Author: body.Name}
	return writeList(path, format, d, header, rows)
}

func countText(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// ExportVerslag writes the draft verslag of a meeting (md, txt, docx or pdf) to path.
func (s *Store) ExportVerslag(ctx context.Context, meetingID int64, format, path string) error {
	f, err := export.ParseFormat(format)
	if err != nil {
		return err
	}
	v, err := s.Verslag(ctx, meetingID)
	if err != nil {
		return err
	}
	return export.Write(path, f, VerslagDoc(v))
}

// VerslagDoc lays the verslag out as a document: attendance, per item the notes, decisions and new
// actions, then the actielijst as it stood on the meeting's date and the approval status.
func VerslagDoc(v model.Verslag) export.Doc {
	m := v.Meeting
	d := export.Doc{Title: v.Title(), Subtitle: v.Body.Name, Author: v.Body.Name}
	kv := []export.KeyValue{{Key: "Datum", Value: fmt.Sprintf("%s %s, %s–%s", model.DayName(m.Date.Weekday()), m.Date.Long(), m.Start, m.End)}}
	if m.Location != "" {
		kv = append(kv, export.KeyValue{Key: "Plaats", Value: m.Location})
	}
	if m.Chair != "" {
		kv = append(kv, export.KeyValue{Key: "Voorzitter", Value: m.Chair})
	}
	kv = append(kv, export.KeyValue{Key: "Aanwezig", Value: names(v.Present, "(niet vastgelegd)")})
	if m.Kind == model.MeetingOV && v.Bestuurder != "" {
		kv = append(kv, export.KeyValue{Key: "Namens de bestuurder", Value: v.Bestuurder})
	}
	if len(v.Absent) > 0 {
		kv = append(kv, export.KeyValue{Key: "Afwezig", Value: names(v.Absent, "")})
	}
	if len(v.Unknown) > 0 {
		kv = append(kv, export.KeyValue{Key: "Aanwezigheid niet vastgelegd", Value: names(v.Unknown, "")})
	}
	kv = append(kv, export.KeyValue{Key: "Status", Value: v.Status})
	d.Blocks = append(d.Blocks, export.KeyValues{Pairs: kv})

	listShown := false
	for _, vi := range v.Items {
		it := vi.Item
		d.Blocks = append(d.Blocks, export.Heading{Level: 2, Text: fmt.Sprintf("%d. %s", it.Position, it.Title)})
		if it.ImpositionID != 0 {
			d.Blocks = append(d.Blocks, export.Paragraph{Text: "Vertrouwelijk (art 20 WOR). Niet verspreiden.", Bold: true})
		}
		if n := strings.TrimSpace(it.Notes); n != "" {
			for _, p := range strings.Split(n, "\n\n") {
				d.Blocks = append(d.Blocks, export.Paragraph{Text: p})
			}
		}
		switch it.Outcome {
		case model.OutcomeCarried:
			d.Blocks = append(d.Blocks, export.Paragraph{Text: "Doorgeschoven naar de volgende vergadering."})
		case model.OutcomeBacklog:
			d.Blocks = append(d.Blocks, export.Paragraph{Text: "Niet behandeld; terug op de parkeerlijst."})
		}
		if it.Role == model.RoleActionList && !listShown {
			d.Blocks = append(d.Blocks, export.Paragraph{Text: "Actielijst per " + m.Date.Long() + ":", Bold: true})
			d.Blocks = append(d.Blocks, actionListBlocks(v.ActionList, m.Date)...)
			listShown = true
		}
		d.Blocks = append(d.Blocks, decisionBlocks(vi.Decisions)...)
		d.Blocks = append(d.Blocks, actionBlocks(vi.Actions)...)
	}
	if len(v.LooseDecisions) > 0 || len(v.LooseActions) > 0 {
		d.Blocks = append(d.Blocks, export.Heading{Level: 2, Text: "Overige besluiten en acties"})
		d.Blocks = append(d.Blocks, decisionBlocks(v.LooseDecisions)...)
		d.Blocks = append(d.Blocks, actionBlocks(v.LooseActions)...)
	}
	d.Blocks = append(d.Blocks, export.Heading{Level: 1, Text: "Nieuwe acties"})
	if len(v.NewActions) == 0 {
		d.Blocks = append(d.Blocks, export.Paragraph{Text: "Geen."})
	} else {
		header, rows := actionRows(v.NewActions, m.Date)
		d.Blocks = append(d.Blocks, export.Table{Header: header[:5], Rows: cut(rows, 5)})
	}
	if !listShown {
		d.Blocks = append(d.Blocks, export.Heading{Level: 1, Text: "Actielijst per " + m.Date.Long()})
		d.Blocks = append(d.Blocks, actionListBlocks(v.ActionList, m.Date)...)
	}
	return d
}

func actionListBlocks(list []model.Action, day model.Date) []export.Block {
	if len(list) == 0 {
		return []export.Block{export.Paragraph{Text: "Geen openstaande acties."}}
	}
	header, rows := actionRows(list, day)
	return []export.Block{export.Table{Header: header[:7], Rows: cut(rows, 7)}}
}

func decisionBlocks(list []model.Decision) []export.Block {
	if len(list) == 0 {
		return nil
	}
	var items []string
	for _, d := range list {
		items = append(items, "Besluit "+d.Number()+": "+d.Text)
	}
	return []export.Block{export.Paragraph{Text: "Besluiten:", Bold: true}, export.List{Items: items}}
}

func actionBlocks(list []model.Action) []export.Block {
	if len(list) == 0 {
		return nil
	}
	var items []string
	for _, a := range list {
		line := a.Number() + " " + a.Description + " (" + a.Owner
		if !a.Due.IsZero() {
			line += ", uiterlijk " + a.Due.Compact()
		}
		items = append(items, line+")")
	}
	return []export.Block{export.Paragraph{Text: "Acties:", Bold: true}, export.List{Items: items}}
}

func names(list []model.Attendee, none string) string {
	if len(list) == 0 {
		return none
	}
	var out []string
	for _, a := range list {
		n := a.Name
		if a.Note != "" {
			n += " (" + a.Note + ")"
		}
		out = append(out, n)
	}
	return strings.Join(out, ", ")
}

func cut(rows [][]string, n int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r[:n]
	}
	return out
}
