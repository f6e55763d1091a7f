package cl.aula.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.AulaIntegrationTest;
import cl.aula.attendance.AttendanceFixtures.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In headless Chromium, a teacher signs in, takes the 2nd-hour attendance marking two students absent,
 * and the Control de Subvenciones grid shows them absent with the right totals. Uses Debian's
 * chromium and chromedriver, which .ci/run installs.
 */
@AulaIntegrationTest
class TakingAttendanceBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Fixture fixture;
    LocalDate day;
    WebDriver browser;
    Path profile;

    @BeforeEach
    void aTeacherOfACourseOfSixAndABrowser() throws IOException {
        AttendanceFixtures fixtures = new AttendanceFixtures(context);
        fixture = fixtures.schoolWithCourse(6);
        day = fixtures.lastSchoolDay();
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
                "--window-size=412,915",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aTeacherMarksTwoStudentsAbsentAtTheSecondHourAndTheGridShowsThem() throws IOException {
        long first = fixture.students().get(1);
        long second = fixture.students().get(4);

        signIn(fixture.teacher(), AttendanceFixtures.PASSWORD);
        browser.get(url("/cursos/" + fixture.course().id() + "/asistencia?fecha=" + day + "&hora=2"));
        assertThat(browser.findElement(By.id("resumen")).getText()).startsWith("6 presentes");
        tap(first, "ABSENT");
        tap(second, "ABSENT");
        assertThat(browser.findElement(By.id("resumen")).getText()).startsWith("4 presentes · 2 ausentes");
        screenshot("take-attendance");
        browser.findElement(By.id("guardar")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.ok"), "guardada"));
        assertThat(browser.findElement(By.cssSelector("p.ok")).getText()).contains("4 presentes, 2 ausentes");

        browser.get(url("/cursos/" + fixture.course().id() + "/control-subvenciones?mes=" + YearMonth.from(day)));
        screenshot("subsidy-grid");
        assertThat(cell(first).getText()).isEqualTo("A");
        assertThat(cell(second).getText()).isEqualTo("A");
        assertThat(cell(fixture.students().get(0)).getText()).isEqualTo("P");
        assertThat(total("present")).isEqualTo("4");
        assertThat(total("absent")).isEqualTo("2");
        assertThat(total("enrolled")).isEqualTo("6");
    }

    private void signIn(String username, String password) {
        browser.get(url("/ingresar"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/ingresar")));
    }

    /** One tap on the student's button, as on a phone. */
    private void tap(long student, String status) {
        var button = browser.findElement(
                By.cssSelector("label[data-student='" + student + "'][data-status='" + status + "']"));
        // The save bar stays at the bottom of a phone's screen; a thumb scrolls the row above it first.
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private org.openqa.selenium.WebElement cell(long student) {
        return browser.findElement(By.cssSelector("tr[data-student='" + student + "'] td[data-date='" + day + "']"));
    }

    private String total(String row) {
        return browser.findElement(By.cssSelector("tfoot tr." + row + " td[data-date='" + day + "']"))
                .getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Kept under target/ so a person can look at what the browser saw. */
    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
