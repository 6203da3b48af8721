package dev.pantau.keywords.query;

import dev.pantau.keywords.MatcherConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses SPEC §2's query language into {@link QueryNode}s.
 *
 * <p>Precedence, loosest first: {@code OR}; {@code AND}, {@code AND NOT}, {@code NOT} and terms
 * side by side (implicit AND); unary {@code NOT} and {@code -}; {@code NEAR/n} and {@code ONEAR/n}.
 * So {@code a b OR c} is {@code (a AND b) OR c} and {@code a NEAR/2 b c} is {@code (a NEAR/2 b) AND
 * c}. Operators are upper case; {@code and}, {@code or}, {@code not} in lower case are plain words,
 * as in Brandwatch. {@code -} negates only at the start of a term: {@code coca-cola} is one term.
 *
 * <p>Every rejection carries the 0-based offset in the query and a reason. The limits of a {@link
 * MatcherConfig} (length, clauses, nesting, NEAR distance) are enforced here.
 */
public final class QueryParser {

  /** Fields a query may name; anything else before a {@code :} is rejected. */
  public static final Set<String> FIELDS =
      Set.of("author", "site", "lang", "source", "country", "title", "raw");

  private static final Pattern NEAR = Pattern.compile("(O?)NEAR(?:/(\\d*))?");
  private static final Pattern FIELD = Pattern.compile("([A-Za-z_]+):(.*)", Pattern.DOTALL);

  private enum Type {
    WORD,
    PHRASE,
    LPAREN,
    RPAREN,
    AND,
    OR,
    NOT,
    MINUS,
    NEAR,
    FIELD,
    END
  }

  private record Tok(Type type, String text, int pos, int number, boolean flag) {}

  private final String query;
  private final MatcherConfig config;
  private final List<Tok> toks = new ArrayList<>();
  private int i;
  private int clauses;

  private QueryParser(String query, MatcherConfig config) {
    this.query = query;
    this.config = config;
  }

  public static QueryNode parse(String query) throws QuerySyntaxException {
    return parse(query, MatcherConfig.defaults());
  }

  public static QueryNode parse(String query, MatcherConfig config) throws QuerySyntaxException {
    if (query == null || query.isBlank()) {
      throw new QuerySyntaxException(-1, "query is empty");
    }
    if (query.length() > config.maxQueryLength()) {
      throw new QuerySyntaxException(
          config.maxQueryLength(),
          "query too long: " + query.length() + " chars, at most " + config.maxQueryLength());
    }
    QueryParser p = new QueryParser(query, config);
    p.lex();
    QueryNode root = p.parseOr(0);
    Tok t = p.peek();
    if (t.type == Type.RPAREN) {
      throw new QuerySyntaxException(t.pos, "unbalanced parenthesis: ')' without '('");
    }
    if (t.type != Type.END) {
      throw new QuerySyntaxException(t.pos, "unexpected '" + t.text + "'");
    }
    return root;
  }

  // ---------------------------------------------------------------- lexer

  private void lex() throws QuerySyntaxException {
    int n = query.length();
    int p = 0;
    while (p < n) {
      char c = query.charAt(p);
      if (Character.isWhitespace(c)) {
        p++;
      } else if (c == '(') {
        toks.add(new Tok(Type.LPAREN, "(", p, 0, false));
        p++;
      } else if (c == ')') {
        toks.add(new Tok(Type.RPAREN, ")", p, 0, false));
        p++;
      } else if (c == '"') {
        p = lexPhrase(p);
      } else if (c == '-' && (p == 0 || boundary(query.charAt(p - 1)))) {
        if (p + 1 >= n
            || Character.isWhitespace(query.charAt(p + 1))
            || query.charAt(p + 1) == ')') {
          throw new QuerySyntaxException(p, "'-' must be followed by the term it excludes");
        }
        toks.add(new Tok(Type.MINUS, "-", p, 0, false));
        p++;
      } else {
        int s = p;
        while (p < n
            && !Character.isWhitespace(query.charAt(p))
            && "()\"".indexOf(query.charAt(p)) < 0) {
          p++;
        }
        word(query.substring(s, p), s, p);
      }
    }
    toks.add(new Tok(Type.END, "end of query", n, 0, false));
  }

  private static boolean boundary(char c) {
    return Character.isWhitespace(c) || c == '(';
  }

  private int lexPhrase(int start) throws QuerySyntaxException {
    int close = query.indexOf('"', start + 1);
    if (close < 0) {
      throw new QuerySyntaxException(start, "unbalanced quote: '\"' is never closed");
    }
    String text = query.substring(start + 1, close);
    int p = close + 1;
    int slop = -1;
    if (p < query.length() && query.charAt(p) == '~') {
      int d = p + 1;
      while (d < query.length() && Character.isDigit(query.charAt(d))) {
        d++;
      }
      if (d == p + 1) {
        throw new QuerySyntaxException(p, "'~' after a phrase needs a distance, e.g. \"a b\"~3");
      }
      slop = parseDistance(query.substring(p + 1, d), p);
      p = d;
    }
    toks.add(new Tok(Type.PHRASE, text, start, slop, false));
    return p;
  }

