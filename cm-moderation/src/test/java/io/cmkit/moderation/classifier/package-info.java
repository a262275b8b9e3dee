/** Tests of the classifiers: learning, scoring, thread safety and the model file. */
package io.cmkit.moderation.classifier;
