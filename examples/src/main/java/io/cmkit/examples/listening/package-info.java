/**
 * "Alert me on bad buzz": saved listening queries over the mentions cmkit's inbox collects, and
 * an alert sink that says when negative mentions spike, in one small program to copy from.
 */
package io.cmkit.examples.listening;
