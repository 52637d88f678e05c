package dev.storyvault.jobs;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedSessionsTest extends SessionsContract {}
