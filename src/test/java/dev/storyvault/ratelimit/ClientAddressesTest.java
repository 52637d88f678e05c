package dev.storyvault.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.platform.ClientAddresses;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

  private final ClientAddresses behindProxy =
      ClientAddresses.trusting(List.of("127.0.0.1", "10.0.0.0/8"));
  private final ClientAddresses direct = ClientAddresses.trusting(List.of());

  @Test
  void forwardedForIsIgnoredUnlessTheSocketIsATrustedProxy() {
    assertThat(direct.of(request("127.0.0.1", "198.51.100.7"))).isEqualTo("127.0.0.1");
    assertThat(behindProxy.of(request("192.0.2.1", "198.51.100.7"))).isEqualTo("192.0.2.1");
  }

  @Test
  void theNearestUntrustedHopIsTheClient() {
    assertThat(behindProxy.of(request("127.0.0.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(behindProxy.of(request("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3")))
        .isEqualTo("198.51.100.7");
    assertThat(behindProxy.of(request("127.0.0.1", "10.9.9.9"))).isEqualTo("127.0.0.1");
  }

  @Test
  void hostNamesAndGarbageInTheHeaderAreNeverResolved() {
    assertThat(behindProxy.of(request("127.0.0.1", "evil.example"))).isEqualTo("evil.example");
    assertThat(behindProxy.of(request("127.0.0.1", "deadbeef.cafe, 10.0.0.1")))
        .isEqualTo("deadbeef.cafe");
  }

  private static MockHttpServletRequest request(String remote, String forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/assets");
    request.setRemoteAddr(remote);
    request.addHeader("X-Forwarded-For", forwardedFor);
    return request;
  }
}
