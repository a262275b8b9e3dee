/**
 * Command-line tools run with Maven (see cm-listening/README.md): sentiment evaluation against a
 * labelled file, lexicon derivation from a training split, spike detection over a CSV series, and
 * the synthetic seasonal series generator.
 */
package io.cmkit.listening.tools;
