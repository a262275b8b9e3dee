package io.cmkit.core.jdbc.internal;

import java.util.regex.Pattern;

/** Takes credentials out of JDBC URLs before they reach a message, a log or a toString. */
public final class JdbcUrls {

    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&;])(password|passwd|pwd|sslpassword|secret|token|user)=[^&;]*");

    private JdbcUrls() {
    }

    /** The URL with any {@code user:password@} and any password-like parameter removed. */
    public static String redact(String url) {
        if (url == null) {
            return "(unknown URL)";
        }
        String out = USER_INFO.matcher(url).replaceAll("//");
        out = SECRET_PARAM.matcher(out).replaceAll("$1$2=***");
        return out;
    }
}
