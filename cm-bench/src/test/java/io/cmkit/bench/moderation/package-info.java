/** Tests of the moderation benchmark's corpus and of the agreement of its lexicon scanners. */
package io.cmkit.bench.moderation;
