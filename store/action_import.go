package store

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// ActionSheet is a table read from an existing actielijst: the header row and the data rows, each with
// its line number in the file (1 is the header), so a problem can point at the row the user sees.
type ActionSheet struct {
	Header []string
	Rows   [][]string
	Lines  []int
}

// maxSheetBytes bounds the file an import reads; an actielijst is small.
const maxSheetBytes = 20 << 20

// ReadActionSheet reads an .xlsx (first sheet) or a CSV file: comma, semicolon or tab separated, UTF-8
// (with or without BOM) or Windows-1252. The first non-empty row is the header.
func ReadActionSheet(path string) (ActionSheet, error) {
	info, err := os.Stat(path)
	if err != nil {
		return ActionSheet{}, fmt.Errorf("kan %s niet lezen: %w", path, err)
	}
	if info.Size() > maxSheetBytes {
		return ActionSheet{}, fmt.Errorf("%s is te groot voor een actielijst (meer dan %d MB)", filepath.Base(path), maxSheetBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return ActionSheet{}, fmt.Errorf("kan %s niet lezen: %w", path, err)
	}
	var rows [][]string
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		rows, err = xlsxRows(data)
	case ".xls":
		return ActionSheet{}, fmt.Errorf("%s is een oud Excel-bestand (.xls): sla het in Excel op als .xlsx of als CSV", filepath.Base(path))
	default:
		rows, err = csvRows(data)
	}
	if err != nil {
		return ActionSheet{}, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	var sh ActionSheet
	for i, r := range rows {
		if blank(r) {
			continue
		}
		if sh.Header == nil {
			sh.Header = trimAll(r)
			continue
		}
		sh.Rows = append(sh.Rows, trimAll(r))
		sh.Lines = append(sh.Lines, i+1)
	}
	if sh.Header == nil {
		return sh, fmt.Errorf("%s is leeg: geen kopregel en geen acties", filepath.Base(path))
	}
	return sh, nil
}

func xlsxRows(data []byte) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 200 << 20, UnzipXMLSizeLimit: 50 << 20})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookPassword) {
			return nil, errors.New("het Excel-bestand is met een wachtwoord beveiligd: sla het zonder wachtwoord op")
		}
		return nil, fmt.Errorf("geen leesbaar Excel-bestand (%v)", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("het Excel-bestand heeft geen werkblad")
	}
	// Raw values: a date cell comes as its serial number, whatever the cell's display format.
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("kan werkblad %q niet lezen (%v)", sheets[0], err)
	}
	return rows, nil
}

func csvRows(data []byte) ([][]string, error) {
	text := decodeText(data)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = detectComma(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("regel %d is geen geldige CSV (%v)", pe.Line, pe.Err)
			}
			return nil, err
		}
		rows = append(rows, rec)
	}
	return rows, nil
}

// decodeText takes UTF-8 as it is (dropping a BOM) and reads anything else as Windows-1252, which is
// what Excel on a Dutch Windows writes as "CSV (gescheiden door lijstscheidingsteken)".
func decodeText(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if utf8.Valid(data) {
		return string(data)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return string(data)
	}
	return string(out)
}

