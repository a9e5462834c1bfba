//go:build unix && !race

package e2e

import "time"

// DefaultTimeout is how long waits last when no timeout is given: generous,
// because the tests also run on loaded two-core machines.
const DefaultTimeout = 10 * time.Second
