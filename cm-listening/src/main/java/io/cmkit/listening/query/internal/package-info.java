/** The query parser and the tokeniser of normalised text; may change without notice. */
package io.cmkit.listening.query.internal;
