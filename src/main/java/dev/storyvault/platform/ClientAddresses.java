package dev.storyvault.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client's address: the socket's, unless the socket is a configured proxy; then the nearest
 * X-Forwarded-For entry that is not itself a trusted proxy ({@code storyvault.trusted-proxies},
 * addresses or CIDR ranges). A client cannot pick its own address.
 */
@Component
public class ClientAddresses {

  private final List<Cidr> trusted;

  ClientAddresses(@Value("${storyvault.trusted-proxies:}") List<String> trustedProxies) {
    this.trusted = trustedProxies.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
  }

  public static ClientAddresses trusting(List<String> trustedProxies) {
    return new ClientAddresses(trustedProxies);
  }

  public String of(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    if (!isTrusted(address)) return address;
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null) return address;
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (hop.isEmpty()) continue;
      if (!isTrusted(hop)) return hop;
    }
    return address;
  }

  private boolean isTrusted(String address) {
    return trusted.stream().anyMatch(cidr -> cidr.contains(address));
  }

  record Cidr(byte[] network, int bits) {
    static Cidr parse(String value) {
      String[] parts = value.split("/");
      byte[] address = bytes(parts[0]);
      return new Cidr(address, parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8);
    }

    boolean contains(String candidate) {
      byte[] address;
      try {
        boolean literal =
            candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                || (candidate.contains(":") && candidate.matches("[0-9a-fA-F:.]+"));
        if (!literal) return false; // why: never let a header make us resolve a host name
        address = bytes(candidate);
      } catch (IllegalArgumentException e) {
        return false;
      }
      if (address.length != network.length) return false;
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
      }
      return true;
    }

    private static byte[] bytes(String literal) {
      try {
        return InetAddress.getByName(literal).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(literal);
      }
    }
  }
}
