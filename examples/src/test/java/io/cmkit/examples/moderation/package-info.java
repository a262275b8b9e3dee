/** Tests of the Mastodon moderation program, against the in-memory sandbox (no network). */
package io.cmkit.examples.moderation;
