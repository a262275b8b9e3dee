package io.cmkit.bench.listening;

import io.cmkit.listening.monitor.Mention;
import io.cmkit.listening.monitor.SavedQuery;
import io.cmkit.listening.query.QueryNode;
import io.cmkit.listening.query.TextAnalysis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The same queries and posts for Lucene Monitor, analysed alike.
 *
 * <p><b>Analysis.</b> Lucene never sees raw text: a post's field {@code text} holds cmkit's tokens
 * ({@link TextAnalysis#tokens}: normalised case, accents and look-alikes; words, {@code #tags},
 * {@code @mentions}) joined by spaces, read back by a {@link WhitespaceTokenizer}; a filter adds a
 * hashtag's body at the same position ({@code #cafe} and {@code cafe}), as cmkit lets a word match
 * the hashtag made of it. Query terms are already normalised tokens. So both engines see the same
 * token stream and differ only in how they match.
 *
 * <p><b>Queries.</b> A term is a {@link TermQuery}, a prefix a {@link PrefixQuery}, a phrase a
 * {@link PhraseQuery}, AND a {@link BooleanQuery} of MUST (filters as FILTER, NOT as MUST_NOT), OR
 * of SHOULD, NEAR/n an unordered {@link SpanNearQuery} with slop n (phrases inside it are ordered
 * span-nears with slop 0, prefixes {@link SpanMultiTermQueryWrapper}s). Filters are keyword fields
 * {@code lang}, {@code from}, {@code platform} and {@code site} (every suffix of every host:
 * {@code www.a.fr}, {@code a.fr}, {@code fr}, so a term query finds subdomains as cmkit does).
 */
final class LuceneListening {

    static final String TEXT = "text";

    private LuceneListening() {
    }

    /** The analyzer for documents: whitespace tokens plus hashtag bodies on {@code text}, keywords elsewhere. */
    static Analyzer analyzer() {
        Analyzer text = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                WhitespaceTokenizer source = new WhitespaceTokenizer();
                return new TokenStreamComponents(source, new HashtagBodyFilter(source));
            }
        };
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(TEXT, text));
    }

    static MonitorQuery monitorQuery(SavedQuery q) {
        return new MonitorQuery(q.id(), toLucene(q.query().root()));
    }

    static Document document(Mention m) {
        Document doc = new Document();
        doc.add(new TextField(TEXT, String.join(" ", TextAnalysis.tokens(m.text())), Field.Store.NO));
        m.language().ifPresent(l -> doc.add(new StringField("lang", l, Field.Store.NO)));
        m.authorHandle().ifPresent(h -> doc.add(new StringField("from", h.toLowerCase(java.util.Locale.ROOT), Field.Store.NO)));
        m.platform().ifPresent(p -> doc.add(new StringField("platform", p.id(), Field.Store.NO)));
        for (String host : m.hosts()) {
            for (String suffix = host; ; suffix = suffix.substring(suffix.indexOf('.') + 1)) {
                doc.add(new StringField("site", suffix, Field.Store.NO));
                if (suffix.indexOf('.') < 0) {
                    break;
                }
            }
        }
        return doc;
    }

    static Query toLucene(QueryNode node) {
        if (node instanceof QueryNode.Term t) {
            return new TermQuery(new Term(TEXT, t.token()));
        }
        if (node instanceof QueryNode.Prefix p) {
            return new PrefixQuery(new Term(TEXT, p.stem()));
        }
        if (node instanceof QueryNode.Phrase p) {
            return new PhraseQuery(TEXT, p.tokens().toArray(String[]::new));
        }
        if (node instanceof QueryNode.And and) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (QueryNode child : and.children()) {
                if (child instanceof QueryNode.Not not) {
                    b.add(toLucene(not.child()), Occur.MUST_NOT);
                } else if (child instanceof QueryNode.Filter) {
                    b.add(toLucene(child), Occur.FILTER);
                } else {
                    b.add(toLucene(child), Occur.MUST);
                }
            }
            return b.build();
        }
        if (node instanceof QueryNode.Or or) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            or.children().forEach(c -> b.add(toLucene(c), Occur.SHOULD));
            return b.build();
        }
        if (node instanceof QueryNode.Near near) {
            return toSpan(near);
        }
        if (node instanceof QueryNode.Filter f) {
            return new TermQuery(new Term(f.field().keyword(), f.value()));
        }
        throw new IllegalArgumentException("no Lucene form for a standalone " + node);
    }

    private static SpanQuery toSpan(QueryNode node) {
        if (node instanceof QueryNode.Term t) {
            return new SpanTermQuery(new Term(TEXT, t.token()));
        }
        if (node instanceof QueryNode.Prefix p) {
            return new SpanMultiTermQueryWrapper<>(new PrefixQuery(new Term(TEXT, p.stem())));
        }
        if (node instanceof QueryNode.Phrase p) {
            return new SpanNearQuery(p.tokens().stream().map(t -> new SpanTermQuery(new Term(TEXT, t)))
                    .toArray(SpanQuery[]::new), 0, true);
        }
        if (node instanceof QueryNode.Or or) {
            return new SpanOrQuery(or.children().stream().map(LuceneListening::toSpan).toArray(SpanQuery[]::new));
        }
        if (node instanceof QueryNode.Near near) {
            return new SpanNearQuery(new SpanQuery[] {toSpan(near.left()), toSpan(near.right())}, near.distance(), false);
        }
        throw new IllegalArgumentException("no span form for " + node);
    }

    /** After {@code #tag}, emits {@code tag} at the same position. */
    private static final class HashtagBodyFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<String> pending = new ArrayList<>(1);

        HashtagBodyFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!pending.isEmpty()) {
                String body = pending.remove(0);
                term.setEmpty().append(body);
                increment.setPositionIncrement(0);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            if (term.length() > 1 && term.charAt(0) == '#') {
                pending.add(term.subSequence(1, term.length()).toString());
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
        }
    }
}
