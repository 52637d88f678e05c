package dev.storyvault.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyvault.ai.FakeOpenAi.Mode;
import dev.storyvault.ai.openai.OpenAiCompatible;
import dev.storyvault.support.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The router's decisions against real HTTP servers that speak the OpenAI API and misbehave on
 * request: which provider answers, which are skipped, and how long it takes.
 */
class ModelRouterTest {

  private final FakeOpenAi a = new FakeOpenAi("Alpha answers.");
  private final FakeOpenAi b = new FakeOpenAi("Beta answers with a few more words here.");
  private final MovableClock clock = new MovableClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TextRequest hello =
      new TextRequest(List.of(new TextRequest.Message("user", "Hello")), 64, 1, null);

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  @Test
  void fallsBackToTheNextProviderOnServerErrorsWithinTheDeadline() {
    a.misbehave(Mode.FAIL_500);
    ModelRouter<TextProvider> router =
        router(
            RouterSettings.defaults(RoutingStrategy.PRIORITY).withBackoff(Duration.ofMillis(20)));
    long started = System.nanoTime();
    Routed<TextResult> routed = complete(router);
    assertThat(routed.provider()).isEqualTo("b");
    assertThat(routed.failedBefore()).containsExactly("a");
    assertThat(a.requests()).as("retried once on the same provider").isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(router.health().get("a").lastError())
        .doesNotContain("sk-secret")
        .doesNotContain("boom");
  }

  @Test
  void neverRetriesNorFallsBackOnARequestTheProviderRejected() {
    a.misbehave(Mode.REJECT_400);
    ModelRouter<TextProvider> router = router(RouterSettings.defaults(RoutingStrategy.PRIORITY));
    assertThatThrownBy(() -> complete(router))
        .isInstanceOfSatisfying(
            ProviderFailure.class,
            f -> assertThat(f.reason()).isEqualTo(ProviderFailure.Reason.REJECTED));
    assertThat(a.requests()).isEqualTo(1);
    assertThat(b.requests()).isZero();
  }

  @Test
  void aTransientFailureIsRetriedOnTheSameProvider() {
    a.misbehave(Mode.FAIL_500, 1);
    Routed<TextResult> routed =
        complete(
            router(
                RouterSettings.defaults(RoutingStrategy.PRIORITY)
                    .withBackoff(Duration.ofMillis(10))));
    assertThat(routed.provider()).isEqualTo("a");
    assertThat(a.requests()).isEqualTo(2);
  }

  @Test
  void aRateLimitedProviderSitsOutItsRetryAfterThenIsTriedAgain() {
    a.misbehave(Mode.RATE_LIMITED, 1).retryAfter("30");
    ModelRouter<TextProvider> router = router(RouterSettings.defaults(RoutingStrategy.PRIORITY));
    assertThat(complete(router).provider())
        .as("Retry-After too long to wait: fall back")
        .isEqualTo("b");
    assertThat(complete(router).provider()).isEqualTo("b");
    assertThat(a.requests()).as("no request while it sits out").isEqualTo(1);
    assertThat(router.health().get("a").state()).isEqualTo("cooling_down");
    clock.advance(Duration.ofSeconds(31));
    assertThat(complete(router).provider()).isEqualTo("a");
  }

  @Test
  void theCircuitOpensThenLetsOneCallThroughAndClosesOnSuccess() {
    a.misbehave(Mode.FAIL_500, 5);
    ModelRouter<TextProvider> router =
        router(
            RouterSettings.defaults(RoutingStrategy.PRIORITY)
                .withRetries(0)
                .withCooldown(1000, Duration.ZERO)
                .withBreaker(Duration.ofSeconds(60), Duration.ofSeconds(10)));
    for (int i = 0; i < 5; i++) assertThat(complete(router).provider()).isEqualTo("b");
    assertThat(router.health().get("a").state()).isEqualTo("circuit_open");
    assertThat(complete(router).provider()).isEqualTo("b");
    assertThat(a.requests()).as("nothing reaches an open circuit").isEqualTo(5);
    clock.advance(Duration.ofSeconds(11));
    assertThat(complete(router).provider())
        .as("half-open: one call, which succeeds")
        .isEqualTo("a");
    assertThat(router.health().get("a").state()).isEqualTo("available");
    assertThat(complete(router).provider()).isEqualTo("a");
  }

  @Test
  void theLatencyStrategyPrefersTheFastestProvider() {
    a.delay(150);
    ModelRouter<TextProvider> router = router(RouterSettings.defaults(RoutingStrategy.FASTEST));
    List<String> answered = new ArrayList<>();
    for (int i = 0; i < 6; i++) answered.add(complete(router).provider());
    assertThat(answered.subList(2, 6)).containsOnly("b");
  }

  @Test
  void theCostStrategyPrefersTheCheapestProvider() {
    ModelRouter<TextProvider> router =
        new ModelRouter<>(
            Modality.TEXT,
            List.of(
                provider("a", a, 1, 2.0, Duration.ofSeconds(5)),
                provider("b", b, 2, 0.5, Duration.ofSeconds(5))),
            RouterSettings.defaults(RoutingStrategy.CHEAPEST),
            clock,
            meters);
    assertThat(complete(router).provider()).isEqualTo("b");
    assertThat(complete(router).cost()).isGreaterThan(0);
  }

