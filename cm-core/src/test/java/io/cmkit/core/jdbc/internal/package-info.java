/** Tests of the JDBC stores' shared internals: URL redaction. */
package io.cmkit.core.jdbc.internal;
