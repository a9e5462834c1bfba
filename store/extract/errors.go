package extract

import "errors"

// Sentinel errors. Their messages are Dutch because callers show them to the user as they are;
// details are wrapped around them with fmt.Errorf("%w: ...").
var (
	ErrCorrupt     = errors.New("bestand is beschadigd")
	ErrEncrypted   = errors.New("bestand is versleuteld")
	ErrEmpty       = errors.New("bestand is leeg")
	ErrMismatch    = errors.New("inhoud past niet bij de extensie")
	ErrUnsupported = errors.New("bestandstype wordt niet ondersteund")
	ErrTimeout     = errors.New("tekst ophalen duurde te lang")
	ErrTooBig      = errors.New("bestand uitgepakt te groot (zipbom?)")
)
