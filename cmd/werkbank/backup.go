package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/werkbank-nl/werkbank/store"
)

func init() {
	register("backup", command{
		summary: "maak nu een back-up van de database",
		usage: "backup [UIT] [--json]\n\n" +
			"Zonder UIT komt de back-up in de back-upmap (zie 'werkbank paths'), waar werkbank de laatste\n" +
			"14 bewaart (instelling backup_keep). UIT is een nieuw bestand of een bestaande map.",
		run: runBackup,
	})
	register("restore", command{
		summary: "zet een back-up terug (de huidige database wordt eerst apart gezet)",
		usage: "restore BACKUP [--ja]\n\n" +
			"Vraagt eerst om bevestiging, tenzij --ja. De huidige database wordt eerst bewaard naast de\n" +
			"database (naam met 'voor-herstel' en het tijdstip). Andere geopende werkbank-vensters zien de\n" +
			"teruggezette gegevens na hun volgende toets.",
		run: runRestore,
	})
	register("check", command{
		summary: "controleer de database op beschadiging en halve gegevens",
		usage: "check [--json]\n\n" +
			"Afsluitcode 0 als alles in orde is, 1 bij elk gevonden probleem.",
		run: runCheck,
	})
}

func runBackup(c *cli, args []string) int {
	fs := newFlags("backup")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 1 {
		return c.fail(usagef("backup verwacht hoogstens één uitvoerbestand"))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	var path string
	var warn error
	if len(pos) == 0 {
		path, err = s.BackupNow(bg(), c.paths.Backups)
		if path != "" && err != nil {
			warn, err = err, nil
		}
	} else {
		path, err = backupTo(s, pos[0])
	}
	if err != nil {
		c.log.Error("backup failed", "err", err)
		return c.fail(err)
	}
	c.log.Info("backup made")
	if warn != nil {
		fmt.Fprintln(c.stderr, "werkbank: waarschuwing:", warn)
	}
	var size int64
	if fi, err := os.Stat(path); err == nil {
		size = fi.Size()
	}
	if *asJSON {
		return c.printJSON(store.BackupFile{Path: path, Made: time.Now(), Size: size})
	}
	fmt.Fprintf(c.stdout, "Back-up gemaakt: %s (%s)\n", path, humanSize(size))
	return exitOK
}

// backupTo writes a backup to out: a new file, or a new dated file inside an existing folder. An
// existing file is never overwritten.
func backupTo(s *store.Store, out string) (string, error) {
	if fi, err := os.Stat(out); err == nil {
		if !fi.IsDir() {
			return "", fmt.Errorf("%s bestaat al; kies een nieuwe naam (een back-up overschrijft nooit een bestand)", out)
		}
		base := strings.TrimSuffix(filepath.Base(s.Path()), filepath.Ext(s.Path()))
		out = filepath.Join(out, base+"-"+time.Now().Format("2006-01-02-150405")+".db")
	}
	return out, s.BackupTo(bg(), out)
}

func runRestore(c *cli, args []string) int {
	fs := newFlags("restore")
	yes := fs.Bool("ja", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) != 1 {
		return c.fail(usagef("restore verwacht precies één back-upbestand"))
	}
	backup := pos[0]
	fi, err := os.Stat(backup)
	if err != nil {
		return c.fail(fmt.Errorf("back-up %s: %w", backup, notFound(err)))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	if !*yes {
		fmt.Fprintf(c.stdout, "Dit vervangt alle gegevens in %s\ndoor de back-up %s (%s, gemaakt %s).\n",
			s.Path(), backup, humanSize(fi.Size()), fi.ModTime().Format("02-01-2006 15:04"))
		fmt.Fprint(c.stdout, "De huidige database wordt eerst apart gezet. Doorgaan? [j/N] ")
		if !confirmed(c.stdin) {
			fmt.Fprintln(c.stdout)
			return c.fail(errors.New("niet teruggezet; er is niets gewijzigd"))
		}
	}
	aside, err := s.RestoreFrom(bg(), backup)
	if err != nil {
		c.log.Error("restore failed", "err", err)
		return c.fail(err)
	}
	c.log.Info("restored from backup")
	fmt.Fprintf(c.stdout, "Back-up teruggezet.\nDe database van vóór het terugzetten staat in %s\n", aside)
	return exitOK
}

func notFound(err error) error {
	if errors.Is(err, os.ErrNotExist) {
		return errors.New("bestaat niet")
	}
	return err
}

// confirmed reads one answer; only j, ja, y or yes is a yes.
func confirmed(r io.Reader) bool {
	line, _ := bufio.NewReader(r).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "j", "ja", "y", "yes":
		return true
	}
	return false
}

func runCheck(c *cli, args []string) int {
	fs := newFlags("check")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("check verwacht geen argumenten"))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	rep, err := s.Check(bg())
	if err != nil {
		return c.fail(fmt.Errorf("de controle kon niet draaien: %w", err))
	}
	c.log.Info("check", "ok", rep.OK, "integrity", len(rep.Integrity), "foreign_keys", len(rep.ForeignKeys), "archive", len(rep.Archive))
	if *asJSON {
		if code := c.printJSON(rep); code != exitOK {
			return code
		}
	} else {
		printReport(c.stdout, rep, c.paths.Backups)
	}
	if !rep.OK {
		return exitFailure
	}
	return exitOK
}

