package io.cmkit.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("the Mastodon contract checker")
class MastodonContractTest {

    private final Contract mastodon = OpenApiContract.mastodon();
    private final String status = Examples.text("mastodon/status.json");

    @Nested
    @DisplayName("finds operations")
    class Operations {

        @Test
        @DisplayName("by method and path template, the literal path before the template")
        void templates() {
            assertThat(mastodon.endpoint("DELETE", "/api/v1/statuses/113546798012345678")).contains("DELETE /api/v1/statuses/{id}");
            assertThat(mastodon.endpoint("GET", "/api/v1/accounts/verify_credentials")).contains("GET /api/v1/accounts/verify_credentials");
            assertThat(mastodon.endpoint("GET", "/api/v1/accounts/42/followers")).contains("GET /api/v1/accounts/{id}/followers");
        }

        @Test
        @DisplayName("carries every operation cmkit uses")
        void carried() {
            assertThat(((OpenApiContract) mastodon).endpoints()).contains(
                    "POST /api/v1/statuses", "DELETE /api/v1/statuses/{id}", "GET /api/v1/statuses/{id}/context",
                    "POST /api/v2/media", "GET /api/v1/notifications", "GET /api/v1/accounts/verify_credentials",
                    "PATCH /api/v1/accounts/update_credentials", "GET /api/v1/accounts/{id}/followers",
                    "GET /api/v1/accounts/{id}/statuses", "POST /api/v1/accounts/{id}/block", "GET /api/v2/instance", "POST /api/v1/reports",
                    "GET /api/v1/scheduled_statuses");
        }

        @Test
        @DisplayName("an unknown path is a violation that says what is carried")
        void unknownPath() {
            List<Violation> v = mastodon.checkRequest(ContractRequest.of("GET", "/api/v1/statuses/1/translations"));
            assertThat(v).singleElement().satisfies(x -> {
                assertThat(x.endpoint()).isEqualTo("GET /api/v1/statuses/1/translations");
                assertThat(x.message()).contains("not an operation of the Mastodon contract");
            });
        }

        @Test
        @DisplayName("a known path with the wrong method is a violation naming the methods it takes")
        void wrongMethod() {
            List<Violation> v = mastodon.checkRequest(ContractRequest.of("PUT", "/api/v1/notifications"));
            assertThat(v).singleElement().extracting(Violation::message).asString().contains("this path takes [GET]");
        }
    }

    @Nested
    @DisplayName("checks requests")
    class Requests {

        @Test
        @DisplayName("a status with text, with media, with both, or scheduled, as JSON, passes")
        void validStatuses() {
            for (String body : List.of("{\"status\":\"Bonjour\",\"visibility\":\"public\"}",
                    "{\"media_ids\":[\"1\",\"2\"]}",
                    "{\"status\":\"Avec photo\",\"media_ids\":[\"1\"],\"language\":\"fr\"}",
                    "{\"status\":\"Plus tard\",\"scheduled_at\":\"2026-12-01T09:00:00Z\"}",
                    "{\"status\":\"Réponse\",\"in_reply_to_id\":\"113546798012345678\"}")) {
                assertThat(mastodon.checkRequest(ContractRequest.json("POST", "/api/v1/statuses", body)))
                        .as(body).isEmpty();
            }
        }

        @Test
        @DisplayName("a status without text or media fails, with the pointer of what is missing")
        void missingRequired() {
            List<Violation> v = mastodon.checkRequest(ContractRequest.json("POST", "/api/v1/statuses", "{\"visibility\":\"public\"}"));
            assertThat(v).isNotEmpty();
            assertThat(v).extracting(Violation::pointer).contains("/status", "/media_ids");
            assertThat(v.get(0).toString()).startsWith("POST /api/v1/statuses request body at /");
        }

        @Test
        @DisplayName("a wrong type fails with its pointer")
        void wrongType() {
            List<Violation> v = mastodon.checkRequest(ContractRequest.json("POST", "/api/v1/statuses", "{\"status\":42}"));
            assertThat(v).extracting(Violation::pointer).contains("/status");
        }

        @Test
        @DisplayName("a form body is read like Rails reads it (arrays with [], strings for booleans)")
        void formBody() {
            ContractRequest form = ContractRequest.of("POST", "/api/v1/statuses", "application/x-www-form-urlencoded",
                    "status=Bonjour&media_ids%5B%5D=1&media_ids%5B%5D=2&sensitive=true");
            assertThat(mastodon.checkRequest(form)).isEmpty();
        }

        @Test
        @DisplayName("a required body that is absent fails")
        void missingBody() {
            assertThat(mastodon.checkRequest(ContractRequest.of("POST", "/api/v1/statuses")))
                    .singleElement().extracting(Violation::message).asString().contains("required");
        }

        @Test
        @DisplayName("a media upload without its file part fails; with it, passes")
        void multipart() {
            String boundary = "b0undary";
            String withFile = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n\u0089PNG\r\n--b0undary\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
                    + "Une tasse\r\n--b0undary--\r\n";
            String withoutFile = "--b0undary\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nUne tasse\r\n--b0undary--\r\n";
            String type = "multipart/form-data; boundary=" + boundary;
            assertThat(mastodon.checkRequest(ContractRequest.of("POST", "/api/v2/media", type, withFile))).isEmpty();
            assertThat(mastodon.checkRequest(ContractRequest.of("POST", "/api/v2/media", type, withoutFile)))
                    .extracting(Violation::pointer).containsExactly("/file");
        }

