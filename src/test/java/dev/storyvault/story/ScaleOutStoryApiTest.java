package dev.storyvault.story;

import dev.storyvault.support.ScaleOutMode;

@ScaleOutMode
class ScaleOutStoryApiTest extends StoryApiContract {}
