package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

func init() {
	register("search", command{
		summary: "zoek in het archief, de acties en de besluiten",
		usage: "search ZOEKVRAAG... [--json] [--limit N] [--datum] [--alle]\n\n" +
			"Woorden moeten allemaal voorkomen; ook vervoegingen worden gevonden (vergadering vindt\n" +
			"vergaderingen) en accenten doen er niet toe (ideeen vindt ideeën). Verder: \"een zin\", reorg*,\n" +
			"woord OF woord, -woord, en de filters type:brief-in, jaar:2024, van:DATUM, tot:DATUM,\n" +
			"dossier:..., afzender:... (type:actie en type:besluit zoeken alleen acties of besluiten).\n" +
			"Standaard op relevantie; --datum zet de nieuwste eerst. --limit N toont N treffers (standaard\n" +
			"50); --alle telt alle treffers in plaats van te stoppen bij 1.000.",
		run: runSearch,
	})
}

// splitSearchArgs takes the flags of search out of args; everything else is the query, so that a
// query word may start with a dash (-concept leaves out documents with "concept").
func splitSearchArgs(args []string) (flags, query []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case a == "--":
			return flags, append(query, args[i+1:]...), nil
		case !strings.HasPrefix(a, "-"):
			query = append(query, a)
		case name == "json" || name == "datum" || name == "alle":
			flags = append(flags, a)
		case name == "limit":
			flags = append(flags, a)
			if !hasValue {
				if i+1 == len(args) {
					return nil, nil, usagef("--limit verwacht een aantal")
				}
				i++
				flags = append(flags, args[i])
			}
		default:
			query = append(query, a)
		}
	}
	return flags, query, nil
}

func runSearch(c *cli, args []string) int {
	flagArgs, words, err := splitSearchArgs(args)
	if err != nil {
		return c.fail(err)
	}
	fs := newFlags("search")
	asJSON := fs.Bool("json", false, "")
	limit := fs.String("limit", "50", "")
	byDate := fs.Bool("datum", false, "")
	all := fs.Bool("alle", false, "")
	if _, err := parseFlags(fs, flagArgs); err != nil {
		return c.fail(err)
	}
	n, err := strconv.Atoi(*limit)
	if err != nil || n < 1 || n > 1000 {
		return c.fail(usagef("--limit verwacht een aantal van 1 tot en met 1000, niet %q", *limit))
	}
	text := strings.TrimSpace(strings.Join(words, " "))
	if text == "" {
		return c.fail(usagef("search verwacht een zoekvraag, bijvoorbeeld: werkbank search reorganisatie jaar:2024"))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	opt := model.SearchOptions{Limit: n, SortByDate: *byDate, FullCount: *all}
	if b, err := s.ActiveBody(bg()); err == nil {
		opt.BodyID = b.ID
	}
	res, err := s.SearchText(bg(), text, opt)
	if err != nil {
		return c.fail(err)
	}
	for _, p := range res.Problems {
		fmt.Fprintln(c.stderr, "werkbank: let op:", p)
	}
	if *asJSON {
		return c.printJSON(res.Hits)
	}
	printHits(c, text, res, *byDate)
	return exitOK
}

func printHits(c *cli, text string, res model.SearchResult, byDate bool) {
	order := "op relevantie"
	if byDate {
		order = "nieuwste eerst"
	}
	if len(res.Hits) == 0 {
		fmt.Fprintf(c.stdout, "niets gevonden voor %q\n", text)
		return
	}
	fmt.Fprintf(c.stdout, "%s voor %q · %s\n", res.CountText(), text, order)
	var b strings.Builder
	for _, h := range res.Hits {
		title := h.Title
		if h.Number != "" {
			title = h.Number + " " + title
		}
		tail := ""
		if h.DossierTitle != "" {
			tail += "  dossier: " + h.DossierTitle
		}
		if h.Confidential {
			tail += "  [V]"
		}
		fmt.Fprintf(&b, "%-9s %-11s %s%s\n", h.Type, h.Date.Compact(), title, tail)
		if h.Kind == model.HitDocument {
			fmt.Fprintf(&b, "%21s%s\n", "", h.Snippet)
		}
	}
	fmt.Fprint(c.stdout, b.String())
	if len(res.Hits) < res.Count || res.CountCapped {
		fmt.Fprintf(c.stdout, "(%d getoond; meer met --limit)\n", len(res.Hits))
	}
}
