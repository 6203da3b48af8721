package dev.pantau.flink.job.copies;

import java.util.ArrayList;
import java.util.List;

/**
 * A brand's texts that are nearly the same as the earliest one within its hour (SPEC §6). Its size
 * does not grow with the burst: three authors are enough to know it is one, and the mentions held
 * back (those before the third author, to be marked as copies once it comes) are capped.
 */
public class CopyCluster {
  public long id;
  public String firstId;
  public long firstTime;

  /** The earliest text's shingles ({@link NearDuplicates#shingles}) and LSH keys. */
  public long[] shingles;

  public long[] bands;

  /** Up to three distinct authors: a burst once there are three. */
  public List<String> authors = new ArrayList<>();

  public boolean burst;

  /** Members after the earliest, before the burst: marked as copies when it becomes one. */
  public List<BrandPost> pending = new ArrayList<>();

  /** Members beyond {@link CopyDetector#MAX_PENDING} that could not be held back (counted). */
  public long overflow;

  public long members;

  public CopyCluster() {}
}
