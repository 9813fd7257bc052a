package org.eclipsesol.desk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/** HTTP for mobile clients (issue 10, points 10 and 11): conditional GET, cache headers, compression. */
@QuarkusTest
class MobileHttpTest {

    @Test
    void aTicketAnswers304ForItsCurrentStrongETagAnd200OnceItChanged() {
        String id = Fixtures.clientTicket(ANA, "Cached on a phone", "LOW").getString("id");
        Response first = as(ANA).get("/api/v1/tickets/" + id);
        String etag = first.header("ETag");
        assertThat(etag).doesNotStartWith("W/").isEqualTo("\"" + first.path("version") + "\"");
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-cache");
        assertThat(first.header("Vary")).contains("Authorization").contains("Accept");

        as(ANA).header("If-None-Match", etag).get("/api/v1/tickets/" + id).then().statusCode(304);

        as(TOM).body(Map.of("body", "Changed")).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        as(ANA).header("If-None-Match", etag).get("/api/v1/tickets/" + id).then().statusCode(200);
    }

    @Test
    void aListPageHasAWeakETagOverItsBody() {
        Fixtures.clientTicket(ANA, "Listed on a phone", "LOW");
        Response page = as(ANA).get("/api/v1/tickets?limit=5");
        String etag = page.header("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(page.header("Cache-Control")).isEqualTo("private, no-cache");
        as(ANA).header("If-None-Match", etag).get("/api/v1/tickets?limit=5").then().statusCode(304);
        Fixtures.clientTicket(ANA, "A new one changes the page", "LOW");
        as(ANA).header("If-None-Match", etag).get("/api/v1/tickets?limit=5").then().statusCode(200);
    }

    @Test
    void largeJsonIsGzipped() {
        for (int i = 0; i < 5; i++) {
            Fixtures.clientTicket(ANA, "Bulk for compression " + i, "LOW");
        }
        Response raw = as(ANA)
                .config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get("/api/v1/tickets?limit=20");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.header("Content-Encoding")).isEqualTo("gzip");
        Response plain = as(ANA).get("/api/v1/tickets?limit=20");
        assertThat(plain.asByteArray().length).isGreaterThan(raw.asByteArray().length);
    }
}
