// Package termijn computes the legal terms a works council secretary must keep: the holidays of the
// Algemene termijnenwet (Atw), forward and backward counting, the statutory rules per rule set (WOR, WMS,
// Wmcz) and the deadlines that follow from the dated events of a dossier.
//
// Everything here is pure: no I/O, no clock, no SQL. Functions that need "today" take it as an argument,
// and every computed date carries a one-line Dutch explanation so the user can see why it is what it is.
package termijn
