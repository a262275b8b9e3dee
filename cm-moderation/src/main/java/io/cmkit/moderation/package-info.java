/**
 * Comment moderation: rules over incoming comments (approve, hide, delete, reply, flag, escalate,
 * block), read from YAML or built in Java; the {@link io.cmkit.moderation.ModerationEngine} that
 * decides and explains; the {@link io.cmkit.moderation.Moderator} that carries decisions out through
 * cm-core's connector SPI, degrading what a platform cannot do. Talks to platforms only through
 * cm-core's SPI. See {@code docs/moderation.md}.
 */
package io.cmkit.moderation;
