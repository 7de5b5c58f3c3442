package ankid.server.api;

import ankid.server.Exposure;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Which addresses a media URL may lead to, judged on the address a host name resolved to (so a
 * name cannot smuggle a private address past it) and again at every redirect. Link-local addresses,
 * where clouds serve instance metadata and credentials, are never reached. On an exposed server,
 * loopback and private networks are not reached either, unless {@code allowedDownloadNetworks}
 * lists them: otherwise anyone who can call the API could probe the network behind the server.
 */
public final class AddressPolicy {
  /** Metadata services that do not live on a link-local address (AWS over IPv6, Alibaba Cloud). */
  private static final List<String> METADATA = List.of("fd00:ec2::254", "100.100.100.200");

  private final boolean exposed;
  private final InetAddressSet allowed = new InetAddressSet();
  private final InetAddressSet metadata = new InetAddressSet();

  public AddressPolicy(Exposure exposure) {
    this.exposed = exposure.exposed();
    exposure.allowedDownloadNetworks().forEach(allowed::add);
    METADATA.forEach(metadata::add);
  }

  /** Why the address may not be reached, or null when it may. */
  public String refusal(InetAddress address) {
    if (address.isLinkLocalAddress() || metadata.test(address)) return "a link-local or cloud metadata address";
    if (address.isMulticastAddress()) return "a multicast address";
    if (!exposed || allowed.test(address)) return null;
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) return "a loopback address";
    if (isPrivate(address)) return "a private network address";
    return null;
  }

  /** RFC 1918 and carrier-grade NAT for IPv4, unique local addresses for IPv6. */
  private static boolean isPrivate(InetAddress address) {
    if (address.isSiteLocalAddress()) return true;
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    return address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
  }
}
