package dev.storyvault;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(StoryVaultApplication.class);

  /**
   * Fails on an arrow a module's package-info does not allow, on use of another module's internals,
   * and on cycles.
   */
  @Test
  void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
    modules.verify();
  }

  @Test
  void everyModuleDeclaresWhatItMayDependOn() {
    modules.forEach(
        module ->
            org.assertj.core.api.Assertions.assertThat(
                    module
                        .getBasePackage()
                        .getAnnotation(org.springframework.modulith.ApplicationModule.class))
                .as("package-info of %s", module.getIdentifier())
                .isPresent()
                .hasValueSatisfying(
                    declared ->
                        org.assertj.core.api.Assertions.assertThat(declared.allowedDependencies())
                            .doesNotContain("*")));
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml();
  }
}
