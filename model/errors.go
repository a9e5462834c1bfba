package model

import "errors"

// Sentinel errors shared by the store and the views. They live here so that views can use errors.Is
// without importing the store.
var (
	ErrNotFound = errors.New("niet gevonden")
	ErrConflict = errors.New("elders gewijzigd")
	ErrReadOnly = errors.New("alleen lezen: wijzigen is uitgeschakeld")
	ErrInvalid  = errors.New("ongeldige invoer")
	ErrNotEmpty = errors.New("de database bevat al gegevens")
)

// FieldError reports which input field was wrong and why, in Dutch, so a form can show it at the field.
type FieldError struct {
	Field   string
	Message string
}

func (e *FieldError) Error() string { return e.Message }

// Unwrap makes every FieldError match ErrInvalid.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// Invalid returns a FieldError for field with a Dutch message.
func Invalid(field, message string) error { return &FieldError{Field: field, Message: message} }

// More sentinels for conditions a user can act on.
var (
	ErrBusy     = errors.New("de database is bezet door een ander werkbank-proces; probeer het zo opnieuw")
	ErrDiskFull = errors.New("de schijf is vol: er is niets opgeslagen")
	// ErrExists and ErrOrphan are a safety net: the store checks these cases in words first, and
	// should one slip through, the user reads this rather than SQLite's constraint message.
	ErrExists = errors.New("dit staat er al: er is niets opgeslagen")
	ErrOrphan = errors.New("dit hoort bij iets wat niet meer bestaat: er is niets opgeslagen")
)
