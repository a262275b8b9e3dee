/** Tests of the classifier's features: the target cues and the views of a comment. */
package io.cmkit.moderation.classifier.internal;
