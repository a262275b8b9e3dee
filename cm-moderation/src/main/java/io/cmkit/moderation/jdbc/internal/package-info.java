/** The moderation JDBC stores' SQL, schemas and JSON forms. Not API. */
package io.cmkit.moderation.jdbc.internal;
