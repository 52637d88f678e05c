package dev.storyvault.ai;

/** Opens the misbehaving OpenAI-compatible test server to tests of other packages. */
public final class FakeOpenAiServers {

  private final FakeOpenAi server;

  public FakeOpenAiServers(String reply) {
    this.server = new FakeOpenAi(reply);
  }

  public String url() {
    return server.url();
  }

  public void alwaysFail() {
    server.misbehave(FakeOpenAi.Mode.FAIL_500);
  }

  public void behave() {
    server.misbehave(FakeOpenAi.Mode.OK, 0);
  }

  public int requests() {
    return server.requests();
  }

  public void close() {
    server.close();
  }
}
