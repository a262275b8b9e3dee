package io.cmkit.core.model;

/**
 * A recurring theme of the editorial line and the share of posts it should take.
 *
 * @param name short name, unique within the editorial line ("behind the scenes")
 * @param targetShare the percentage of posts it should take, in (0, 100]
 * @param description what belongs in it, for whoever writes the posts
 */
public record ContentPillar(String name, double targetShare, String description) {

    public ContentPillar {
        name = Checks.notBlank("ContentPillar", "name", name);
        if (Double.isNaN(targetShare) || targetShare <= 0 || targetShare > 100) {
            throw new InvalidModelException("ContentPillar", "targetShare",
                    "must be a percentage above 0 and at most 100 (got " + targetShare + ")");
        }
        description = Checks.present("ContentPillar", "description", description).strip();
    }
}
