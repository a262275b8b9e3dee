/** Implementation of the SPI's text counting and default limits; not public API. */
package io.cmkit.core.spi.internal;
