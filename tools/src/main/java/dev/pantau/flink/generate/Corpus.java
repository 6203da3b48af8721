package dev.pantau.flink.generate;

import java.util.List;

/**
 * The words the generator writes with: brands and how people write their names, the texts they post
 * (Indonesian and English, by tone), the chatter around them, names and places. The brands and the
 * employee handles match {@code config/keywords/brands.yaml}.
 */
final class Corpus {

  private Corpus() {}

  /** Competitor sets, for share of voice. */
  static final String TELCO = "telco-id";

  static final String ECOMMERCE = "ecommerce-id";

  /**
   * One brand: how it is written in posts ({@code forms}, each equally likely), its products and
   * its Play Store app (reviews). {@code weight} is its share of the brand talk within all brands.
   */
  record BrandSpec(
      String id,
      String group,
      double weight,
      List<String> forms,
      List<String> products,
      String appId,
      String careHandle) {}

  static final List<BrandSpec> BRANDS =
      List.of(
          new BrandSpec(
              "telkomsel",
              TELCO,
              0.27,
              List.of("Telkomsel", "telkomsel", "Tsel", "TELKOMSEL", "#Telkomsel", "@Telkomsel"),
              List.of("simPATI", "Telkomsel Halo", "by.U", "Telkomsel Orbit", "paket Combo Sakti"),
              "com.telkomsel.telkomselcm",
              "@Telkomsel"),
          new BrandSpec(
              "indosat",
              TELCO,
              0.17,
              List.of("Indosat", "indosat", "IM3", "Indosat Ooredoo", "@IndosatCare", "#IM3"),
              List.of("IM3 Platinum", "paket Freedom Internet", "Freedom Combo", "IM3 Ooredoo"),
              "com.pure.indosat.care",
              "@IndosatCare"),
          new BrandSpec(
              "xl",
              TELCO,
              0.14,
              List.of("XL Axiata", "XL", "myXL", "@myXL", "#XLAxiata", "XL"),
              List.of("Xtra Combo", "XL Prioritas", "XL Satu", "paket AKRAB"),
              "com.apps.MyXL",
              "@myXL"),
          new BrandSpec(
              "tokopedia",
              ECOMMERCE,
              0.19,
              List.of("Tokopedia", "tokopedia", "Tokped", "tokped", "@tokopedia", "#Tokopedia"),
              List.of("Tokopedia Cashback", "GoPay Later", "Bebas Ongkir", "Tokopedia Card"),
              "com.tokopedia.tkpd",
              "@TokopediaCare"),
          new BrandSpec(
              "shopee",
              ECOMMERCE,
              0.23,
              List.of("Shopee", "shopee", "Shopee", "@ShopeeID", "#ShopeeID", "ShopeePay"),
              List.of("ShopeePay", "SPayLater", "Shopee Live", "Gratis Ongkir", "Shopee Mall"),
              "com.shopee.id",
              "@ShopeeCare"));

  /**
   * Employees named in {@code config/keywords/brands.yaml} ({@code employees}): their posts carry
   * no {@code author.employee} flag, the configuration marks them.
   */
  static final List<List<String>> CONFIGURED_EMPLOYEES =
      List.of(
          List.of("telkomsel", "rina_tsel", "Rina Kusuma"),
          List.of("telkomsel", "andika_telkomsel", "Andika Pratama"),
          List.of("indosat", "dewi_im3", "Dewi Lestari"),
          List.of("xl", "fajar_xlaxiata", "Fajar Nugroho"),
          List.of("tokopedia", "nadia_tokped", "Nadia Putri"),
          List.of("shopee", "kevin_shopeeid", "Kevin Tan"));

  /** Employees known only by the {@code author.employee} flag their platform export carries. */
  static final List<List<String>> FLAGGED_EMPLOYEES =
      List.of(
          List.of("telkomsel", "yoga_networks", "Yoga Saputra"),
          List.of("indosat", "maya_hutchison", "Maya Sari"),
          List.of("tokopedia", "rizal_eng", "Rizal Hakim"),
          List.of("shopee", "lina_marketing", "Lina Wijaya"));

