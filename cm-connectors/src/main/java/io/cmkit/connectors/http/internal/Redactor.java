package io.cmkit.connectors.http.internal;

import io.cmkit.connectors.http.Secret;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for a log line or an exception message: every live {@link Secret}'s
 * value, {@code Authorization}-style schemes ({@code Bearer ...}), JWT-looking strings, secret
 * query parameters and JSON fields named like secrets.
 */
public final class Redactor {

    /** What replaces a secret. */
    public static final String MASK = "***";

    private static final Set<Secret> LIVE = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(Bearer|Basic|DPoP)\\s+[A-Za-z0-9._~+/=-]{6,}");
    private static final String SECRET_NAMES = "access_token|refresh_token|id_token|token|password|passwd|secret"
            + "|client_secret|api_key|apikey|accessJwt|refreshJwt|authorization|app_password|appPassword";
    private static final Pattern QUERY = Pattern.compile("(?i)([?&;](?:" + SECRET_NAMES + "|key|code|sig|signature)=)"
            + "[^&#\\s\"']*");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(?i)(\"(?:" + SECRET_NAMES + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern HEADER = Pattern.compile("(?i)(authorization\\s*[:=]\\s*)[^,\\]\\r\\n]+");

    private Redactor() {
    }

    /** Called by {@link Secret}: its value is masked from now on, for as long as it lives. */
    public static void remember(Secret secret) {
        LIVE.add(secret);
    }

    /** The text with every secret masked. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String out = text;
        List<String> values = new ArrayList<>();
        synchronized (LIVE) {
            for (Secret s : LIVE) {
                if (s != null) {
                    values.add(s.reveal());
                }
            }
        }
        values.sort((a, b) -> b.length() - a.length());
        for (String v : values) {
            if (v.length() >= 4 && out.contains(v)) {
                out = out.replace(v, MASK);
            }
            // a "Bearer x" header secret also hides its bare token
            int space = v.indexOf(' ');
            if (space > 0 && v.length() - space > 4) {
                String bare = v.substring(space + 1);
                if (out.contains(bare)) {
                    out = out.replace(bare, MASK);
                }
            }
        }
        out = JWT.matcher(out).replaceAll(MASK);
        out = SCHEME.matcher(out).replaceAll("$1 " + Matcher.quoteReplacement(MASK));
        out = QUERY.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        out = JSON_FIELD.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        out = HEADER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return out;
    }

    /** A URL or path with secret query parameters and embedded credentials masked. */
    public static String redactUrl(String url) {
        String out = url.replaceAll("(?i)(https?://)[^/@\\s]+@", "$1" + Matcher.quoteReplacement(MASK) + "@");
        return redact(out);
    }
}