  private void word(String w, int s, int end) throws QuerySyntaxException {
    switch (w) {
      case "AND" -> toks.add(new Tok(Type.AND, w, s, 0, false));
      case "OR" -> toks.add(new Tok(Type.OR, w, s, 0, false));
      case "NOT" -> toks.add(new Tok(Type.NOT, w, s, 0, false));
      default -> {
        Matcher near = NEAR.matcher(w);
        if (near.matches()) {
          if (near.group(2) == null || near.group(2).isEmpty()) {
            throw new QuerySyntaxException(
                s, w + " needs a distance, e.g. " + near.group(1) + "NEAR/3");
          }
          int d = parseDistance(near.group(2), s);
          toks.add(new Tok(Type.NEAR, w, s, d, !near.group(1).isEmpty()));
          return;
        }
        Matcher f = FIELD.matcher(w);
        if (f.matches() && !f.group(2).startsWith("//")) {
          String name = f.group(1).toLowerCase(Locale.ROOT);
          if (!FIELDS.contains(name)) {
            throw new QuerySyntaxException(
                s,
                "unknown field '"
                    + f.group(1)
                    + "' (known: author, site, lang, source, country, title, raw)");
          }
          toks.add(new Tok(Type.FIELD, name, s, 0, false));
          String rest = f.group(2);
          if (!rest.isEmpty()) {
            int vs = s + f.group(1).length() + 1;
            toks.add(new Tok(Type.WORD, rest, vs, 0, false));
          } else if (end >= query.length() || Character.isWhitespace(query.charAt(end))) {
            throw new QuerySyntaxException(s, "field '" + name + ":' needs a value");
          }
          return;
        }
        toks.add(new Tok(Type.WORD, w, s, 0, false));
      }
    }
  }

  private int parseDistance(String digits, int pos) throws QuerySyntaxException {
    long d;
    try {
      d = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      d = Long.MAX_VALUE;
    }
    if (d > config.maxNearDistance()) {
      throw new QuerySyntaxException(
          pos, "distance " + digits + " is too large, at most " + config.maxNearDistance());
    }
    return (int) d;
  }

  // ---------------------------------------------------------------- parser

  private Tok peek() {
    return toks.get(i);
  }

  private Tok next() {
    return toks.get(i++);
  }

  private boolean startsOperand(Type t) {
    return t == Type.WORD
        || t == Type.PHRASE
        || t == Type.LPAREN
        || t == Type.FIELD
        || t == Type.MINUS
        || t == Type.NOT;
  }

  private QueryNode parseOr(int depth) throws QuerySyntaxException {
    int pos = peek().pos;
    List<QueryNode> items = new ArrayList<>();
    items.add(parseAnd(depth));
    while (peek().type == Type.OR) {
      Tok or = next();
      if (!startsOperand(peek().type)) {
        throw new QuerySyntaxException(or.pos, "OR needs a term, phrase or group on both sides");
      }
      items.add(parseAnd(depth));
    }
    return items.size() == 1 ? items.get(0) : new QueryNode.Or(items, pos);
  }

  private QueryNode parseAnd(int depth) throws QuerySyntaxException {
    Tok first = peek();
    if (!startsOperand(first.type)) {
      throw missing(first);
    }
    List<QueryNode> items = new ArrayList<>();
    items.add(parseUnary(depth));
    while (true) {
      Tok t = peek();
      if (t.type == Type.AND) {
        next();
        if (!startsOperand(peek().type)) {
          throw new QuerySyntaxException(t.pos, "AND needs a term, phrase or group on both sides");
        }
        items.add(parseUnary(depth));
      } else if (startsOperand(t.type)) {
        items.add(parseUnary(depth));
      } else {
        break;
      }
    }
    return items.size() == 1 ? items.get(0) : new QueryNode.And(items, first.pos);
  }

  private QueryNode parseUnary(int depth) throws QuerySyntaxException {
    Tok t = peek();
    if (t.type == Type.NOT || t.type == Type.MINUS) {
      next();
      if (!startsOperand(peek().type) || peek().type == Type.NOT && t.type == Type.MINUS) {
        throw new QuerySyntaxException(t.pos, t.text + " needs a term, phrase or group after it");
      }
      return new QueryNode.Not(parseUnary(depth), t.pos);
    }
    return parseNear(depth);
  }

  private QueryNode parseNear(int depth) throws QuerySyntaxException {
    QueryNode left = parsePrimary(depth);
    while (peek().type == Type.NEAR) {
      Tok op = next();
      Type nt = peek().type;
      if (nt != Type.WORD && nt != Type.PHRASE && nt != Type.LPAREN && nt != Type.FIELD) {
        throw new QuerySyntaxException(
            op.pos, op.text + " needs a term, phrase or OR-group on both sides");
      }
      QueryNode right = parsePrimary(depth);
      left = new QueryNode.Near(left, right, op.number, op.flag, op.pos);
    }
    return left;
  }

