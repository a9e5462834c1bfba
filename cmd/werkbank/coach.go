package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
	"github.com/werkbank-nl/werkbank/tui/settings"
	xterm "golang.org/x/term"
)

func init() {
	register("coach-copy", command{
		summary: "maak een kopie voor de coach, zonder wat geheim is",
		usage: "coach-copy UIT [--pseudonimiseer] [--zonder-originelen] [--versleutel] [--overschrijf] [--json]\n\n" +
			"Laat alles weg waarop geheimhouding rust (art 20 WOR), ook verlopen geheimhouding die u nog niet\n" +
			"heeft vrijgegeven, met alles wat daarnaar verwijst, en bouwt de zoekindex opnieuw op.\n" +
			"  --pseudonimiseer    namen worden labels (Lid A, Bestuurder); originelen die iemand noemen vallen weg\n" +
			"  --zonder-originelen alle originele bestanden blijven weg; de tekst blijft\n" +
			"  --versleutel        versleutel met een wachtwoord (twee keer gevraagd; zonder terminal uit\n" +
			"                      WERKBANK_PASSPHRASE of de eerste regel van de invoer)\n" +
			"  --overschrijf       vervang een bestaand bestand UIT",
		run: runCoachCopy,
	})
}

func runCoachCopy(c *cli, args []string) int {
	fs := newFlags("coach-copy")
	pseudo := fs.Bool("pseudonimiseer", false, "")
	noOrig := fs.Bool("zonder-originelen", false, "")
	encrypt := fs.Bool("versleutel", false, "")
	overwrite := fs.Bool("overschrijf", false, "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) != 1 {
		return c.fail(usagef("coach-copy verwacht één uitvoerbestand: werkbank coach-copy UIT"))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	opt := store.CoachOptions{Pseudonymise: *pseudo, WithoutOriginals: *noOrig, Overwrite: *overwrite}
	if *encrypt {
		if opt.Passphrase, err = c.passphrase("Wachtwoord voor de kopie: ", true); err != nil {
			return c.fail(err)
		}
	}
	sum, err := s.CoachCopy(bg(), pos[0], opt)
	if err != nil {
		c.log.Error("coach copy failed", "err", err)
		return c.fail(err)
	}
	c.log.Info("coach copy made", "pseudonymised", sum.Pseudonymised, "encrypted", sum.Encrypted)
	if *asJSON {
		if sum.Withheld == nil {
			sum.Withheld = []store.CoachCount{}
		}
		return c.printJSON(sum)
	}
	fmt.Fprint(c.stdout, coachReport(sum))
	return exitOK
}

// coachReport is the summary in Dutch: counts only, never content.
func coachReport(sum store.CoachSummary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Kopie voor coach gemaakt: %s (%s)\n", sum.Path, humanSize(sum.Size))
	if len(sum.Withheld) == 0 {
		b.WriteString("Niets weggelaten: er rust geen geheimhouding op gegevens.\n")
	} else {
		b.WriteString("Weggelaten omdat er geheimhouding op rust (art 20 WOR):\n")
		for _, w := range sum.Withheld {
			fmt.Fprintf(&b, "  %5d  %s\n", w.Count, w.Label)
		}
	}
	if sum.OriginalsOut > 0 {
		fmt.Fprintf(&b, "Originele bestanden weggelaten: %d (de tekst blijft doorzoekbaar)\n", sum.OriginalsOut)
	}
	if sum.Pseudonymised {
		fmt.Fprintf(&b, "Namen vervangen door labels: %d personen\n", sum.People)
	}
	if sum.Encrypted {
		b.WriteString("Versleuteld met een wachtwoord: geef het wachtwoord apart aan de coach.\n")
	}
	return b.String()
}

// passphrase asks for a passphrase on the terminal, twice when confirm is set. Without a terminal it
// takes WERKBANK_PASSPHRASE, or else the first line of standard input (for scripts and tests).
func (c *cli) passphrase(prompt string, confirm bool) ([]byte, error) {
	if v := c.getenv("WERKBANK_PASSPHRASE"); v != "" {
		return []byte(v), nil
	}
	if f, ok := c.stdin.(*os.File); ok && xterm.IsTerminal(int(f.Fd())) {
		fmt.Fprint(c.stderr, prompt)
		p1, err := xterm.ReadPassword(int(f.Fd()))
		fmt.Fprintln(c.stderr)
		if err != nil {
			return nil, fmt.Errorf("kan het wachtwoord niet lezen: %w", err)
		}
		if len(p1) == 0 {
			return nil, store.ErrNoPassphrase
		}
		if confirm {
			fmt.Fprint(c.stderr, "Nog een keer: ")
			p2, err := xterm.ReadPassword(int(f.Fd()))
			fmt.Fprintln(c.stderr)
			if err != nil {
				return nil, fmt.Errorf("kan het wachtwoord niet lezen: %w", err)
			}
			if !bytes.Equal(p1, p2) {
				return nil, errors.New("de twee wachtwoorden verschillen; er is niets gemaakt")
			}
		}
		return p1, nil
	}
	if c.stdin == nil {
		return nil, store.ErrNoPassphrase
	}
	line, err := bufio.NewReader(c.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("kan het wachtwoord niet lezen: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return nil, store.ErrNoPassphrase
	}
	return []byte(line), nil
}

// openPassphrase is what store.Open asks for an encrypted copy.
func (c *cli) openPassphrase() ([]byte, error) {
	return c.passphrase("Wachtwoord van de versleutelde kopie: ", false)
}

// coachBanner is the line under the tabs of a coach copy.
func coachBanner(s *store.Store) string {
	made, _ := s.Setting(context.Background(), store.SettingCoachCreated, "")
	if d, err := model.ParseDate(made); err == nil {
		made = d.Short()
	}
	return "Kopie voor coach, alleen lezen, gemaakt op " + made + " — wijzigen is uitgeschakeld"
}

// MakeCoachCopy is the coach copy as Instellingen asks for it.
func (a appStore) MakeCoachCopy(ctx context.Context, r settings.CoachRequest) (string, error) {
	sum, err := a.CoachCopy(ctx, r.Path, store.CoachOptions{Pseudonymise: r.Pseudonymise, WithoutOriginals: r.WithoutOriginals,
		Overwrite: r.Overwrite, Passphrase: r.Passphrase})
	if err != nil {
		return "", err
	}
	n := 0
	for _, w := range sum.Withheld {
		if w.Table != "bin" {
			n += w.Count
		}
	}
	return fmt.Sprintf("Kopie voor coach gemaakt: %s (%s, %d vertrouwelijke regels weggelaten)", sum.Path, humanSize(sum.Size), n), nil
}
