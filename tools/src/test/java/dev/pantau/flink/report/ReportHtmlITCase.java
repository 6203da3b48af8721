package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.cli.PantauCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * The HTML report in a real browser (headless Chromium, as {@code DashboardITCase}): opened from a
 * file with networking of no use to it, it shows every brand and its charts with no console error,
 * and prints to A4 pages.
 */
class ReportHtmlITCase {
  private static final Path DIR = Paths.get("target", "report-html-itcase");

  @Test
  void rendersWithoutConsoleErrorsAndPrintsOnA4() throws Exception {
    Files.createDirectories(DIR);
    ReplayFixture.write(DIR, 11);
    ReportHtmlTest.writeEnriched(DIR, new java.util.Random(12), new java.util.HashMap<>());
    Path html = DIR.resolve("report.html").toAbsolutePath();
    assertThat(
            PantauCli.execute(
                "report",
                "--input",
                DIR.toString(),
                "--from",
                "2026-11-08",
                "--to",
                "2026-11-14",
                "--output",
                html.toString()))
        .isZero();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,1600");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Paths.get("/usr/bin/chromedriver").toFile())
                .build(),
            options);
    try {
      browser.get(html.toUri().toString());
      String text = browser.findElement(By.tagName("body")).getText();
      assertThat(text)
          .contains(
              "telkomsel",
              "indosat",
              "kopi-kenangan",
              "Share of voice",
              "Targets",
              "Employee advocacy",
              "Alerts",
              "Leads",
              "Top mentions by reach",
              "Copy bursts",
              "Followers");
      assertThat(browser.findElements(By.cssSelector("svg polyline"))).hasSize(6);
      assertThat(browser.findElements(By.cssSelector("svg")).get(0).getSize().getWidth())
          .isGreaterThan(300);

      byte[] pdf = Base64.getDecoder().decode(browser.print(a4()).getContent());
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("%PDF-");
      Files.write(DIR.resolve("report.pdf"), pdf);
      Files.write(
          DIR.resolve("report.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

      List<LogEntry> errors =
          browser.manage().logs().get(LogType.BROWSER).getAll().stream()
              .filter(l -> l.getLevel().intValue() >= Level.SEVERE.intValue())
              .toList();
      assertThat(errors).as("console errors").isEmpty();
    } finally {
      browser.quit();
    }
  }

  private static PrintOptions a4() {
    PrintOptions print = new PrintOptions();
    print.setPageSize(new PageSize(29.7, 21.0));
    print.setBackground(true);
    return print;
  }

  private static String chromium() {
    for (String p :
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Paths.get(p))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no Chromium: install the Debian packages chromium and chromium-driver (.ci/run does)");
  }
}
