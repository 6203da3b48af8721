package dev.pantau.keywords.bench;

import dev.pantau.keywords.Brand;
import dev.pantau.keywords.MentionFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic benchmark data: brand queries of realistic shape (SPEC §2, issue 3) and ~280-char
 * English and Indonesian mentions that talk about some of those brands.
 */
final class BenchData {

  private static final String[] SYLLABLES = {
    "tel", "kom", "sel", "in", "do", "sat", "ma", "ret", "bu", "ka", "la", "pak", "go", "jek", "to",
    "ko", "pe", "di", "sho", "pee", "gra", "ba", "nu", "sa", "ri", "xi", "lo", "vi", "ze", "mo",
    "ra", "ti", "na", "fu", "ge", "ho", "ya", "wi", "ru", "te", "qu", "so", "li", "me", "ny", "ur",
    "ax"
  };
  private static final String[] TOPIC_WORDS = {
    "sinyal",
    "lemot",
    "gangguan",
    "signal",
    "slow",
    "outage",
    "refund",
    "delay",
    "error",
    "mati",
    "rusak",
    "mahal",
    "promo",
    "diskon",
    "broken",
    "crash"
  };
  private static final String[] EXCLUSIONS = {
    "lowongan", "loker", "giveaway", "hiring", "job", "vacancy", "kuis", "rekrutmen"
  };
  private static final String[] FIELDS = {
    "source:twitter", "lang:id", "lang:en", "site:detik.com", "-site:jobstreet.co.id", "country:id"
  };
  private static final String[] EN = {
    "Honestly {b} has been really disappointing lately, the app keeps crashing and support never replies.",
    "Anyone else having the same signal issue with {b} in Jakarta today?",
    "Just switched from {b} to {c} and the difference is huge, so much faster and cheaper.",
    "Shoutout to @{h} for fixing my refund so quickly, great customer service!",
    "Why is {b} so slow every evening? Paying for nothing at this point #{t}",
    "The new promo from {b} looks good but the terms are confusing, where can I buy it?",
    "Waited two hours for {b} delivery, still nothing, what a joke.",
    "Loving the latest update, the battery lasts much longer now.",
    "Price went up again and the quality went down, typical.",
    "Can someone explain how the cashback works? I got charged twice.",
  };
  private static final String[] ID = {
    "Kenapa sinyal {b} lemot banget hari ini, udah dari pagi gak bisa buka apa-apa.",
    "Tolong dong @{h} diperbaiki, pelanggan setia nih tapi kok makin parah.",
    "Mending pindah ke {c} aja kali ya, {b} gangguan terus #{t}",
    "Promo {b} bulan ini mantap, harga paketnya murah banget!",
    "Pesanan di {b} belum sampai juga padahal udah seminggu, kecewa berat.",
    "Kak, harga berapa ya untuk paket yang baru? Mau beli buat kantor.",
    "Pelayanannya ramah dan cepat, terima kasih banyak {b}.",
    "Aplikasinya error lagi pas mau bayar, saldo kepotong tapi transaksi gagal.",
    "Jaringan di rumah hilang terus dari semalam, ada yang sama?",
    "Baru coba fitur barunya, lumayan bagus sih tapi masih sering lag.",
  };

  final List<String> names = new ArrayList<>();
  final List<String> aliases = new ArrayList<>();
  private final Random random;

  BenchData(long seed, int brands) {
    random = new Random(seed);
    Set<String> seen = new LinkedHashSet<>();
    while (seen.size() < brands * 2) {
      int n = 2 + random.nextInt(3);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      if (sb.length() >= 5) {
        seen.add(sb.toString());
      }
    }
    List<String> all = new ArrayList<>(seen);
    for (int i = 0; i < brands; i++) {
      names.add(all.get(2 * i));
      aliases.add(all.get(2 * i + 1));
    }
  }

