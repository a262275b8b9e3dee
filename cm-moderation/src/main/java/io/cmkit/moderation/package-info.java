/**
 * Comment moderation: rules over incoming comments (hide, delete, reply, flag, escalate), lexicons,
 * classifiers, saved replies, the human review queue and the audit log. Talks to platforms only
 * through cm-core's SPI.
 */
package io.cmkit.moderation;
