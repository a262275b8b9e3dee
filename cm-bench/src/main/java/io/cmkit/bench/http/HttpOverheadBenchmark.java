package io.cmkit.bench.http;

import io.cmkit.core.spi.ConnectorException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The HTTP foundation's overhead per request: a GET answering a small JSON status and a POST of a
 * JSON body, through cmkit's {@link io.cmkit.connectors.http.ApiClient} as in production and
 * through a plain JDK {@code HttpClient} (the anchor), on the same local WireMock, same HTTP
 * version, same Jackson parsing into the same record. Setup fails unless both read the same
 * status. Sample time gives the percentiles: read p0.50 and p0.99 of each pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HttpOverheadBenchmark {

    private HttpOverhead clients;

    @Setup
    public void setUp() {
        clients = new HttpOverhead();
        clients.requireIdenticalResults();
    }

    @TearDown
    public void tearDown() {
        clients.close();
    }

    @Benchmark
    public Status cmkitGet() throws ConnectorException {
        return clients.cmkitGet();
    }

    @Benchmark
    public Status plainGet() throws IOException, InterruptedException {
        return clients.plainGet();
    }

    @Benchmark
    public Status cmkitPost() throws ConnectorException {
        return clients.cmkitPost();
    }

    @Benchmark
    public Status plainPost() throws IOException, InterruptedException {
        return clients.plainPost();
    }
}
