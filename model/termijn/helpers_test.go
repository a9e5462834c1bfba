package termijn

import (
	"errors"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// checkField checks that err is nil when field is "", else a FieldError at field that matches
// model.ErrInvalid.
func checkField(t *testing.T, err error, field string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Errorf("unexpected error: %v", err)
		}
		return
	}
	var fe *model.FieldError
	if !errors.As(err, &fe) {
		t.Errorf("want a FieldError at %q, got %v", field, err)
		return
	}
	if fe.Field != field {
		t.Errorf("error at %q (%s), want at %q", fe.Field, fe.Message, field)
	}
	if !errors.Is(err, model.ErrInvalid) {
		t.Errorf("%v does not match ErrInvalid", err)
	}
}