  static final List<String> CITIES =
      List.of(
          "Jakarta",
          "Bandung",
          "Surabaya",
          "Medan",
          "Makassar",
          "Yogyakarta",
          "Semarang",
          "Denpasar",
          "Palembang",
          "Balikpapan",
          "Bekasi",
          "Depok",
          "Tangerang",
          "Malang",
          "Bogor",
          "Pekanbaru");

  static final List<String> ID_FIRST =
      List.of(
          "budi", "sari", "dewi", "agus", "rina", "putri", "andi", "eko", "fitri", "rizky", "ayu",
          "dimas", "nur", "wahyu", "indah", "bayu", "siti", "hendra", "tika", "arif", "mega",
          "yudi", "lestari", "fajar", "nisa", "reza", "intan", "gilang", "wulan", "dian");
  static final List<String> ID_LAST =
      List.of(
          "santoso",
          "wijaya",
          "saputra",
          "lestari",
          "hidayat",
          "pratama",
          "kurniawan",
          "siregar",
          "nasution",
          "halim",
          "setiawan",
          "utami",
          "permata",
          "gunawan",
          "susanto",
          "rahman",
          "harahap",
          "sinaga",
          "putra",
          "maharani");
  static final List<String> EN_FIRST =
      List.of(
          "jess", "mike", "sarah", "daniel", "emily", "ryan", "olivia", "chris", "hannah", "jason",
          "mei", "wei", "priya", "arjun", "liam", "chloe");
  static final List<String> EN_LAST =
      List.of(
          "chen", "tan", "smith", "lim", "nguyen", "walker", "ong", "brown", "lee", "kumar", "wong",
          "taylor");
  static final List<String> HANDLE_SUFFIX =
      List.of("", "", "_", "88", "id", "_jkt", "99", "27", "official", "_real", "2000", "x");

  /** News outlets: host, display name, language, audience (the article's {@code reach}). */
  record Outlet(String host, String name, String lang, long audience, String section) {}

  static final List<Outlet> OUTLETS =
      List.of(
          new Outlet("www.detik.com", "detikcom", "id", 18_000_000, "inet"),
          new Outlet("tekno.kompas.com", "Kompas Tekno", "id", 12_000_000, "read"),
          new Outlet("www.cnnindonesia.com", "CNN Indonesia", "id", 9_500_000, "teknologi"),
          new Outlet("www.cnbcindonesia.com", "CNBC Indonesia", "id", 6_000_000, "tech"),
          new Outlet("tekno.tempo.co", "Tempo", "id", 4_000_000, "read"),
          new Outlet("www.thejakartapost.com", "The Jakarta Post", "en", 1_200_000, "business"),
          new Outlet("www.techinasia.com", "Tech in Asia", "en", 900_000, "news"),
          new Outlet("www.reuters.com", "Reuters", "en", 25_000_000, "technology"));

  /** Tones of a post: what it says about the brand. */
  enum Tone {
    POSITIVE,
    NEGATIVE,
    NEUTRAL,
    INTENT
  }

  /**
   * A post: {@code {b}} a brand form, {@code {b2}} a competitor, {@code {p}} a product, {@code {c}}
   * a city, {@code {n}} a number.
   */
  record Template(String lang, String group, Tone tone, String text) {}

  private static Template id(String group, Tone tone, String text) {
    return new Template("id", group, tone, text);
  }

  private static Template en(String group, Tone tone, String text) {
    return new Template("en", group, tone, text);
  }

