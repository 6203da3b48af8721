package dev.pantau.keywords.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replays terms that {@link MentionAnalyzer} computed once, so the index does no analysis itself.
 */
final class PreAnalyzedTokenStream extends TokenStream {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TermList list;
  private int i;

  PreAnalyzedTokenStream(TermList list) {
    this.list = list;
  }

  @Override
  public boolean incrementToken() {
    if (i >= list.size) {
      return false;
    }
    clearAttributes();
    term.setEmpty().append(list.terms[i]);
    posInc.setPositionIncrement(list.posIncs[i]);
    offset.setOffset(list.starts[i], list.ends[i]);
    i++;
    return true;
  }

  @Override
  public void reset() {
    i = 0;
  }

  /** A growable list of (term, position increment, offsets). */
  static final class TermList {
    String[] terms = new String[32];
    int[] posIncs = new int[32];
    int[] starts = new int[32];
    int[] ends = new int[32];
    int size;
    private int lastPos = -1;

    /** Adds a term at an absolute position (never before the previous one). */
    void add(String t, int position, int start, int end) {
      if (size == terms.length) {
        int n = size * 2;
        terms = java.util.Arrays.copyOf(terms, n);
        posIncs = java.util.Arrays.copyOf(posIncs, n);
        starts = java.util.Arrays.copyOf(starts, n);
        ends = java.util.Arrays.copyOf(ends, n);
      }
      terms[size] = t;
      posIncs[size] = position - lastPos;
      starts[size] = start;
      ends[size] = end;
      lastPos = position;
      size++;
    }
  }
}
