package org.nnplayground.playground.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An exercise that locks the network's shape and the data set hides every control those locks turn off. */
@Tag("browser")
class ClassLocksBrowserTest {
    private static PlaygroundServer server;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        server = PlaygroundServer.start(ServerConfig.defaults().withPort(0));
        driver = Chromiums.take(1280, 900);
    }

    @AfterAll
    static void stop() {
        Chromiums.give(driver);
        server.stop();
    }

    @Test
    void locksHideTheirControls() throws Exception {
        String exercise = "dataset=xor&networkShape=3,2&seed=0.5&dataset_hide=true&numHiddenLayers_hide=true";
        HttpResponse<String> made = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/rooms"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"exercise\":\"" + exercise + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String code = new ObjectMapper().readTree(made.body()).get("code").asText();
        driver.get("http://localhost:" + server.port() + "/?room=" + code);
        WebDriverWait wait = new WebDriverWait(driver, BrowserSession.WAIT, BrowserSession.CLASS_POLL);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> d.findElement(By.id("room-join")).isDisplayed());
        driver.findElement(By.id("student-name")).sendKeys("Ann");
        driver.findElement(By.id("join-button")).click();
        wait.until(d -> d.findElement(By.id("room-banner")).isDisplayed());
        wait.until(d -> !d.findElements(By.cssSelector(".layer-header .mini-button")).isEmpty());
        wait.until(d -> d.findElements(By.cssSelector(".layer-header .mini-button")).stream().noneMatch(WebElement::isDisplayed));
        assertFalse(driver.findElement(By.id("csv-file")).isDisplayed(), "no file input");
        assertFalse(driver.findElement(By.id("example-csv")).isDisplayed(), "no examples");
        assertFalse(driver.findElement(By.id("add-layers")).isDisplayed(), "no layer buttons");
        assertFalse(driver.findElement(By.id("draw-panel")).isDisplayed(), "no drawing");
        assertTrue(driver.findElement(By.id("noise")).isDisplayed(), "what the exercise leaves open stays");
    }
}
