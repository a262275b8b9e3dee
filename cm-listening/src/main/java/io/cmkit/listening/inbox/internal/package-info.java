/** Implementation of the inbox handler: the bounded set of interaction keys already counted. */
package io.cmkit.listening.inbox.internal;
