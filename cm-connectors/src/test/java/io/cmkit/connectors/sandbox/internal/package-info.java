/** Tests of the sandbox world's internals against reference computations. */
package io.cmkit.connectors.sandbox.internal;
