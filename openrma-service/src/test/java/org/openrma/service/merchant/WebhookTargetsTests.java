package org.openrma.service.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTargetsTests {

    private static final WebhookTargets PRODUCTION = new WebhookTargets(false, List.of());

    /** example.org → a public address; internal.example → a private one, as a DNS record could say. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "hooks.example.org" -> new InetAddress[] {InetAddress.getByName("93.184.215.14")};
            case "internal.example" -> new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3")};
            case "nowhere.example" -> throw new UnknownHostException(host);
            default -> InetAddress.getAllByName(host);
        };
    }

    @Test
    void aPublicHttpsTargetIsAccepted() {
        assertThat(PRODUCTION.problem("https://hooks.example.org/openrma", WebhookTargetsTests::resolve)).isEmpty();
    }

    @Test
    void plainHttpIsRefusedUnlessTheOperatorAllowsIt() {
        assertThat(PRODUCTION.problem("http://hooks.example.org/openrma", WebhookTargetsTests::resolve)).hasValueSatisfying(
                p -> assertThat(p).contains("https"));
        assertThat(new WebhookTargets(true, List.of()).problem("http://hooks.example.org/openrma", WebhookTargetsTests::resolve)).isEmpty();
        assertThat(PRODUCTION.problem("ftp://hooks.example.org/x", WebhookTargetsTests::resolve)).isPresent();
        assertThat(PRODUCTION.problem("https://user:pw@hooks.example.org/x", WebhookTargetsTests::resolve)).isPresent();
    }

    @Test
    void loopbackLinkLocalPrivateAndMappedAddressesAreRefused() {
        for (String url : List.of("https://127.0.0.1/", "https://127.1.2.3:8443/x", "https://localhost/", "https://[::1]/",
                "https://169.254.169.254/latest/meta-data", "https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.0.1/",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[fd12::1]/", "https://[fe80::1]/", "https://[::ffff:127.0.0.1]/",
                "https://[::ffff:10.0.0.1]/", "https://224.0.0.1/", "https://internal.example/")) {
            assertThat(PRODUCTION.problem(url, WebhookTargetsTests::resolve)).as(url).hasValueSatisfying(p -> assertThat(p).contains("internal address"));
        }
    }

    @Test
    void anInternalHostIsAllowedOnlyWhenTheOperatorNamesIt() {
        WebhookTargets allowing = new WebhookTargets(false, List.of("internal.example"));
        assertThat(allowing.problem("https://internal.example/hook", WebhookTargetsTests::resolve)).isEmpty();
        assertThat(allowing.problem("https://10.1.2.3/hook", WebhookTargetsTests::resolve)).isPresent();
    }

    @Test
    void aHostThatDoesNotResolveOrAMalformedUrlIsRefused() {
        assertThat(PRODUCTION.problem("https://nowhere.example/", WebhookTargetsTests::resolve)).hasValueSatisfying(
                p -> assertThat(p).contains("does not resolve"));
        assertThat(PRODUCTION.problem("https://exa mple.org/", WebhookTargetsTests::resolve)).isPresent();
        assertThat(PRODUCTION.problem("not a url", WebhookTargetsTests::resolve)).isPresent();
    }
}
