package org.telereg.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The console in a real browser (Debian's chromium, headless): signing in, the dashboard map
 * rendered by ECharts, and the language switch. Chinese text is asserted on purpose, since a
 * wrong charset only shows in a browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "telereg.demo.enterprises=60")
@ActiveProfiles("demo")
class ConsoleBrowserIntegrationTests {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String DEMO_PASSWORD = "TeleReg@2026";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Provinces, autonomous regions and municipalities with a communications administration. */
    private static final String PROVINCES_ON_THE_MAP = "31";

    @LocalServerPort
    private int port;

    private Path profile;
    private ChromeDriverService service;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("telereg-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteRecursively(profile);
        }
    }

    @Test
    void provincialOfficerSeesTheMapInChineseAndSwitchesToEnglishAndBack() throws IOException {
        browser.get(url("/login"));
        assertThat(browser.getTitle()).isEqualTo("登录");
        browser.findElement(By.id("username")).sendKeys("gd");
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.urlToBe(url("/console")));
        assertThat(browser.getTitle()).isEqualTo("监管总览");
        assertThat(heading()).isEqualTo("监管总览");
        assertThat(text("current-organisation")).isEqualTo("广东省通信管理局");
        assertThat(text("current-role")).isEqualTo("省管局业务人员");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("zh-CN");

        wait.until(ExpectedConditions.and(
                ExpectedConditions.attributeToBe(By.id("china-map"), "data-rendered", PROVINCES_ON_THE_MAP),
                ExpectedConditions.presenceOfNestedElementLocatedBy(By.id("china-map"), By.tagName("canvas"))));
        screenshot("dashboard.png");

        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));
        assertThat(text("current-role")).isEqualTo("Provincial officer");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        // Organisation names are data, not labels: they stay as registered.
        assertThat(text("current-organisation")).isEqualTo("广东省通信管理局");

        // The choice sticks (a cookie) on pages opened without ?lang.
        browser.findElement(By.linkText("Companies")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Companies"));
        browser.findElement(By.linkText("Overview")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));

        browser.findElement(By.id("lang-zh")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "监管总览"));
        assertThat(text("current-role")).isEqualTo("省管局业务人员");
        assertThat(browser.findElement(By.linkText("企业名录")).isDisplayed()).isTrue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
