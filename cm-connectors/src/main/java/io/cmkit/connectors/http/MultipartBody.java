package io.cmkit.connectors.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578), for media uploads:
 *
 * <pre>{@code
 * MultipartBody body = MultipartBody.builder()
 *         .file("file", "photo.jpg", "image/jpeg", bytes)
 *         .field("description", altText)
 *         .build();
 * api.send(ApiRequest.post("/api/v2/media").body(body.contentType(), body.bytes()), MediaJson.class);
 * }</pre>
 */
public final class MultipartBody {

    private final String boundary;
    private final byte[] bytes;

    private MultipartBody(String boundary, byte[] bytes) {
        this.boundary = boundary;
        this.bytes = bytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code multipart/form-data; boundary=...}. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The encoded body. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "MultipartBody[" + bytes.length + " bytes]";
    }

    /** Builds a {@link MultipartBody}; parts keep their order. */
    public static final class Builder {

        private record Part(String name, String filename, String contentType, byte[] bytes) {
        }

        private final List<Part> parts = new ArrayList<>();

        private Builder() {
        }

        /** A text field. */
        public Builder field(String name, String value) {
            Objects.requireNonNull(value, "value");
            parts.add(new Part(checked(name), null, null, value.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        /** A file part. */
        public Builder file(String name, String filename, String contentType, byte[] content) {
            Objects.requireNonNull(content, "content");
            parts.add(new Part(checked(name), checked(filename), checked(contentType), content.clone()));
            return this;
        }

        public MultipartBody build() {
            if (parts.isEmpty()) {
                throw new IllegalStateException("a multipart body needs at least one part");
            }
            String boundary = "cmkit-" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Part p : parts) {
                write(out, "--" + boundary + "\r\n");
                write(out, "Content-Disposition: form-data; name=\"" + p.name() + "\""
                        + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"") + "\r\n");
                if (p.contentType() != null) {
                    write(out, "Content-Type: " + p.contentType() + "\r\n");
                }
                write(out, "\r\n");
                out.writeBytes(p.bytes());
                write(out, "\r\n");
            }
            write(out, "--" + boundary + "--\r\n");
            return new MultipartBody(boundary, out.toByteArray());
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        private static String checked(String value) {
            Objects.requireNonNull(value, "a part's name, filename and content type");
            if (value.isBlank() || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a part's name, filename or content type must be non-blank, without"
                        + " quotes or line breaks (got \"" + value + "\")");
            }
            return value;
        }
    }
}
