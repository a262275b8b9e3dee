/** Tests of the bad-buzz alert program, against the in-memory sandbox (no network). */
package io.cmkit.examples.listening;
