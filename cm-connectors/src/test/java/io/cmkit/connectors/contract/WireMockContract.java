package io.cmkit.connectors.contract;

import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Holds a WireMock server to a platform's contract.
 *
 * <pre>{@code
 * WireMockServer wm = new WireMockServer(options().dynamicPort());   // or a WireMockExtension; or with stubChecks(...)
 * wm.start();
 * WireMockContract contract = WireMockContract.attach(wm, OpenApiContract.mastodon());
 *
 * contract.stubFor(post(urlPathEqualTo("/api/v1/statuses"))         // checked now: a body that breaks
 *         .willReturn(okJson(Examples.text("mastodon/status.json"))));  // the schema throws, unregistered
 * ... run the connector against wm.baseUrl() ...
 * contract.verify();   // in @AfterEach: every stub, every request received, every response served
 * }</pre>
 *
 * <p>A server built with {@code options().extensions(WireMockContract.stubChecks(contract))}
 * refuses a stub that breaks the contract as soon as {@code wm.stubFor(...)} is called.
 *
 * <p>A stub that breaks the contract on purpose (a truncated body, an HTML error page, an
 * endpoint outside the contract) says so with {@code .withMetadata(WireMockContract.offContract("why"))}:
 * its response is not checked; the requests it answers still are. Stubs with a fault
 * (connection reset...) have no body and are not checked either.
 */
public final class WireMockContract {

    /** The metadata key that marks a stub as deliberately outside the contract. */
    public static final String OFF_CONTRACT = "cmkit-off-contract";

    private final Admin server;
    private final Contract contract;

    private WireMockContract(Admin server, Contract contract) {
        this.server = Objects.requireNonNull(server, "server");
        this.contract = Objects.requireNonNull(contract, "contract");
    }

    /**
     * Holds this server to this contract: a {@code WireMockServer}, or a JUnit
     * {@code WireMockExtension} (both are WireMock {@link Admin}s).
     */
    public static WireMockContract attach(Admin server, Contract contract) {
        return new WireMockContract(server, contract);
    }

    /**
     * A WireMock extension that checks each stub when it is registered or edited, and refuses
     * it (the registering call throws a {@link ContractViolationError}) when it breaks the contract.
     */
    public static StubLifecycleListener stubChecks(Contract contract) {
        return new StubLifecycleListener() {
            @Override
            public String getName() {
                return "cmkit-contract-" + contract.name();
            }

            @Override
            public void beforeStubCreated(StubMapping stub) {
                failOn(contract, stub);
            }

            @Override
            public void beforeStubEdited(StubMapping oldStub, StubMapping newStub) {
                failOn(contract, newStub);
            }
        };
    }

    /** Metadata marking a stub whose response breaks the contract on purpose. */
    public static Metadata offContract(String reason) {
        return Metadata.metadata().attr(OFF_CONTRACT, Objects.requireNonNull(reason, "reason")).build();
    }

    /** Checks the stub, then registers it. Throws {@link ContractViolationError} (and registers nothing) when it breaks the contract. */
    public StubMapping stubFor(MappingBuilder builder) {
        StubMapping stub = builder.build();
        failOn(contract, stub);
        server.addStubMapping(stub);
        return stub;
    }

    /** What is wrong with a stub: the endpoint its request pattern names, and its response body. */
    public List<Violation> checkStub(StubMapping stub) {
        return check(contract, stub);
    }

    /** Every violation of every registered stub, every request received and every response served. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        for (StubMapping stub : server.listAllStubMappings().getMappings()) {
            out.addAll(check(contract, stub));
        }
        List<ServeEvent> events = new ArrayList<>(server.getServeEvents().getServeEvents());
        java.util.Collections.reverse(events); // oldest first
        for (ServeEvent event : events) {
            out.addAll(checkServed(event));
        }
        return dedupe(out);
    }

    /**
     * Fails the test with every violation, one per line, when a stub, a request the server
     * received or a response it served breaks the contract. Call it after the exchange,
     * typically in {@code @AfterEach}.
     */
    public void verify() {
        List<Violation> v = violations();
        if (!v.isEmpty()) {
            throw new ContractViolationError("WireMock traffic (" + server.getServeEvents().getServeEvents().size()
                    + " requests) against the " + contract.name() + " contract", v);
        }
    }

