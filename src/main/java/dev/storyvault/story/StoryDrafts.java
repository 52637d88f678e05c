package dev.storyvault.story;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Stories that other modules write on a person's behalf (generation jobs): made {@code generating}
 * with their text, filled in page by page with illustrations and narration, then {@code completed}.
 * Each call is one story version, in the caller's transaction when there is one, with the same
 * checks as the API.
 */
@Component
public class StoryDrafts {

  private final Stories stories;
  private final StoryEditor editor;
  private final StoryAccess access;

  StoryDrafts(Stories stories, StoryEditor editor, StoryAccess access) {
    this.stories = stories;
    this.editor = editor;
    this.access = access;
  }

  /** A new story of {@code owner}'s, status generating, one page per text; returns its id. */
  public String create(
      Caller owner, String title, Map<String, Object> parameters, List<String> pageTexts) {
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < pageTexts.size(); i++)
      pages.add(new Page(i + 1, pageTexts.get(i), null, null));
    StoryContent content =
        new StoryContent(
            title,
            StoryStatus.GENERATING,
            null,
            List.of(),
            parameters,
            pages,
            Map.of(),
            false,
            List.of());
    return editor.create(owner, content).id();
  }

  /** Sets page {@code pageNumber}'s image and/or audio (null keeps what it has). */
  public void attach(
      Caller owner, String storyId, int pageNumber, String imageAssetId, String audioAssetId) {
    Story current = existing(storyId);
    List<Page> pages = new ArrayList<>();
    for (Page p : current.content().pages()) {
      pages.add(
          p.pageNumber() != pageNumber
              ? p
              : new Page(
                  p.pageNumber(),
                  p.text(),
                  imageAssetId != null ? imageAssetId : p.imageAssetId(),
                  audioAssetId != null ? audioAssetId : p.audioAssetId()));
    }
    replace(owner, current, current.content().status(), pages);
  }

  /**
   * What a continuation needs: the bible, the cast, the last {@code recent} pages' text; 404 unless
   * the owner may write it.
   */
  public Continuable continuable(Caller owner, String storyId, int recent) {
    Story story = access.writable(owner, storyId);
    List<Page> pages = story.content().pages();
    List<String> texts =
        pages.subList(Math.max(0, pages.size() - recent), pages.size()).stream()
            .map(Page::text)
            .toList();
    return new Continuable(
        story.id(), story.content().bible(), story.content().characters(), texts, pages.size());
  }

  /** A story's bible, cast and last pages, and how many pages it has. */
  public record Continuable(
      String storyId,
      Map<String, Object> bible,
      List<String> characters,
      List<String> recentPages,
      int pageCount) {}

  /** Appends pages with these texts (after the last); their page numbers. */
  public List<Integer> append(Caller owner, String storyId, List<String> texts) {
    Story current = existing(storyId);
    List<Page> pages = new ArrayList<>(current.content().pages());
    List<Integer> numbers = new ArrayList<>();
    int next = pages.stream().mapToInt(Page::pageNumber).max().orElse(0) + 1;
    for (String text : texts) {
      pages.add(new Page(next, text, null, null));
      numbers.add(next++);
    }
    replace(owner, current, current.content().status(), pages);
    return numbers;
  }

  public void complete(Caller owner, String storyId) {
    Story current = existing(storyId);
    replace(owner, current, StoryStatus.COMPLETED, current.content().pages());
  }

  /**
   * Removes a story a job started but will not finish (a cancelled job leaves nothing half-made).
   */
  public void discard(String storyId) {
    stories.find(storyId).ifPresent(editor::delete);
  }

  /** The story's pages as they stand: number, text, image and audio asset ids. */
  public List<Page> pages(String storyId) {
    return existing(storyId).content().pages();
  }

  public int version(String storyId) {
    return existing(storyId).version();
  }

  private void replace(Caller owner, Story current, StoryStatus status, List<Page> pages) {
    StoryContent c = current.content();
    StoryContent next =
        new StoryContent(
            c.title(),
            status,
            c.category(),
            c.tags(),
            c.parameters(),
            pages,
            c.bible(),
            c.isPublic(),
            c.sharedWith());
    editor.update(owner, current, next, current.version());
  }

  private Story existing(String storyId) {
    return stories.find(storyId).orElseThrow(() -> ApiProblem.notFound("story"));
  }
}
