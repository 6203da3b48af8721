package dev.pantau.flink.job.alert;

import dev.pantau.alerts.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.util.InstantiationUtil;

/**
 * An alert on its way through the job. The alert itself travels Java-serialized: it is an immutable
 * record with immutable lists, which Flink's POJO and Kryo serializers cannot rebuild.
 */
public class AlertEvent {
  public String brand;
  public long start;
  public long end;
  public byte[] alert;

  public AlertEvent() {}

  public static AlertEvent of(Alert a) {
    AlertEvent e = new AlertEvent();
    e.brand = a.brand();
    e.start = a.start().toEpochMilli();
    e.end = a.end().toEpochMilli();
    try {
      e.alert = InstantiationUtil.serializeObject(a);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return e;
  }

  public Alert alert() {
    try {
      return InstantiationUtil.deserializeObject(alert, Alert.class.getClassLoader());
    } catch (IOException | ClassNotFoundException ex) {
      throw new IllegalStateException("cannot read alert", ex);
    }
  }
}
