package dev.runner.cli.render;

/**
 * Terminal columns a text takes: East Asian wide and full-width characters (Chinese, Japanese,
 * Korean, full-width forms, most emoji) take two, combining marks none.
 */
public final class Width {

  private Width() {}

  public static int of(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      width += of(cp);
    }
    return width;
  }

  static int of(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || cp == 0x200B) {
      return 0;
    }
    if ((cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD)) {
      return 2;
    }
    return 1;
  }

  /** {@code text} cut to at most {@code max} columns, with an ellipsis when cut. */
  static String truncate(String text, int max) {
    if (of(text) <= max) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int w = of(cp);
      if (width + w > max - 1) {
        break;
      }
      out.appendCodePoint(cp);
      width += w;
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }
}
