//go:build unix && race

package e2e

import "time"

// DefaultTimeout is how long waits last when no timeout is given. The race
// detector slows everything down several times, so waits are longer.
const DefaultTimeout = 30 * time.Second
