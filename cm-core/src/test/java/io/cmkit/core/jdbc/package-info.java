/** Tests of what cmkit's JDBC stores share: versioned schemas and their scripts. */
package io.cmkit.core.jdbc;
