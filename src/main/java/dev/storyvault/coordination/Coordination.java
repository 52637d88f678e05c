package dev.storyvault.coordination;

import java.util.function.Consumer;

/**
 * The chosen backend, seen through its three roles (each a view of its own, so that each role is
 * one bean of its type); closed with the application.
 */
final class Coordination implements AutoCloseable {

  private final Object backend;
  private final Invalidations invalidations;
  private final ClusterLoops loops;
  private final ClusterSlots slots;

  <T extends Invalidations & ClusterLoops & ClusterSlots> Coordination(T backend) {
    this.backend = backend;
    this.invalidations =
        new Invalidations() {
          @Override
          public void publish(String topic, String key) {
            backend.publish(topic, key);
          }

          @Override
          public void subscribe(String topic, Consumer<String> onStale) {
            backend.subscribe(topic, onStale);
          }
        };
    this.loops = backend::runIfLeader;
    this.slots = backend::tryAcquire;
  }

  Invalidations invalidations() {
    return invalidations;
  }

  ClusterLoops loops() {
    return loops;
  }

  ClusterSlots slots() {
    return slots;
  }

  @Override
  public void close() throws Exception {
    if (backend instanceof AutoCloseable closeable) closeable.close();
  }
}
