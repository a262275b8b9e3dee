/** A small pooling {@code DataSource} over {@code DriverManager}, and URL redaction. Not API. */
package io.cmkit.core.jdbc.internal;
