package dev.storyvault.image;

import dev.storyvault.image.java.JavaImageProcessor;

class JavaImageProcessorTest extends ImageProcessorContract {

  @Override
  protected ImageProcessor createProcessor() {
    return new JavaImageProcessor(MAX_PIXELS);
  }
}
