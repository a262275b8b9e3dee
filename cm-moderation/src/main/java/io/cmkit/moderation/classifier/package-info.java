/** A small trainable text classifier that learns from moderators' decisions. */
package io.cmkit.moderation.classifier;