  @Test
  void aStreamThatStallsHalfwayTimesOutAndFallsBack() {
    a.misbehave(Mode.STALL);
    ModelRouter<TextProvider> router =
        router(
            RouterSettings.defaults(RoutingStrategy.PRIORITY).withRetries(0),
            Duration.ofSeconds(1));
    List<String> tokens = new ArrayList<>();
    long started = System.nanoTime();
    Routed<TextResult> routed =
        router.call(
            Duration.ofSeconds(10),
            (p, limit) -> p.stream(hello, limit, tokens::add),
            (p, r) -> 0.0);
    assertThat(routed.provider()).isEqualTo("b");
    assertThat(routed.result().text()).isEqualTo("Beta answers with a few more words here.");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    assertThat(router.health().get("a").lastError()).startsWith("timeout");
  }

  @Test
  void malformedAnswersResetConnectionsAndEndlessBodiesAllFallBack() {
    for (Mode misbehaviour : List.of(Mode.MALFORMED, Mode.RESET, Mode.ENDLESS)) {
      try (FakeOpenAi bad = new FakeOpenAi("x").misbehave(misbehaviour)) {
        ModelRouter<TextProvider> router =
            new ModelRouter<>(
                Modality.TEXT,
                List.of(
                    provider("bad", bad, 1, 0, Duration.ofSeconds(5)),
                    provider("b", b, 2, 0, Duration.ofSeconds(5))),
                RouterSettings.defaults(RoutingStrategy.PRIORITY)
                    .withBackoff(Duration.ofMillis(10)),
                clock,
                meters);
        assertThat(complete(router).provider()).as(misbehaviour.name()).isEqualTo("b");
      }
    }
  }

  @Test
  void aProviderSlowerThanItsTimeLimitIsGivenUpOn() {
    a.misbehave(Mode.SLOW);
    ModelRouter<TextProvider> router =
        router(
            RouterSettings.defaults(RoutingStrategy.PRIORITY).withRetries(0),
            Duration.ofMillis(500));
    long started = System.nanoTime();
    assertThat(complete(router).provider()).isEqualTo("b");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void whenEveryProviderFailsTheCallEndsWithinItsDeadline() {
    a.misbehave(Mode.SLOW);
    b.misbehave(Mode.SLOW);
    ModelRouter<TextProvider> router =
        router(RouterSettings.defaults(RoutingStrategy.PRIORITY), Duration.ofSeconds(5));
    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                router.call(
                    Duration.ofSeconds(2), (p, limit) -> p.complete(hello, limit), (p, r) -> 0.0))
        .isInstanceOf(NoProviderLeft.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void theKeyIsSentToTheProviderAndNowhereElse() {
    a.misbehave(Mode.FAIL_500);
    ModelRouter<TextProvider> router =
        router(RouterSettings.defaults(RoutingStrategy.PRIORITY).withRetries(0));
    complete(router);
    assertThat(a.authorizations()).containsOnly("Bearer sk-test-key-a");
    assertThat(router.health().toString()).doesNotContain("sk-test-key");
    assertThat(meters.getMeters().toString()).doesNotContain("sk-test-key");
  }

  @Test
  void theWeightedStrategySendsTrafficInProportionToTheWeights() {
    ModelRouter<TextProvider> router =
        new ModelRouter<>(
            Modality.TEXT,
            List.of(
                provider("a", a, 1, 0, Duration.ofSeconds(5)),
                provider("b", b, 2, 0, Duration.ofSeconds(5))),
            RouterSettings.defaults(RoutingStrategy.WEIGHTED),
            clock,
            meters);
    router.weight("a", 1);
    router.weight("b", 9);
    int toB = 0;
    for (int i = 0; i < 200; i++) if (complete(router).provider().equals("b")) toB++;
    assertThat(toB).isBetween(150, 199);
  }

  @Test
  void theBalancedStrategyPrefersTheBetterRatedProviderAtTheSamePrice() {
    ModelRouter<TextProvider> router = router(RouterSettings.defaults(RoutingStrategy.BALANCED));
    router.quality("a", 0.25);
    router.quality("b", 1.0);
    assertThat(complete(router).provider()).isEqualTo("b");
    router.quality("a", 1.0);
    router.quality("b", 0.25);
    assertThat(complete(router).provider()).isEqualTo("a");
  }

  private Routed<TextResult> complete(ModelRouter<TextProvider> router) {
    return router.call(
        Duration.ofSeconds(20),
        (p, limit) -> p.complete(hello, limit),
        (p, r) -> r.tokens() / 1000.0 * p.settings().pricePer1kTokens());
  }

  private ModelRouter<TextProvider> router(RouterSettings rules) {
    return router(rules, Duration.ofSeconds(5));
  }

  private ModelRouter<TextProvider> router(RouterSettings rules, Duration timeout) {
    return new ModelRouter<>(
        Modality.TEXT,
        List.of(provider("a", a, 1, 1.0, timeout), provider("b", b, 2, 1.0, timeout)),
        rules,
        clock,
        meters);
  }

  private static OpenAiCompatible provider(
      String id, FakeOpenAi server, int priority, double price, Duration timeout) {
    return new OpenAiCompatible(
        ProviderSettings.of(id, priority).withPrices(price, 0, 0).withTimeout(timeout),
        server.url(),
        "fake-model",
        "sk-test-key-" + id,
        Set.of(Modality.TEXT),
        new OpenAiCompatible.Limits(1 << 20, 1 << 20, 1 << 20),
        OpenAiCompatible.defaultClient());
  }
}
