/**
 * Test fixtures shared with the other modules through cm-core's test-jar (only this package is in it):
 * a connector whose feeds the test fills, and the embedded PostgreSQL and H2 databases the JDBC stores
 * are tested on. Test scope only; never part of the SDK.
 */
package io.cmkit.core.testing;
