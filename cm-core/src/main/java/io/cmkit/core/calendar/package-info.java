/**
 * The editorial calendar: when each post goes out, on which account, and whether the plan holds
 * together.
 *
 * <ul>
 *   <li>{@link io.cmkit.core.calendar.SlotPlan}: the weekly slots of a platform, derived from the
 *       brand kit's {@link io.cmkit.core.model.PostingCadence} in the brand's time zone, with the
 *       DST rules (a time in the spring gap moves forward, an ambiguous autumn time takes the
 *       earlier offset);</li>
 *   <li>{@link io.cmkit.core.calendar.EditorialCalendar}: the plan itself, with a queue that fills
 *       the next free slot, placing at a chosen time, moving and removing entries, the pillar mix
 *       check ({@link io.cmkit.core.calendar.PillarMix}), conflict detection
 *       ({@link io.cmkit.core.calendar.Conflict}) and export to iCalendar and CSV.</li>
 * </ul>
 *
 * <p>Every value is an immutable record; time comes from an injected {@link java.time.Clock}; bad
 * input throws {@link io.cmkit.core.calendar.CalendarException} and changes nothing. The rules
 * are described in {@code docs/calendar.md}. Implementation lives in
 * {@code io.cmkit.core.calendar.internal}, which is not public API.
 */
package io.cmkit.core.calendar;
