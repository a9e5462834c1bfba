package demo

var firstNames = []string{"Sanne", "Piet", "Mark", "Fatima", "Jeroen", "Ingrid", "Mohammed", "Els", "Kees", "Anouk",
	"Bram", "Noor", "Willem", "Priya", "Joost", "Marloes", "Hüseyin", "Renée", "Daan", "Chantal", "Ruud", "Zoë",
	"Gerrit", "Lotte", "Stijn", "Miriam", "Youssef", "Ineke", "Thijs", "Anneke"}

var lastNames = []string{"de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
	"de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
	"El Amrani", "Yılmaz", "Kramer", "van der Meer", "Schouten", "Verbeek", "Prins", "Huisman", "Koster", "Post"}

// Topics for agenda items of OR and OV meetings.
var topics = []string{"Evaluatie thuiswerkregeling", "Jaarplanning opleidingen", "Werkdruk op de afdeling ICT",
	"Roosterbeleid verpleging", "Verzuimbeleid", "Begroting volgend jaar", "Arbo-jaarplan", "Fietsregeling",
	"Kantinebeleid", "Vacatures in de OR", "Medewerkerstevredenheidsonderzoek", "Duurzame inzetbaarheid",
	"Klachtenregeling", "Privacyreglement personeelsgegevens", "Cameratoezicht op de parkeerplaats",
	"Reorganisatie facilitaire dienst", "Nieuwe regeling reiskosten", "Inzet flexkrachten", "Jaarverslag OR",
	"Samenwerking met de cliëntenraad", "Scholingsplan OR", "Communicatie met de achterban",
	"Overgang naar nieuw roostersysteem", "Huisvesting locatie Culemborg", "Agressie en geweld op de werkvloer"}

// Confidential topics: these agenda items carry an art 20 imposition in the demo.
var secretTopics = []string{"Voorgenomen verkoop divisie Wonen", "Fusieverkenning met Zorgpartners Betuwe",
	"Financiële positie en bankconvenant", "Voorgenomen sluiting locatie Geldermalsen"}

var locations = []string{"Vergaderzaal 2", "Vergaderzaal De Linge", "Bestuurskamer", "Teams", "Locatie Culemborg, zaal 1"}
