package dev.storyvault.jobs;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutJobsTest extends JobsContract {}
