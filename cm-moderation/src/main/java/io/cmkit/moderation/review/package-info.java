/**
 * The human review queue: FLAGged comments with their explanations, claimed by a moderator under
 * a lease and resolved with a verdict and a note; resolved items go to listeners (a classifier
 * learns from them). Stored behind {@link io.cmkit.moderation.review.ReviewQueueStore}.
 */
package io.cmkit.moderation.review;
