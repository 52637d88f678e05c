package dev.storyvault.coordination;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Scale-out with Redis: notices by pub/sub, loop leases and slots as keys with a time to live. */
final class RedisCoordination implements Invalidations, ClusterLoops, ClusterSlots, AutoCloseable {

  private static final String RENEW_OR_TAKE =
      """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
            if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
            return 0""";
  private static final String RELEASE =
      """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0""";

  private final Notices notices = new Notices();
  private final String namespace;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final StatefulRedisPubSubConnection<String, String> listening;

  RedisCoordination(String url, String namespace) {
    this.namespace = namespace;
    this.client = RedisClient.create(url);
    this.connection = client.connect();
    this.listening = client.connectPubSub();
    listening.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            notices.received(message);
          }
        });
    listening.sync().subscribe(channel());
  }

  @Override
  public void publish(String topic, String key) {
    notices.deliverHere(topic, key);
    redis().publish(channel(), notices.encode(topic, key));
  }

  @Override
  public void subscribe(String topic, Consumer<String> onStale) {
    notices.subscribe(topic, onStale);
  }

  @Override
  public boolean runIfLeader(String loop, Duration lease, Runnable step) {
    if (!renewOrTake(namespace + ":loop:" + loop, notices.instance(), lease)) return false;
    step.run();
    return true;
  }

  @Override
  public Optional<Slot> tryAcquire(String name, int permits, Duration lease) {
    return SharedSlots.firstFree(
        namespace + ":slot:" + name,
        permits,
        (key, token) ->
            "OK".equals(redis().set(key, token, SetArgs.Builder.nx().px(lease.toMillis()))),
        this::release);
  }

  @Override
  public void close() {
    listening.close();
    connection.close();
    client.shutdown();
  }

  private boolean renewOrTake(String key, String holder, Duration lease) {
    Long done =
        redis()
            .eval(
                RENEW_OR_TAKE,
                ScriptOutputType.INTEGER,
                new String[] {key},
                holder,
                String.valueOf(lease.toMillis()));
    return done != null && done == 1;
  }

  private void release(String key, String token) {
    redis().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, token);
  }

  private String channel() {
    return namespace + ":invalidations";
  }

  private RedisCommands<String, String> redis() {
    return connection.sync();
  }
}
