package org.imagenetx.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.query.Cancellation;
import org.imagenetx.query.Query;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.RealSessions;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 2 and 3: a computation stops at its deadline (or when the server closes) through
 * the engine's cooperative checks, and one client address cannot hold every request thread. The
 * deadlines here are 0 (due at once) or hang guards; nothing asserts a duration.
 */
class ExplorerCancellationTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private static ExplorerServer start(ExplorerServer.Limits limits, int threads) {
    return ExplorerServer.start(
        RealSessions.top(),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        threads,
        null,
        limits);
  }

  private static HttpRequest get(ExplorerServer s, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(s.url() + pathAndQuery.substring(1)))
        .timeout(Duration.ofSeconds(60))
        .GET()
        .build();
  }

  @Test
  void aComputationPastItsDeadlineStopsAndAnswersAJsonError() throws Exception {
    try (ExplorerServer s = start(new ExplorerServer.Limits(0, 32, false), 8)) {
      for (String q :
          List.of(
              "/api/models?glob=*a*",
              "/api/rank?by=pose&group=*",
              "/api/similar?model=ViT",
              "/api/count?expr=texture")) {
        HttpResponse<String> r = CLIENT.send(get(s, q), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(q).isEqualTo(503);
        assertThat(r.body())
            .as(q)
            .startsWith("{\"error\":\"the answer took longer than 0 ms and was stopped");
      }
      assertThat(s.cancelledAnswers()).isEqualTo(4);
      // a request without a long loop is answered; the slot of each stopped one was given back
      assertThat(
              CLIENT.send(get(s, "/api/info"), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void theEngineStopsAtItsChecksAndOnlyUnderACancellation() {
    QueryEngine engine = RealSessions.top();
    Query.Rank rank = new Query.Rank("pose", null, ErrorType.CLASS, "*", 10);
    // no cancellation open: never cancelled
    assertThat(engine.rank(rank).rows()).isNotEmpty();
    try (Cancellation c = Cancellation.start(0)) {
      assertThatThrownBy(() -> engine.rank(rank)).isInstanceOf(Cancellation.Cancelled.class);
      assertThat(c.cancelled()).isTrue();
    }
    // closed: the thread is back to uncancelled
    assertThat(engine.models("*i*").models()).isNotEmpty();
  }

  @Test
  void cancellingFromAnotherThreadStopsTheComputationAtItsNextCheck() throws Exception {
    CountDownLatch opened = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    Cancellation[] token = new Cancellation[1];
    CompletableFuture<Throwable> worker =
        CompletableFuture.supplyAsync(
            () -> {
              try (Cancellation c = Cancellation.start(TimeUnit.HOURS.toMillis(1))) {
                token[0] = c;
                Cancellation.check(); // not due, not cancelled
                opened.countDown();
                cancelled.await(30, TimeUnit.SECONDS);
                Cancellation.check();
                return null;
              } catch (Throwable t) {
                return t;
              }
            });
    assertThat(opened.await(30, TimeUnit.SECONDS)).isTrue();
    token[0].cancel("the client left");
    cancelled.countDown();
    Throwable t = worker.get(30, TimeUnit.SECONDS);
    assertThat(t).isInstanceOf(Cancellation.Cancelled.class).hasMessage("the client left");
    assertThat(token[0].cancelled()).isTrue();
  }

  @Test
  void oneClientCannotHoldMoreThanItsShareOfTheRequestThreads() throws Exception {
    try (ExplorerServer s = start(new ExplorerServer.Limits(60_000, 2, true), 8)) {
      CountDownLatch inside = new CountDownLatch(2);
      CountDownLatch release = new CountDownLatch(1);
      s.onApiRequest =
          () -> {
            inside.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          };
      CompletableFuture<HttpResponse<String>> a =
          CLIENT.sendAsync(get(s, "/api/info"), HttpResponse.BodyHandlers.ofString());
      CompletableFuture<HttpResponse<String>> b =
          CLIENT.sendAsync(get(s, "/api/show?model=ViT"), HttpResponse.BodyHandlers.ofString());
      assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
      // the same address (bounded here though it is loopback), a third request while two are
      // held: refused, not queued
      HttpResponse<String> third =
          CLIENT.send(get(s, "/api/info"), HttpResponse.BodyHandlers.ofString());
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After")).contains("1");
      assertThat(third.body()).startsWith("{\"error\":\"too many requests at once from 127.0.0.1");
      assertThat(s.refusedForClient()).isEqualTo(1);
      // the page itself is not an API request and is served
      assertThat(CLIENT.send(get(s, "/"), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      release.countDown();
      assertThat(a.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(b.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      s.onApiRequest = () -> {};
      // once they are answered the client may send again
      assertThat(
              CLIENT.send(get(s, "/api/info"), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    }
  }
}
