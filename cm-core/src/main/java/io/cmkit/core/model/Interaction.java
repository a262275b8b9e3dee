package io.cmkit.core.model;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Something someone else wrote that concerns the brand: a comment on its post, a reply in one of
 * its threads, a mention, a quote. The inbox hands these to moderation, listening and the host.
 *
 * @param id the platform's id for it, unique per platform
 * @param account the brand's account it concerns
 * @param kind comment, reply, mention or quote
 * @param author who wrote it
 * @param text what they wrote, as the platform gives it (plain text, HTML removed)
 * @param createdAt when it was written
 * @param thread where it sits in a conversation
 * @param language its language if the platform or a detector says
 * @param url where a person can see it, if the platform gives one
 */
public record Interaction(String id, Account account, Kind kind, Author author, String text, Instant createdAt,
                          ThreadPosition thread, Optional<Locale> language, Optional<URI> url) {

    /** What sort of interaction it is. */
    public enum Kind {
        /** A direct answer to one of the brand's posts. */
        COMMENT,
        /** An answer deeper in a thread the brand's post started. */
        REPLY,
        /** A post elsewhere that names the brand's account. */
        MENTION,
        /** A post that quotes one of the brand's. */
        QUOTE
    }

    public Interaction {
        id = Checks.notBlank("Interaction", "id", id);
        Checks.present("Interaction", "account", account);
        Checks.present("Interaction", "kind", kind);
        Checks.present("Interaction", "author", author);
        Checks.present("Interaction", "text", text);
        Checks.present("Interaction", "createdAt", createdAt);
        Checks.present("Interaction", "thread", thread);
        language = Checks.optional("Interaction", "language", language);
        url = Checks.optional("Interaction", "url", url);
        if ((kind == Kind.COMMENT || kind == Kind.REPLY) && thread.depth() == 0) {
            throw new InvalidModelException("Interaction", "thread",
                    "must have depth of at least 1 for a " + kind + " (got a stand-alone position)");
        }
    }

    /** The platform it happened on: its account's. */
    public Platform platform() {
        return account.platform();
    }

    /** A key unique across platforms: {@code platform:id}. */
    public String key() {
        return account.platform().id() + ":" + id;
    }
}
