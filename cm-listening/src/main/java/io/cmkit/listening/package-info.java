/**
 * Listening and e-reputation: saved boolean queries over the mention stream, sentiment, volume and
 * bad-buzz alerts, competitor watch. Talks to platforms only through cm-core's SPI.
 */
package io.cmkit.listening;
