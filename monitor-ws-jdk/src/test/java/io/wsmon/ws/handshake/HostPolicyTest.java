package io.wsmon.ws.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostPolicyTest {

    private final HostPolicy loopback = HostPolicy.of("127.0.0.1", List.of());

    @Test
    void dnsRebinding_foreignNameAsHost_isRefused() {
        assertThat(loopback.allows(Optional.of("evil.example:8765"))).isFalse();
        assertThat(loopback.allows(Optional.of("evil.example"))).isFalse();
        assertThat(loopback.allows(Optional.of("203.0.113.7:8765"))).isFalse();
        assertThat(loopback.allows(Optional.of("localhost.evil.example"))).isFalse();
    }

    @Test
    void namesTheServerAnswersTo_areAllowedWithAnyPort() throws Exception {
        for (String host : List.of("127.0.0.1:8765", "127.0.0.1", "localhost:1", "LOCALHOST.", "[::1]:8765",
                "127.1.2.3", "app.localhost:3000")) {
            assertThat(loopback.allows(Optional.of(host))).as(host).isTrue();
        }
        String machine = InetAddress.getLocalHost().getHostName();
        assertThat(loopback.allows(Optional.of(machine + ":8765"))).as(machine).isTrue();
    }

    @Test
    void wildcardBind_ownInterfaceAddresses_areAllowedWithoutExtraNames() throws Exception {
        HostPolicy any = HostPolicy.of("0.0.0.0", List.of());
        for (InetAddress address : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream()).toList()) {
            String literal = address.getHostAddress().replaceAll("%.*", "");
            String host = literal.contains(":") ? "[" + literal + "]:8765" : literal + ":8765";
            assertThat(any.allows(Optional.of(host))).as(host).isTrue();
        }
    }

    @Test
    void bindAddressName_isAllowed() {
        assertThat(HostPolicy.of("monitor.internal", List.of()).allows(Optional.of("monitor.internal:80"))).isTrue();
    }

    @Test
    void allowedHost_nameDomainAndWildcard_extendTheList() {
        HostPolicy policy = HostPolicy.of("127.0.0.1", List.of("dash.example.com", ".corp.example"));

        assertThat(policy.allows(Optional.of("dash.example.com:443"))).isTrue();
        assertThat(policy.allows(Optional.of("corp.example"))).isTrue();
        assertThat(policy.allows(Optional.of("a.b.corp.example:8765"))).isTrue();
        assertThat(policy.allows(Optional.of("evilcorp.example"))).isFalse();
        assertThat(HostPolicy.of("127.0.0.1", List.of("*")).allows(Optional.of("anything.example"))).isTrue();
    }

    @Test
    void hostHeader_absentOrMalformed_isAllowedOnlyWhenAbsent() {
        assertThat(loopback.allows(Optional.empty())).isTrue();
        assertThat(loopback.allows(Optional.of(""))).isFalse();
        assertThat(loopback.allows(Optional.of("[::1"))).isFalse();
        assertThat(loopback.allows(Optional.of("a b"))).isFalse();
        assertThat(loopback.allows(Optional.of("999.1.1.1"))).isFalse();
    }

    @Test
    void allowedHost_notAHost_isRejectedNamingTheValue() {
        for (String bad : List.of("http://x.example", "x.example:80", "", "a b", ".")) {
            assertThatThrownBy(() -> HostPolicy.checkAllowedHost(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("allowedHost must be a host name, an IP address, .domain or *, got '" + bad + "'");
        }
    }
}
