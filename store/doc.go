// Package store is everything in werkbank that touches disk: the SQLite database (opening, migrations,
// queries), and in sub-packages import and text extraction, exports, search and backups.
//
// One *Store serves one database file. Writes go through one connection in short IMMEDIATE transactions;
// reads use a small pool. Several processes may use one file at once: SQLite's WAL and busy timeout do
// the coordinating, and editable rows carry a version number so a stale update fails with
// model.ErrConflict instead of overwriting someone else's change.
package store
