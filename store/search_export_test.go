package store

// SetFastPlans switches the filter-first and by-date plans (search_filter.go, byDatePage) on or off
// for a test in package store_test, and returns the function that restores them.
func SetFastPlans(on bool) (restore func()) {
	old := fastPlans
	fastPlans = on
	return func() { fastPlans = old }
}
