package io.cmkit.core.spi;

/** Paid promotion of the account's posts. */
public interface Promotion {

    /** Starts a boost; the same idempotency key returns the existing boost instead of paying twice. */
    Boost boost(BoostRequest request) throws ConnectorException;

    /** The boost's state and spend now. */
    Boost status(String boostId) throws ConnectorException;

    /** Stops a boost; what was spent stays spent. */
    Boost cancel(String boostId) throws ConnectorException;
}
