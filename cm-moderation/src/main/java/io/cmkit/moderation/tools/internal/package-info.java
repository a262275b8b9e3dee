/** CSV reading, dataset decoding, metrics and training loops behind the command-line tools; may change without notice. */
package io.cmkit.moderation.tools.internal;
