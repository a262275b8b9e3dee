package io.cmkit.listening.monitor.internal;

import io.cmkit.listening.query.FilterField;
import java.util.List;

/** A query compiled against one layer's term numbering, evaluated on a {@link Workspace}. */
abstract class Node {

    abstract boolean matches(Workspace w);

    /** Appends the token ranges where it occurs; only for the nodes NEAR accepts. */
    void spans(Workspace w, Spans out) {
        throw new IllegalStateException(getClass().getSimpleName() + " has no positions");
    }

    /** A word, prefix, hashtag or mention: one term of the layer. */
    static final class TermNode extends Node {
        final int term;

        TermNode(int term) {
            this.term = term;
        }

        @Override
        boolean matches(Workspace w) {
            return w.hit(term);
        }

        @Override
        void spans(Workspace w, Spans out) {
            w.termSpans(term, out);
        }
    }

    /** Terms at consecutive token positions. */
    static final class PhraseNode extends Node {
        final int[] terms;

        PhraseNode(int[] terms) {
            this.terms = terms;
        }

        @Override
        boolean matches(Workspace w) {
            for (int t : terms) {
                if (!w.hit(t)) {
                    return false;
                }
            }
            Spans s = new Spans();
            spans(w, s);
            return s.size() > 0;
        }

        @Override
        void spans(Workspace w, Spans out) {
            Spans first = new Spans();
            w.termSpans(terms[0], first);
            for (int i = 0; i < first.size(); i++) {
                int p = first.start(i);
                boolean all = true;
                for (int k = 1; k < terms.length && all; k++) {
                    all = w.hitAt(terms[k], p + k);
                }
                if (all) {
                    out.add(p, p + terms.length);
                }
            }
        }
    }

    /** Every positive child, and no negative one. */
    static final class AndNode extends Node {
        final Node[] positive;
        final Node[] negative;

        AndNode(List<Node> positive, List<Node> negative) {
            this.positive = positive.toArray(Node[]::new);
            this.negative = negative.toArray(Node[]::new);
        }

        @Override
        boolean matches(Workspace w) {
            for (Node n : positive) {
                if (!n.matches(w)) {
                    return false;
                }
            }
            for (Node n : negative) {
                if (n.matches(w)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Any child. */
    static final class OrNode extends Node {
        final Node[] children;

        OrNode(List<Node> children) {
            this.children = children.toArray(Node[]::new);
        }

        @Override
        boolean matches(Workspace w) {
            for (Node n : children) {
                if (n.matches(w)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        void spans(Workspace w, Spans out) {
            for (Node n : children) {
                n.spans(w, out);
            }
        }
    }

    /** A standalone negation (only reachable through a hand-built tree; the parser puts NOT under AND). */
    static final class NotNode extends Node {
        final Node child;

        NotNode(Node child) {
            this.child = child;
        }

        @Override
        boolean matches(Workspace w) {
            return !child.matches(w);
        }
    }

    /** Two non-overlapping occurrences, either order, at most {@code distance} tokens apart. */
    static final class NearNode extends Node {
        final Node left;
        final Node right;
        final int distance;

        NearNode(Node left, Node right, int distance) {
            this.left = left;
            this.right = right;
            this.distance = distance;
        }

        @Override
        boolean matches(Workspace w) {
            Spans s = new Spans();
            pairs(w, s, true);
            return s.size() > 0;
        }

        @Override
        void spans(Workspace w, Spans out) {
            pairs(w, out, false);
        }

        private void pairs(Workspace w, Spans out, boolean firstOnly) {
            Spans a = new Spans();
            left.spans(w, a);
            if (a.size() == 0) {
                return;
            }
            Spans b = new Spans();
            right.spans(w, b);
            for (int i = 0; i < a.size(); i++) {
                for (int j = 0; j < b.size(); j++) {
                    int as = a.start(i);
                    int ae = a.end(i);
                    int bs = b.start(j);
                    int be = b.end(j);
                    int gap = ae <= bs ? bs - ae : be <= as ? as - be : -1;
                    if (gap >= 0 && gap <= distance) {
                        out.add(Math.min(as, bs), Math.max(ae, be));
                        if (firstOnly) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /** A fact of the mention: language, author, site, platform. */
    static final class FilterNode extends Node {
        final FilterField field;
        final String value;
        final String dotValue;

        FilterNode(FilterField field, String value) {
            this.field = field;
            this.value = value;
            this.dotValue = "." + value;
        }

        @Override
        boolean matches(Workspace w) {
            return switch (field) {
                case LANG -> w.mention().language().map(value::equals).orElse(false);
                case FROM -> w.mention().authorHandle().map(value::equalsIgnoreCase).orElse(false);
                case PLATFORM -> w.mention().platform().map(p -> p.id().equals(value)).orElse(false);
                case SITE -> {
                    for (String host : w.hosts()) {
                        if (host.equals(value) || host.endsWith(dotValue)) {
                            yield true;
                        }
                    }
                    yield false;
                }
            };
        }
    }
}
