/**
 * "Moderate my Mastodon comments": a rules file, the Mastodon connector, and the moderation
 * handler in cmkit's inbox, in one small program to copy from.
 */
package io.cmkit.examples.moderation;
