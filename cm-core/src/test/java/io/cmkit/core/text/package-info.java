/**
 * Tests of the text toolkit: normalisation, tokenising and the pattern matcher, with seeded
 * property and differential tests against naive searches and the code as first written.
 */
package io.cmkit.core.text;
