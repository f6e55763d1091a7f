package cl.aula.sige;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.ApiClient;
import cl.aula.AulaIntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium, the attendance administrator opens the SIGE page, picks a day on the month
 * calendar, sends it, and follows the sync until SIGE has processed it.
 */
@AulaIntegrationTest
class SyncPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    SigeScene scene;

    WebDriver browser;
    Path profile;

    @BeforeEach
    void aBrowser() throws IOException {
        profile = Files.createTempDirectory("aula-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .build(),
                options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void closeTheBrowser() throws IOException {
        browser.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void theAttendanceAdminPicksADayOnTheCalendarSendsItAndSeesItSynced() {
        scene.freshSige(false);
        List<LocalDate> days = scene.schoolDaysOfOpenMonth();
        LocalDate day = days.get(days.size() - 3);
        scene.fillGaps(ApiClient.as(port, "profesor", "demo"), List.of(day));

        browser.get(url("/ingresar"));
        browser.findElement(By.id("username")).sendKeys("asistencia");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // The sign-in's redirect must land before the next page is asked for, or it replaces that page.
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/ingresar")));
        browser.get(url("/escuelas/24680-8/sige?mes=" + scene.openMonth()));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Enviar no es declarar");
        browser.findElement(By.cssSelector("button.pick[data-date='" + day + "']"))
                .click();
        assertThat(browser.findElement(By.id("desde")).getDomProperty("value")).isEqualTo(day.toString());
        assertThat(browser.findElement(By.id("hasta")).getDomProperty("value")).isEqualTo(day.toString());
        browser.findElement(By.cssSelector("#enviar button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.ok"), "Envío aceptado"));
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofSeconds(1)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("sync-state")).getText().equals("Terminado");
        });
        assertThat(browser.findElements(By.cssSelector("tr.status-SYNCED"))).hasSize(5);

        browser.get(url("/escuelas/24680-8/sige?mes=" + scene.openMonth()));
        String row = browser.findElements(By.cssSelector("table tbody tr")).stream()
                .map(element -> element.getText())
                .filter(text -> text.contains(day.format(DateTimeFormatter.ofPattern("dd-MM"))))
                .findFirst()
                .orElseThrow();
        assertThat(row).contains("Sincronizado");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
