package io.cmkit.bench.http;

/** The JSON body both clients post. */
public record NewStatus(String status, String visibility, String language) {
}
