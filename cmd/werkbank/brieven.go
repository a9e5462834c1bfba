package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/store/export"
)

func init() {
	register("brieven", command{summary: "toon de brieven van het actieve orgaan met sjabloon, dossier, status en data",
		usage: "brieven [--json]", run: runBrieven})
	exportKinds["brief"] = exportKind{
		summary: "een brief als Word (docx), PDF, Markdown (md) of tekst (txt); open velden blijven gemarkeerd",
		usage:   "export brief BRIEF-ID --format docx|pdf|md|txt [--out BESTAND]",
		run:     runExportBrief,
	}
}

// letterJSON is one letter in `brieven --json`: dates as YYYY-MM-DD, references as <thing>_id.
type letterJSON struct {
	ID           int64         `json:"id"`
	Template     string        `json:"template"`
	TemplateName string        `json:"template_name"`
	DossierID    *int64        `json:"dossier_id"`
	DossierTitle string        `json:"dossier_title"`
	Subject      string        `json:"subject"`
	Status       letter.Status `json:"status"`
	CreatedOn    model.Date    `json:"created_on"`
	SavedOn      model.Date    `json:"saved_on"`
	SentOn       model.Date    `json:"sent_on"`
	Versions     int           `json:"versions"`
	DocumentID   *int64        `json:"document_id"`
}

func optID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func runBrieven(c *cli, args []string) int {
	fs := newFlags("brieven")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("brieven verwacht geen argumenten"))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	body, err := s.ActiveBody(bg())
	if err != nil {
		if *asJSON {
			return c.printJSON([]letterJSON{})
		}
		fmt.Fprintln(c.stderr, "werkbank: nog geen orgaan; begin met 'werkbank' of 'werkbank demo'")
		return exitOK
	}
	letters, err := s.Letters(bg(), body.ID)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		out := make([]letterJSON, 0, len(letters))
		for _, l := range letters {
			out = append(out, letterJSON{ID: l.ID, Template: l.Template, TemplateName: l.TemplateName, DossierID: optID(l.DossierID),
				DossierTitle: l.DossierTitle, Subject: l.Subject, Status: l.Status, CreatedOn: model.DateOf(l.CreatedAt.Local()),
				SavedOn: model.DateOf(l.SavedAt.Local()), SentOn: l.SentOn, Versions: l.Versions, DocumentID: optID(l.DocumentID)})
		}
		return c.printJSON(out)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s (%d brieven)\n", body.Name, len(letters))
	fmt.Fprintln(tw, "id\tsjabloon\tdossier\tstatus\tversie\taangemaakt\tverzonden")
	for _, l := range letters {
		dossier, sent := l.DossierTitle, "-"
		if dossier == "" {
			dossier = "-"
		}
		if !l.SentOn.IsZero() {
			sent = l.SentOn.Compact()
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", l.ID, l.TemplateName, letterCut(dossier, 40), l.Status.Label(), l.Versions,
			model.DateOf(l.CreatedAt.Local()).Compact(), sent)
	}
	tw.Flush()
	return exitOK
}

func letterCut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func runExportBrief(c *cli, args []string) int {
	fs := newFlags("export brief")
	format := fs.String("format", "", "")
	out := fs.String("out", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) != 1 {
		return c.fail(usagef("gebruik: werkbank %s", exportKinds["brief"].usage))
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return c.fail(usagef("%q is geen brief-id; 'werkbank brieven' toont de id's", pos[0]))
	}
	f := *format
	if f == "" && *out != "" {
		f = strings.TrimPrefix(filepath.Ext(*out), ".")
	}
	if f == "" {
		return c.fail(usagef("kies een formaat met --format docx, pdf, md of txt"))
	}
	ef, err := export.ParseFormat(f)
	if err != nil {
		return c.fail(usagef("%v", err))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	if _, err := s.Letter(bg(), id); errors.Is(err, model.ErrNotFound) {
		return c.fail(fmt.Errorf("brief %d bestaat niet (of staat in de prullenbak)", id))
	} else if err != nil {
		return c.fail(err)
	}
	path := *out
	if path == "" {
		if path, err = s.LetterFileName(bg(), id, string(ef)); err != nil {
			return c.fail(err)
		}
	}
	if err := s.ExportLetter(bg(), id, string(ef), path); err != nil {
		return c.fail(err)
	}
	c.log.Info("letter exported", "letter", id, "format", ef)
	fmt.Fprintf(c.stdout, "%s geschreven\n", path)
	return exitOK
}
