package io.cmkit.connectors.mastodon.internal;

import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.MultipartBody;
import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Profile;
import io.cmkit.core.spi.ProfileUpdate;
import io.cmkit.core.spi.Profiles;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The profile: read from {@code verify_credentials}, changed through
 * {@code PATCH /api/v1/accounts/update_credentials} (multipart, so an avatar can go with it).
 * Mastodon has no website field: the website is the first profile field named like one
 * (Website, Site, Web, URL, Site web) or, failing that, the first whose value is a link; updating it
 * rewrites that field (or adds a "Website" field) and keeps the others.
 */
final class MastodonProfiles implements Profiles {

    private static final List<String> WEBSITE_NAMES = List.of("website", "site", "web", "url", "site web", "homepage",
            "home page", "site internet");
    private static final String DEFAULT_AVATAR = "/avatars/original/missing.png";

    private final MastodonConnector connector;

    MastodonProfiles(MastodonConnector connector) {
        this.connector = connector;
    }

    @Override
    public Profile profile() throws ConnectorException {
        return toProfile(credentials());
    }

    private MastodonJson.Account credentials() throws ConnectorException {
        MastodonJson.Account a = connector.api().send(ApiRequest.get("/api/v1/accounts/verify_credentials"),
                MastodonJson.Account.class);
        connector.rememberOwnAccountId(a.id());
        return a;
    }

    private Profile toProfile(MastodonJson.Account a) {
        String name = a.display_name() != null && !a.display_name().isBlank() ? a.display_name()
                : a.username() != null ? a.username() : connector.account().handle();
        String bio = a.source() != null && a.source().note() != null ? a.source().note() : Html.toText(a.note());
        Optional<URI> avatar = MastodonConnector.uri(a.avatar()).filter(u -> !u.getPath().endsWith(DEFAULT_AVATAR));
        return new Profile(connector.account(), name, bio, website(fields(a)), avatar);
    }

    /** The plain-text fields (the source's when it has some, else the rendered ones as text). */
    private static List<MastodonJson.Field> fields(MastodonJson.Account a) {
        if (a.source() != null && a.source().fields() != null && !a.source().fields().isEmpty()) {
            return a.source().fields();
        }
        List<MastodonJson.Field> out = new ArrayList<>();
        if (a.fields() != null) {
            for (MastodonJson.Field f : a.fields()) {
                out.add(new MastodonJson.Field(f.name(), Html.toText(f.value()), f.verified_at()));
            }
        }
        return out;
    }

    private static Optional<URI> website(List<MastodonJson.Field> fields) {
        int i = websiteIndex(fields);
        return i < 0 ? Optional.empty() : link(fields.get(i).value());
    }

    private static int websiteIndex(List<MastodonJson.Field> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).name() == null ? "" : fields.get(i).name().strip().toLowerCase(Locale.ROOT);
            if (WEBSITE_NAMES.contains(name) && link(fields.get(i).value()).isPresent()) {
                return i;
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (link(fields.get(i).value()).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<URI> link(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (!v.contains("://") && v.matches("[\\w.-]+\\.[a-z]{2,}(/\\S*)?")) {
            v = "https://" + v;
        }
        return MastodonConnector.uri(v).filter(u -> u.getScheme().startsWith("http") && u.getHost() != null);
    }

    @Override
    public Profile update(ProfileUpdate update) throws ConnectorException {
        if (update.equals(ProfileUpdate.none())) {
            return profile();
        }
        MultipartBody.Builder body = MultipartBody.builder();
        update.displayName().ifPresent(v -> body.field("display_name", v));
        update.bio().ifPresent(v -> body.field("note", v));
        if (update.website().isPresent()) {
            List<MastodonJson.Field> fields = new ArrayList<>(fields(credentials()));
            int i = websiteIndex(fields);
            MastodonJson.Field site = new MastodonJson.Field(i < 0 ? "Website" : fields.get(i).name(),
                    update.website().get().toString(), null);
            if (i < 0) {
                fields.add(site);
            } else {
                fields.set(i, site);
            }
            for (int n = 0; n < fields.size(); n++) {
                body.field("fields_attributes[" + n + "][name]", nullToEmpty(fields.get(n).name()));
                body.field("fields_attributes[" + n + "][value]", nullToEmpty(fields.get(n).value()));
            }
        }
        if (update.avatar().isPresent()) {
            MediaAsset avatar = update.avatar().get();
            byte[] bytes = MastodonPublishing.read(connector, avatar);
            body.file("avatar", MastodonPublishing.filename(avatar), avatar.mimeType(), bytes);
            avatar.altText().ifPresent(alt -> body.field("avatar_description", alt));
        }
        MultipartBody built = body.build();
        MastodonJson.Account after = connector.api().send(ApiRequest.patch("/api/v1/accounts/update_credentials")
                .body(built.contentType(), built.bytes()), MastodonJson.Account.class);
        return toProfile(after);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
