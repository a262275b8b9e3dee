package io.cmkit.core.strategy;

/**
 * Pieces of brand kit text the loader tests assemble their kits from, so each kit shows only what
 * it is about. Both end with a line break; a kit's line numbers count theirs.
 */
final class KitFragments {

    /** Lines 1 to 6 of a kit: the format version and a brand with every required key. */
    static final String BRAND = """
            cmkit: 1
            brand:
              id: cafe-lumiere
              name: Café Lumière
              time_zone: Europe/Paris
              default_language: fr
            """;

    /** The last 6 lines of a kit: an editorial line with every required key and one pillar. */
    static final String ONE_PILLAR = """
            editorial_line:
              tone: chaleureux
              languages: [fr]
              pillars:
                - name: Recettes
                  share: 100
            """;

    private KitFragments() {
    }
}
