package org.openrma.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openrma.service.support.Api;
import org.openrma.service.support.Claims;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** What operators and their tools see: probes, the Prometheus scrape with the domain metrics, request ids. */
class OperationsEndpointsIntegrationTests extends IntegrationTest {

    @Autowired
    DatabaseGauges gauges;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz"})
    void probesAnswerUpOnceStarted(String path) {
        Api.Response r = api.get(path).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/actuator/info", "/actuator/metrics", "/actuator/configprops",
            "/actuator/heapdump", "/actuator/loggers", "/actuator/threaddump", "/actuator/mappings"})
    void otherActuatorEndpointsAreClosed(String path) {
        assertThat(api.get(path).send().status()).isEqualTo(404);
    }

    @Autowired
    WebServerApplicationContext webServerContext;

    @Test
    void requestsAreServedOnVirtualThreadsWhereTheJdkDoesNotPinThem() {
        TomcatWebServer tomcat = (TomcatWebServer) webServerContext.getWebServer();
        Executor executor = tomcat.getTomcat().getConnector().getProtocolHandler().getExecutor();

        assertThat(executor instanceof VirtualThreadExecutor)
                .as("Tomcat's executor %s", executor)
                .isEqualTo(Runtime.version().feature() >= VirtualThreadsByDefault.FIRST_JDK_WITHOUT_PINNING);
    }

    @Test
    void aFiledClaimShowsInTheDomainMetrics() {
        TestMerchant m = newMerchant("kingdo");
        double decidedBefore = sample(scrape(), "openrma_claims_decided_total", "outcome=\"approved\"", "policy=\"kingdo\"");

        submit(m, Claims.kingdoUnopenedDay60("MET-1"));

        String scrape = scrape();
        assertThat(sample(scrape, "openrma_claims_decided_total", "outcome=\"approved\"", "policy=\"kingdo\"")).isEqualTo(decidedBefore + 1);
        assertThat(sample(scrape, "openrma_decision_seconds_count", "policy=\"kingdo\"")).isGreaterThanOrEqualTo(1);
        // The gauges read from the database (a scrape may show a reading up to 10 s old):
        assertThat(gauges.read().values()).containsKey("rmas:AUTHORIZED");
        assertThat(gauges.read().values().get("rmas:AUTHORIZED")).isGreaterThanOrEqualTo(1);
        assertThat(scrape).contains("openrma_rmas{", "status=\"authorized\"", "openrma_outbox_messages{", "status=\"pending\"", "openrma_refunds_issued{", "kind=\"refund\"",
                "openrma_rmas_sla_breached", "openrma_sla_breaches_total", "http_server_requests_seconds", "hikaricp_connections");
    }

    @Test
    void everyAnswerCarriesARequestIdAndAPlausibleOneIsKept() {
        String generated = api.get("/api/v1/rma-lifecycle").send().header(RequestIdFilter.HEADER);
        String kept = api.get("/api/v1/rma-lifecycle").header(RequestIdFilter.HEADER, "lb-1234.abc").send().header(RequestIdFilter.HEADER);
        String replaced = api.get("/api/v1/rma-lifecycle").header(RequestIdFilter.HEADER, "x\" injected=1 " + "y".repeat(80)).send()
                .header(RequestIdFilter.HEADER);

        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(kept).isEqualTo("lb-1234.abc");
        assertThat(replaced).matches("[0-9a-f-]{36}");
    }

    private String scrape() {
        Api.Response r = api.get("/actuator/prometheus").send();
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.text();
    }

    /** The value of the first sample of {@code name} whose labels contain every one of {@code labels}; 0 when there is none yet. */
    private static double sample(String scrape, String name, String... labels) {
        Matcher line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        while (line.find()) {
            String found = line.group(1);
            if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
