package dev.pantau.flink.job.alert;

/**
 * What alert context keeps of a mention, once per matched brand: its terms and what a sample shows.
 */
public class BrandMention {
  public String brand;
  public String id;
  public String text;
  public String url;
  public long reach;
  public long eventTime;
  public String[] terms;

  public BrandMention() {}
}
