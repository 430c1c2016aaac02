package org.telereg.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through chromedriver against a running TeleReg: one per test,
 * with its own profile folder, closed (and the folder deleted) afterwards.
 */
public final class Browser implements AutoCloseable {

    public static final String DEMO_PASSWORD = "TeleReg@2026";

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final int port;
    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(int port, Path profile, ChromeDriverService service, WebDriver driver) {
        this.port = port;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Starts a browser for the application listening on {@code port}. */
    public static Browser open(int port) throws IOException {
        Path profile = Files.createTempDirectory("telereg-chromium-");
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
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        try {
            return new Browser(port, profile, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application, e.g. {@code /console}. */
    public void get(String path) {
        driver.get(url(path));
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the login form as a demo user and waits for the console. */
    public void signIn(String username) {
        get("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waitUntil(ExpectedConditions.urlToBe(url("/console")));
    }

    /** Signs out through the menu's button and waits for the login page. */
    public void signOut() {
        driver.findElement(By.id("logout")).click();
        waitUntil(ExpectedConditions.urlContains("/login"));
    }

    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /** The visible text of the element with this id, waiting for it to appear (a page a click is still loading). */
    public String text(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return waitUntil(ExpectedConditions.presenceOfElementLocated(By.id(id)))
                        .getText();
            } catch (StaleElementReferenceException e) {
                // Found on the page a click was just replacing: read it on the new one.
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /**
     * Scrolls the element to the middle of the window at once (Bootstrap makes scrolling smooth, which
     * would move the element while it is clicked) and clicks it, so no fixed bar or footer covers it.
     */
    public void click(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement element = driver.findElement(by);
                ((JavascriptExecutor) driver)
                        .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
                element.click();
                return;
            } catch (WebDriverException e) {
                // The element found belonged to a document the browser had just replaced (a page still
                // settling after a navigation): find it again in the current one.
                boolean replaced = e instanceof StaleElementReferenceException
                        || String.valueOf(e.getMessage()).contains("does not belong to the document");
                if (!replaced || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Clicks something that loads a new page (a form's submit button, a link) and waits until that page has
     * loaded, so the next look at the page cannot find an element of the old one (a message or a status the old
     * page also showed), and the next click cannot land on the old page either.
     */
    public void submit(By by) {
        markPage();
        click(by);
        waitForNewPage();
    }

    /**
     * Marks the loaded page's window, once it has loaded, so that {@link #waitForNewPage} knows the next page by
     * the mark's absence: a new document gets a new window object. A document that is still loading (the page a
     * previous click asked for) is waited for first.
     */
    private void markPage() {
        waitUntil(d -> Boolean.TRUE.equals(script(
                "if (document.readyState !== 'complete') { return false; } window.teleregSeen = true; return true;")));
    }

    private void waitForNewPage() {
        waitUntil(d -> Boolean.TRUE.equals(
                script("return document.readyState === 'complete' && window.teleregSeen !== true;")));
    }

    /** Runs a script, or gives null when the document went away under it (a page being replaced). */
    private Object script(String script) {
        try {
            return ((JavascriptExecutor) driver).executeScript(script);
        } catch (WebDriverException e) {
            return null;
        }
    }

    /** Sets a date input the way a date picker would: typing into one depends on the browser's locale. */
    public void date(String id, java.time.LocalDate value) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value.toString());
    }

    /** Clicks a button whose form asks first ({@code data-confirm}), accepts the question and waits for the next page. */
    public void clickAndAccept(By button) {
        markPage();
        click(button);
        waitUntil(ExpectedConditions.alertIsPresent()).accept();
        waitForNewPage();
    }

    /** Saves what the browser shows under {@code target/screenshots}, for a person to look at. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
