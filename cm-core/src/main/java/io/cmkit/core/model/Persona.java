package io.cmkit.core.model;

import java.util.List;

/**
 * A fictional, representative member of an audience, as marketing teams write them.
 *
 * @param name the persona's name, e.g. "Camille, 29, remote worker"
 * @param profile who they are, in a sentence or two
 * @param problems what they struggle with that the brand can help with
 * @param expectations what they expect from the brand
 * @param socialBehaviour how they use social media: where, when, what they share
 */
public record Persona(String name, String profile, List<String> problems, List<String> expectations,
                      List<String> socialBehaviour) {

    public Persona {
        name = Checks.notBlank("Persona", "name", name);
        profile = Checks.present("Persona", "profile", profile).strip();
        problems = Checks.strings("Persona", "problems", problems);
        expectations = Checks.strings("Persona", "expectations", expectations);
        socialBehaviour = Checks.strings("Persona", "socialBehaviour", socialBehaviour);
    }
}
