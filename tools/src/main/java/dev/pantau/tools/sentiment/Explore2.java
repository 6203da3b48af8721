package dev.pantau.tools.sentiment;

import dev.pantau.keywords.sentiment.SentimentFeatures;
import dev.pantau.keywords.sentiment.SentimentModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

public final class Explore2 {
  public static void main(String[] args) throws Exception {
    SentimentModel m = SentimentModel.read(Files.readAllBytes(Path.of("keywords/src/main/resources/dev/pantau/keywords/sentiment/en_model.bin")));
    SentimentFeatures f = SentimentFeatures.create(m.config());
    List<Datasets.Example> v = Datasets.vaderTweets(Path.of(args[0]));
    double[][] z = new double[v.size()][];
    for (int i = 0; i < v.size(); i++) z[i] = m.logits(f.extract(v.get(i).text(), Set.of()));
    dev.pantau.keywords.sentiment.SentimentScorer rules = dev.pantau.keywords.sentiment.SentimentScorer.create(dev.pantau.keywords.sentiment.SentimentScorer.Engine.ENGLISH_RULES);
    double[] c = new double[v.size()];
    for (int i = 0; i < v.size(); i++) c[i] = rules.score(v.get(i).text(), "en").score();
    for (double t : new double[] {0.05, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01}) {
      Metrics mm = new Metrics();
      for (int i = 0; i < v.size(); i++) {
        int p = Explore.argmax(z[i]);
        if (p == 1 && Math.abs(c[i]) >= t) p = c[i] > 0 ? 2 : 0;
        mm.add(v.get(i).gold(), p);
      }
      System.out.printf("override-%.2f %s%n", t, mm.report());
    }
    for (double delta = -0.5; delta <= 2.0001; delta += 0.25) {
      Metrics mm = new Metrics();
      for (int i = 0; i < v.size(); i++) mm.add(v.get(i).gold(), Explore.argmax(new double[] {z[i][0], z[i][1] - delta, z[i][2]}));
      System.out.printf("vader-%.2f %s%n", delta, mm.report());
    }
  }
}
