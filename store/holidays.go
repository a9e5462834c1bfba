package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// ExtraHolidays lists the days the user equated with a holiday (Atw art 3), in date order.
func (s *Store) ExtraHolidays(ctx context.Context) ([]termijn.Holiday, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT date, name FROM extra_holidays WHERE deleted_at IS NULL ORDER BY date")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []termijn.Holiday{}
	for rows.Next() {
		var date string
		var h termijn.Holiday
		if err := rows.Scan(&date, &h.Name); err != nil {
			return nil, err
		}
		h.Date = scanDate(sql.NullString{String: date, Valid: true})
		out = append(out, h)
	}
	return out, mapErr(rows.Err())
}

// Calendar is the holiday calendar every term is counted with: the Atw holidays plus the added days.
func (s *Store) Calendar(ctx context.Context) (termijn.Calendar, error) {
	extra, err := s.ExtraHolidays(ctx)
	return termijn.Calendar{Extra: extra}, err
}

// AddHoliday adds an equated day. A day that is already a holiday, or a Saturday or Sunday, changes no
// term and is refused with the reason.
func (s *Store) AddHoliday(ctx context.Context, h termijn.Holiday) error {
	h.Name = strings.TrimSpace(h.Name)
	if err := termijn.ValidateHoliday(h); err != nil {
		return err
	}
	if len([]rune(h.Name)) > 100 {
		return model.Invalid("name", "naam is te lang (meer dan 100 tekens)")
	}
	if hol, ok := (termijn.Calendar{}).IsHoliday(h.Date); ok {
		return model.Invalid("date", fmt.Sprintf("%s is al een feestdag (%s)", h.Date.Short(), hol.Name))
	}
	if h.Date.IsWeekend() {
		return model.Invalid("date", fmt.Sprintf("%s valt in het weekend en telt al niet als werkdag", h.Date.Short()))
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRowContext(ctx, "SELECT name FROM extra_holidays WHERE date = ? AND deleted_at IS NULL", h.Date.String()).Scan(&name)
		if err == nil {
			return model.Invalid("date", fmt.Sprintf("%s staat er al in (%s)", h.Date.Short(), name))
		}
		if err != sql.ErrNoRows {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO extra_holidays (date, name) VALUES (?, ?)", h.Date.String(), h.Name)
		return err
	})
}

// DeleteHoliday moves the equated day on date to the prullenbak.
func (s *Store) DeleteHoliday(ctx context.Context, date model.Date) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var id int64
		if err := tx.QueryRowContext(ctx, "SELECT id FROM extra_holidays WHERE date = ? AND deleted_at IS NULL", date.String()).
			Scan(&id); err != nil {
			return err
		}
		return s.softDelete(ctx, tx, "extra_holidays", id)
	})
}
