package org.openrma.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrma.service.support.IntegrationTest;
import org.openrma.service.support.TestDatabase;
import org.openrma.service.web.Json;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox relay holds no transaction or row lock while an endpoint answers, gives each message
 * to one sender however many relays poll at once, and lets another take over a message whose
 * lease ran out.
 */
class OutboxLeaseIntegrationTests extends IntegrationTest {

    @Autowired
    Outbox outbox;

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> lockableWhileSending = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            String eventId = exchange.getRequestHeaders().getFirst("OpenRMA-Event-Id");
            exchange.getRequestBody().readAllBytes();
            // While the relay waits for this answer, another session can lock the message's row at once.
            try (Connection c = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), "")) {
                c.setAutoCommit(false);
                try (var s = c.prepareStatement("select id from outbox where event_id = ?::uuid for update nowait")) {
                    s.setString(1, eventId);
                    s.executeQuery();
                    lockableWhileSending.add(eventId);
                }
                c.rollback();
            } catch (SQLException e) {
                // the row was locked: recorded by its absence
            }
            received.add(eventId);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private TestMerchant merchantWithHook() {
        TestMerchant m = newMerchant("kingdo");
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        assertThat(api.put("/api/v1/merchant", Map.of("version", 0, "webhook_url", url)).key(m.admin()).send().status()).isEqualTo(200);
        return m;
    }

    private void enqueue(TestMerchant m, int n) {
        for (int i = 0; i < n; i++) {
            var data = Json.tree(Map.of("n", i));
            outbox.webhook(merchants.get(m.id()), "test.ping", () -> data);
        }
    }

    private long count(TestMerchant m, String where) {
        return jdbc.sql("select count(*) from outbox where merchant_id = ? and " + where).param(m.id()).query(Long.class).single();
    }

    @Test
    void noLockIsHeldWhileTheEndpointAnswers() {
        TestMerchant m = merchantWithHook();
        enqueue(m, 3);
        relay.deliverDue();
        assertThat(received).hasSize(3);
        assertThat(lockableWhileSending).containsExactlyInAnyOrderElementsOf(received);
        assertThat(count(m, "status = 'delivered' and lease_token is null and leased_until is null")).isEqualTo(3);
    }

    @Test
    void severalRelaysPollingAtOnceSendEachMessageOnce() throws Exception {
        TestMerchant m = merchantWithHook();
        enqueue(m, 40);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> relays = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                relays.add(relay::deliverDue);
            }
            for (Future<Integer> f : pool.invokeAll(relays)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(received).hasSize(40).doesNotHaveDuplicates();
        assertThat(count(m, "status = 'delivered' and attempts = 1")).isEqualTo(40);
        assertThat(jdbc.sql("select count(*) from delivery_attempt a join outbox o on o.id = a.outbox_id where o.merchant_id = ?")
                .param(m.id()).query(Long.class).single()).isEqualTo(40);
    }

    @Test
    void aMessageWhoseLeaseRanOutIsSentByTheNextPoll() {
        TestMerchant m = merchantWithHook();
        enqueue(m, 1);
        // An instance claims the message and dies before sending it.
        boolean mine = false;
        for (List<OutboxRelay.Leased> claimed = relay.claimDue(); !claimed.isEmpty() && !mine; claimed = relay.claimDue()) {
            mine = claimed.stream().anyMatch(l -> l.message().merchantId().equals(m.id()));
        }
        assertThat(mine).isTrue();
        relay.deliverDue();
        assertThat(received).isEmpty();
        assertThat(count(m, "status = 'pending' and lease_token is not null")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        relay.deliverDue();
        assertThat(received).hasSize(1);
        assertThat(count(m, "status = 'delivered'")).isEqualTo(1);
    }
}
