/** Tests of the monthly report program, from snapshots the sandbox produced (no network). */
package io.cmkit.examples.report;
