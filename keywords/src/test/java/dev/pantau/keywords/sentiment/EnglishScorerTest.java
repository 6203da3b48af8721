package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pantau.keywords.sentiment.EnglishRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule: VADER's own, then each Pantau rule against VADER's rules without it ({@code
 * VADER} here runs on the shipped lexicon, Pantau's additions included).
 */
class EnglishScorerTest {
  /** The tokenizer written by hand splits as VADER's regular expression did, on any text. */
  @Test
  void wordsSplitAsTheWhitespacePatternDid() {
    java.util.regex.Pattern whitespace = java.util.regex.Pattern.compile("\\s+");
    java.util.Random random = new java.util.Random(17);
    String alphabet = "ab \t\n\u000B\f\r\u00A0\u2003\u0001é😀.";
    List<String> texts = new java.util.ArrayList<>(List.of("", " ", "a", " a  b\t\tc \n"));
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(12); j > 0; j--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(b.toString());
    }
    for (String text : texts) {
      String trimmed = text.trim();
      assertThat(EnglishScorer.words(trimmed)).as(text).containsExactly(whitespace.split(trimmed));
    }
  }

  private static final EnglishScorer PANTAU = EnglishSupport.scorer(EnglishRules.PANTAU);
  private static final EnglishScorer VADER = EnglishSupport.scorer(EnglishRules.VADER);

  private static double pantau(String text) {
    return PANTAU.compound(text);
  }

  /** Pantau's rules with some of them switched off. */
  private static EnglishScorer pantauWithout(Rule... rules) {
    EnglishRules r = EnglishRules.PANTAU;
    for (Rule rule : rules) {
      r = r.with(rule, false);
    }
    return EnglishSupport.scorer(r);
  }

  @Test
  void lexiconWordsGiveTheirSign() {
    assertThat(pantau("The service is good")).isPositive();
    assertThat(pantau("The service is awful")).isNegative();
    assertThat(pantau("The service opens at nine")).isZero();
  }

  @Test
  void negationFlipsWithinThreeWords() {
    assertThat(pantau("not good")).isNegative();
    assertThat(pantau("isn't good")).isNegative();
    assertThat(pantau("never really that good")).isNegative();
    assertThat(pantau("not bad")).isPositive();
    assertThat(pantau("don\u2019t like it")).isEqualTo(pantau("don't like it")).isNegative();
  }

  @Test
  void negationStopsAtTheClauseAndAtTheNextOpinionWord() {
    assertThat(VADER.compound("not bad great")).isNegative();
    assertThat(pantau("not bad great")).isPositive();
    assertThat(pantau("I don't know, great job")).isPositive();
    assertThat(VADER.compound("DON'T CARE DON'T CARE DON'T CARE ok")).isPositive();
    assertThat(pantau("DON'T CARE DON'T CARE DON'T CARE ok")).isNegative();
  }

  @Test
  void boostersAndDampenersScale() {
    double good = pantau("The food is good");
    assertThat(pantau("The food is very good")).isGreaterThan(good);
    assertThat(pantau("The food is extremely good")).isGreaterThan(good);
    assertThat(pantau("The food is slightly good")).isLessThan(good).isPositive();
    assertThat(pantau("The food is kind of good")).isLessThan(good).isPositive();
  }

  @Test
  void capitalsEmphasiseAmongLowerCaseWords() {
    assertThat(pantau("The food is GOOD")).isGreaterThan(pantau("The food is good"));
    // all capitals say nothing: no word stands out
    assertThat(pantau("THE FOOD IS GOOD")).isEqualTo(pantau("the food is good"));
  }

  @Test
  void exclamationMarksAmplify() {
    assertThat(pantau("The food is good!!!")).isGreaterThan(pantau("The food is good"));
    assertThat(pantau("The food is bad!!!")).isLessThan(pantau("The food is bad"));
  }

  @Test
  void butWeighsWhatFollows() {
    assertThat(pantau("The food was great but the service was terrible")).isNegative();
    assertThat(pantau("The food was terrible but the service was great")).isPositive();
  }

  @Test
  void emojiAndEmoticonsCarryValence() {
    assertThat(pantau("😍")).isPositive();
    assertThat(pantau("😠")).isNegative();
    assertThat(pantau(":)")).isPositive();
    assertThat(pantau(":(")).isNegative();
    assertThat(pantau("love it <3")).isGreaterThan(pantau("love it"));
  }

  @Test
  void pantauEmojiValencesFixWhatTheEmojiWordsMiss() {
    // "pouting face" and "thumbs down" hold no lexicon word; "fire" reads as danger
    assertThat(pantau("😡")).isNegative();
    assertThat(pantau("👎")).isNegative();
    assertThat(pantau("🔥🔥")).isPositive();
    assertThat(pantau("💔")).isNegative();
  }

  @Test
  void repeatedLettersReadAsEmphasis() {
    EnglishScorer without = pantauWithout(Rule.REPEATED_LETTERS);
    assertThat(without.compound("goooood")).isZero();
    assertThat(pantau("goooood")).isGreaterThan(pantau("good"));
    assertThat(pantau("sooo good")).isGreaterThan(pantau("good"));
    assertThat(pantau("lovin it")).isEqualTo(pantau("loving it"));
  }

  @Test
  void requestsAreNotPraise() {
    String text = "please help, my bag is lost";
    assertThat(VADER.compound(text)).isPositive();
    assertThat(pantau(text)).isNegative();
    assertThat(pantau("please fix the app")).isZero();
  }

  @Test
  void thanksForSomethingBadIsAComplaint() {
    assertThat(VADER.compound("thanks for nothing @acme")).isPositive();
    assertThat(pantau("thanks for nothing @acme")).isNegative();
    assertThat(pantau("thank you for ruining my week")).isNegative();
    assertThat(pantau("thanks for the quick reply")).isPositive();
  }

  @Test
  void questionsDoNotPraise() {
    assertThat(VADER.compound("Is the new plan any good?")).isPositive();
    assertThat(pantau("Is the new plan any good?")).isZero();
    // a complaint asked stays a complaint, at half weight
    assertThat(pantau("why is the app so bad?")).isNegative();
    // only the asking clause: the statement before the comma keeps its valence
    assertThat(pantau("It's pretty amazing, isn't it?")).isPositive();
  }

  @Test
  void onlyClausesWordedAsQuestionsAsk() {
    // an auxiliary opens it, after handles: still a question
    assertThat(pantau("@acme did you like the update?")).isZero();
    assertThat(pantau("RT @acme can you recommend a good plan?")).isZero();
    // a question word anywhere in the clause
    assertThat(pantau("the new plan, any good?")).isZero();
    assertThat(pantau("so which one is the best deal?")).isZero();
    // a sentence opened as a question asks across its commas; a tag question only in its tag
    assertThat(VADER.compound("@acme can anyone recommend a good plan, something fast?"))
        .isPositive();
    assertThat(pantau("@acme can anyone recommend a good plan, something fast?")).isZero();
    assertThat(pantau("why is the app, which used to be great, so slow now?")).isNegative();
    assertThat(pantau("the new plan is pretty amazing, isn't it?")).isPositive();
    // a '?' alone is a questioning tone, not a question: the words keep their valence
    assertThat(pantau("Congrats?")).isPositive();
    assertThat(pantau("Hooray for the new app?")).isPositive();
  }

  @Test
  void handlesAndLinksAreNames() {
    assertThat(VADER.compound("@united my flight leaves at six")).isPositive();
    assertThat(pantau("@united my flight leaves at six")).isZero();
    assertThat(pantau("read https://example.com/great-news")).isZero();
  }

  @Test
  void aCheckInNamesAPlace() {
    EnglishScorer without = pantauWithout(Rule.NAMES);
    assertThat(
            without.compound("I'm at United Supermarket (45th, Bell, Amarillo). http://4sq.com/x"))
        .isPositive();
    assertThat(pantau("I'm at United Supermarket (45th, Bell, Amarillo). http://4sq.com/x"))
        .isZero();
    assertThat(pantau("Lunch break (@ Best Buy) http://4sq.com/x")).isZero();
    // no link, no check-in: "I'm at work" says where the writer is, and what follows counts
    assertThat(pantau("I'm at work, so happy it's Friday")).isPositive();
    // a handle in parentheses is no check-in
    assertThat(pantau("naps! (@acme Comfort Inn) http://x.co/y"))
        .isEqualTo(without.compound("naps! (@acme Comfort Inn) http://x.co/y"));
  }

  @Test
  void likeAfterLooksCompares() {
    assertThat(VADER.compound("looks like rain")).isPositive();
    assertThat(pantau("looks like rain")).isZero();
    assertThat(pantau("I like the new design")).isPositive();
  }

  @Test
  void headlinesWeighHalf() {
    String headline = "Drunk Priest Wins Best Sermon Award";
    assertThat(Math.abs(pantau(headline))).isLessThan(Math.abs(VADER.compound(headline)));
  }

  @Test
  void shortWordsKeepTheirMeaningNextToPunctuation() {
    assertThat(VADER.compound("@acme no! not again")).isZero();
    assertThat(pantau("@acme no! not again")).isNegative();
    assertThat(VADER.compound("NO. PHONE. SIGNAL.")).isZero();
    assertThat(pantau("NO. PHONE. SIGNAL.")).isNegative();
    // emoticons whose middle is a letter stay emoticons
    assertThat(pantau("@acme got it :D")).isPositive();
    assertThat(pantau("@acme got it =P")).isPositive();
  }

  @Test
  void wellOpeningAClauseIsADiscourseMarker() {
    String text = "Well, my order from @acme still hasn't arrived";
    assertThat(VADER.compound(text)).isPositive();
    assertThat(pantau(text)).isEqualTo(pantau("my order from @acme still hasn't arrived"));
    assertThat(pantau("the new checkout works well")).isPositive();
  }

  @Test
  void prettyAndSuperBeforeAWordAreDegreeAdverbs() {
    assertThat(VADER.compound("the @acme app is pretty slow today")).isPositive();
    assertThat(pantau("the @acme app is pretty slow today")).isNegative();
    assertThat(pantau("delivery was super slow")).isNegative();
    assertThat(VADER.compound("pretty much the same as before")).isPositive();
    assertThat(pantau("pretty much the same as before")).isZero();
    assertThat(pantau("the new app is pretty good")).isGreaterThan(pantau("the new app is good"));
    assertThat(pantau("what a pretty design")).isPositive();
  }

  @Test
  void sureOfCertaintyIsNotApproval() {
    assertThat(VADER.compound("not sure if the @acme app is down")).isNegative();
    assertThat(pantau("not sure if the @acme app is down")).isZero();
    assertThat(VADER.compound("please make sure my order ships today")).isPositive();
    assertThat(pantau("please make sure my order ships today")).isZero();
    assertThat(pantau("I'm sure the delivery will come tomorrow")).isZero();
    assertThat(pantau("Sure, happy to try the new plan")).isPositive();
  }

  @Test
  void emoticonsKeepTheirCase() {
    EnglishScorer vaderLexicon =
        new EnglishScorer(
            Resources.numbers(SentimentScorer.VADER_LEXICON),
            Resources.strings(SentimentScorer.EMOJI_LEXICON),
            EnglishRules.VADER);
    assertThat(vaderLexicon.compound("the update wiped my playlists D:")).isPositive();
    assertThat(pantau("the update wiped my playlists D:")).isNegative();
    assertThat(pantau("the update wiped my playlists D=")).isNegative();
    // the lower-case twin, a tongue out, stays playful
    assertThat(pantau("gotcha d:")).isPositive();
  }

  @Test
  void serviceFailureWordsAreNegative() {
    EnglishScorer vaderLexicon =
        new EnglishScorer(
            Resources.numbers(SentimentScorer.VADER_LEXICON),
            Resources.strings(SentimentScorer.EMOJI_LEXICON),
            EnglishRules.VADER);
    assertThat(vaderLexicon.compound("the app keeps crashing")).isZero();
    assertThat(pantau("the app keeps crashing")).isNegative();
    assertThat(pantau("another outage today")).isNegative();
    for (String failure :
        List.of(
            "my card was declined",
            "the stream keeps buffering",
            "my booking vanished from the app",
            "the battery dies in 2 hours",
            "forgot my charger",
            "sales decline again",
            "@acme refuses to refund me",
            "@acme the app again -_-",
            "argh the app",
            "ew the food")) {
      assertThat(vaderLexicon.compound(failure)).as(failure).isZero();
      assertThat(pantau(failure)).as(failure).isNegative();
    }
    // VADER's raters gave "sigh" +0.1
    assertThat(vaderLexicon.compound("home at last. sigh.")).isPositive();
    assertThat(pantau("home at last. sigh.")).isNegative();
  }

  @Test
  void reviewWordsVaderLacksCarryValence() {
    EnglishScorer withoutReviewWords =
        new EnglishScorer(
            EnglishSupport.lexicon(false),
            Resources.strings(SentimentScorer.EMOJI_LEXICON),
            EnglishRules.PANTAU);
    assertThat(withoutReviewWords.compound("the @acme charger is unreliable and overpriced"))
        .isZero();
    assertThat(pantau("the @acme charger is unreliable and overpriced")).isNegative();
    assertThat(pantau("flimsy case, mediocre sound")).isNegative();
    assertThat(pantau("tasty food and attentive staff")).isPositive();
  }

  @Test
  void certaintyAdverbsSayHowSureNotHowGood() {
    EnglishScorer without = pantauWithout(Rule.CERTAINTY_ADVERBS);
    assertThat(without.compound("Definitely not worth the $30 I paid")).isPositive();
    assertThat(pantau("Definitely not worth the $30 I paid")).isNegative();
    assertThat(without.compound("I definitely would not order from @acme again")).isPositive();
    assertThat(pantau("I definitely would not order from @acme again")).isNegative();
    assertThat(pantau("honestly the worst support")).isLessThan(pantau("the worst support"));
    // alone, the adverb agrees
    assertThat(pantau("Definitely!")).isPositive();
  }

  @Test
  void warningsToOtherBuyersAreNegative() {
    EnglishScorer without = pantauWithout(Rule.ADVICE_IDIOMS);
    assertThat(without.compound("Don't waste your money on the @acme plan")).isPositive();
    assertThat(pantau("Don't waste your money on the @acme plan")).isNegative();
    assertThat(pantau("do not waste your time.")).isNegative();
    assertThat(without.compound("Save your money.")).isPositive();
    assertThat(pantau("Save your money.")).isNegative();
    assertThat(pantau("Steer clear of this store")).isNegative();
    assertThat(pantau("stay away from @acme")).isNegative();
    assertThat(pantau("Don't bother - go to the store.")).isNegative();
    assertThat(without.compound("Don't buy this phone.")).isZero();
    assertThat(pantau("Don't buy this phone.")).isNegative();
    // not warnings: a statement about oneself, and a promotion
    assertThat(pantau("I didn't waste any time, the setup was easy")).isPositive();
    assertThat(pantau("save your money on fuel with the new card")).isPositive();
  }

  @Test
  void refusalsToComeBackAreNegative() {
    // (without persistence either: "again" alone would make it a complaint)
    EnglishScorer without = pantauWithout(Rule.ADVICE_IDIOMS, Rule.IMPLICIT_COMPLAINTS);
    assertThat(without.compound("Never flying @acme again")).isZero();
    assertThat(pantau("Never flying @acme again")).isNegative();
    assertThat(pantau("We won't be back.")).isNegative();
    assertThat(pantau("I will not be going back to that branch")).isNegative();
    assertThat(pantau("can't wait to go back!")).isGreaterThanOrEqualTo(0.0);
    assertThat(without.compound("Sending it back.")).isZero();
    assertThat(pantau("Sending it back.")).isNegative();
    assertThat(pantau("I want my money back")).isNegative();
    assertThat(pantau("returned it the next day")).isNegative();
    assertThat(pantau("30-day money back guarantee")).isNotNegative();
    assertThat(pantau("returned home after a week away")).isNotNegative();
    assertThat(without.compound("@acme customer service is a joke")).isPositive();
    assertThat(pantau("@acme customer service is a joke")).isNegative();
    assertThat(pantau("what a joke")).isNegative();
    assertThat(pantau("that was a sick joke! lol")).isPositive();
  }

  @Test
  void standardsNotMetAreNegative() {
    EnglishScorer without = pantauWithout(Rule.EXPECTATIONS);
    assertThat(without.compound("The service is fair at best.")).isPositive();
    assertThat(pantau("The service is fair at best.")).isNegative();
    assertThat(pantau("mediocre at best")).isNegative();
    assertThat(without.compound("My old phone holds a charge better than this.")).isPositive();
    assertThat(pantau("My old phone holds a charge better than this.")).isNegative();
    assertThat(pantau("I've had better pizza from a gas station")).isNegative();
    assertThat(pantau("for the price, I expected better")).isNegative();
    assertThat(pantau("I was hoping for more.")).isNegative();
    assertThat(without.compound("Not as good as I had hoped.")).isPositive();
    assertThat(pantau("Not as good as I had hoped.")).isNegative();
    // the thing against its own past, and "other than", are no such comparison
    assertThat(pantau("the app is much better than it was")).isPositive();
    assertThat(pantau("no real reason other than that"))
        .isEqualTo(without.compound("no real reason other than that"));
  }

  @Test
  void functionsNotPerformedAreComplaints() {
    EnglishScorer without = pantauWithout(Rule.FAILURES);
    assertThat(without.compound("the @acme app doesn't work")).isZero();
    assertThat(pantau("the @acme app doesn't work")).isNegative();
    assertThat(pantau("my order still hasn't arrived")).isNegative();
    assertThat(pantau("the charger won't even charge")).isNegative();
    assertThat(pantau("Bluetooth stopped working after the update")).isNegative();
    assertThat(pantau("the battery doesn't last long")).isNegative();
    assertThat(pantau("I never received my refund")).isNegative();
    assertThat(without.compound("@acme I've been on hold for 45 minutes")).isZero();
    assertThat(pantau("@acme I've been on hold for 45 minutes")).isNegative();
    assertThat(pantau("still waiting for my refund after 2 weeks")).isNegative();
    assertThat(pantau("Still waiting...")).isNegative();
    assertThat(pantau("still waiting for someone to write the sequel"))
        .isEqualTo(without.compound("still waiting for someone to write the sequel"));
    assertThat(pantau("I can walk around while waiting on hold for something")).isZero();
    // the writer's own work, and an infinitive, are no malfunction
    assertThat(pantau("I don't work on Fridays")).isZero();
    assertThat(pantau("glad I don't have to work tomorrow")).isPositive();
  }

  @Test
  void remediesDeniedAreFailures() {
    EnglishScorer without = pantauWithout(Rule.FAILURES);
    assertThat(without.compound("they never fixed the bug")).isZero();
    assertThat(pantau("they never fixed the bug")).isNegative();
    assertThat(pantau("@acme didn't refund me")).isNegative();
  }

  @Test
  void noNegationFlipsAFace() {
    EnglishScorer without = pantauWithout(Rule.FACES);
    assertThat(without.compound("no :(")).isPositive();
    assertThat(pantau("no :(")).isNegative();
    assertThat(without.compound("Never again @acme \uD83D\uDE21")).isPositive();
    assertThat(pantau("Never again @acme \uD83D\uDE21")).isNegative();
    // an emoji read through its words ("angry face") is a face too
    assertThat(without.compound("no \uD83D\uDE20")).isPositive();
    assertThat(pantau("no \uD83D\uDE20")).isNegative();
    assertThat(pantau("Nope :-)")).isPositive();
    // the words beside the face are negated as before
    assertThat(pantau("@acme not happy :("))
        .isEqualTo(without.compound("@acme not happy :("))
        .isNegative();
    assertThat(pantau("not good")).isEqualTo(without.compound("not good"));
  }

  @Test
  void problemsPutRightAreNoComplaint() {
    EnglishScorer without = pantauWithout(Rule.REMEDIES);
    assertThat(without.compound("thanks @acme for fixing my broken screen")).isNegative();
    assertThat(pantau("thanks @acme for fixing my broken screen")).isPositive();
    assertThat(without.compound("thank you for resolving the billing problem so fast"))
        .isNegative();
    assertThat(pantau("thank you for resolving the billing problem so fast")).isPositive();
    assertThat(without.compound("@acme fixed my broken screen in 10 minutes")).isNegative();
    assertThat(pantau("@acme fixed my broken screen in 10 minutes")).isNotNegative();
    assertThat(without.compound("the outage is now resolved")).isNegative();
    assertThat(pantau("the outage is now resolved")).isNotNegative();
    // a remedy denied is a complaint: its negation does not turn the problem into praise
    // (without the rule only the failure "haven't fixed" keeps it negative: "problem" is flipped)
    assertThat(pantau("@acme still haven't fixed the problem"))
        .isNegative()
        .isLessThan(without.compound("@acme still haven't fixed the problem"));
    assertThat(pantauWithout(Rule.FAILURES).compound("@acme still haven't fixed the problem"))
        .isNegative();
    assertThat(pantau("the problem hasn't been fixed")).isNegative();
    // the replacement is not the problem; sarcastic thanks stay sarcastic
    assertThat(pantau("my delayed flight was replaced with a worse one")).isNegative();
    assertThat(pantau("thanks @acme for losing my bag")).isNegative();
    assertThat(pantau("sort of bad")).isNegative();
    // a problem put right is good news, as VADER rates "solved"
    assertThat(pantau("Shoutout to @acme support, they fixed my problem in 5 minutes"))
        .isPositive();
    assertThat(pantau("@acme fixed my broken screen")).isPositive();
  }

  @Test
  void negationReachesAcrossFillers() {
    EnglishScorer without = pantauWithout(Rule.LONG_NEGATION);
    assertThat(without.compound("it wouldn't be such a bad idea")).isNegative();
    assertThat(pantau("it wouldn't be such a bad idea")).isPositive();
    assertThat(without.compound("not at all a good experience")).isPositive();
    assertThat(pantau("not at all a good experience")).isNegative();
    // a content word between ends the reach: "don't think" is left to VADER
    assertThat(pantau("I don't think it is a good idea"))
        .isEqualTo(without.compound("I don't think it is a good idea"));
    // within VADER's three words nothing changes
    assertThat(pantau("isn't a good idea")).isEqualTo(without.compound("isn't a good idea"));
  }

  @Test
  void outagesInabilityLatenessAndWaitsAreComplaints() {
    // (without persistence either: "again", "still", "after 2 months" alone make complaints too)
    EnglishScorer without = pantauWithout(Rule.FAILURES, Rule.IMPLICIT_COMPLAINTS);
    for (String complaint :
        List.of(
            "the @acme app is down",
            "@acme servers down again",
            "@acme is it down?",
            "@acme can't log in since the update",
            "I can't log in to my account",
            "unable to check out on the website",
            "the delivery was 40 minutes late",
            "arrived late again",
            "@acme 45 minutes on hold and then the call dropped",
            "waited 25 minutes for a latte",
            "@acme still waiting for someone to call me back",
            "@acme internet keeps dropping every 10 minutes",
            "the app keeps logging me out",
            "@acme shoes fell apart after two weeks",
            "@acme music keeps skipping songs since the update",
            "@acme servers down during the tournament",
            "@acme bike screen went black after 2 months",
            "@acme service center has not called back in 3 weeks",
            "a 45 minute wait at the pharmacy",
            "the @acme refund took forever",
            "took me over an hour to get through to support")) {
      assertThat(without.compound(complaint)).as(complaint).isNotNegative();
      assertThat(pantau(complaint)).as(complaint).isNegative();
    }
    // a price raised is a complaint, where VADER rated "increase" +1.3
    assertThat(without.compound("@acme another price increase this year")).isPositive();
    assertThat(pantau("@acme another price increase this year")).isNegative();
    assertThat(pantau("@acme membership fee went up again")).isNegative();
    assertThat(pantau("why do you keep raising prices")).isNegative();
    assertThat(pantau("my salary increased"))
        .isEqualTo(without.compound("my salary increased"))
        .isPositive();
    assertThat(pantau("the app keeps getting better"))
        .isEqualTo(without.compound("the app keeps getting better"));
    // a promise not kept is a standard not met
    assertThat(
            pantauWithout(Rule.EXPECTATIONS)
                .compound("my @acme order was supposed to arrive Monday"))
        .isZero();
    assertThat(pantau("my @acme order was supposed to arrive Monday")).isNegative();
    assertThat(pantau("not sure if the @acme app is down")).isZero();
    // "can't cancel": VADER's negation made "cancel" praise
    assertThat(without.compound("I can't cancel my subscription")).isPositive();
    assertThat(pantau("I can't cancel my subscription")).isNegative();
    // left alone: agreement, calm, places, lateness of the writer, late night, being eager
    for (String other :
        List.of(
            "I'm down for it",
            "you let me down again",
            "it took 5 minutes to set up",
            "the devil went down to georgia",
            "I was late",
            "late night snacks",
            "I can't wait",
            "still waiting for someone to write the sequel")) {
      assertThat(pantau(other)).as(other).isEqualTo(pantauWithout(Rule.FAILURES).compound(other));
    }
  }

  @Test
  void customerIdiomsVaderReadsWordByWord() {
    EnglishScorer without = pantauWithout(Rule.IDIOMS);
    assertThat(without.compound("can't wait to try the new @acme menu!")).isZero();
    assertThat(pantau("can't wait to try the new @acme menu!")).isPositive();
    assertThat(without.compound("@acme you had one job")).isZero();
    assertThat(pantau("@acme you had one job")).isNegative();
    assertThat(without.compound("@acme you guys rock")).isZero();
    assertThat(pantau("@acme you guys rock")).isPositive();
    assertThat(without.compound("@acme pharmacist went above and beyond")).isZero();
    assertThat(pantau("@acme pharmacist went above and beyond")).isPositive();
    assertThat(without.compound("@acme the new spicy nuggets are fire")).isNegative();
    assertThat(pantau("@acme the new spicy nuggets are fire")).isPositive();
    assertThat(pantau("the building is on fire"))
        .isEqualTo(without.compound("the building is on fire"))
        .isNegative();
    assertThat(without.compound("@acme prices are out of control")).isZero();
    assertThat(pantau("@acme prices are out of control")).isNegative();
    assertThat(without.compound("Give 'em hell, team!")).isNegative();
    assertThat(pantau("Give 'em hell, team!")).isPositive();
    assertThat(without.compound("@acme customer service hung up on me")).isZero();
    assertThat(pantau("@acme customer service hung up on me")).isNegative();
    assertThat(without.compound("@acme servers down again, great timing")).isPositive();
    assertThat(pantau("@acme servers down again, great timing")).isNegative();
    assertThat(pantau("great timing, the sale starts today"))
        .isEqualTo(without.compound("great timing, the sale starts today"))
        .isPositive();
    // sarcastic relish
    assertThat(without.compound("@acme love a good 2 hour delay on the tarmac")).isPositive();
    assertThat(pantau("@acme love a good 2 hour delay on the tarmac")).isNegative();
    assertThat(pantau("love a good burger")).isPositive();
    assertThat(without.compound("Love how @acme cancels my flight and offers me a $10 voucher"))
        .isPositive();
    assertThat(pantau("Love how @acme cancels my flight and offers me a $10 voucher")).isNegative();
    assertThat(pantau("love how fast the new app is")).isPositive();
    assertThat(without.compound("another cancelled flight, just what I needed")).isNegative();
    assertThat(pantau("another cancelled flight, just what I needed"))
        .isLessThan(without.compound("another cancelled flight, just what I needed"));
    assertThat(pantau("new headphones, just what I needed"))
        .isEqualTo(without.compound("new headphones, just what I needed"));
    // "Great, another …" is sarcasm too, after a handle as well
    assertThat(without.compound("@acme great, another cancelled flight")).isPositive();
    assertThat(pantau("@acme great, another cancelled flight")).isNegative();
  }

  @Test
  void persistenceWithNoOpinionWordIsTheComplaint() {
    EnglishScorer without = pantauWithout(Rule.IMPLICIT_COMPLAINTS);
    for (String complaint :
        List.of(
            "@acme charged me twice for the same order",
            "@acme still no refund",
            "the app logs me out every time I open it",
            "bike screen went blank after 2 months",
            "Battery lasts only a few hours.",
            "@acme only one person working the counter",
            "@acme not enough staff at the airport",
            "I don't have enough time",
            "@acme why haven't you replied to my email?",
            "Oh @acme, why must you not have a desktop client?")) {
      assertThat(pantau(complaint)).as(complaint).isNegative();
    }
    assertThat(without.compound("the app logs me out every time I open it")).isZero();
    assertThat(without.compound("Battery lasts only a few hours.")).isZero();
    // chosen repetition is loyalty; "Still," concedes; a bargain is no shortfall; opinion words
    // decide
    for (String other :
        List.of(
            "Will order from them again!",
            "Would come back again next time I'm in town",
            "Still, it was the sets that got a big 10",
            "Plus, it's only 8 bucks.",
            "why don't you come over tonight",
            "still love this phone")) {
      assertThat(pantau(other)).as(other).isEqualTo(without.compound(other));
    }
  }

  @Test
  void superlativesReadAsTheirAdjective() {
    EnglishScorer without = pantauWithout(Rule.SUPERLATIVES);
    assertThat(without.compound("the coolest tool in the app")).isZero();
    assertThat(pantau("the coolest tool in the app")).isPositive();
    assertThat(pantau("the nicest staff")).isPositive();
    assertThat(pantau("the happiest customers")).isPositive();
    assertThat(pantau("the forest behind the store")).isZero();
    assertThat(pantau("the latest request from the guest")).isZero();
  }

  @Test
  void aMachinesFanIsAPart() {
    EnglishScorer without = pantauWithout(Rule.DEVICE_FAN);
    assertThat(without.compound("the laptop fan is so loud")).isPositive();
    assertThat(pantau("the laptop fan is so loud")).isZero();
    assertThat(pantau("fan noise all day")).isZero();
    assertThat(pantau("I'm a big fan of the new app"))
        .isEqualTo(without.compound("I'm a big fan of the new app"))
        .isPositive();
  }

  @Test
  void aBoosterClosingItsClauseIsTheAdjective() {
    EnglishScorer without = pantauWithout(Rule.DEGREE_ADVERBS);
    assertThat(without.compound("the speed is incredible")).isZero();
    assertThat(pantau("the speed is incredible")).isPositive();
    // before a word it still boosts
    assertThat(pantau("incredibly good")).isGreaterThan(pantau("good"));
    assertThat(pantau("the speed is incredible good"))
        .isEqualTo(without.compound("the speed is incredible good"));
  }

  @Test
  void praiseAsASentenceOfItsOwnBesideAComplaintIsSarcasm() {
    EnglishScorer without = pantauWithout(Rule.IDIOMS);
    assertThat(without.compound("Great. Another delayed flight.")).isPositive();
    assertThat(pantau("Great. Another delayed flight.")).isNegative();
    assertThat(pantau("Perfect. The app crashed again.")).isNegative();
    // praise with "!", or with nothing negative beside it, stays praise
    assertThat(pantau("Great! The app crashed only once this week."))
        .isEqualTo(without.compound("Great! The app crashed only once this week."));
    assertThat(pantau("Dinner with the team. Perfect.")).isPositive();
  }

  @Test
  void thanksClosingAComplaintCountNothing() {
    EnglishScorer without = pantauWithout(Rule.COURTESY);
    String complaint = "@acme my card was charged twice and the refund is still not here. Thanks.";
    assertThat(without.compound(complaint)).isPositive();
    assertThat(pantau(complaint)).isNotPositive();
    assertThat(pantau("Thanks! The fix worked.")).isPositive();
  }

  @Test
  void emoticonsWithARepeatedStrokeAndCommonOnesVaderLacks() {
    assertThat(pantau("the update is out =((("))
        .isEqualTo(pantau("the update is out =("))
        .isNegative();
    assertThat(pantau("new phone day :DDD")).isEqualTo(pantau("new phone day :D")).isPositive();
    assertThat(pantau("new phone day XD")).isPositive();
    assertThat(pantau("new phone day ^_^")).isPositive();
  }

  @Test
  void htmlEscapesAreRead() {
    assertThat(pantau("love it &lt;3")).isEqualTo(pantau("love it <3"));
  }

  @Test
  void scoresStayInRange() {
    String rant = "WORST WORST WORST service ever!!!!!! 😡😡😡 horrible awful terrible disgusting";
    assertThat(pantau(rant)).isBetween(-1.0, -0.9);
    assertThat(EnglishScorer.normalize(1e9)).isLessThanOrEqualTo(1.0);
    assertThat(EnglishScorer.normalize(-1e9)).isGreaterThanOrEqualTo(-1.0);
  }

  @Test
  void rulesAreValidated() {
    assertThatThrownBy(() -> EnglishRules.PANTAU.withQuestionPositiveWeight(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("questionPositiveWeight");
    assertThatThrownBy(() -> EnglishRules.PANTAU.withQuestionNegativeWeight(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("questionNegativeWeight");
  }
}
