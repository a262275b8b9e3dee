/**
 * Command-line tools: {@link io.cmkit.moderation.tools.Evaluate} measures the default moderation
 * (and a trained classifier) on any labelled CSV, {@link io.cmkit.moderation.tools.Train} builds
 * a classifier model file. See {@code cm-moderation/README.md}.
 */
package io.cmkit.moderation.tools;
