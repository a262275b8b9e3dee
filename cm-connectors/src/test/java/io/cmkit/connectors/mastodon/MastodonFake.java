package io.cmkit.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.cmkit.connectors.contract.Examples;
import io.cmkit.connectors.contract.OpenApiContract;
import io.cmkit.connectors.contract.WireMockContract;
import io.cmkit.connectors.http.HttpConfig;
import io.cmkit.connectors.http.Secret;
import io.cmkit.connectors.testkit.SimulatedHttpHarness;
import io.cmkit.connectors.testkit.FaultDriver;
import io.cmkit.connectors.testkit.WireMockFaults;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorContext;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A WireMock fake of a Mastodon instance, held to the carried Mastodon OpenAPI contract (every
 * stub through {@link WireMockContract#stubFor}, every request and served answer checked by
 * {@link #close()}), and the connector kit's harness over it. Bodies start from the contract
 * examples and change only the fields a test needs.
 */
final class MastodonFake extends SimulatedHttpHarness {

    static final Account ACCOUNT = new Account(Platform.MASTODON, "cafelumiere@mastodon.example");
    static final String TOKEN = "mstdn-access-token-Qk7ZpL2vX9wR4tY8uB3nM6cJ";
    static final String BRAND_ID = "109348012345678901";
    static final Instant START = Instant.parse("2026-11-26T08:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final WireMockContract contract;
    private final Connector connector;
    private final List<StubMapping> mentionStubs = new ArrayList<>();
    private final WireMockFaults faults;
    private final List<String> mentions = new ArrayList<>();

    /** The fake with the kit's configuration (3 attempts, 2-minute rate-limit waits), limits read once. */
    MastodonFake(WireMockServer server) {
        this(server, kitConfig(), true);
    }

    MastodonFake(WireMockServer server, HttpConfig config, boolean warmLimits) {
        super(START, config, false);
        this.server = server;
        server.resetAll();
        this.contract = WireMockContract.attach(server, OpenApiContract.mastodon());
        this.faults = new WireMockFaults(server, "/api/.*", contract::stubFor);
        stubInstance();
        MastodonConfig mastodon = new MastodonConfig(ACCOUNT, URI.create(baseUrl()), Secret.of(TOKEN))
                .withFoundation(foundation());
        this.connector = new MastodonConnectorProvider().open(mastodon, new ConnectorContext(simulatedClock()));
        if (warmLimits) {
            connector.limits(); // the kit's faults hit the calls it makes, not the limits lookup
        }
    }

    /** The loopback address itself, not "localhost", which may resolve to ::1 first. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    WireMockServer server() {
        return server;
    }

    WireMockContract contract() {
        return contract;
    }

    /** Registers a stub through the contract checker (a body breaking the contract throws here). */
    StubMapping stub(MappingBuilder mapping) {
        return contract.stubFor(mapping);
    }

    /** The requests carrying the token are the fake's; anything else is refused as Mastodon does. */
    static MappingBuilder authorized(MappingBuilder mapping) {
        return mapping.withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    private void stubInstance() {
        stub(any(urlPathMatching("/api/.*")).atPriority(9)
                .willReturn(json(401, "{\"error\":\"The access token is invalid\"}")));
        instanceLimits(500, 23, 4);
        stub(authorized(get(urlPathEqualTo("/api/v1/accounts/verify_credentials")).atPriority(5))
                .willReturn(json(200, Examples.text("mastodon/credential-account.json"))));
        stub(authorized(post(urlPathEqualTo("/api/v1/statuses")).atPriority(5))
                .willReturn(json(200, status("101", "<p>cmkit kit</p>", null, null, brand()))));
        stub(authorized(post(urlPathEqualTo("/api/v1/statuses")).atPriority(4))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id"))
                .willReturn(json(200, status("102", "<p>a reply</p>", "101", BRAND_ID, brand()))));
        stub(authorized(delete(urlPathMatching("/api/v1/statuses/[0-9]+")).atPriority(5))
                .willReturn(json(200, status("101", "<p>cmkit kit</p>", null, null, brand()))));
        stubMentions();
    }

    /** The instance states these limits in {@code /api/v2/instance}. */
    void instanceLimits(int maxCharacters, int charactersPerUrl, int maxMedia) {
        ObjectNode instance = read(Examples.text("mastodon/instance.json"));
        ObjectNode statuses = (ObjectNode) instance.path("configuration").path("statuses");
        statuses.put("max_characters", maxCharacters);
        statuses.put("characters_reserved_per_url", charactersPerUrl);
        statuses.put("max_media_attachments", maxMedia);
        stub(authorized(get(urlPathEqualTo("/api/v2/instance")).atPriority(5)).willReturn(json(200, instance.toString())));
    }

    // ---- bodies

    static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The brand's account, as the contract example has it. */
    static ObjectNode brand() {
        return read(Examples.text("mastodon/account.json"));
    }

    /** Another account on another instance. */
    static ObjectNode fan(String id, String acct) {
        ObjectNode a = brand();
        a.put("id", id);
        a.put("username", acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct);
        a.put("acct", acct);
        a.put("display_name", "Fan " + id);
        a.put("note", "");
        a.put("followers_count", 42);
        a.put("url", "https://social.example/@" + acct);
        return a;
    }

    static String status(String id, String html, String inReplyToId, String inReplyToAccountId, ObjectNode account) {
        return statusNode(id, html, inReplyToId, inReplyToAccountId, account).toString();
    }

    static ObjectNode statusNode(String id, String html, String inReplyToId, String inReplyToAccountId, ObjectNode account) {
        ObjectNode s = read(Examples.text("mastodon/status.json"));
        s.put("id", id);
        s.put("content", html);
        s.put("in_reply_to_id", inReplyToId);
        s.put("in_reply_to_account_id", inReplyToAccountId);
        s.put("url", "https://mastodon.example/@" + account.path("acct").asText() + "/" + id);
        s.put("uri", "https://mastodon.example/users/x/statuses/" + id);
        s.put("created_at", START.plusSeconds(Long.parseLong(id.substring(Math.max(0, id.length() - 5)))).toString());
        s.set("account", account);
        return s;
    }

    static ObjectNode notification(String id, ObjectNode status) {
        ArrayNode all = (ArrayNode) readArray(Examples.text("mastodon/notifications.json"));
        ObjectNode n = (ObjectNode) all.get(0);
        n.put("id", id);
        n.put("group_key", "ungrouped-" + id);
        n.put("created_at", status.path("created_at").asText());
        n.set("account", status.path("account"));
        n.set("status", status);
        return n;
    }

    static com.fasterxml.jackson.databind.JsonNode readArray(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the mention feed: notifications paged two at a time with Link headers, as an instance caps pages

    static String mentionStatusId(int n) {
        return String.valueOf(113546900000000000L + n);
    }

    static String notificationId(int n) {
        return String.valueOf(35000000 + n);
    }

    /** One stub per position an instance could be asked from: min_id=0 and each notification's id. */
    private void stubMentions() {
        mentionStubs.forEach(server::removeStub);
        mentionStubs.clear();
        for (int after = 0; after <= mentions.size(); after++) {
            int end = Math.min(after + 2, mentions.size());
            ArrayNode page = JSON.createArrayNode();
            for (int i = end - 1; i >= after; i--) { // newest first within a page, as Mastodon answers
                ObjectNode s = statusNode(mentionStatusId(i + 1), "<p><span class=\"h-card\"><a href=\"https://mastodon.example/@cafelumiere\""
                        + " class=\"u-url mention\">@<span>cafelumiere</span></a></span> " + escape(mentions.get(i)) + "</p>",
                        null, null, fan("2000" + (i + 1), "fan" + (i + 1) + "@social.example"));
                page.add(notification(notificationId(i + 1), s));
            }
            ResponseDefinitionBuilder answer = json(200, page.toString());
            if (end > after) {
                answer = answer.withHeader("Link", "<" + baseUrl() + "/api/v1/notifications?types%5B%5D=mention&max_id="
                        + notificationId(after + 1) + ">; rel=\"next\", <" + baseUrl()
                        + "/api/v1/notifications?types%5B%5D=mention&min_id=" + notificationId(end) + ">; rel=\"prev\"");
            }
            String minId = after == 0 ? "0" : notificationId(after);
            mentionStubs.add(stub(authorized(get(urlPathEqualTo("/api/v1/notifications")).atPriority(4))
                    .withQueryParam("types[]", equalTo("mention"))
                    .withQueryParam("min_id", equalTo(minId)).willReturn(answer)));
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    // ---- the kit's harness

    @Override
    public Connector connector() {
        return connector;
    }

    @Override
    public FaultDriver faults() {
        return new FaultDriver() {
            @Override
            public void rateLimitOnce(Instant resetAt) {
                next(1, () -> json(429, "{\"error\":\"Too many requests\"}")
                        .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", resetAt.toString()), "a 429 from the rate limiter");
            }

            @Override
            public void unauthorized(int times) {
                next(times, () -> json(401, "{\"error\":\"The access token is invalid\"}"), "a refused token");
            }

            @Override
            public void serverErrors(int times) {
                next(times, () -> json(503, "{\"error\":\"Service Unavailable\"}"), "an instance under maintenance");
            }

            @Override
            public void connectionResets(int times) {
                next(times, () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "a reset connection");
            }

            @Override
            public void malformedJson(int times) {
                next(times, () -> json(200, "{\"id\":\"101\",\"created_at\":\"2026-11-26T08:0"),
                        "a body cut short on purpose");
            }

            @Override
            public void rejectOnce(String reason) {
                next(1, () -> json(422, "{\"error\":\"" + reason.replace("\"", "\\\"") + "\"}"), "a refusal");
            }

            @Override
            public void clear() {
                clearFaults();
            }
        };
    }

    /** Answers the next {@code times} requests under {@code /api/} this way, then lets the others answer. */
    void next(int times, Supplier<ResponseDefinitionBuilder> answer, String why) {
        faults.next(times, answer, (mapping, a) -> mapping.withMetadata(WireMockContract.offContract("fault: " + why)));
    }

    void clearFaults() {
        faults.clear();
    }

    @Override
    public List<String> seedMentions(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = "mention " + (mentions.size() + 1) + " of the brand";
            mentions.add(text);
            texts.add("@cafelumiere " + text);
        }
        stubMentions();
        return texts;
    }

    @Override
    public Set<String> secrets() {
        return Set.of(TOKEN);
    }

    /** Closes the connector, then fails the test if any stub, request or answer broke the contract. */
    @Override
    public void close() {
        super.close();
        contract.verify();
    }
}
