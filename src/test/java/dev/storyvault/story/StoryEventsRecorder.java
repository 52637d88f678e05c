package dev.storyvault.story;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Collects the story module's domain events as other modules would receive them. */
@TestComponent
class StoryEventsRecorder {

  final List<Object> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(StoryCreated event) {
    events.add(event);
  }

  @EventListener
  void on(StoryChanged event) {
    events.add(event);
  }

  @EventListener
  void on(StoryDeleted event) {
    events.add(event);
  }
}
