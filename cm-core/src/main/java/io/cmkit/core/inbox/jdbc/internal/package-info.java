/** The JDBC inbox store's SQL and schema. Not API. */
package io.cmkit.core.inbox.jdbc.internal;
