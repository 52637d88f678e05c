package dev.storyvault.jobs;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutSessionsTest extends SessionsContract {}
