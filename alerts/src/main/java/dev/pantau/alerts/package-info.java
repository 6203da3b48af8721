/**
 * Alerts on KPI series: rules, detectors, alert records, delivery and backtesting. Pure Java, no
 * Flink: the job feeds points and keeps the state; everything here can be run and tested on its
 * own.
 *
 * <h2>The pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.pantau.alerts.AlertRuleLoader} reads {@code config/alerts/*.yaml} into an {@link
 *       dev.pantau.alerts.AlertConfig} (rules, channels, targets), rejecting a bad file whole with
 *       every problem's file, line, id and reason.
 *   <li>{@link dev.pantau.alerts.RuleEvaluator} scores one {@link dev.pantau.alerts.KpiPoint}
 *       against one {@link dev.pantau.alerts.AlertRule}, given the {@link
 *       dev.pantau.alerts.DetectorState} of that (rule, brand, window) key, and returns the new
 *       state and any {@link dev.pantau.alerts.Alert}s. It is stateless, so one instance serves
 *       every key and thread.
 *   <li>{@link dev.pantau.alerts.AlertDispatcher} posts alerts to Slack and signed webhooks
 *       asynchronously; {@link dev.pantau.alerts.Backtest} runs a rule over a CSV history with the
 *       same evaluator.
 * </ul>
 *
 * <h2>How a spike is judged</h2>
 *
 * Social volume is counts, and counts are noisy in proportion to their square root: 2 mentions
 * after 0 is noise, 2,000 after 1,000 is news. So counts are first put on Anscombe's scale {@code
 * 2*sqrt(x+3/8)}, where noise is about 1 at every level. The expected value is the median of the
 * last three days of windows (on that scale, de-seasonalised), moved by this hour-of-day's and
 * day-of-week's offset; the spread is their interquartile range, never below 1. The score is how
 * many spreads the window is above (spike) or below (drop) expected. Two scales are scored: the
 * window itself, and the mean over the last two hours (so a lasting rise that no single window
 * shows still fires). Either fires when its score reaches the threshold (5 for balanced)
 * <em>and</em> the recent peak of its own scores, which decays with a 7-day half-life: a brand
 * whose traffic is always spiky sets its own bar, and after a big event the next alert must be
 * bigger until the memory fades. Values enter the baseline clipped to 3 spreads, so a spike does
 * not become the new normal in one window. Each of these choices is measured on the NAB tweet
 * series in {@code docs/alerts.md}.
 *
 * <h2>Lifecycle</h2>
 *
 * An alert's id is {@code rule|brand|window|start}. While it is firing the rule stays quiet for
 * that brand; once the window score is back below 40% of the threshold (and the two-hour mean below
 * the threshold) for two window lengths, a {@code resolved} record with the same id follows, then
 * the cooldown starts.
 */
package dev.pantau.alerts;
