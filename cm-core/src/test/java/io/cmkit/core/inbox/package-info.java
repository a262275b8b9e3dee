/** Tests of the inbox: polling, de-duplication, faults, handler failures, and the store contract on memory, H2 and PostgreSQL. */
package io.cmkit.core.inbox;
