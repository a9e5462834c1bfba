package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/extract"
)

func init() {
	register("import", command{
		summary: "neem bestanden en mappen op in het archief (PDF, DOCX, ODT, TXT, Markdown, HTML, EML)",
		usage: "import PAD... [--dossier ID] [--type T] [--vertrouwelijk] [--json | --jsonl]\n\n" +
			"Mappen worden met alle submappen ingelezen (verborgen bestanden niet). Een bestand dat al in het\n" +
			"archief staat, wordt overgeslagen. Elk bestand dat niet lukt, staat met de reden in de samenvatting.\n" +
			"Afsluitcode: 0 als elk bestand is opgenomen of er al stond, 1 als er minstens één mislukte\n" +
			"(de rest is dan wel opgenomen), 2 bij een verkeerde aanroep.\n\n" +
			"--json schrijft aan het eind de samenvatting als JSON. --jsonl schrijft per bestand één regel JSON\n" +
			"(path, status, document_id, title, reason, ...) zodra de uitkomst vaststaat: een opgenomen bestand\n" +
			"pas als het veilig in de database staat, zodat een script na een crash weet wat er al is.",
		run: runImport,
	})
}

func runImport(c *cli, args []string) int {
	fs := newFlags("import")
	dossier := fs.String("dossier", "", "")
	typ := fs.String("type", "", "")
	confidential := fs.Bool("vertrouwelijk", false, "")
	asJSON := fs.Bool("json", false, "")
	lines := fs.Bool("jsonl", false, "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON && *lines {
		return c.fail(usagef("kies --json of --jsonl, niet allebei"))
	}
	if len(paths) == 0 {
		return c.fail(usagef("import verwacht minstens één bestand of map"))
	}
	meta := model.DocumentMeta{Confidential: *confidential}
	if *dossier != "" {
		id, err := strconv.ParseInt(*dossier, 10, 64)
		if err != nil || id <= 0 {
			return c.fail(usagef("--dossier verwacht het nummer van een dossier, niet %q", *dossier))
		}
		meta.DossierID = id
	}
	if *typ != "" {
		t, err := model.ParseDocType(*typ)
		if err != nil {
			return c.fail(usagef("--type: %v", err))
		}
		meta.Type = t
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()

	// ctrl+c stops after the current file; what was read is kept.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	p := newProgressLine(c.stderr)
	var each func(model.ImportResult)
	if *lines {
		each = func(r model.ImportResult) {
			if r.Warnings == nil {
				r.Warnings = []string{}
			}
			c.printJSONLine(r)
		}
	}
	sum, err := s.ImportPathsEach(ctx, paths, meta, p.show, each)
	p.clear()
	if err != nil {
		return c.fail(err)
	}
	c.log.Info("import", "total", sum.Total, "imported", sum.Imported, "duplicates", sum.Duplicates, "failed", sum.Failed)
	switch {
	case *lines:
	case *asJSON:
		fillNilSlices(&sum)
		if code := c.printJSON(sum); code != exitOK {
			return code
		}
	default:
		printSummary(c.stdout, sum)
	}
	if sum.Failed > 0 || sum.Canceled {
		return exitFailure
	}
	return exitOK
}

// fillNilSlices makes every list in the JSON an array, never null.
func fillNilSlices(s *model.ImportSummary) {
	for _, l := range []*[]model.ImportResult{&s.Failures, &s.DuplicateFiles, &s.NoTextFiles, &s.Warnings} {
		if *l == nil {
			*l = []model.ImportResult{}
		}
		for i := range *l {
			if (*l)[i].Warnings == nil {
				(*l)[i].Warnings = []string{}
			}
		}
	}
}

// printSummary writes the counts and then every file that needs the user's attention, with its reason.
func printSummary(w io.Writer, s model.ImportSummary) {
	fmt.Fprintf(w, "%s opgenomen", count(s.Imported, "bestand", "bestanden"))
	if s.Attachments > 0 {
		fmt.Fprintf(w, " (plus %s uit e-mails)", count(s.Attachments, "bijlage", "bijlagen"))
	}
	fmt.Fprintf(w, ", %d al in het archief, %d mislukt", s.Duplicates, s.Failed)
	if s.Hidden > 0 {
		fmt.Fprintf(w, ", %d verborgen overgeslagen", s.Hidden)
	}
	fmt.Fprintln(w)
	if s.Canceled {
		fmt.Fprintf(w, "afgebroken: %s niet meer gelezen; wat al gelezen was, is opgenomen\n", count(s.NotStarted, "bestand", "bestanden"))
	}
	if s.ImpositionID != 0 {
		fmt.Fprintf(w, "vertrouwelijk: alles valt onder geheimhouding %d (zonder einddatum)\n", s.ImpositionID)
	}
	section := func(title string, rs []model.ImportResult, line func(model.ImportResult) string) {
		if len(rs) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s (%d):\n", title, len(rs))
		for _, r := range rs {
			fmt.Fprintf(w, "  %s\n", line(r))
		}
	}
	section("mislukt", s.Failures, func(r model.ImportResult) string { return r.Path + ": " + r.Reason })
	section(extract.NoTextLabel+", wel bewaard", s.NoTextFiles, func(r model.ImportResult) string { return r.Path })
	section("al in het archief", s.DuplicateFiles, func(r model.ImportResult) string { return r.Path + ": " + r.Reason })
	section("let op", s.Warnings, func(r model.ImportResult) string { return r.Path + ": " + strings.Join(r.Warnings, "; ") })
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// progressLine redraws one line on stderr while an import runs, at most ten times a second, and only
// when stderr is a terminal (a cron job's log gets the summary alone).
type progressLine struct {
	w      io.Writer
	tty    bool
	last   time.Time
	shown  bool
	maxLen int
}

func newProgressLine(w io.Writer) *progressLine {
	p := &progressLine{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progressLine) show(pr model.ImportProgress) {
	if !p.tty || time.Since(p.last) < 100*time.Millisecond && pr.Current != "" {
		return
	}
	p.last = time.Now()
	line := fmt.Sprintf("importeren %d/%d · %d nieuw · %d dubbel · %d mislukt  %s", pr.Done, pr.Total, pr.Imported,
		pr.Duplicates, pr.Failed, shorten(pr.Current, 40))
	p.maxLen = max(p.maxLen, len(line))
	fmt.Fprintf(p.w, "\r%-*s", p.maxLen, line)
	p.shown = true
}

func (p *progressLine) clear() {
	if p.shown {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.maxLen))
	}
}

// shorten keeps the end of a path, which names the file.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}
