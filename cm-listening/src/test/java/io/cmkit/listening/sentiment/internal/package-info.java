/** Tests of the sentiment internals: lexicon files and metrics. */
package io.cmkit.listening.sentiment.internal;