  /**
   * Social posts, comments and reviews. Every telco post names a telco word so a bare "XL" is
   * clear.
   */
  static final List<Template> POSTS =
      List.of(
          id(TELCO, Tone.NEGATIVE, "{b} sinyal lemot banget dari pagi di {c}, tolong dong 😤"),
          id(
              TELCO,
              Tone.NEGATIVE,
              "kenapa kuota {b} cepet banget habis ya? baru beli {p} kemarin, kecewa"),
          id(TELCO, Tone.NEGATIVE, "udah {n} hari internet {b} putus-putus di {c}. parah"),
          id(
              TELCO,
              Tone.NEGATIVE,
              "jaringan {b} di rumah cuma 1 bar, padahal di {c} kota. mengecewakan"),
          id(
              TELCO,
              Tone.NEGATIVE,
              "pulsa kepotong terus padahal gak pakai apa-apa. {b} tolong cek"),
          id(TELCO, Tone.POSITIVE, "mantap, internet {b} kenceng banget di {c} 👍"),
          id(TELCO, Tone.POSITIVE, "puas pakai {p} dari {b}, kuota besar harga terjangkau"),
          id(TELCO, Tone.POSITIVE, "sinyal {b} stabil walau lagi mudik ke {c}, keren"),
          id(TELCO, Tone.POSITIVE, "baru coba 5G {b} di {c}, speedtest tembus {n}00 Mbps 🔥"),
          id(TELCO, Tone.NEUTRAL, "ada yang pakai {b} di daerah {c}? sinyalnya gimana"),
          id(TELCO, Tone.NEUTRAL, "lagi isi pulsa {b} buat paket bulanan"),
          id(TELCO, Tone.NEUTRAL, "{b} atau {b2}, jaringan mana yang paling bagus di {c}?"),
          id(TELCO, Tone.INTENT, "mau beli paket {p} {b} yang {n}0GB, harga berapa ya?"),
          id(TELCO, Tone.INTENT, "pengen pindah ke {b}, paket internet yang paling murah apa?"),
          id(TELCO, Tone.INTENT, "mau beli kartu perdana {b} di {c} dimana ya"),
          en(TELCO, Tone.NEGATIVE, "Is {b} down? No signal in {c} since this morning"),
          en(
              TELCO,
              Tone.NEGATIVE,
              "{b} customer service took {n} hours to reply about my data plan. not impressed"),
          en(TELCO, Tone.NEGATIVE, "mobile data on {b} is so slow today, can't even load a video"),
          en(TELCO, Tone.POSITIVE, "Loving the new {p} plan from {b}, internet is fast and cheap"),
          en(TELCO, Tone.POSITIVE, "{b} signal held up the whole trip to {c}. great network"),
          en(TELCO, Tone.NEUTRAL, "switching my SIM to {b} for the data plan while in {c}"),
          en(TELCO, Tone.NEUTRAL, "{b} vs {b2}: which network has better signal in {c}?"),
          en(TELCO, Tone.INTENT, "where can i buy a {b} SIM card with data at the {c} airport?"),
          en(TELCO, Tone.INTENT, "how much is the {p} internet package from {b}?"),
          id(ECOMMERCE, Tone.NEGATIVE, "refund di {b} lama banget prosesnya, udah {n} minggu"),
          id(ECOMMERCE, Tone.NEGATIVE, "flash sale {b} habis dalam {n} detik, kecewa banget"),
          id(ECOMMERCE, Tone.NEGATIVE, "paket dari {b} nyasar ke {c}, kurirnya gak jelas"),
          id(
              ECOMMERCE,
              Tone.NEGATIVE,
              "barang yang dikirim beda sama foto, {b} tolong ditindak sellernya"),
          id(
              ECOMMERCE,
              Tone.POSITIVE,
              "checkout di {b} tadi pagi, sore udah sampai. cepet banget 🔥"),
          id(ECOMMERCE, Tone.POSITIVE, "dapet cashback gede pakai {p} di {b}, mantap"),
          id(ECOMMERCE, Tone.POSITIVE, "belanja bulanan di {b} hemat banget pakai {p} 😍"),
          id(ECOMMERCE, Tone.NEUTRAL, "lagi nungguin promo {b} tanggal kembar"),
          id(ECOMMERCE, Tone.NEUTRAL, "{b} sama {b2} lebih murah mana buat beli hp?"),
          id(ECOMMERCE, Tone.INTENT, "mau beli sepatu di {b}, ada toko yang recommended?"),
          id(ECOMMERCE, Tone.INTENT, "harga berapa ya iPhone di {b} sekarang? mau beli buat kado"),
          en(
              ECOMMERCE,
              Tone.NEGATIVE,
              "ordered on {b} {n} weeks ago and still no package. terrible"),
          en(ECOMMERCE, Tone.NEGATIVE, "{b} cancelled my order without telling me. disappointed"),
          en(ECOMMERCE, Tone.POSITIVE, "got my order from {b} in one day, love the free shipping"),
          en(ECOMMERCE, Tone.POSITIVE, "{p} on {b} saved me so much this month, great deals"),
          en(ECOMMERCE, Tone.NEUTRAL, "comparing prices on {b} and {b2} before the sale"),
          en(ECOMMERCE, Tone.INTENT, "where can i buy a cheap phone case, {b} or {b2}?"),
          en(ECOMMERCE, Tone.INTENT, "how much is shipping from {b} to {c}?"));