  /**
   * The first {@code n} brands: 1-6 names, handles, hashtags OR'd, then the issue's mix of extras.
   */
  List<Brand> brands(int n) {
    Random r = new Random(n * 31L + 7);
    List<Brand> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = names.get(i);
      String alias = aliases.get(i);
      List<String> alts = new ArrayList<>();
      alts.add(name);
      String[] extra = {
        "@" + name, "#" + name, alias, "\"" + name + " care\"", "@" + alias + "_id"
      };
      int k = r.nextInt(6);
      for (int j = 0; j < k; j++) {
        alts.add(extra[j]);
      }
      if (r.nextInt(10) == 0) {
        // A realistic stem wildcard (telkom*, indosat*): a long prefix, not three letters.
        alts.set(0, name.substring(0, Math.max(5, name.length() - 2)) + "*");
      }
      String q = "(" + String.join(" OR ", alts) + ")";
      int roll = r.nextInt(100);
      if (roll < 20) {
        q =
            q
                + (r.nextBoolean() ? " NEAR/" : " ONEAR/")
                + (2 + r.nextInt(4))
                + " ("
                + words(r, TOPIC_WORDS, 1 + r.nextInt(3))
                + ")";
      }
      if (r.nextInt(100) < 30) {
        q = q + " AND NOT (" + words(r, EXCLUSIONS, 1 + r.nextInt(3)) + ")";
      }
      if (r.nextInt(100) < 10) {
        q = q + " " + FIELDS[r.nextInt(FIELDS.length)];
      }
      out.add(Brand.of("b" + i, q));
    }
    return out;
  }

  private static String words(Random r, String[] pool, int n) {
    Set<String> s = new LinkedHashSet<>();
    while (s.size() < n) {
      s.add(pool[r.nextInt(pool.length)]);
    }
    return String.join(" OR ", s);
  }

  /**
   * {@code count} mentions of about 280 chars, half English, half Indonesian (no lang given, so it
   * is detected); each names 1-3 brands (some by handle or hashtag), half of them from the 100 most
   * talked-about, half from all {@code universe}.
   */
  List<MentionFields> mentions(int count, int universe) {
    Random r = new Random(99);
    List<MentionFields> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean en = r.nextBoolean();
      String[] pool = en ? EN : ID;
      StringBuilder sb = new StringBuilder();
      boolean first = true;
      while (sb.length() < 250) {
        String s = pool[r.nextInt(pool.length)];
        if (first) {
          // Like a real post, one sentence names the brand(s): 1-3 brand words per mention.
          s =
              s.replace("{b}", brandWord(r, universe))
                  .replace("{c}", brandWord(r, universe))
                  .replace("{h}", names.get(pickBrand(r, universe)))
                  .replace("{t}", names.get(pickBrand(r, universe)));
          first = false;
        } else {
          s =
              s.replace("{b}", en ? "the provider" : "providernya")
                  .replace("{c}", en ? "another one" : "yang lain")
                  .replace("{h}", en ? "support" : "admin")
                  .replace("{t}", en ? "fail" : "kecewa");
        }
        sb.append(s).append(' ');
      }
      String text = sb.length() > 300 ? sb.substring(0, 300) : sb.toString();
      String source = r.nextInt(3) == 0 ? "news" : "twitter";
      String url =
          "news".equals(source)
              ? "https://" + (r.nextBoolean() ? "m.detik.com" : "kompas.com") + "/read/" + i
              : null;
      out.add(
          new MentionFields(
              "m" + i,
              text.strip(),
              null,
              url,
              null,
              source,
              "ID",
              "a" + r.nextInt(5000),
              "@user" + r.nextInt(5000)));
    }
    return out;
  }

  private int pickBrand(Random r, int universe) {
    return r.nextBoolean() ? r.nextInt(Math.min(100, universe)) : r.nextInt(universe);
  }

  private String brandWord(Random r, int universe) {
    int b = pickBrand(r, universe);
    String w = r.nextInt(4) == 0 ? aliases.get(b) : names.get(b);
    return r.nextInt(5) == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w;
  }
}
