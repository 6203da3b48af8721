package dev.pantau.flink.job;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A local Flink mini-cluster for the command line, bound to 127.0.0.1 only. */
public final class LocalFlink {
  private LocalFlink() {}

  public static Configuration loopbackConfiguration() {
    Configuration conf = new Configuration();
    conf.set(JobManagerOptions.ADDRESS, "127.0.0.1");
    conf.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
    conf.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
    conf.set(TaskManagerOptions.HOST, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    return conf;
  }

  public static StreamExecutionEnvironment environment(int parallelism, Configuration extra) {
    Configuration conf = loopbackConfiguration();
    conf.addAll(extra);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    return env;
  }
}
