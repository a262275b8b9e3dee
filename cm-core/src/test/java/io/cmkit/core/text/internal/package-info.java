/** Tests of the text package's internals against the plain code they replace. */
package io.cmkit.core.text.internal;
