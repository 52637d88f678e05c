package dev.storyvault.coordination;

class LocalCoordinationTest extends CoordinationContract {

  private final LocalCoordination shared = new LocalCoordination();

  @Override
  @SuppressWarnings("unchecked")
  LocalCoordination newMember() {
    return shared;
  }

  @Override
  boolean isCluster() {
    return false;
  }
}
