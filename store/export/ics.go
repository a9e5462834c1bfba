package export

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"time"
)

// Person is someone with a name and an e-mail address, in invitations and mails.
type Person struct {
	Name, Email string
}

// Event is one appointment for an iCalendar file, typically a meeting of the council.
type Event struct {
	UID         string // stable per meeting, so a second export updates the appointment; derived when empty
	Summary     string
	Description string
	Location    string
	// Start and End in Europe/Amsterdam (from time.LoadLocation, with time/tzdata embedded by the program)
	// are written with TZID and a VTIMEZONE; any other zone is written in UTC.
	Start, End time.Time
	Organizer  Person
	Attendees  []Person
	Stamp      time.Time // DTSTAMP, when the file was made; zero means now
}

const amsterdam = "Europe/Amsterdam"

// vtimezoneAmsterdam describes CET/CEST since 1996 (EU rules). Outlook needs a VTIMEZONE for every TZID it
// meets; Thunderbird maps the Olson name itself.
const vtimezoneAmsterdam = "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n" +
	"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n" +
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n" +
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"

// ICS writes ev as an RFC 5545 calendar with one event (METHOD:PUBLISH: an appointment to import, not a
// meeting request that would expect replies): CRLF line ends, lines folded at 75 octets without splitting
// a UTF-8 character, text values escaped.
func ICS(w io.Writer, ev Event) error {
	switch {
	case ev.Start.IsZero():
		return errors.New("afspraak zonder begintijd")
	case ev.End.IsZero():
		return errors.New("afspraak zonder eindtijd")
	case !ev.End.After(ev.Start):
		return errors.New("de eindtijd ligt niet na de begintijd")
	}
	stamp := ev.Stamp
	if stamp.IsZero() {
		stamp = time.Now()
	}
	uid := ev.UID
	if uid == "" {
		sum := sha256.Sum256([]byte(ev.Start.UTC().Format(time.RFC3339) + "\x00" + ev.Summary))
		uid = hex.EncodeToString(sum[:12]) + "@werkbank"
	}
	// Start decides the zone; End is written in the same one even when the caller built it elsewhere.
	var zone *time.Location
	if ev.Start.Location().String() == amsterdam {
		zone = ev.Start.Location()
	}

	var b strings.Builder
	line := func(s string) { b.WriteString(foldICS(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//werkbank//werkbank//NL")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	if zone != nil {
		b.WriteString(vtimezoneAmsterdam)
	}
	line("BEGIN:VEVENT")
	line("UID:" + icsText(uid))
	line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
	line("DTSTART" + icsTime(ev.Start, zone))
	line("DTEND" + icsTime(ev.End, zone))
	line("SUMMARY:" + icsText(ev.Summary))
	if ev.Description != "" {
		line("DESCRIPTION:" + icsText(ev.Description))
	}
	if ev.Location != "" {
		line("LOCATION:" + icsText(ev.Location))
	}
	if ev.Organizer.Email != "" {
		line("ORGANIZER" + icsCN(ev.Organizer.Name) + ":mailto:" + icsAddress(ev.Organizer.Email))
	}
	for _, a := range ev.Attendees {
		if a.Email == "" {
			continue // an attendee is identified by an address; without one Outlook drops the file
		}
		line("ATTENDEE" + icsCN(a.Name) + ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:" +
			icsAddress(a.Email))
	}
	line("STATUS:CONFIRMED")
	line("TRANSP:OPAQUE")
	line("END:VEVENT")
	line("END:VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
}

// icsTime gives ";TZID=Europe/Amsterdam:20250414T140000" in zone, or ":20250414T120000Z" when zone is nil.
func icsTime(t time.Time, zone *time.Location) string {
	if zone != nil {
		return ";TZID=" + amsterdam + ":" + t.In(zone).Format("20060102T150405")
	}
	return ":" + t.UTC().Format("20060102T150405Z")
}

var icsEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", "")

// icsText escapes a TEXT value (RFC 5545 3.3.11).
func icsText(s string) string { return icsEscaper.Replace(s) }

// icsCN is the CN parameter, always quoted; a quoted parameter cannot hold a double quote or control
// characters, so they go.
func icsCN(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '"' || r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		return ""
	}
	return `;CN="` + name + `"`
}

func icsAddress(email string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == ' ' || r == 0x7f {
			return -1
		}
		return r
	}, email)
}

// foldICS ends a content line with CRLF, folding it so no line exceeds 75 octets; continuation lines
// start with a space (RFC 5545 3.1). A multi-byte character is never split.
func foldICS(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !startsRune(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}

// startsRune reports whether byte c begins a UTF-8 sequence (is not a continuation byte).
func startsRune(c byte) bool { return c&0xC0 != 0x80 }
