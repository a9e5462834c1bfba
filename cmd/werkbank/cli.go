package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// globals are the flags that work before or after any subcommand.
type globals struct {
	db       string
	readOnly bool
	version  bool
	help     bool
}

// command is one subcommand.
type command struct {
	summary string
	usage   string
	run     func(c *cli, args []string) int
}

var commands = map[string]command{}

func register(name string, c command) { commands[name] = c }

// cli carries what every subcommand needs.
type cli struct {
	env
	g     globals
	paths store.Paths
	log   *slog.Logger
}

// usageError marks a mistake in how a command was called (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// splitGlobals takes the global flags out of args wherever they stand.
func splitGlobals(args []string) (globals, []string, error) {
	var g globals
	rest := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") {
			rest = append(rest, a)
			continue
		}
		switch name {
		case "db":
			if !hasVal {
				if i+1 >= len(args) {
					return g, nil, usagef("--db verwacht een pad")
				}
				i++
				val = args[i]
			}
			if val == "" {
				return g, nil, usagef("--db verwacht een pad")
			}
			g.db = val
		case "read-only":
			g.readOnly = true
		case "version":
			g.version = true
		case "h", "help":
			g.help = true
		default:
			rest = append(rest, a)
		}
	}
	return g, rest, nil
}

func run(args []string, e env) int {
	g, rest, err := splitGlobals(args)
	if err != nil {
		fmt.Fprintln(e.stderr, "werkbank:", err)
		return exitUsage
	}
	c := &cli{env: e, g: g, log: slog.New(slog.DiscardHandler)}
	if g.version {
		rest = []string{"version"}
	}
	if len(rest) == 0 {
		if g.help {
			c.usage(e.stdout)
			return exitOK
		}
		return c.runTUI()
	}
	name := rest[0]
	if name == "help" {
		c.usage(e.stdout)
		return exitOK
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(e.stderr, "werkbank: onbekende opdracht %q\n\n", name)
		c.usage(e.stderr)
		return exitUsage
	}
	if g.help {
		fmt.Fprintf(e.stdout, "%s\n\ngebruik: werkbank %s\n", cmd.summary, cmd.usage)
		return exitOK
	}
	return cmd.run(c, rest[1:])
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprintln(w, "werkbank: de werkbank van de ambtelijk secretaris")
	fmt.Fprintln(w, "\ngebruik: werkbank [--db PAD] [--read-only] [opdracht] [opties]")
	fmt.Fprintln(w, "zonder opdracht opent werkbank het scherm.")
	fmt.Fprintln(w, "\nopdrachten:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-14s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nalgemene opties (voor of na de opdracht):")
	fmt.Fprintln(w, "  --db PAD       database (ook WERKBANK_DB); standaard in de XDG-gegevensmap")
	fmt.Fprintln(w, "  --read-only    open zonder iets te wijzigen")
	fmt.Fprintln(w, "  --version      toon de versie")
}

// parseFlags parses fs from args, allowing flags after positional arguments (werkbank import F --json).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, usagef("gebruik: werkbank %s", fs.Name())
			}
			return nil, usagef("%s: %v", fs.Name(), dutchFlagErr(err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func dutchFlagErr(err error) string {
	s := err.Error()
	switch {
	case strings.HasPrefix(s, "flag provided but not defined: "):
		return "onbekende optie " + strings.TrimPrefix(s, "flag provided but not defined: ")
	case strings.HasPrefix(s, "flag needs an argument: "):
		return "optie " + strings.TrimPrefix(s, "flag needs an argument: ") + " verwacht een waarde"
	case strings.HasPrefix(s, "invalid value "):
		return "ongeldige waarde: " + strings.TrimPrefix(s, "invalid value ")
	}
	return s
}

// setup resolves paths and opens the log; every command that touches data calls it first.
func (c *cli) setup() error {
	p, err := store.ResolvePaths(c.g.db, c.getenv)
	if err != nil {
		return err
	}
	c.paths = p
	log, _, err := store.OpenLog(p.Log)
	if err != nil {
		// A missing log is no reason to refuse work; the message says where it failed.
		fmt.Fprintln(c.stderr, "werkbank: waarschuwing:", err)
		return nil
	}
	c.log = log
	return nil
}

// open resolves paths and opens the store.
func (c *cli) open() (*store.Store, error) {
	if err := c.setup(); err != nil {
		return nil, err
	}
	s, err := store.Open(c.paths.DB, store.Options{ReadOnly: c.g.readOnly, Passphrase: c.openPassphrase})
	if err != nil {
		c.log.Error("open failed", "err", err)
		return nil, err
	}
	c.log.Info("opened", "read_only", s.ReadOnly(), "schema", store.SchemaVersion())
	return s, nil
}

// fail prints a Dutch message on stderr and returns the exit code that fits the error.
func (c *cli) fail(err error) int {
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(c.stderr, "werkbank:", ue.msg)
		return exitUsage
	}
	var fe *model.FieldError
	if errors.As(err, &fe) {
		fmt.Fprintln(c.stderr, "werkbank:", fe.Message)
		return exitFailure
	}
	fmt.Fprintln(c.stderr, "werkbank:", err)
	return exitFailure
}

// printJSON writes one JSON value and a newline.
func (c *cli) printJSON(v any) int {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return c.fail(err)
	}
	return exitOK
}

// printJSONLine writes v as one line of JSON in a single write, so a reader that is killed or a
// process that is killed never leaves half a line behind.
func (c *cli) printJSONLine(v any) {
	b, err := json.Marshal(v)
	if err == nil {
		_, err = c.stdout.Write(append(b, '\n'))
	}
	if err != nil {
		c.log.Warn("jsonl", "err", err)
	}
}

func bg() context.Context { return context.Background() }