  private QuerySyntaxException missing(Tok t) {
    return switch (t.type) {
      case END -> new QuerySyntaxException(t.pos, "the query ends where a term was expected");
      case RPAREN ->
          new QuerySyntaxException(
              t.pos, "unbalanced parenthesis: ')' without '(' or an empty group");
      case NEAR ->
          new QuerySyntaxException(
              t.pos, t.text + " needs a term, phrase or OR-group on both sides");
      default ->
          new QuerySyntaxException(t.pos, t.text + " needs a term, phrase or group on both sides");
    };
  }

  private QueryNode parsePrimary(int depth) throws QuerySyntaxException {
    Tok t = next();
    switch (t.type) {
      case LPAREN -> {
        if (depth + 1 > config.maxNesting()) {
          throw new QuerySyntaxException(
              t.pos,
              "nesting too deep: more than " + config.maxNesting() + " levels of parentheses");
        }
        if (peek().type == Type.RPAREN) {
          throw new QuerySyntaxException(t.pos, "empty group '()'");
        }
        QueryNode inner = parseOr(depth + 1);
        Tok close = next();
        if (close.type != Type.RPAREN) {
          if (close.type == Type.END) {
            throw new QuerySyntaxException(t.pos, "unbalanced parenthesis: '(' is never closed");
          }
          throw new QuerySyntaxException(close.pos, "unexpected '" + close.text + "'");
        }
        return inner;
      }
      case PHRASE -> {
        countClause(t.pos);
        if (t.text.isBlank()) {
          throw new QuerySyntaxException(t.pos, "empty phrase");
        }
        return new QueryNode.Phrase(t.text, t.number, t.pos);
      }
      case WORD -> {
        countClause(t.pos);
        return term(t.text, t.pos);
      }
      case FIELD -> {
        Tok v = peek();
        QueryNode value;
        if (t.text.equals("title")) {
          if (v.type != Type.WORD && v.type != Type.PHRASE && v.type != Type.LPAREN) {
            throw new QuerySyntaxException(t.pos, "field 'title:' needs a term, phrase or group");
          }
          value = parsePrimary(depth);
        } else {
          if (v.type != Type.WORD && v.type != Type.PHRASE) {
            throw new QuerySyntaxException(
                t.pos, "field '" + t.text + ":' needs a term or a phrase");
          }
          next();
          countClause(v.pos);
          value =
              v.type == Type.PHRASE
                  ? new QueryNode.Phrase(v.text, v.number, v.pos)
                  : new QueryNode.Word(v.text, v.pos);
          if (!t.text.equals("raw")
              && v.type == Type.WORD
              && (v.text.contains("*") || v.text.contains("?"))) {
            throw new QuerySyntaxException(v.pos, "wildcards are not allowed in '" + t.text + ":'");
          }
        }
        return new QueryNode.Field(t.text, value, t.pos);
      }
      default -> throw missing(t);
    }
  }

  private void countClause(int pos) throws QuerySyntaxException {
    if (++clauses > config.maxClauses()) {
      throw new QuerySyntaxException(
          pos, "too many clauses: more than " + config.maxClauses() + " terms and phrases");
    }
  }

  private QueryNode term(String w, int pos) throws QuerySyntaxException {
    int star = w.indexOf('*');
    int q = w.indexOf('?');
    if (star >= 0 || q >= 0) {
      return wildcard(w, pos, star, q);
    }
    char c = w.charAt(0);
    if (c == '#' || c == '@') {
      int end = 1;
      while (end < w.length() && isTagChar(w.charAt(end))) {
        end++;
      }
      if (end == 1) {
        throw new QuerySyntaxException(
            pos,
            "'"
                + c
                + "' must be followed by letters, digits or '_' ("
                + (c == '#' ? "hashtag" : "handle")
                + ")");
      }
      // Like a handle in text, the tag ends at the first other character: @acme's is @acme.
      return new QueryNode.Tag(c, w.substring(1, end), pos);
    }
    return new QueryNode.Word(w, pos);
  }

  private QueryNode wildcard(String w, int pos, int star, int q) throws QuerySyntaxException {
    int first = star < 0 ? q : q < 0 ? star : Math.min(star, q);
    if (first == 0) {
      throw new QuerySyntaxException(pos, "leading wildcard in '" + w + "' is not allowed");
    }
    if (star >= 0 && star != w.length() - 1) {
      throw new QuerySyntaxException(pos + star, "'*' is only allowed at the end of a term");
    }
    int signed = w.charAt(0) == '#' || w.charAt(0) == '@' ? 1 : 0;
    if (first - signed < MatcherConfig.MIN_WILDCARD_PREFIX) {
      throw new QuerySyntaxException(
          pos + first,
          "a wildcard needs at least "
              + MatcherConfig.MIN_WILDCARD_PREFIX
              + " characters before it: '"
              + w
              + "'");
    }
    for (int k = signed; k < w.length(); k++) {
      char c = w.charAt(k);
      if (c != '*' && c != '?' && !Character.isLetterOrDigit(c)) {
        throw new QuerySyntaxException(
            pos + k, "a wildcard term may only hold letters and digits: '" + w + "'");
      }
    }
    return new QueryNode.Wildcard(w, pos);
  }

  private static boolean isTagChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
