package store

// SetFilterFirst switches the filter-first plan (search_filter.go) on or off for a test in
// package store_test, and returns the function that restores it.
func SetFilterFirst(on bool) (restore func()) {
	old := filterFirst
	filterFirst = on
	return func() { filterFirst = old }
}
