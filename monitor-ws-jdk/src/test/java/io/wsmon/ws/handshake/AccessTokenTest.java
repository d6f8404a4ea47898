package io.wsmon.ws.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.http.HttpRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    @Test
    void admits_noTokenRequired_admitsEveryone() {
        AccessToken none = AccessToken.of(Optional.empty());

        assertThat(none.isRequired()).isFalse();
        assertThat(none.admits(request(Map.of(), Map.of()))).isTrue();
    }

    @Test
    void admits_bearerInAnyCase_isAdmitted() {
        AccessToken token = AccessToken.of(Optional.of("abc"));

        assertThat(token.admits(request(Map.of("authorization", "bearer abc"), Map.of()))).isTrue();
        assertThat(token.admits(request(Map.of("authorization", "Basic abc"), Map.of()))).isFalse();
        assertThat(token.admits(request(Map.of(), Map.of("token", "abd")))).isFalse();
    }

    @Test
    void of_tokenWithSpace_isRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> AccessToken.of(Optional.of("my secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token must be")
                .hasMessageNotContaining("my secret");
    }

    @Test
    void tokenComparedInConstantTime_prefixLongerShorterOrEmpty_isRefusedAndTheRightOneAdmitted() {
        AccessToken token = AccessToken.of(Optional.of("s3cret-token"));

        for (String wrong : new String[] {"s3cret", "s3cret-token-and-more", "", "s3cret-tokeN", "x".repeat(10_000)}) {
            assertThat(token.admits(request(Map.of("authorization", "Bearer " + wrong), Map.of()))).as(wrong).isFalse();
        }
        assertThat(token.admits(request(Map.of(), Map.of("token", "s3cret-token")))).isTrue();
    }

    private static HttpRequest request(Map<String, String> headers, Map<String, String> query) {
        return new HttpRequest("GET", "/", query, "HTTP/1.1", headers);
    }
}
