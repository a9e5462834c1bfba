package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/werkbank-nl/werkbank/store"
)

func init() {
	register("import-acties", command{summary: "lees een bestaande actielijst in uit Excel (.xlsx) of CSV: alles of niets",
		usage: "import-acties BESTAND [--kolom-omschrijving K] [--kolom-eigenaar K] [--kolom-datum K] [--kolom-status K]\n" +
			"      [--kolom-notities K] [--vrije-eigenaar] [--proef] [--json]\n\n" +
			"K is de kop van de kolom, een letter (B) of een nummer (2). Zonder optie zoekt werkbank de kolommen aan\n" +
			"de hand van de kopregel (actie, wie, deadline, status, opmerkingen, ...). Eigenaars worden gekoppeld aan\n" +
			"de leden, de bestuurder of de AS; --vrije-eigenaar neemt een onbekende naam over zoals hij er staat.\n" +
			"Elke regel die niet te lezen is wordt gemeld met de reden, en dan wordt er niets ingelezen.\n" +
			"--proef toont wat er zou gebeuren zonder iets op te slaan.", run: runImportActies})
}

// importJSON is the result of `import-acties --json`.
type importJSON struct {
	Columns  string                `json:"columns"`
	Imported int                   `json:"imported"`
	Problems []store.ImportProblem `json:"problems"`
	DryRun   bool                  `json:"dry_run"`
}

func runImportActies(c *cli, args []string) int {
	fs := newFlags("import-acties")
	given := map[string]*string{}
	for _, k := range []string{"omschrijving", "eigenaar", "datum", "status", "notities"} {
		given[k] = fs.String("kolom-"+k, "", "")
	}
	free := fs.Bool("vrije-eigenaar", false, "")
	dry := fs.Bool("proef", false, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) != 1 {
		return c.fail(usagef("gebruik: werkbank import-acties BESTAND (.xlsx of .csv)"))
	}
	sh, err := store.ReadActionSheet(pos[0])
	if err != nil {
		return c.fail(err)
	}
	cols := map[string]string{}
	for k, v := range given {
		cols[k] = *v
	}
	mapping, err := store.DetectColumns(sh.Header, cols)
	if err != nil {
		return c.fail(usagef("%v", err))
	}
	s, body, ok, err := c.activeBody()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	if !ok {
		return c.fail(errors.New("nog geen orgaan; begin met 'werkbank' of 'werkbank demo'"))
	}
	imp, err := s.PrepareActionImport(bg(), body.ID, sh, mapping, store.ImportOptions{FreeOwners: *free})
	if err != nil {
		return c.fail(err)
	}
	res := importJSON{Columns: mapping.Describe(sh.Header), Problems: imp.Problems, DryRun: *dry}
	if !*asJSON {
		fmt.Fprintf(c.stdout, "kolommen: %s\n", res.Columns)
	}
	if len(imp.Problems) > 0 {
		if *asJSON {
			c.printJSON(res)
		} else {
			for _, p := range imp.Problems {
				fmt.Fprintf(c.stderr, "regel %d: %s\n", p.Line, p.Reason)
			}
		}
		_, err := s.ImportActions(bg(), imp) // refused: says nothing was imported
		return c.fail(err)
	}
	if !*dry {
		n, err := s.ImportActions(bg(), imp)
		if err != nil {
			return c.fail(err)
		}
		res.Imported = n
		c.log.Info("actions imported", "n", n, "format", strings.ToLower(filepath.Ext(pos[0]))) // a file name may name a person
	}
	if *asJSON {
		return c.printJSON(res)
	}
	switch {
	case *dry:
		fmt.Fprintf(c.stdout, "proef: %d acties zouden worden ingelezen bij %s; er is niets opgeslagen\n", len(imp.Actions), body.Name)
	default:
		fmt.Fprintf(c.stdout, "%d acties ingelezen bij %s\n", res.Imported, body.Name)
	}
	return exitOK
}