  /** What employees post about their own brand. */
  static final List<Template> ADVOCACY =
      List.of(
          id(TELCO, Tone.POSITIVE, "Yuk cobain {p} dari {b}, kuota besar buat kerja dan main 💪"),
          id(TELCO, Tone.POSITIVE, "Bangga jadi bagian tim {b}: jaringan 5G kini hadir di {c}!"),
          en(
              TELCO,
              Tone.POSITIVE,
              "Proud of the {b} team rolling out faster internet in {c} this week"),
          id(
              ECOMMERCE,
              Tone.POSITIVE,
              "Jangan lupa promo {b} malam ini, pakai {p} biar makin hemat ✨"),
          en(ECOMMERCE, Tone.POSITIVE, "Our team at {b} just launched {p}. check it out!"));

  /** The spike: Telkomsel's network fails. Short, angry, many copies. */
  static final String SPIKE_BRAND = "telkomsel";

  static final List<Template> OUTAGE =
      List.of(
          id(TELCO, Tone.NEGATIVE, "sinyal {b} hilang total di {c}, ada gangguan?"),
          id(TELCO, Tone.NEGATIVE, "{b} gangguan lagi?? dari tadi no service 😡"),
          id(
              TELCO,
              Tone.NEGATIVE,
              "internet mati, sinyal hilang. {b} tolong diperbaiki, kerja jadi terhambat"),
          id(TELCO, Tone.NEGATIVE, "#TelkomselDown sinyal hilang dari tadi, ada yang sama?"),
          id(
              TELCO,
              Tone.NEGATIVE,
              "gangguan jaringan {b} di {c} udah {n} jam, gak bisa telpon gak bisa internet"),
          id(TELCO, Tone.NEGATIVE, "sinyal {b} hilang, SOS only. kenapa ini min?"),
          en(TELCO, Tone.NEGATIVE, "Is {b} down? no signal at all in {c} #TelkomselDown"),
          en(TELCO, Tone.NEGATIVE, "{b} outage again, no internet for {n} hours. terrible"));

  /** Copied word for word by many accounts during the outage. */
  static final String OUTAGE_COPY = "#TelkomselDown sinyal hilang dari tadi, ada yang sama?";

  /** News headlines and leads: {@code {b}}, {@code {c}}, {@code {p}}, {@code {n}}. */
  record Article(String lang, String group, String title, String lead) {}

  static final List<Article> ARTICLES =
      List.of(
          new Article(
              "id",
              TELCO,
              "{b} Perluas Jaringan 5G ke {c}",
              "{b} resmi memperluas layanan jaringan 5G ke {c} mulai pekan ini, menyusul peningkatan trafik data pelanggan."),
          new Article(
              "id",
              TELCO,
              "{b} Luncurkan {p}, Kuota Lebih Besar",
              "Operator seluler {b} meluncurkan {p} dengan kuota internet lebih besar dan harga yang sama."),
          new Article(
              "id",
              TELCO,
              "Persaingan Tarif Data: {b} dan {b2} Adu Murah",
              "{b} dan {b2} sama-sama memangkas harga paket data menjelang akhir tahun."),
          new Article(
              "en",
              TELCO,
              "{b} reports {n}% growth in data traffic",
              "Indonesian mobile operator {b} said data traffic rose {n} percent year on year, driven by video."),
          new Article(
              "id",
              ECOMMERCE,
              "{b} Gelar Promo Tanggal Kembar, Transaksi Naik {n} Persen",
              "Platform belanja daring {b} mencatat kenaikan transaksi saat promo tanggal kembar."),
          new Article(
              "id",
              ECOMMERCE,
              "{b} Hadirkan {p} untuk Pengguna di {c}",
              "{b} menghadirkan {p} bagi pengguna di {c} untuk mendorong belanja daring."),
          new Article(
              "en",
              ECOMMERCE,
              "{b} and {b2} battle for Indonesia's online shoppers",
              "{b} and {b2} are spending heavily on free shipping as competition in Indonesian e-commerce heats up."),
          new Article(
              "en",
              ECOMMERCE,
              "{b} expands same-day delivery to {c}",
              "E-commerce platform {b} is expanding same-day delivery to {c}, the company said."));

