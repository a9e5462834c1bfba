package fake

import "context"

// DailyBackup makes no backup: the fake has no file to copy. View tests of the daily backup wrap the
// fake with their own answer.
func (s *Store) DailyBackup(context.Context, string) (string, bool, error) { return "", false, nil }
