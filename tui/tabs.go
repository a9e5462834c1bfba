package tui

import (
	"github.com/werkbank-nl/werkbank/tui/acties"
	"github.com/werkbank-nl/werkbank/tui/agenda"
	"github.com/werkbank-nl/werkbank/tui/archief"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/empty"
)

// newTabs builds the six views in tab order. A view whose feature has not landed yet shows an honest
// empty state: what it will hold and how to get there, never invented content.
func newTabs(c common.Common, st Store) []screen {
	return []screen{
		wrap(empty.New(c, "Overzicht",
			"Hier komt wat er aankomt: wettelijke termijnen uit dossiers, acties die te laat zijn of deze week",
			"vervallen, en de volgende vergaderingen met de uiterste verzenddatum van hun agenda.",
			"",
			"Deze versie van werkbank berekent termijnen al op de opdrachtregel (werkbank bereken);",
			"het overzicht zelf volgt met de dossiers en de agenda.")),
		wrap(agenda.New(c, st)),
		wrap(acties.New(c, st)),
		wrap(archief.New(c, st)),
		wrap(empty.New(c, "Brieven",
			"Hier schrijft u de brieven van de raad vanuit een sjabloon: adviesbrief, instemmingsbrief,",
			"informatieverzoek en meer, met elke versie bewaard en als Word-bestand klaar voor ondertekening.",
			"",
			"Het briefscherm is nog niet gebouwd in deze versie.")),
		wrap(empty.New(c, "Dossiers",
			"Hier volgt u elke adviesaanvraag, elk instemmingsverzoek en elk initiatiefvoorstel, met een",
			"tijdlijn en alle termijnen die daaruit volgen (opschorting, beroep, nietigheid).",
			"",
			"Het dossierscherm is nog niet gebouwd in deze versie.")),
	}
}