  static final List<Article> OUTAGE_ARTICLES =
      List.of(
          new Article(
              "id",
              TELCO,
              "Jaringan {b} Gangguan, Pelanggan di {c} Keluhkan Sinyal Hilang",
              "Sejumlah pelanggan {b} di {c} mengeluhkan sinyal hilang dan gangguan internet sejak siang ini."),
          new Article(
              "en",
              TELCO,
              "{b} users report widespread outage",
              "Customers of {b} reported losing signal and mobile internet across several cities including {c}."));

  /** Talk that names no brand, or names one in a way the keyword sets exclude. */
  static final List<Template> CHATTER =
      List.of(
          id(null, Tone.NEUTRAL, "macet parah di tol arah {c} pagi ini"),
          id(null, Tone.NEUTRAL, "cuaca {c} panas banget hari ini ☀️"),
          id(null, Tone.NEUTRAL, "baju size XL udah sold out, sisa ukuran M doang"),
          id(null, Tone.NEUTRAL, "ada rekomendasi kuliner enak di {c}?"),
          id(null, Tone.NEUTRAL, "Lowongan kerja Telkomsel {c} 2026, kirim CV sekarang #loker"),
          id(null, Tone.NEUTRAL, "info loker Shopee Xpress untuk kurir area {c}"),
          id(null, Tone.POSITIVE, "akhirnya weekend, mau nonton bioskop di {c}"),
          id(null, Tone.NEGATIVE, "hujan deras di {c}, banjir lagi di jalan utama"),
          en(null, Tone.NEUTRAL, "anyone watching the match tonight?"),
          en(null, Tone.NEUTRAL, "looking for a good coffee place in {c}"),
          en(null, Tone.NEUTRAL, "this XL hoodie is way too big lol"),
          en(null, Tone.POSITIVE, "great sunset in {c} today"),
          en(null, Tone.NEGATIVE, "traffic in {c} is unbelievable right now"));

  /** YouTube titles: {@code {b}}, {@code {b2}}, {@code {p}}, {@code {c}}. */
  static final List<Template> VIDEO_TITLES =
      List.of(
          id(TELCO, Tone.NEUTRAL, "Tes kecepatan internet {b} di {c}, hasilnya?"),
          id(TELCO, Tone.NEUTRAL, "Review jujur paket {p} {b} setelah sebulan"),
          id(TELCO, Tone.NEUTRAL, "Adu sinyal {b} vs {b2} di {c}"),
          en(TELCO, Tone.NEUTRAL, "{b} data plan review: is {p} worth it?"),
          id(ECOMMERCE, Tone.NEUTRAL, "Haul belanja {b} tanggal kembar"),
          id(ECOMMERCE, Tone.NEUTRAL, "Unboxing paket dari {b}, murah banget!"),
          id(ECOMMERCE, Tone.NEUTRAL, "Belanja di {b} vs {b2}, mana lebih hemat?"),
          en(ECOMMERCE, Tone.NEUTRAL, "I bought the cheapest phone on {b} so you don't have to"));

  /** Hashtags appended now and then to social posts. */
  static final List<String> TAGS_ID =
      List.of(
          "#promo",
          "#internetcepat",
          "#belanjaonline",
          "#kuota",
          "#jakarta",
          "#fyp",
          "#review",
          "#diskon");

  static final List<String> TAGS_EN = List.of("#indonesia", "#travel", "#deals", "#mobile", "#fyp");

  /** Sources and their share of the stream. */
  static final List<String> SOURCES =
      List.of("twitter", "instagram", "tiktok", "facebook", "news", "youtube", "review");

  static final double[] SOURCE_WEIGHTS = {0.38, 0.15, 0.13, 0.10, 0.08, 0.06, 0.10};

  /**
   * Relative mention rate by hour of day in Jakarta (UTC+7): quiet before dawn, busy at lunch and
   * in the evening; normalised to mean 1 by the generator.
   */
  static final double[] HOURLY = {
    0.70, 0.45, 0.30, 0.22, 0.20, 0.30, 0.55, 0.85, 1.05, 1.10, 1.10, 1.15, 1.30, 1.20, 1.10, 1.05,
    1.10, 1.20, 1.35, 1.55, 1.70, 1.65, 1.40, 1.00
  };
}
