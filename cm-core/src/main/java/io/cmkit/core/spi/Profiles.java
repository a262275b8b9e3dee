package io.cmkit.core.spi;

/** Reading and updating the account's profile. */
public interface Profiles {

    /** The profile as the platform shows it now. */
    Profile profile() throws ConnectorException;

    /** Applies the update and returns the profile as it is afterwards. */
    Profile update(ProfileUpdate update) throws ConnectorException;
}
