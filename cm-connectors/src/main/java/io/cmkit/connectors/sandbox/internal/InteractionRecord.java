package io.cmkit.connectors.sandbox.internal;

import io.cmkit.connectors.sandbox.Intent;
import io.cmkit.connectors.sandbox.InteractionFacts;
import io.cmkit.core.model.Interaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One interaction in the world, with what the brand did to it. Guarded by the world's lock. */
final class InteractionRecord {

    final Interaction interaction;
    final Optional<Intent> intent;
    final Population.Persona persona;
    /** The brand post it comments on or quotes; null for mentions. */
    final PostState post;
    InteractionFacts.Visibility visibility = InteractionFacts.Visibility.VISIBLE;
    final List<String> reports = new ArrayList<>();

    InteractionRecord(Interaction interaction, Optional<Intent> intent, Population.Persona persona, PostState post) {
        this.interaction = interaction;
        this.intent = intent;
        this.persona = persona;
        this.post = post;
    }

    boolean deleted() {
        return visibility == InteractionFacts.Visibility.DELETED;
    }

    boolean isComment() {
        return interaction.kind() == Interaction.Kind.COMMENT || interaction.kind() == Interaction.Kind.REPLY;
    }

    InteractionFacts facts() {
        return new InteractionFacts(interaction, intent, visibility, reports, persona.recurring(),
                Optional.ofNullable(post).map(p -> p.id));
    }
}
