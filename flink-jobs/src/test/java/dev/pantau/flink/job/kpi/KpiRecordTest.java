package dev.pantau.flink.job.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KpiRecordTest {

  /**
   * ShareOfVoice re-emits records through copy(): a field it forgets is lost from every KPI record.
   */
  @Test
  void copyKeepsEveryField() throws Exception {
    KpiRecord a = new KpiRecord();
    int n = 1;
    for (Field f : KpiRecord.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      Class<?> t = f.getType();
      n++;
      if (t == long.class || t == Long.class) {
        f.set(a, (long) n);
      } else if (t == int.class || t == Integer.class) {
        f.set(a, n);
      } else if (t == double.class || t == Double.class) {
        f.set(a, n + 0.5);
      } else if (t == boolean.class) {
        f.set(a, true);
      } else if (t == String.class) {
        f.set(a, "v" + n);
      } else if (Map.class.isAssignableFrom(t)) {
        Map<String, Object> m = new TreeMap<>();
        m.put(
            "k", f.getGenericType().getTypeName().contains("Double") ? (Object) 1.5 : (Object) 3L);
        f.set(a, m);
      } else {
        throw new AssertionError("a field type this test does not know: " + f);
      }
    }
    KpiRecord b = a.copy();
    for (Field f : KpiRecord.class.getFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        assertThat(f.get(b)).as(f.getName()).isEqualTo(f.get(a));
      }
    }
  }
}
