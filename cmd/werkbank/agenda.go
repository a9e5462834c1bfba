package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/store/agendaexport"
)

func init() {
	register("vergaderingen", command{summary: "toon de vergaderingen van het actieve orgaan met hun agendatermijn",
		usage: "vergaderingen [--json]", run: runVergaderingen})
	exportKinds["agenda"] = exportKind{
		summary: "agenda (md, txt, docx, pdf), afspraak (ics) of convocatie (eml) van een vergadering; --openbaar laat vertrouwelijke punten weg",
		usage:   "export agenda VERGADERING-ID --format md|txt|docx|pdf|ics|eml [--openbaar] [--out BESTAND]",
		run:     runExportAgenda,
	}
}

// meetingJSON is one meeting in `vergaderingen --json`: the meeting's fields, its agenda state, and the
// agenda deadline in the deadline shape every command shares (null for kinds without an agenda term).
type meetingJSON struct {
	model.Meeting
	AgendaDue      model.Date        `json:"agenda_due"`
	AgendaState    string            `json:"agenda_state"`
	AgendaLate     bool              `json:"agenda_late"`
	AgendaWarning  string            `json:"agenda_warning"`
	AgendaDeadline *termijn.Deadline `json:"agenda_deadline"`
	OVDue          model.Date        `json:"ov_due"`
	OVWarning      string            `json:"ov_warning"`
	Items          int               `json:"items"`
	Minutes        int               `json:"minutes"`
}

func runVergaderingen(c *cli, args []string) int {
	fs := newFlags("vergaderingen")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("vergaderingen verwacht geen argumenten"))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	body, err := s.ActiveBody(bg())
	if err != nil {
		if *asJSON {
			return c.printJSON([]meetingJSON{})
		}
		fmt.Fprintln(c.stderr, "werkbank: nog geen orgaan; begin met 'werkbank' of 'werkbank demo'")
		return exitOK
	}
	rows, err := s.MeetingRows(bg(), body.ID, s.Today())
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		out := make([]meetingJSON, 0, len(rows))
		for _, r := range rows {
			j := meetingJSON{Meeting: r.Meeting, AgendaDue: r.Term.Due, AgendaState: r.Term.State, AgendaLate: r.Term.Late,
				AgendaWarning: r.Term.Warning, OVDue: r.Term.OVDue, OVWarning: r.Term.OVWarning, Items: r.Items, Minutes: r.Minutes}
			if d, ok, err := s.AgendaDeadline(bg(), r.Meeting); err != nil {
				return c.fail(err)
			} else if ok {
				j.AgendaDeadline = &d
			}
			out = append(out, j)
		}
		return c.printJSON(out)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s (%d vergaderingen)\n", body.Name, len(rows))
	fmt.Fprintln(tw, "id\tsoort\tdatum\ttijd\tstatus\tagenda uiterlijk\tagenda")
	for _, r := range rows {
		due := "-"
		if !r.Term.Due.IsZero() {
			due = r.Term.Due.Short()
		}
		state := r.Term.State
		if r.Term.Late {
			state = "✗ " + state
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s–%s\t%s\t%s\t%s\n", r.ID, r.Kind.Label(), r.Date.Short(), r.Start, r.End, r.Status.Label(), due, state)
	}
	tw.Flush()
	return exitOK
}

func runExportAgenda(c *cli, args []string) int {
	fs := newFlags("export agenda")
	format := fs.String("format", "", "")
	openbaar := fs.Bool("openbaar", false, "")
	out := fs.String("out", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) != 1 {
		return c.fail(usagef("gebruik: werkbank %s", exportKinds["agenda"].usage))
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return c.fail(usagef("%q is geen vergadering-id; 'werkbank vergaderingen' toont de id's", pos[0]))
	}
	f := *format
	if f == "" && *out != "" {
		f = strings.TrimPrefix(filepath.Ext(*out), ".")
	}
	if f == "" {
		return c.fail(usagef("kies een formaat met --format md, txt, docx, pdf, ics of eml"))
	}
	f, err = agendaexport.ParseFormat(f)
	if err != nil {
		return c.fail(usagef("%v", err))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	m, err := s.Meeting(bg(), id)
	if errors.Is(err, model.ErrNotFound) {
		return c.fail(fmt.Errorf("vergadering %d bestaat niet (of staat in de prullenbak)", id))
	}
	if err != nil {
		return c.fail(err)
	}
	path := *out
	if path == "" {
		path = agendaexport.FileName(m, f, *openbaar)
	}
	if err := s.ExportAgenda(bg(), id, f, *openbaar, path); err != nil {
		return c.fail(err)
	}
	c.log.Info("agenda exported", "meeting", id, "format", f, "openbaar", *openbaar)
	fmt.Fprintf(c.stdout, "%s geschreven\n", path)
	return exitOK
}
