package form

import (
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// Required refuses an empty value and one longer than 200 characters.
func Required(label string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return model.Invalid(label, label+" is verplicht")
		}
		return MaxRunes(label, 200)(s)
	}
}

// MaxRunes refuses a value longer than n characters.
func MaxRunes(label string, n int) func(string) error {
	return func(s string) error {
		if len([]rune(s)) > n {
			return model.Invalid(label, label+" is te lang (meer dan "+itoa(n)+" tekens)")
		}
		return nil
	}
}

// Date accepts an empty value (when optional) or a date that exists, as JJJJ-MM-DD or DD-MM-JJJJ.
func Date(label string, optional bool) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			if optional {
				return nil
			}
			return model.Invalid(label, label+" is verplicht")
		}
		if _, err := model.ParseDate(s); err != nil {
			return model.Invalid(label, err.Error())
		}
		return nil
	}
}

// Clock accepts a time of day that exists (UU:MM).
func Clock(label string) func(string) error {
	return func(s string) error {
		if _, err := model.ParseClock(s); err != nil {
			return model.Invalid(label, err.Error())
		}
		return nil
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
