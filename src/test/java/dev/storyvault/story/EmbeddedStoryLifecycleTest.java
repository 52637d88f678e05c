package dev.storyvault.story;

import dev.storyvault.support.EmbeddedMode;

@EmbeddedMode
class EmbeddedStoryLifecycleTest extends StoryLifecycleContract {}
