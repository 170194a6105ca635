package com.agencyhub.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person does with Keycloak's pages after clicking the link in an email, done over plain HTTP with cookies
 * on. Redirects are followed only within Keycloak, so the end of the flow can be a redirect to an application that
 * is not running.
 */
public final class KeycloakBrowser {

    private static final Pattern PROCEED_LINK = Pattern.compile("href=\"([^\"]*/login-actions/action-token[^\"]*)\"");
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*\\baction=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LoopbackSecureCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * Opens the link of an execute-actions email (an invitation) in a fresh browser, confirms the actions Keycloak
     * lists and sets the password.
     * Returns Keycloak's last answer: its "account updated" page, or the redirect to the invitation's redirect URI.
     */
    public HttpResponse<String> setPasswordThroughEmailLink(URI link, String password) {
        HttpResponse<String> confirmation = get(link);
        Matcher proceed = PROCEED_LINK.matcher(confirmation.body());
        if (!proceed.find()) {
            throw new AssertionError("no 'proceed' link on " + link + ":\n" + confirmation.body());
        }
        HttpResponse<String> page = get(confirmation.uri().resolve(unescape(proceed.group(1))));
        URI action = page.uri().resolve(formAction(page, "password-new"));
        return send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password-new=" + encode(password)
                        + "&password-confirm=" + encode(password)))
                .build());
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    /** Sends the request and follows redirects while they stay on the same host and port. */
    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            while (response.statusCode() / 100 == 3) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                if (!sameServer(next, response.uri())) {
                    return response;
                }
                response = http.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != 200) {
                throw new AssertionError("Keycloak answered " + response.statusCode() + " for " + response.uri()
                        + ":\n" + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formAction(HttpResponse<String> page, String field) {
        Matcher form = FORM.matcher(page.body());
        while (form.find()) {
            if (form.group(2).contains("name=\"" + field + "\"")) {
                return unescape(form.group(1));
            }
        }
        throw new AssertionError("no form with a field '" + field + "' on " + page.uri() + ":\n" + page.body());
    }

    private static boolean sameServer(URI a, URI b) {
        return a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Keycloak marks its cookies Secure. Browsers send them to http://127.0.0.1 all the same (a loopback address is
     * a secure context); CookieManager sends Secure cookies over https only, so it is asked as if for https.
     */
    private static final class LoopbackSecureCookies extends CookieManager {

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            InetAddress host = InetAddress.getByName(uri.getHost());
            if (!host.isLoopbackAddress()) {
                return super.get(uri, requestHeaders);
            }
            try {
                return super.get(new URI("https", uri.getRawAuthority(), uri.getRawPath(), null, null), requestHeaders);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
