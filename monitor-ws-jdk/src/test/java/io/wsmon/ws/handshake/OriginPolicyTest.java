package io.wsmon.ws.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy defaults = OriginPolicy.allowing(List.of());

    @Test
    void allows_noOrigin_isAllowed() {
        assertThat(defaults.allows(Optional.empty(), Optional.of("h:1"))).isTrue();
    }

    @Test
    void allows_originMatchingHost_isAllowedWithDefaultPorts() {
        assertThat(defaults.allows(Optional.of("http://Monitor.Local:8765"), Optional.of("monitor.local:8765"))).isTrue();
        assertThat(defaults.allows(Optional.of("http://monitor.local"), Optional.of("monitor.local"))).isTrue();
        assertThat(defaults.allows(Optional.of("https://monitor.local"), Optional.of("monitor.local:443"))).isTrue();
        assertThat(defaults.allows(Optional.of("http://[::1]:8765"), Optional.of("[::1]:8765"))).isTrue();
    }

    @Test
    void allows_otherHostOrPort_isRefused() {
        assertThat(defaults.allows(Optional.of("http://evil.example:8765"), Optional.of("monitor.local:8765"))).isFalse();
        assertThat(defaults.allows(Optional.of("http://monitor.local:9999"), Optional.of("monitor.local:8765"))).isFalse();
        assertThat(defaults.allows(Optional.of("null"), Optional.of("monitor.local:8765"))).isFalse();
        assertThat(defaults.allows(Optional.of("http://monitor.local:8765"), Optional.empty())).isFalse();
    }

    @Test
    void allows_listedOrigin_isAllowed() {
        OriginPolicy policy = OriginPolicy.allowing(List.of("https://dash.example.com", "http://localhost:3000/"));

        assertThat(policy.allows(Optional.of("https://DASH.example.com:443"), Optional.of("m:8765"))).isTrue();
        assertThat(policy.allows(Optional.of("http://localhost:3000"), Optional.of("m:8765"))).isTrue();
        assertThat(policy.allows(Optional.of("http://localhost:3001"), Optional.of("m:8765"))).isFalse();
    }

    @Test
    void allows_star_allowsEveryOrigin() {
        assertThat(OriginPolicy.allowing(List.of("*")).allows(Optional.of("http://any.where"), Optional.of("m"))).isTrue();
    }

    @Test
    void allowing_malformedOrigin_isRejectedNamingIt() {
        assertThatThrownBy(() -> OriginPolicy.allowing(List.of("dash.example.com/path")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowedOrigin")
                .hasMessageContaining("'dash.example.com/path'");
    }
}