        @Test
        @DisplayName("query parameters: defined ones pass, a misspelt or mistyped one fails")
        void queryParameters() {
            assertThat(mastodon.checkRequest(ContractRequest.of("GET", "/api/v1/notifications?types%5B%5D=mention&limit=40&max_id=99"))).isEmpty();
            assertThat(mastodon.checkRequest(ContractRequest.of("GET", "/api/v1/notifications?limit=forty")))
                    .singleElement().satisfies(x -> assertThat(x.pointer()).isEqualTo("/limit"));
            assertThat(mastodon.checkRequest(ContractRequest.of("GET", "/api/v1/notifications?maxid=99")))
                    .singleElement().satisfies(x -> assertThat(x.message()).contains("'maxid' is not defined"));
        }

        @Test
        @DisplayName("a missing required query parameter fails")
        void missingRequiredQuery() {
            // Every carried Mastodon operation takes optional query parameters only, so this uses
            // a small document of its own with a required one.
            OpenApiContract c = OpenApiContract.fromClasspath("Test", "contracts-test/required-query.json");
            assertThat(c.checkRequest(ContractRequest.of("GET", "/search?q=cafe"))).isEmpty();
            assertThat(c.checkRequest(ContractRequest.of("GET", "/search")))
                    .singleElement().satisfies(x -> {
                        assertThat(x.pointer()).isEqualTo("/q");
                        assertThat(x.message()).isEqualTo("required query parameter 'q' is missing");
                    });
        }

        @Test
        @DisplayName("a body on an operation that takes none fails")
        void unexpectedBody() {
            assertThat(mastodon.checkRequest(ContractRequest.json("DELETE", "/api/v1/statuses/1", "{}")))
                    .singleElement().extracting(Violation::message).asString().contains("takes no body");
        }
    }

    @Nested
    @DisplayName("checks responses")
    class Responses {

        @Test
        @DisplayName("a complete status passes, for create, get and delete")
        void validStatus() {
            assertThat(mastodon.checkResponse("POST", "/api/v1/statuses", 200, "application/json", status)).isEmpty();
            assertThat(mastodon.checkResponse("GET", "/api/v1/statuses/1", 200, "application/json; charset=utf-8", status)).isEmpty();
            assertThat(mastodon.checkResponse("DELETE", "/api/v1/statuses/1", 200, null, status)).isEmpty();
            assertThat(mastodon.checkResponse("GET", "/api/v1/accounts/1/statuses", 200, null, "[" + status + "]")).isEmpty();
        }

        @Test
        @DisplayName("a status without its account fails, pointing at /account")
        void missingField() {
            String broken = status.replaceFirst("\"account\"", "\"acount\"");
            List<Violation> v = mastodon.checkResponse("GET", "/api/v1/statuses/1", 200, null, broken);
            assertThat(v).extracting(Violation::pointer).contains("/account");
            assertThat(v.get(0).part()).isEqualTo("response 200 body");
        }

        @Test
        @DisplayName("a count as a string fails, pointing at the field inside the array")
        void wrongTypeInArray() {
            String broken = status.replace("\"favourites_count\": 17", "\"favourites_count\": \"17\"");
            assertThat(mastodon.checkResponse("GET", "/api/v1/accounts/1/statuses", 200, null, "[" + broken + "]"))
                    .extracting(Violation::pointer).contains("/0/favourites_count");
        }

        @Test
        @DisplayName("a documented error body is checked; an undocumented error status is not")
        void errors() {
            assertThat(mastodon.checkResponse("POST", "/api/v1/statuses", 422, null, "{\"error\":\"Validation failed: Text too long\"}")).isEmpty();
            assertThat(mastodon.checkResponse("POST", "/api/v1/statuses", 422, null, "{\"message\":\"nope\"}"))
                    .extracting(Violation::pointer).contains("/error");
            assertThat(mastodon.checkResponse("POST", "/api/v1/statuses", 502, "text/html", "<html>Bad gateway</html>")).isEmpty();
        }

        @Test
        @DisplayName("malformed JSON and an undocumented success status fail")
        void malformed() {
            assertThat(mastodon.checkResponse("GET", "/api/v1/statuses/1", 200, null, "{\"id\":"))
                    .singleElement().extracting(Violation::message).asString().startsWith("not JSON");
            assertThat(mastodon.checkResponse("GET", "/api/v1/statuses/1", 201, null, status))
                    .singleElement().extracting(Violation::message).asString().contains("not a documented response");
        }

        @Test
        @DisplayName("assertResponse throws an AssertionError listing each violation")
        void asserts() {
            assertThatThrownBy(() -> mastodon.assertResponse("GET", "/api/v1/statuses/1", 200, null, "{}"))
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageContaining("Mastodon response 200 to GET /api/v1/statuses/1 breaks the contract")
                    .hasMessageContaining("GET /api/v1/statuses/{id} response 200 body at /id");
        }
    }
}
