package tui

import (
	"github.com/werkbank-nl/werkbank/tui/acties"
	"github.com/werkbank-nl/werkbank/tui/agenda"
	"github.com/werkbank-nl/werkbank/tui/archief"
	"github.com/werkbank-nl/werkbank/tui/brieven"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/dossiers"
	"github.com/werkbank-nl/werkbank/tui/overzicht"
)

// newTabs builds the six views in tab order. A view whose feature has not landed yet shows an honest
// empty state: what it will hold and how to get there, never invented content.
func newTabs(c common.Common, st Store) []screen {
	return []screen{
		wrap(overzicht.New(c, st)),
		wrap(agenda.New(c, st)),
		wrap(acties.New(c, st)),
		wrap(archief.New(c, st)),
		wrap(brieven.New(c, st)),
		wrap(dossiers.New(c, st)),
	}
}
