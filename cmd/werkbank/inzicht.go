package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/werkbank-nl/werkbank/model/inzicht"
	"github.com/werkbank-nl/werkbank/store/export"
	"github.com/werkbank-nl/werkbank/tui/styles"

	tuiinzicht "github.com/werkbank-nl/werkbank/tui/inzicht"
)

func init() {
	register("inzicht", command{summary: "toon hoe de raad werkt in cijfers (agenda's, vergaderingen, acties, dossiers, brieven)",
		usage: "inzicht [--jaar N] [--kwartaal 1-4] [--alle] [--json]", run: runInzicht})
	register("jaarverslag", command{summary: "maak het concept-jaarverslag van het actieve orgaan (art 14 lid 2 sub h WOR)",
		usage: "jaarverslag JAAR --format md|docx|pdf --out BESTAND", run: runJaarverslag})
}

func runInzicht(c *cli, args []string) int {
	fs := newFlags("inzicht")
	year := fs.Int("jaar", 0, "")
	quarter := fs.Int("kwartaal", 0, "")
	all := fs.Bool("alle", false, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("inzicht verwacht geen argumenten (gebruik: werkbank inzicht [--jaar N] [--kwartaal 1-4] [--alle] [--json])"))
	}
	if *year != 0 && (*year < 1900 || *year > 2200) {
		return c.fail(usagef("--jaar verwacht een jaartal, bijvoorbeeld 2025"))
	}
	if *quarter < 0 || *quarter > 4 {
		return c.fail(usagef("--kwartaal verwacht 1, 2, 3 of 4"))
	}
	s, body, ok, err := c.activeBody()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	if !ok {
		return c.fail(fmt.Errorf("nog geen orgaan; begin met 'werkbank' of 'werkbank demo'"))
	}
	today := s.Today()
	p := inzicht.Period{Year: *year, Quarter: *quarter}
	if p.Year == 0 {
		p.Year = today.Year()
	}
	id := body.ID
	if *all {
		id = 0
	}
	f, err := s.Inzicht(bg(), id, p, today)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		return c.printJSON(f)
	}
	who := body.Name
	if *all {
		who = "alle organen (" + strings.Join(f.Bodies, ", ") + ")"
	}
	fmt.Fprintf(c.stdout, "Inzicht %s  %s  (%s – %s)\n", f.Label, who, f.From.Long(), f.To.Long())
	// The same lines the Inzicht screen draws, without colour.
	for _, l := range tuiinzicht.Report(f, styles.Styles{}, 100) {
		fmt.Fprintln(c.stdout, strings.TrimRight(l, " "))
	}
	return exitOK
}

func runJaarverslag(c *cli, args []string) int {
	const usage = "gebruik: werkbank jaarverslag JAAR --format md|docx|pdf --out BESTAND"
	fs := newFlags("jaarverslag")
	format := fs.String("format", "", "")
	out := fs.String("out", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) != 1 {
		return c.fail(usagef("%s", usage))
	}
	year, err := strconv.Atoi(pos[0])
	if err != nil || year < 1900 || year > 2200 {
		return c.fail(usagef("%q is geen jaartal (%s)", pos[0], usage))
	}
	if *out == "" {
		return c.fail(usagef("kies een bestand met --out (%s)", usage))
	}
	f := *format
	if f == "" {
		f = strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")
	}
	if _, err := export.ParseFormat(f); err != nil || f == "" {
		return c.fail(usagef("kies een formaat met --format md, docx of pdf (%s)", usage))
	}
	s, body, ok, err := c.activeBody()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	if !ok {
		return c.fail(fmt.Errorf("nog geen orgaan; begin met 'werkbank' of 'werkbank demo'"))
	}
	if err := s.ExportJaarverslag(bg(), body.ID, year, f, *out); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.stdout, "Jaarverslag %d van %s opgeslagen in %s\n", year, body.Name, *out)
	return exitOK
}
