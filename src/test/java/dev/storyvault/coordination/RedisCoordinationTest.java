package dev.storyvault.coordination;

import dev.storyvault.support.ScaleOutServices;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ScaleOutServices.class)
class RedisCoordinationTest extends CoordinationContract {

  @Override
  @SuppressWarnings("unchecked")
  RedisCoordination newMember() {
    return new RedisCoordination(
        "redis://" + ScaleOutServices.PG_HOST + ":" + ScaleOutServices.REDIS_PORT, "sv-test");
  }
}
