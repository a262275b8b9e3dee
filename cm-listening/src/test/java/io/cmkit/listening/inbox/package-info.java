/** Tests of listening as an inbox handler, through a real inbox over a fake connector. */
package io.cmkit.listening.inbox;
