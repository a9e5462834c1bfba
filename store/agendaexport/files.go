package agendaexport

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"os"
	"path/filepath"
	"strings"
	"time"
	_ "time/tzdata" // the meeting's times are Dutch local time on every platform

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/export"
)

// Formats a user can ask for: the document formats of the export kit, plus ics (the meeting) and eml
// (the convocation).
var Formats = []string{"md", "txt", "docx", "pdf", "ics", "eml"}

// ParseFormat reads a format as typed ("PDF", ".docx", "markdown", "ical", "mail").
func ParseFormat(s string) (string, error) {
	code := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), ".")
	switch code {
	case "ical", "icalendar", "ics":
		return "ics", nil
	case "eml", "mail", "email", "e-mail":
		return "eml", nil
	}
	f, err := export.ParseFormat(code)
	if err != nil {
		return "", fmt.Errorf("onbekend formaat %q: kies md, txt, docx, pdf, ics of eml", s)
	}
	return string(f), nil
}

// FileName suggests a file name: "agenda-or-vergadering-2025-12-02-openbaar.pdf",
// "vergadering-overlegvergadering-2025-12-11.ics", "convocatie-or-vergadering-2025-12-02.eml".
func FileName(m model.Meeting, format string, openbaar bool) string {
	prefix := "agenda"
	switch format {
	case "ics":
		prefix = "vergadering"
	case "eml":
		prefix = "convocatie"
	}
	name := prefix + "-" + string(m.Kind) + "-" + m.Date.String()
	if openbaar {
		name += "-openbaar"
	}
	return name + "." + format
}

// Event is the meeting as a calendar appointment in Dutch local time, with the agenda in its description.
func (in Input) Event(openbaar bool, stamp time.Time) (export.Event, error) {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return export.Event{}, err
	}
	m := in.Meeting
	day := m.Date.Time()
	at := func(c model.Clock) time.Time {
		return time.Date(day.Year(), day.Month(), day.Day(), int(c)/60, int(c)%60, 0, 0, loc)
	}
	ev := export.Event{
		UID:         fmt.Sprintf("werkbank-vergadering-%d-%d@werkbank", in.Body.ID, m.ID),
		Summary:     m.Kind.Label() + " " + in.Body.Name,
		Description: "Agenda:\n" + in.Text(openbaar),
		Location:    m.Location,
		Start:       at(m.Start),
		End:         at(m.End),
		Stamp:       stamp,
	}
	ev.Attendees = in.recipients()
	return ev, nil
}

// recipients are the members and, for meetings with the bestuurder and for every OR agenda (art 14 lid 2
// sub g: to the bestuurder as well), the bestuurder.
func (in Input) recipients() []export.Person {
	var out []export.Person
	for _, mem := range in.Members {
		if mem.Email != "" {
			out = append(out, export.Person{Name: mem.Name, Email: mem.Email})
		}
	}
	if in.Bestuurder.Email != "" && in.Meeting.Kind != model.MeetingAchterban && in.Meeting.Kind != model.MeetingDB {
		out = append(out, export.Person{Name: in.Bestuurder.Name, Email: in.Bestuurder.Email})
	}
	return out
}

// Mail is the convocation as a draft: to members and bestuurder, the agenda in the body, the attached
// papers as attachments. data reads a document's original bytes.
func (in Input) Mail(openbaar bool, data func(documentID int64) ([]byte, error)) (export.Mail, error) {
	m := in.Meeting
	var body strings.Builder
	fmt.Fprintf(&body, "Beste leden,\n\nHierbij de agenda van de %s op %s", strings.ToLower(m.Kind.Label()), in.when())
	if m.Location != "" {
		fmt.Fprintf(&body, " in %s", m.Location)
	}
	body.WriteString(".\n\n")
	if m.Chair != "" {
		fmt.Fprintf(&body, "Voorzitter: %s\n\n", m.Chair)
	}
	body.WriteString("Agenda\n\n" + in.Text(openbaar) + "\n" + summary(m, model.Plan(m, in.View(openbaar))) + "\n")
	for _, it := range in.View(openbaar) {
		docs := in.docs(it, openbaar)
		if len(docs) == 0 {
			continue
		}
		fmt.Fprintf(&body, "\nStukken bij punt %d (bijgevoegd):\n", it.Position)
		for _, d := range docs {
			fmt.Fprintf(&body, "- %s\n", d.Title)
		}
	}
	body.WriteString("\nMet vriendelijke groet,\n\nAmbtelijk secretaris\n" + in.Body.Name + "\n")
	mail := export.Mail{To: in.recipients(), Subject: in.Title(), TextBody: body.String()}
	if len(mail.To) == 0 {
		return mail, fmt.Errorf("geen geadresseerden: vul e-mailadressen van leden of bestuurder in (Instellingen)")
	}
	seen := map[int64]bool{}
	for _, it := range in.Items {
		for _, d := range in.docs(it, openbaar) {
			if seen[d.ID] {
				continue
			}
			seen[d.ID] = true
			b, err := data(d.ID)
			if err != nil {
				return mail, fmt.Errorf("bijlage %s: %w", d.Title, err)
			}
			name := d.FileName
			if name == "" {
				name = d.Title
			}
			mail.Attachments = append(mail.Attachments, export.Attachment{Name: name,
				ContentType: mime.TypeByExtension(strings.ToLower(filepath.Ext(name))), Data: b})
		}
	}
	return mail, nil
}

// Write renders the export in format and stores it atomically at path: a failure leaves no file behind.
func Write(path, format string, in Input, openbaar bool, stamp time.Time, data func(int64) ([]byte, error)) error {
	f, err := ParseFormat(format)
	if err != nil {
		return err
	}
	if err := checkDir(path); err != nil {
		return err
	}
	switch f {
	case "ics":
		ev, err := in.Event(openbaar, stamp)
		if err != nil {
			return err
		}
		return export.WriteFile(path, func(w io.Writer) error { return export.ICS(w, ev) })
	case "eml":
		mail, err := in.Mail(openbaar, data)
		if err != nil {
			return err
		}
		return export.WriteFile(path, func(w io.Writer) error { return export.EML(w, mail) })
	}
	return export.Write(path, export.Format(f), in.Doc(openbaar))
}

// checkDir says in plain Dutch why a path cannot be written, before any work is done.
func checkDir(path string) error {
	if strings.TrimSpace(path) == "" {
		return model.Invalid("path", "geef een bestandsnaam op")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return model.Invalid("path", path+" is een map: geef een bestandsnaam op")
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return model.Invalid("path", "de map "+dir+" bestaat niet; kies een bestaande map")
	case errors.Is(err, fs.ErrPermission):
		return model.Invalid("path", "geen toegang tot de map "+dir)
	case err != nil:
		return model.Invalid("path", "kan de map "+dir+" niet lezen")
	case !fi.IsDir():
		return model.Invalid("path", dir+" is geen map")
	}
	probe, err := os.CreateTemp(dir, ".werkbank-probe-*")
	if err != nil {
		return model.Invalid("path", "in de map "+dir+" mag u niet schrijven; kies een andere map")
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}
