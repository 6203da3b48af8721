package dev.pantau.flink.job.kpi;

import java.util.Objects;

/** One brand's window within a KPI key: brand, index of the window size, start. */
public class WindowKey {
  public String brand;
  public int size;
  public long start;

  public WindowKey() {}

  public WindowKey(String brand, int size, long start) {
    this.brand = brand;
    this.size = size;
    this.start = start;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowKey k && size == k.size && start == k.start && brand.equals(k.brand);
  }

  @Override
  public int hashCode() {
    return Objects.hash(brand, size, start);
  }

  @Override
  public String toString() {
    return brand + "/" + size + "@" + start;
  }
}
