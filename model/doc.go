// Package model holds werkbank's domain types and pure rules: meetings, agenda timing, actions, decisions,
// dossiers, confidentiality and dates. It does no I/O, reads no clock and imports nothing of werkbank's own.
package model
