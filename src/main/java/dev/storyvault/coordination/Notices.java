package dev.storyvault.coordination;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * This instance's subscribers, and the wire form of a notice between instances: the sender (so an
 * instance skips its own, already delivered), the topic and the key, one per line (a key may hold
 * more).
 */
final class Notices {

  private final String instance = UUID.randomUUID().toString();
  private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

  void subscribe(String topic, Consumer<String> onStale) {
    subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(onStale);
  }

  void deliverHere(String topic, String key) {
    subscribers.getOrDefault(topic, List.of()).forEach(subscriber -> subscriber.accept(key));
  }

  String encode(String topic, String key) {
    return instance + "\n" + topic + "\n" + key;
  }

  /** A notice from the wire: delivered here unless this instance sent it. */
  void received(String message) {
    String[] parts = message.split("\n", 3);
    if (parts.length == 3 && !parts[0].equals(instance)) deliverHere(parts[1], parts[2]);
  }

  String instance() {
    return instance;
  }
}
