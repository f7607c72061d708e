package org.provenant.pipelines.demo;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of one generated page before it is rendered to HTML: a title, a byline, a date line
 * and a list of blocks. Near duplicates are made by editing a copy ({@link #withDateLine},
 * {@link #withSentence}) so the edit is small and known.
 */
record DemoArticle(
    String lang, String title, String byline, String dateLine, List<Block> blocks) {

  DemoArticle {
    blocks = List.copyOf(blocks);
  }

  /** One block of article content. */
  sealed interface Block permits Heading, Paragraph, BulletList, CodeBlock {}

  /** A second-level heading. */
  record Heading(String text) implements Block {}

  /** A paragraph, kept as sentences so one sentence can be swapped for a near duplicate. */
  record Paragraph(List<String> sentences) implements Block {
    Paragraph {
      sentences = List.copyOf(sentences);
    }

    String text() {
      return String.join(" ", sentences);
    }
  }

  /** An unordered list. */
  record BulletList(List<String> items) implements Block {
    BulletList {
      items = List.copyOf(items);
    }
  }

  /** A preformatted code sample; {@code language} becomes a {@code language-*} class. */
  record CodeBlock(String language, String code) implements Block {}

  /** The first sentence of the first paragraph, used as the meta description. */
  String summary() {
    for (Block block : blocks) {
      if (block instanceof Paragraph paragraph) {
        return paragraph.sentences().get(0);
      }
    }
    return title;
  }

  /** Indexes into {@link #blocks()} of the paragraphs. */
  List<Integer> paragraphIndexes() {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i) instanceof Paragraph) {
        indexes.add(i);
      }
    }
    return indexes;
  }

  /** A copy with another date line. */
  DemoArticle withDateLine(String newDateLine) {
    return new DemoArticle(lang, title, byline, newDateLine, blocks);
  }

  /** A copy where sentence {@code sentence} of the paragraph at {@code block} is replaced. */
  DemoArticle withSentence(int block, int sentence, String replacement) {
    checkArgument(blocks.get(block) instanceof Paragraph, "block %s is not a paragraph", block);
    List<String> sentences = new ArrayList<>(((Paragraph) blocks.get(block)).sentences());
    sentences.set(sentence, replacement);
    List<Block> copy = new ArrayList<>(blocks);
    copy.set(block, new Paragraph(sentences));
    return new DemoArticle(lang, title, byline, dateLine, copy);
  }
}