// maxDetails is how many details of one part the plain report shows.
const maxDetails = 8

// printReport writes the check's outcome in plain Dutch: one line per part, details indented.
func printReport(w io.Writer, rep store.Report, backups string) {
	fmt.Fprintf(w, "Controle van %s\n", rep.Database)
	if rep.CheckedCopy {
		fmt.Fprintln(w, "(alleen lezen: gecontroleerd via een tijdelijke kopie; de database zelf is niet aangeraakt)")
	}
	part := func(ok bool, okText, badText string, details []string) {
		if ok {
			fmt.Fprintf(w, "  ✓ %s\n", okText)
			return
		}
		fmt.Fprintf(w, "  ✗ %s\n", badText)
		for i, d := range details {
			if i == maxDetails {
				fmt.Fprintf(w, "      … en %d meer (alles: werkbank check --json)\n", len(details)-i)
				break
			}
			fmt.Fprintf(w, "      %s\n", d)
		}
	}
	part(len(rep.Integrity) == 0, "bestand: in orde",
		fmt.Sprintf("bestand: beschadigd (%s gevonden door SQLite)", count(len(rep.Integrity), "probleem", "problemen")), rep.Integrity)
	var fks []string
	for _, p := range rep.ForeignKeys {
		fks = append(fks, fmt.Sprintf("%s rij %d verwijst naar iets in %s dat niet bestaat", p.Table, p.RowID, p.Parent))
	}
	part(len(fks) == 0, "verwijzingen tussen gegevens: in orde",
		fmt.Sprintf("verwijzingen tussen gegevens: %s", count(len(fks), "rij verwijst", "rijen verwijzen")+" naar iets dat niet bestaat"), fks)
	for _, f := range rep.FullText {
		part(f.OK, "zoekindex "+f.Table+": in orde", "zoekindex "+f.Table+": beschadigd", []string{f.Message})
	}
	part(len(rep.Archive) == 0, "archief: elk document heeft zijn volledige origineel en zijn plaats in de zoekindex",
		"archief: "+count(len(rep.Archive), "onvolledig document", "onvolledige documenten"), rep.Archive)
	if rep.OK {
		fmt.Fprintln(w, "Alles in orde.")
		return
	}
	fmt.Fprintln(w, "Er zijn problemen gevonden. Werk niet verder in deze database. Wat u kunt doen:")
	fmt.Fprintf(w, "  - zet de laatste goede back-up terug: werkbank restore BACKUP (back-ups staan in %s)\n", backups)
	fmt.Fprintln(w, "  - of bewaar eerst een kopie van het bestand (werkbank backup UIT) en vraag hulp")
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return strings.Replace(fmt.Sprintf("%.1f GB", float64(n)/(1<<30)), ".", ",", 1)
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	case n >= 1<<10:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
