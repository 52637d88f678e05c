/** Image decoding and rendering behind ImageProcessor (pure Java or libvips). */
@ApplicationModule(allowedDependencies = {"platform"})
package dev.storyvault.image;

import org.springframework.modulith.ApplicationModule;
