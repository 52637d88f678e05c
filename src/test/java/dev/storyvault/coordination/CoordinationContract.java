package dev.storyvault.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coordination seam, the same for every backend. Each test makes two members (two instances of
 * the cluster) over one shared backend; the local backend is a cluster of one, so its
 * cross-instance cases are skipped by {@link #isCluster()}.
 */
abstract class CoordinationContract {

  private final List<AutoCloseable> members = new ArrayList<>();

  /** Names unique to this run, so runs sharing a Redis or database do not see each other. */
  protected final String run = UUID.randomUUID().toString().substring(0, 8);

  /** A new member of the cluster (an instance). */
  abstract <T extends Invalidations & ClusterLoops & ClusterSlots> T newMember();

  boolean isCluster() {
    return true;
  }

  <T extends Invalidations & ClusterLoops & ClusterSlots> T member() {
    T member = newMember();
    if (member instanceof AutoCloseable closeable) members.add(closeable);
    return member;
  }

  @AfterEach
  void closeMembers() throws Exception {
    for (AutoCloseable member : members) member.close();
  }

  @Test
  void anInvalidationReachesThisInstanceBeforePublishReturns() {
    var one = member();
    List<String> seen = new CopyOnWriteArrayList<>();
    one.subscribe("keys-" + run, seen::add);
    one.publish("keys-" + run, "k1");
    assertThat(seen).containsExactly("k1");
  }

  @Test
  void anInvalidationReachesTheOtherInstancesOnlyOnItsTopic() {
    if (!isCluster()) return;
    var one = member();
    var two = member();
    List<String> seen = new CopyOnWriteArrayList<>();
    two.subscribe("keys-" + run, seen::add);
    two.subscribe("other-" + run, key -> seen.add("wrong topic: " + key));
    await()
        .pollDelay(Duration.ofMillis(200))
        .until(() -> true); // why: a subscription is being set up
    one.publish("keys-" + run, "k1\nwith a newline");
    await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("k1\nwith a newline"));
    assertThat(seen).containsExactly("k1\nwith a newline");
  }

  @Test
  void severalInvalidationsSentTogetherReachEveryInstanceOnTheirTopics() {
    var one = member();
    var two = isCluster() ? member() : one;
    List<String> here = new CopyOnWriteArrayList<>();
    List<String> there = new CopyOnWriteArrayList<>();
    one.subscribe("a-" + run, here::add);
    two.subscribe("a-" + run, key -> there.add("a:" + key));
    two.subscribe("b-" + run, key -> there.add("b:" + key));
    await().pollDelay(Duration.ofMillis(200)).until(() -> true); // why: subscriptions being set up
    one.publishAll(
        List.of(
            new Invalidations.Notice("a-" + run, "k1"),
            new Invalidations.Notice("b-" + run, "k2"),
            new Invalidations.Notice("a-" + run, "k3")));
    assertThat(here).containsExactly("k1", "k3");
    await().atMost(Duration.ofSeconds(5)).until(() -> there.size() >= 3);
    assertThat(there).containsExactlyInAnyOrder("a:k1", "b:k2", "a:k3");
  }

  @Test
  void aLoopRunsOnOneInstanceAtATime() {
    var one = member();
    var two = member();
    AtomicInteger runs = new AtomicInteger();
    boolean first = one.runIfLeader("upkeep-" + run, Duration.ofSeconds(30), runs::incrementAndGet);
    boolean second =
        two.runIfLeader("upkeep-" + run, Duration.ofSeconds(30), runs::incrementAndGet);
    assertThat(first).isTrue();
    assertThat(second).isEqualTo(!isCluster());
    assertThat(one.runIfLeader("upkeep-" + run, Duration.ofSeconds(30), runs::incrementAndGet))
        .as("renewed")
        .isTrue();
    assertThat(two.runIfLeader("another-" + run, Duration.ofSeconds(30), runs::incrementAndGet))
        .isTrue();
  }

  @Test
  void aLeaseNotRenewedPassesToAnotherInstance() {
    if (!isCluster()) return;
    var one = member();
    var two = member();
    assertThat(one.runIfLeader("handover-" + run, Duration.ofMillis(300), () -> {})).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> two.runIfLeader("handover-" + run, Duration.ofSeconds(30), () -> {}));
    assertThat(one.runIfLeader("handover-" + run, Duration.ofSeconds(30), () -> {})).isFalse();
  }

  @Test
  void slotsAreLimitedAcrossInstancesAndFreedOnRelease() {
    var one = member();
    var two = isCluster() ? member() : one;
    Optional<ClusterSlots.Slot> a = one.tryAcquire("renders-" + run, 2, Duration.ofSeconds(30));
    Optional<ClusterSlots.Slot> b = two.tryAcquire("renders-" + run, 2, Duration.ofSeconds(30));
    assertThat(a).isPresent();
    assertThat(b).isPresent();
    assertThat(two.tryAcquire("renders-" + run, 2, Duration.ofSeconds(30))).isEmpty();
    a.get().close();
    a.get().close(); // closing twice releases once
    Optional<ClusterSlots.Slot> c = two.tryAcquire("renders-" + run, 2, Duration.ofSeconds(30));
    assertThat(c).isPresent();
    assertThat(one.tryAcquire("renders-" + run, 2, Duration.ofSeconds(30))).isEmpty();
    b.get().close();
    c.get().close();
  }

  @Test
  void aSlotWhoseHolderDiedIsFreedWhenItsLeaseRunsOut() {
    if (!isCluster()) return;
    var one = member();
    var two = member();
    assertThat(one.tryAcquire("exports-" + run, 1, Duration.ofMillis(300)))
        .isPresent(); // never released
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> two.tryAcquire("exports-" + run, 1, Duration.ofSeconds(30)).isPresent());
  }
}
