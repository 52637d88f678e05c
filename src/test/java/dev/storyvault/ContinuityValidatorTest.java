package dev.storyvault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.continuity.Bible;
import dev.storyvault.continuity.ContinuityIssue;
import dev.storyvault.continuity.ContinuityValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fixture per issue type, found at the right place; name drift corrected automatically. */
class ContinuityValidatorTest {

  private final ContinuityValidator validator = new ContinuityValidator();
  private final Bible bible =
      Bible.of(
          Map.of(
              "characters",
                  List.of(
                      Map.of(
                          "name",
                          "Goku",
                          "aliases",
                          List.of("Kakarot"),
                          "traits",
                          List.of("brave", "kind")),
                      Map.of("name", "Woody", "traits", List.of("calm")),
                      Map.of("name", "Grandpa Gohan", "status", "dead")),
              "settings", List.of(Map.of("name", "Mount Paozu")),
              "rules", List.of("No magic")));

  @Test
  void aDriftedNameIsFoundWhereItIsAndCorrected() {
    String text = "Then Gokku climbed the tree with Woody.";
    List<ContinuityIssue> issues = validator.check(text, bible, 3);
    ContinuityIssue drift = only(issues, "name_drift");
    assertThat(text.substring(drift.start(), drift.end())).isEqualTo("Gokku");
    assertThat(drift.page()).isEqualTo(3);
    assertThat(drift.severity()).isEqualTo("warning");
    assertThat(validator.autoCorrect(text, issues))
        .isEqualTo("Then Goku climbed the tree with Woody.");
  }

  @Test
  void aCharacterTheBibleDoesNotKnowIsReported() {
    String text = "Goku waved. Vegeta said hello to everyone.";
    ContinuityIssue issue = only(validator.check(text, bible, 1), "new_character");
    assertThat(text.substring(issue.start(), issue.end())).isEqualTo("Vegeta");
  }

  @Test
  void aTraitContradictedByItsOppositeIsAnError() {
    String text = "At the river, Goku felt very afraid of the water.";
    ContinuityIssue issue = only(validator.check(text, bible, 2), "personality_contradiction");
    assertThat(text.substring(issue.start(), issue.end())).isEqualTo("afraid");
    assertThat(issue.isError()).isTrue();
  }

  @Test
  void aCharacterTheBibleMarksDeadWhoActsIsATimelineErrorButAMemoryIsNot() {
    String text = "Grandpa Gohan handed Goku a staff.";
    ContinuityIssue issue = only(validator.check(text, bible, 4), "timeline_error");
    assertThat(text.substring(issue.start(), issue.end())).isEqualTo("Grandpa Gohan");
    assertThat(validator.check("Goku remembered Grandpa Gohan fondly.", bible, 4))
        .noneMatch(i -> i.type().equals("timeline_error"));
  }

  @Test
  void breakingTheBiblesRulesIsASettingMismatch() {
    String text = "Woody used magical dust to fly.";
    ContinuityIssue issue = only(validator.check(text, bible, 5), "setting_mismatch");
    assertThat(text.substring(issue.start(), issue.end())).isEqualTo("magical");
  }

  @Test
  void consistentTextHasNoIssues() {
    assertThat(validator.check("Goku and Woody walked to Mount Paozu. Kakarot smiled.", bible, 1))
        .isEmpty();
  }

  private static ContinuityIssue only(List<ContinuityIssue> issues, String type) {
    List<ContinuityIssue> found = issues.stream().filter(i -> i.type().equals(type)).toList();
    assertThat(found).as("issues of type %s in %s", type, issues).hasSize(1);
    return found.getFirst();
  }
}
