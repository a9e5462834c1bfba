package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
)

func init() {
	register("acties", command{summary: "toon de actielijst van het actieve orgaan, op datum",
		usage: "acties [--open] [--te-laat] [--json]", run: runActies})
	register("besluiten", command{summary: "toon de besluitenlijst van het actieve orgaan",
		usage: "besluiten [--jaar N] [--json]", run: runBesluiten})
	exportKinds["acties"] = exportKind{
		summary: "de actielijst (md, csv voor Excel, docx, pdf); --open en --te-laat beperken de lijst",
		usage:   "export acties --format md|csv|docx|pdf [--open] [--te-laat] [--out BESTAND]",
		run:     runExportActies,
	}
	exportKinds["besluiten"] = exportKind{
		summary: "de besluitenlijst (md, csv voor Excel, docx, pdf), van één jaar met --jaar",
		usage:   "export besluiten --format md|csv|docx|pdf [--jaar N] [--out BESTAND]",
		run:     runExportBesluiten,
	}
}

// actionJSON is one action in `acties --json`: the action's fields plus its lateness today.
type actionJSON struct {
	model.Action
	OverdueDays int `json:"overdue_days"`
}

// activeBody opens the store and finds the active body; ok is false when there is none yet (the
// caller prints an empty result).
func (c *cli) activeBody() (*store.Store, model.Body, bool, error) {
	s, err := c.open()
	if err != nil {
		return nil, model.Body{}, false, err
	}
	b, err := s.ActiveBody(bg())
	if errors.Is(err, model.ErrNotFound) {
		return s, b, false, nil
	}
	if err != nil {
		s.Close()
		return nil, b, false, err
	}
	return s, b, true, nil
}

func runActies(c *cli, args []string) int {
	fs := newFlags("acties")
	open := fs.Bool("open", false, "")
	late := fs.Bool("te-laat", false, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("acties verwacht geen argumenten"))
	}
	s, body, ok, err := c.activeBody()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	if !ok {
		if *asJSON {
			return c.printJSON([]actionJSON{})
		}
		fmt.Fprintln(c.stderr, "werkbank: nog geen orgaan; begin met 'werkbank' of 'werkbank demo'")
		return exitOK
	}
	today := s.Today()
	list, err := s.Actions(bg(), body.ID, model.ActionFilter{OpenOnly: *open, Overdue: *late}, today)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		out := make([]actionJSON, 0, len(list))
		for _, a := range list {
			out = append(out, actionJSON{Action: a, OverdueDays: a.OverdueDays(today)})
		}
		return c.printJSON(out)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	nLate := 0
	for _, a := range list {
		if a.OverdueDays(today) > 0 {
			nLate++
		}
	}
	fmt.Fprintf(tw, "%s (%d acties, %d te laat)\n", body.Name, len(list), nLate)
	fmt.Fprintln(tw, "nr\tactie\teigenaar\tdatum\tstatus\tuitgesteld\t")
	for _, a := range list {
		post := ""
		if a.Postponed > 0 {
			post = fmt.Sprintf("%dx", a.Postponed)
		}
		due := "-"
		if !a.Due.IsZero() {
			due = a.Due.Short()
		}
		lateText := model.LateText(a.OverdueDays(today))
		if lateText != "" {
			lateText = "✗ " + lateText
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.Number(), cutText(a.Description, 50), a.Owner, due, a.Status, post, lateText)
	}
	tw.Flush()
	return exitOK
}

func cutText(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

func runBesluiten(c *cli, args []string) int {
	fs := newFlags("besluiten")
	year := fs.Int("jaar", 0, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("besluiten verwacht geen argumenten"))
	}
	if *year != 0 && (*year < 1900 || *year > 2200) {
		return c.fail(usagef("--jaar verwacht een jaartal, bijvoorbeeld 2025"))
	}
	s, body, ok, err := c.activeBody()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	if !ok {
		if *asJSON {
			return c.printJSON([]model.Decision{})
		}
		fmt.Fprintln(c.stderr, "werkbank: nog geen orgaan; begin met 'werkbank' of 'werkbank demo'")
		return exitOK
	}
	list, err := s.Decisions(bg(), body.ID, model.DecisionFilter{Year: *year})
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		return c.printJSON(list)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s (%d besluiten)\n", body.Name, len(list))
	fmt.Fprintln(tw, "nummer\tdatum\tvergadering\tbesluit")
	for _, d := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.Number(), d.Date.Short(), d.MeetingTitle, cutText(d.Text, 60))
	}
	tw.Flush()
	return exitOK
}

// listFormat reads --format, or takes it from the extension of --out.
func listFormat(format, out, usage string) (string, error) {
	f := format
	if f == "" && out != "" {
		f = strings.TrimPrefix(filepath.Ext(out), ".")
	}
	if f == "" {
		return "", usagef("kies een formaat met --format md, csv, docx of pdf (gebruik: werkbank %s)", usage)
	}
	f, err := store.ParseListFormat(f)
	if err != nil {
		return "", usagef("%v", err)
	}
	return f, nil
}

func runExportActies(c *cli, args []string) int {
	fs := newFlags("export acties")
	format := fs.String("format", "", "")
	out := fs.String("out", "", "")
	open := fs.Bool("open", false, "")
	late := fs.Bool("te-laat", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("gebruik: werkbank %s", exportKinds["acties"].usage))
	}
	f, err := listFormat(*format, *out, exportKinds["acties"].usage)
	if err != nil {
		return c.fail(err)
	}
	s, body, ok, err := c.activeBody()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	if !ok {
		return c.fail(errors.New("nog geen orgaan; begin met 'werkbank' of 'werkbank demo'"))
	}
	path := *out
	if path == "" {
		path = store.ActionsFileName(s.Today(), f)
	}
	if err := s.ExportActions(bg(), body.ID, model.ActionFilter{OpenOnly: *open, Overdue: *late}, f, path); err != nil {
		return c.fail(err)
	}
	c.log.Info("actions exported", "format", f)
	fmt.Fprintf(c.stdout, "%s geschreven\n", path)
	return exitOK
}

func runExportBesluiten(c *cli, args []string) int {
	fs := newFlags("export besluiten")
	format := fs.String("format", "", "")
	out := fs.String("out", "", "")
	year := fs.Int("jaar", 0, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("gebruik: werkbank %s", exportKinds["besluiten"].usage))
	}
	f, err := listFormat(*format, *out, exportKinds["besluiten"].usage)
	if err != nil {
		return c.fail(err)
	}
	s, body, ok, err := c.activeBody()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	if !ok {
		return c.fail(errors.New("nog geen orgaan; begin met 'werkbank' of 'werkbank demo'"))
	}
	path := *out
	if path == "" {
		path = store.DecisionsFileName(*year, f)
	}
	if err := s.ExportDecisions(bg(), body.ID, model.DecisionFilter{Year: *year}, f, path); err != nil {
		return c.fail(err)
	}
	c.log.Info("decisions exported", "format", f)
	fmt.Fprintf(c.stdout, "%s geschreven\n", path)
	return exitOK
}
