package ankid.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** The checks every endpoint shares: Host on a loopback server, Origin, then the bearer key. */
class EndpointGuardTest {
  private static final Origins LOCALHOST = new Origins(List.of("http://localhost"));

  @Test
  void aLoopbackServerRefusesAForeignHost() {
    EndpointGuard guard = new EndpointGuard(true, LOCALHOST, null);
    assertThat(guard.admit(HttpFields.build().put("Host", "rebind.attacker.example")))
        .extracting(EndpointGuard.Refusal::status).isEqualTo(403);
  }

  @Test
  void anExposedServerTakesAnyHost() {
    EndpointGuard guard = new EndpointGuard(false, LOCALHOST, null);
    assertThat(guard.admit(HttpFields.build().put("Host", "anki.example.org"))).isNull();
  }

  @Test
  void aPageFromAnOriginNotListedIsRefused() {
    EndpointGuard guard = new EndpointGuard(true, LOCALHOST, null);
    assertThat(guard.admit(HttpFields.build().put("Host", "127.0.0.1:8765").put("Origin", "https://attacker.example")))
        .extracting(EndpointGuard.Refusal::status).isEqualTo(403);
  }

  @Test
  void withAKeyConfiguredTheBearerTokenIsRequired() {
    EndpointGuard guard = new EndpointGuard(true, LOCALHOST, () -> TextNode.valueOf("s3cret"));
    assertThat(guard.admit(HttpFields.build().put("Host", "localhost")))
        .extracting(EndpointGuard.Refusal::status).isEqualTo(401);
  }

  @Test
  void aWrongBearerTokenIsRefused() {
    EndpointGuard guard = new EndpointGuard(true, LOCALHOST, () -> TextNode.valueOf("s3cret"));
    assertThat(guard.admit(HttpFields.build().put("Host", "localhost").put("Authorization", "Bearer wrong")))
        .extracting(EndpointGuard.Refusal::status).isEqualTo(401);
  }

  @Test
  void theRightBearerTokenIsLetIn() {
    EndpointGuard guard = new EndpointGuard(true, LOCALHOST, () -> TextNode.valueOf("s3cret"));
    assertThat(guard.admit(HttpFields.build().put("Host", "localhost").put("Authorization", "Bearer s3cret"))).isNull();
  }

  @Test
  void withoutAKeyConfiguredNoTokenIsAsked() {
    EndpointGuard guard = new EndpointGuard(true, LOCALHOST, NullNode::getInstance);
    assertThat(guard.admit(HttpFields.build().put("Host", "localhost"))).isNull();
  }

  @Test
  void aPreflightPassesOnHostAndOriginAlone() {
    EndpointGuard guard = new EndpointGuard(true, LOCALHOST, () -> TextNode.valueOf("s3cret"));
    assertThat(guard.hostAndOrigin(HttpFields.build().put("Host", "localhost").put("Origin", "http://localhost"))).isNull();
  }
}
