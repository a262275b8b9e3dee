package io.cmkit.core.text.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Host parsing, a small public suffix list, and the top-level domains links are recognised by without a scheme. */
public final class DomainRules {

    private DomainRules() {
    }

    /** Top-level domains a link without a scheme may end with. */
    static final Set<String> TLDS = Set.of(
            "com", "net", "org", "info", "biz", "io", "co", "me", "tv", "app", "dev", "ly", "gl", "gg", "ai",
            "xyz", "online", "site", "shop", "store", "blog", "news", "live", "club", "tech", "pro", "link",
            "click", "top", "social", "edu", "gov", "int", "eu", "fr", "be", "ch", "lu", "ca", "uk", "de",
            "es", "it", "nl", "pt", "us", "au", "nz", "jp", "cn", "ru", "br", "in", "mx", "pl", "se", "no",
            "dk", "fi", "ie", "at", "cz", "ma", "tn", "dz", "sn", "ci", "re", "to", "ws", "cc", "la", "fm",
            "am", "im", "sh", "st", "vc", "bio", "page", "art", "bzh", "paris", "quebec", "gouv");

    /** Multi-label public suffixes; any single top-level label is a suffix too. */
    private static final Set<String> SUFFIXES = Set.of(
            "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "sch.uk",
            "com.au", "net.au", "org.au", "edu.au", "gov.au", "co.nz", "org.nz", "net.nz",
            "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "com.br", "net.br", "org.br", "gov.br",
            "com.cn", "net.cn", "org.cn", "gov.cn", "com.mx", "org.mx", "co.in", "net.in", "org.in",
            "co.za", "org.za", "com.tr", "co.kr", "or.kr", "com.sg", "com.hk", "com.tw", "com.ar",
            "com.co", "com.pe", "com.ve", "co.il", "com.ua", "com.pl", "com.es", "com.pt",
            "gouv.fr", "asso.fr", "nom.fr", "com.fr", "tm.fr", "gouv.qc.ca", "qc.ca", "ac.be",
            "gc.ca", "co.ma", "gov.ma", "com.tn", "gouv.ci", "gouv.sn",
            "github.io", "gitlab.io", "blogspot.com", "herokuapp.com", "netlify.app", "vercel.app",
            "pages.dev", "wordpress.com", "wixsite.com", "substack.com", "tumblr.com", "appspot.com",
            "azurewebsites.net", "cloudfront.net", "firebaseapp.com", "web.app", "glitch.me");

    public static Optional<String> host(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String s = url.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0 && scheme < 12) {
            s = s.substring(scheme + 3);
        } else if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7);
        }
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        s = s.substring(0, end);
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        if (s.startsWith("[")) { // IPv6 literal
            int close = s.indexOf(']');
            return close > 1 ? Optional.of(s.substring(0, close + 1).toLowerCase(Locale.ROOT)) : Optional.empty();
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            s = s.substring(0, colon);
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.startsWith(".") || s.contains("..")) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    public static Optional<String> registrableDomain(String urlOrHost) {
        Optional<String> h = host(urlOrHost);
        if (h.isEmpty()) {
            return h;
        }
        String host = h.get();
        if (host.startsWith("[") || isIpv4(host)) {
            return Optional.empty();
        }
        String[] labels = host.split("\\.");
        if (labels.length < 2) {
            return Optional.empty();
        }
        // The longest known suffix (three, then two labels), else the last label.
        int suffixLabels = 1;
        for (int k = Math.min(3, labels.length); k >= 2; k--) {
            if (SUFFIXES.contains(join(labels, labels.length - k))) {
                suffixLabels = k;
                break;
            }
        }
        if (labels.length <= suffixLabels) {
            return Optional.empty();
        }
        return Optional.of(join(labels, labels.length - suffixLabels - 1));
    }

    private static String join(String[] labels, int from) {
        return String.join(".", java.util.Arrays.copyOfRange(labels, from, labels.length));
    }

    /** Whether {@code host} is four groups of one to three ASCII digits joined by dots (what {@code \\d{1,3}(\\.\\d{1,3}){3}} matches), read without compiling a regex per link. */
    static boolean isIpv4(String host) {
        int dots = 0;
        int digits = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && dots < 3) {
                dots++;
                digits = 0;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }
}
