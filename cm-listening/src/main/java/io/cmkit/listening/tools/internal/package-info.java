/** Helpers of the command-line tools: option parsing and line files. May change. */
package io.cmkit.listening.tools.internal;
