/** Tests of the listening query language: every construct, precedence, and errors with their column. */
package io.cmkit.listening.query;
