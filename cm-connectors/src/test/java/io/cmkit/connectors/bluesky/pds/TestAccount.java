package io.cmkit.connectors.bluesky.pds;

import java.util.Objects;

/** An account the PDS creates at start, with its password (usable as an app password). */
public record TestAccount(String handle, String password) {

    /** The brand's account. */
    public static final TestAccount BRAND = new TestAccount("brand.test", "brand-pass-1");
    /** A fan who replies, likes and mentions. */
    public static final TestAccount FAN = new TestAccount("fan.test", "fan-pass-1");

    public TestAccount {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "TestAccount[" + handle + "]"; // no password in test output
    }
}
