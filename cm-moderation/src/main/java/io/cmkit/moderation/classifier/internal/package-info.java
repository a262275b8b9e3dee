/** Feature hashing, the target cues and the model file format; may change without notice. */
package io.cmkit.moderation.classifier.internal;
