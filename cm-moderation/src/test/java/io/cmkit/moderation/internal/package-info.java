/** Tests of the engine's internals: its shortcuts against the general path, the regex gates, the traffic windows. */
package io.cmkit.moderation.internal;
