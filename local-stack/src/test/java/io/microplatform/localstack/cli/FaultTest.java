package io.microplatform.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Ports;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Terminal;
import io.microplatform.localstack.faults.FaultCommand;
import io.microplatform.localstack.faults.FaultToken;
import io.microplatform.localstack.process.RunRecord;
import io.microplatform.localstack.process.Stack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI side of /actuator/faults against a stand-in endpoint, with a run file naming this (live) JVM. */
class FaultTest {

    @TempDir
    Path home;

    private HttpServer endpoint;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Stack stack;

    @BeforeEach
    void startEndpoint() throws Exception {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/actuator/faults", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("X-Fault-Token") + " " + body);
            String answer = switch (exchange.getRequestMethod()) {
                case "POST" -> "{\"id\":\"r-1\",\"target\":{\"type\":\"inbound-http\",\"name\":\"/api/shipping/quotes\"},"
                        + "\"latency\":\"PT1S\",\"jitter\":\"PT0S\",\"errorRate\":0.0,\"errorStatus\":503}";
                case "DELETE" -> "{\"cleared\":[{\"id\":\"r-1\"}]}";
                default -> "{\"rules\":[]}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        endpoint.start();
        Settings settings = new Settings(home, home, Map.of(), new Ports(Map.of(), 1, 2, 3, 4), Path.of("java"), Map.of());
        Files.writeString(FaultToken.file(settings), "t0ken\n");
        int port = endpoint.getAddress().getPort();
        RunRecord.of(new Instance("shipping-service", 0, port), ProcessHandle.current(), "http://127.0.0.1:" + port,
                home.resolve("shipping-service.log"), false).write(settings.run());
        stack = new Stack(settings, new Terminal(false, new PrintStream(printed, true, StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    @Test
    void postsTheRuleWithTheTokenAndPrintsItsId() {
        int status = new Fault(stack, FaultCommand.parse(List.of("shipping-service", "--target",
                "inbound:/api/shipping/quotes", "--latency", "1s"))).run();

        assertThat(status).isZero();
        assertThat(requests).containsExactly("POST /actuator/faults t0ken "
                + "{\"target\":{\"type\":\"inbound-http\",\"name\":\"/api/shipping/quotes\"},\"latency\":\"1s\"}");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("shipping-service: added rule r-1 inbound-http:/api/shipping/quotes latency PT1S");
    }

    @Test
    void describesACrashRuleByItsPoint() throws Exception {
        String rule = "{\"id\":\"r-2\",\"target\":{\"type\":\"kafka\",\"name\":\"payment.RefundPayment\"},"
                + "\"latency\":\"PT0S\",\"jitter\":\"PT0S\",\"errorRate\":0.0,\"errorStatus\":503,\"refuse\":false,"
                + "\"duplicateDelivery\":false,\"crashBeforeAck\":false,\"crash\":\"after-commit\"}";
        String plain = rule.replace("\"after-commit\"", "null");

        assertThat(Fault.describe(new ObjectMapper().readTree(rule))).isEqualTo("kafka:payment.RefundPayment crash after-commit");
        assertThat(Fault.describe(new ObjectMapper().readTree(plain))).isEqualTo("kafka:payment.RefundPayment");
    }

    @Test
    void clearsEveryRunningService() {
        assertThat(new Fault(stack, FaultCommand.parse(List.of("clear"))).run()).isZero();

        assertThat(requests).containsExactly("DELETE /actuator/faults t0ken ");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("shipping-service: cleared 1 rule(s)");
    }

    @Test
    void saysWhenTheServiceIsNotRunning() {
        assertThatThrownBy(() -> new Fault(stack, FaultCommand.parse(List.of("order-service"))).run())
                .isInstanceOf(PlatformException.class).hasMessage("order-service is not running");
    }
}
