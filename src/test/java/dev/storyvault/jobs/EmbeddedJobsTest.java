package dev.storyvault.jobs;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedJobsTest extends JobsContract {}
