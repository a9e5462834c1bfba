package search

import (
	"database/sql"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// dutchSample is about 2 KB of the kind of letter the archive holds.
var dutchSample = strings.TrimSpace(`
Geachte heer De Vries,

Op 14 maart 2024 heeft de ondernemingsraad uw adviesaanvraag over de voorgenomen reorganisatie van de
afdeling Klantcontact ontvangen. In de vergaderingen van 21 maart en 4 april hebben wij de aanvraag
besproken, ook met de medewerkers van de afdeling tijdens een achterbanbijeenkomst. Wij danken u voor de
toelichting die u in de overlegvergadering gaf en voor de ideeën die de medewerkers hebben aangedragen.

De ondernemingsraad adviseert positief over het besluit, onder de volgende voorwaarden. Ten eerste worden
de arbeidstijden van de medewerkers niet gewijzigd zonder instemming van de ondernemingsraad, zoals
artikel 27 van de Wet op de ondernemingsraden (WOR) voorschrijft. Ten tweede komt er een sociaal plan
dat vóór de uitvoering met de vakbonden is overeengekomen. Ten derde evalueert de bestuurder de nieuwe
werkwijze na één jaar samen met de ondernemingsraad en legt hij de uitkomsten schriftelijk vast.

Wij vragen u binnen twee weken schriftelijk te laten weten of u deze voorwaarden overneemt. Mocht u
afwijken van ons advies, dan wijzen wij u op de opschortingstermijn van een maand uit artikel 25 lid 6
WOR. Over de gevolgen voor de werkdruk, de roosters en de bereikbaarheid van het klantcontactcentrum
willen wij graag op de hoogte worden gehouden; wij stellen voor dit te agenderen voor de
overlegvergadering van juni. De notulen van de vergadering van 4 april zijn bijgevoegd.

Met vriendelijke groet,
namens de ondernemingsraad,

mevrouw A. Jansen, voorzitter
de heer P. Bakker, secretaris
ambtelijk secretaris: J. de Boer (e-mail or@voorbeeld.nl, telefoon 030-1234567)

Bijlagen: notulen OR-vergadering 4 april 2024; reactie van de achterban; overzicht van de roosters per
team; brief van de vakbonden van 2 april 2024 over het sociaal plan en de afspraken over de arbeidstijden.
`)

// openFTS returns an in-memory database holding the table from DDL, with rows title/body filled as
// the store will fill them.
func openFTS(t testing.TB, docs ...[2]string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // every connection to :memory: is a new, empty database
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(DDL); err != nil {
		t.Fatalf("DDL: %v", err)
	}
	for i, d := range docs {
		_, err := db.Exec(`INSERT INTO document_fts(rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)`,
			i+1, d[0], d[1], StemText(d[0]), StemText(d[1]))
		if err != nil {
			t.Fatalf("insert: %v", err)
		}
	}
	return db
}

// matchIDs runs match against db and returns the rowids found, best first.
func matchIDs(t testing.TB, db *sql.DB, match string) ([]int, error) {
	t.Helper()
	rows, err := db.Query(`SELECT rowid FROM document_fts WHERE document_fts MATCH ? ORDER BY rank`, match)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
