/**
 * Synthetic mentions for demos, load tests and replays.
 *
 * <p>{@link dev.pantau.flink.generate.MentionGenerator} writes realistic SPEC §1 records: English
 * and Indonesian talk about five brands in two competitor groups, from seven sources, by authors
 * whose activity follows Zipf's law, on a Jakarta day's rhythm, with re-crawls, reposts, chatter,
 * employees, optional malformed lines and one spike. Everything is drawn from one seeded {@link
 * java.util.Random}, so the same seed, start and rate give byte-identical records: replays and
 * benchmarks can be repeated exactly.
 *
 * <p>{@link dev.pantau.flink.generate.MentionPublisher} sends a generator's records to Kafka at the
 * pace they arrive, on a clock that may run faster than the wall clock (the demo runs a simulated
 * minute per second). {@link dev.pantau.flink.generate.GenerateCommand} is {@code ./pantau
 * generate}.
 *
 * <pre>{@code
 * MentionGenerator generator = new MentionGenerator(42, Instant.parse("2026-11-22T00:00:00Z"), 100,
 *     GeneratorOptions.defaults().spikeOffset(Duration.ofMinutes(10)).malformedFraction(0.001));
 * GeneratedMention m = generator.nextMention();   // m.json(), m.key(), m.createdAt(), m.arrival()
 * }</pre>
 */
package dev.pantau.flink.generate;
