/** Tests of the demo: its outputs against its printed summary, determinism, languages, bad options, a real PDS. */
package io.cmkit.examples.demo;