// detectComma picks the separator that occurs most in the first line outside quotes.
func detectComma(text string) rune {
	line, _, _ := strings.Cut(text, "\n")
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ';' || r == ',' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

func blank(r []string) bool {
	for _, f := range r {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func trimAll(r []string) []string {
	out := make([]string, len(r))
	for i, f := range r {
		out[i] = strings.TrimSpace(f)
	}
	return out
}

// ImportColumns says which column (0-based; -1 for none) holds each field.
type ImportColumns struct {
	Description, Owner, Due, Status, Notes int
}

// importFields are the fields in the order they are reported, with the header words that name them.
var importFields = []struct {
	key, label string
	words      []string
}{
	{"omschrijving", "omschrijving", []string{"omschrijving", "actie", "actiepunt", "actiepunten", "wat", "taak", "onderwerp", "description", "action"}},
	{"eigenaar", "eigenaar", []string{"eigenaar", "wie", "actiehouder", "verantwoordelijke", "verantwoordelijk", "door", "owner", "trekker"}},
	{"datum", "datum", []string{"datum", "deadline", "uiterlijk", "wanneer", "streefdatum", "einddatum", "gereed voor", "klaar voor", "due"}},
	{"status", "status", []string{"status", "stand", "stand van zaken"}},
	{"notities", "notities", []string{"notities", "notitie", "opmerking", "opmerkingen", "toelichting", "notes"}},
}

func (c *ImportColumns) ptr(key string) *int {
	switch key {
	case "omschrijving":
		return &c.Description
	case "eigenaar":
		return &c.Owner
	case "datum":
		return &c.Due
	case "status":
		return &c.Status
	}
	return &c.Notes
}

// DetectColumns maps the header to fields. given holds what the user confirmed with flags (field key →
// a header text, a column letter "C" or a number "3"); the other fields are found by their usual
// Dutch header words. Description and owner must be found.
func DetectColumns(header []string, given map[string]string) (ImportColumns, error) {
	c := ImportColumns{-1, -1, -1, -1, -1}
	folded := make([]string, len(header))
	for i, h := range header {
		folded[i] = model.Fold(strings.TrimSpace(h))
	}
	used := map[int]bool{}
	for _, f := range importFields {
		if v := strings.TrimSpace(given[f.key]); v != "" {
			i, err := columnIndex(v, folded)
			if err != nil {
				return c, fmt.Errorf("kolom voor %s: %w (kopregel: %s)", f.label, err, strings.Join(header, " | "))
			}
			*c.ptr(f.key), used[i] = i, true
		}
	}
	for _, f := range importFields {
		if *c.ptr(f.key) >= 0 {
			continue
		}
		for i, h := range folded {
			if !used[i] && contains(f.words, h) {
				*c.ptr(f.key), used[i] = i, true
				break
			}
		}
	}
	var missing []string
	if c.Description < 0 {
		missing = append(missing, "omschrijving (--kolom-omschrijving)")
	}
	if c.Owner < 0 {
		missing = append(missing, "eigenaar (--kolom-eigenaar)")
	}
	if len(missing) > 0 {
		return c, fmt.Errorf("kan de kolom voor %s niet vinden in de kopregel: %s; geef de kolom aan met de optie",
			strings.Join(missing, " en "), strings.Join(header, " | "))
	}
	return c, nil
}

// columnIndex reads a column given as a header text, a letter (A..Z, AA..) or a 1-based number.
func columnIndex(v string, folded []string) (int, error) {
	fv := model.Fold(v)
	for i, h := range folded {
		if h == fv {
			return i, nil
		}
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n >= 1 && n <= len(folded) {
			return n - 1, nil
		}
		return 0, fmt.Errorf("kolom %d bestaat niet (er zijn %d kolommen)", n, len(folded))
	}
	if n, err := excelize.ColumnNameToNumber(strings.ToUpper(v)); err == nil && len(v) <= 3 {
		if n <= len(folded) {
			return n - 1, nil
		}
		return 0, fmt.Errorf("kolom %s bestaat niet (er zijn %d kolommen)", strings.ToUpper(v), len(folded))
	}
	return 0, fmt.Errorf("geen kolom %q", v)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Describe says which column holds what: "omschrijving = Actie (A), eigenaar = Wie (B), ...".
func (c ImportColumns) Describe(header []string) string {
	var parts []string
	for _, f := range importFields {
		i := *c.ptr(f.key)
		if i < 0 {
			parts = append(parts, f.label+" = (geen)")
			continue
		}
		name, _ := excelize.ColumnNumberToName(i + 1)
		h := ""
		if i < len(header) {
			h = header[i]
		}
		parts = append(parts, fmt.Sprintf("%s = %s (%s)", f.label, h, name))
	}
	return strings.Join(parts, ", ")
}
