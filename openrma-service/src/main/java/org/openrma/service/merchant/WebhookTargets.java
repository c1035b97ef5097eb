package org.openrma.service.merchant;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where webhooks may go ({@code openrma.webhooks.*}). A target must be {@code https} (unless
 * {@code allowHttp}, for development) and every address its host resolves to must be public: not
 * loopback, link-local (cloud metadata at 169.254.169.254), private (10/8, 172.16/12, 192.168/16,
 * fc00::/7), carrier-grade NAT, multicast or unspecified. The operator allows an internal host
 * explicitly by naming it, exactly as written in the URL, in {@code allowedInternalHosts}.
 * The relay checks again before each delivery, so a name that later resolves inward is not called.
 */
@ConfigurationProperties("openrma.webhooks")
public record WebhookTargets(@DefaultValue("false") boolean allowHttp, @DefaultValue List<String> allowedInternalHosts) {

    /** Resolves host names; tests substitute one. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public Optional<String> problem(String url) {
        return problem(url, InetAddress::getAllByName);
    }

    /** Why {@code url} may not receive webhooks, or empty when it may. */
    public Optional<String> problem(String url, Resolver resolver) {
        URI u;
        try {
            u = new URI(url);
        } catch (Exception e) {
            return Optional.of("'" + url + "' is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("expected an https URL");
        }
        if (scheme.equals("http") && !allowHttp) {
            return Optional.of("must use https (plain http is allowed only when the operator sets openrma.webhooks.allow-http)");
        }
        if (u.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String host = u.getHost().toLowerCase(Locale.ROOT);
        if (allowedInternalHosts.stream().anyMatch(h -> h.equalsIgnoreCase(host))) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("the host '" + host + "' does not resolve");
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                return Optional.of("the host '" + host + "' resolves to the internal address " + a.getHostAddress()
                        + "; webhooks go to public addresses only (an operator may allow a host in openrma.webhooks.allowed-internal-hosts)");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7
            boolean mappedV4 = isMappedV4(b);
            if (mappedV4) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return false;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
