package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// CSV writes a table the way Excel with Dutch settings opens it with a double click: UTF-8 with a byte
// order mark (else Excel reads the file as Windows-1252 and garbles "é"), semicolons (the Dutch list
// separator, since the comma is the decimal sign) and CRLF line ends. Fields with a semicolon, quote or
// line break are quoted. A text field that Excel would run as a formula (starting with = + - @) gets a
// leading apostrophe, so an imported document title cannot execute anything; numbers are left alone.
func CSV(w io.Writer, header []string, rows [][]string) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if len(header) > 0 {
		if err := cw.Write(defuseFormulas(header)); err != nil {
			return err
		}
	}
	for _, r := range rows {
		if err := cw.Write(defuseFormulas(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func defuseFormulas(row []string) []string {
	out := make([]string, len(row))
	for i, f := range row {
		out[i] = f
		if f == "" || !strings.ContainsRune("=+-@\t\r", rune(f[0])) {
			continue
		}
		if _, err := strconv.ParseFloat(strings.Replace(f, ",", ".", 1), 64); err == nil {
			continue // "-3,5" is a number, not a formula
		}
		out[i] = "'" + f
	}
	return out
}
