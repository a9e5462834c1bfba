package common

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/werkbank-nl/werkbank/model"
)

// ErrorText is the Dutch sentence for an error, without driver detail a user cannot act on.
func ErrorText(err error) string {
	var fe *model.FieldError
	switch {
	case errors.As(err, &fe):
		return fe.Message
	case errors.Is(err, model.ErrConflict):
		return "elders gewijzigd: de nieuwe gegevens staan nu in beeld"
	case errors.Is(err, model.ErrReadOnly):
		return "alleen lezen: wijzigen is uitgeschakeld"
	case errors.Is(err, model.ErrBusy):
		return "even wachten: de database is bezet door een ander werkbank-proces; probeer het zo opnieuw"
	case errors.Is(err, model.ErrDiskFull):
		return "de schijf is vol: er is niets opgeslagen"
	case errors.Is(err, model.ErrNotFound):
		return "niet gevonden (verwijderd of elders gewijzigd)"
	}
	return err.Error()
}

// Cut shortens s to width cells, ending in "…" when it was cut. Widths are display cells, never bytes:
// Dutch has "één" and "ideeën".
func Cut(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// Pad cuts or pads s to exactly width cells.
func Pad(s string, width int) string {
	s = Cut(s, width)
	if w := ansi.StringWidth(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// PadLeft right-aligns s in width cells.
func PadLeft(s string, width int) string {
	s = Cut(s, width)
	if w := ansi.StringWidth(s); w < width {
		s = strings.Repeat(" ", width-w) + s
	}
	return s
}

// Lines fits text into exactly height lines of at most width cells: cut, never wrapped into each other.
func Lines(text string, width, height int) string {
	lines := strings.Split(text, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = Pad(l, width)
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", width))
	}
	return strings.Join(lines, "\n")
}

// Count says "1 onderdeel" or "3 onderdelen".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