    private List<Violation> checkServed(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String[] pathAndQuery = request.getUrl().split("\\?", 2);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader h : request.getHeaders().all()) {
            headers.put(h.key(), h.values());
        }
        ContractRequest cr = new ContractRequest(request.getMethod().getName(),
                java.net.URLDecoder.decode(pathAndQuery[0].replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8),
                ContractRequest.parseQuery(pathAndQuery.length > 1 ? pathAndQuery[1] : null), headers, request.getBody());
        List<Violation> out = new ArrayList<>(contract.checkRequest(cr));
        StubMapping stub = event.getStubMapping();
        LoggedResponse response = event.getResponse();
        boolean exempt = stub != null && stub.getMetadata() != null && stub.getMetadata().containsKey(OFF_CONTRACT);
        if (!exempt && event.getWasMatched() && response != null && response.getFault() == null
                && contract.endpoint(cr.method(), cr.path()).isPresent()) {
            String contentType = response.getHeaders() == null || !response.getHeaders().getContentTypeHeader().isPresent()
                    ? null : response.getHeaders().getContentTypeHeader().firstValue();
            for (Violation v : contract.checkResponse(cr.method(), cr.path(), response.getStatus(), contentType, response.getBodyAsString())) {
                out.add(new Violation(v.endpoint(), "served " + v.part(), v.pointer(), v.message()));
            }
        }
        return out;
    }

    private static void failOn(Contract contract, StubMapping stub) {
        List<Violation> v = check(contract, stub);
        if (!v.isEmpty()) {
            throw new ContractViolationError("WireMock stub " + describe(stub) + " (mark a deliberate break with"
                    + " .withMetadata(WireMockContract.offContract(\"why\")))", v);
        }
    }

    static List<Violation> check(Contract contract, StubMapping stub) {
        List<Violation> out = new ArrayList<>();
        if (stub.getMetadata() != null && stub.getMetadata().containsKey(OFF_CONTRACT)) {
            return out;
        }
        ResponseDefinition response = stub.getResponse();
        if (response == null || response.getFault() != null || response.isProxyResponse()) {
            return out;
        }
        RequestPattern request = stub.getRequest();
        RequestMethod method = request.getMethod();
        String m = method == null || method.equals(RequestMethod.ANY) ? null : method.getName();
        List<String> paths = paths(contract, request, m);
        if (paths.isEmpty()) {
            out.add(new Violation(describe(stub), "stub", "", "its request pattern names no endpoint of the "
                    + contract.name() + " contract"));
            return out;
        }
        if (String.valueOf(response.getBody()).contains("{{")) {
            return out; // a templated body is only known once served: verify() checks what was served
        }
        if (response.getBodyFileName() != null) {
            return out; // same: checked when served
        }
        String contentType = response.getHeaders() == null || !response.getHeaders().getContentTypeHeader().isPresent()
                ? null : response.getHeaders().getContentTypeHeader().firstValue();
        String body = response.getBody();
        List<Violation> best = null;
        for (String path : paths) {
            List<String> methods = m != null ? List.of(m) : List.of("GET", "POST", "PUT", "PATCH", "DELETE");
            for (String each : methods) {
                if (contract.endpoint(each, path).isEmpty()) {
                    continue;
                }
                List<Violation> v = contract.checkResponse(each, path, response.getStatus(), contentType, body);
                if (v.isEmpty()) {
                    return out; // fits one of the endpoints the pattern covers
                }
                if (best == null) {
                    best = v;
                }
            }
        }
        if (best != null) {
            for (Violation v : best) {
                out.add(new Violation(v.endpoint(), "stub " + v.part(), v.pointer(), v.message()));
            }
        }
        return out;
    }

    private static List<String> paths(Contract contract, RequestPattern request, String method) {
        String exact = request.getUrlPath() != null ? request.getUrlPath()
                : request.getUrl() != null ? request.getUrl().split("\\?", 2)[0]
                : request.getUrlPathTemplate();
        if (exact != null) {
            boolean known = method == null
                    ? contract.examplePaths(null).stream().anyMatch(p -> samePath(contract, p, exact))
                    : contract.endpoint(method, exact).isPresent();
            return known ? List.of(exact) : List.of();
        }
        String regex = request.getUrlPathPattern() != null ? request.getUrlPathPattern() : request.getUrlPattern();
        if (regex == null) {
            return contract.examplePaths(method); // any URL
        }
        Pattern p = Pattern.compile(regex);
        boolean withQuery = request.getUrlPattern() != null;
        return contract.examplePaths(method).stream()
                .filter(path -> p.matcher(path).matches() || (withQuery && p.matcher(path + "?").lookingAt()))
                .toList();
    }

    private static boolean samePath(Contract contract, String example, String path) {
        for (String m : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            Optional<String> a = contract.endpoint(m, example);
            if (a.isPresent() && a.equals(contract.endpoint(m, path))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(StubMapping stub) {
        RequestPattern r = stub.getRequest();
        String url = r.getUrl() != null ? r.getUrl() : r.getUrlPath() != null ? r.getUrlPath()
                : r.getUrlPathTemplate() != null ? r.getUrlPathTemplate()
                : r.getUrlPathPattern() != null ? "~" + r.getUrlPathPattern()
                : r.getUrlPattern() != null ? "~" + r.getUrlPattern() : "(any URL)";
        return (r.getMethod() == null ? "ANY" : r.getMethod().getName()) + " " + url + " -> " + stub.getResponse().getStatus();
    }

    private static List<Violation> dedupe(List<Violation> in) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(in));
    }
}
