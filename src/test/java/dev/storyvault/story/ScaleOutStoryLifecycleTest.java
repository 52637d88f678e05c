package dev.storyvault.story;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutStoryLifecycleTest extends StoryLifecycleContract {}
