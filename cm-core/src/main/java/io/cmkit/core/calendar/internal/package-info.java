/**
 * Implementation of the editorial calendar: slot derivation from a cadence, text fingerprints
 * for duplicate detection, conflict search, pillar mix arithmetic and the iCalendar and CSV
 * writers. Not public API: it may change in any release.
 */
package io.cmkit.core.calendar.internal;
