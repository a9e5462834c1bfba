package store

import (
	"context"
	"database/sql"
	"errors"
	"sync/atomic"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// Every write starts with BEGIN IMMEDIATE, which waits up to the connection's busy_timeout for another
// process's write to finish. Writes are short, so reaching the timeout means another process is doing
// something long (a big import batch, a restore). Rather than fail at once, begin tries again a few
// times and tells the UI it is waiting, so the user sees "even wachten" instead of an error. Only the
// BEGIN is retried: the transaction's work has not run yet, so trying again is always safe.
const busyRetries = 3

// busyPause is the pause between attempts, on top of the busy timeout itself.
var busyPause = 250 * time.Millisecond

// busyHook holds the function OnBusy set; it is read by whichever goroutine writes.
type busyHook struct {
	fn atomic.Pointer[func(waiting bool)]
}

func (h *busyHook) call(waiting bool) {
	if fn := h.fn.Load(); fn != nil {
		(*fn)(waiting)
	}
}

// OnBusy sets fn to be called with true when a write has waited the whole busy timeout and is tried
// again, and with false once it got through or gave up. fn runs on the goroutine doing the write and
// must not block for long. nil removes it.
func (s *Store) OnBusy(fn func(waiting bool)) {
	if fn == nil {
		s.busy.fn.Store(nil)
		return
	}
	s.busy.fn.Store(&fn)
}

// begin starts a write transaction, retrying a BEGIN that found the database busy. When it gives up
// it returns model.ErrBusy itself, without the driver's English text, so "database is locked" never
// reaches a user.
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	waited := false
	defer func() {
		if waited {
			s.busy.call(false)
		}
	}()
	for attempt := 0; ; attempt++ {
		tx, err := s.w.BeginTx(ctx, nil)
		if err == nil {
			return tx, nil
		}
		err = mapErr(err)
		if !errors.Is(err, model.ErrBusy) {
			return nil, err
		}
		if attempt == busyRetries {
			return nil, model.ErrBusy
		}
		if !waited {
			waited = true
			s.busy.call(true)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(busyPause):
		}
	}
}

// userError is a driver error a user can act on: it reads as the Dutch sentinel alone (the driver's
// English text, such as "database is locked", stays out of every message) and still matches both the
// sentinel and the driver error with errors.Is and errors.As.
type userError struct {
	sentinel error
	cause    error
}

func (e userError) Error() string   { return e.sentinel.Error() }
func (e userError) Unwrap() []error { return []error{e.sentinel, e.cause} }
