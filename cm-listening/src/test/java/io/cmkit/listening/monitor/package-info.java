/** Tests of the monitor: routing, matched terms, semantics against a naive evaluator, concurrent changes. */
package io.cmkit.listening.monitor;
