package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.linli.issue.Seeds;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/** A real multipart QR report over HTTP (Tomcat parses the parts), retried with the same Idempotency-Key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.group-id=qr-http-it-${random.uuid}", "linli.issue.sweep.enabled=false",
        "linli.issue.qr.secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "linli.issue.grid-service.url=http://127.0.0.1:9"})
@EmbeddedInfrastructure
class QrReportOverHttpIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    QrCodes qrCodes;

    @Test
    void aRetriedMultipartQrReportCreatesOneIssueWhateverItsBoundaryAndAnotherPhotoIsRefused() throws Exception {
        Seeds.replay(kafka, mongo);
        HttpClient http = HttpClient.newHttpClient();
        long before = mongo.count(new Query(), Issue.class);

        HttpResponse<String> first = http.send(request("boundary-1", Seeds.png()), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> retry = http.send(request("another-boundary", Seeds.png()),
                HttpResponse.BodyHandlers.ofString());
        byte[] otherPhoto = Seeds.png();
        otherPhoto[40] = 7;
        HttpResponse<String> reused = http.send(request("boundary-1", otherPhoto), HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"photoIds\":[\"");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");
        assertThat(mongo.count(new Query(), Issue.class)).isEqualTo(before + 1);
    }

    private HttpRequest request(String boundary, byte[] photo) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"token\": \"" + qrCodes.tokenFor(Seeds.BUILDING)
                + "\", \"category\": \"PROPERTY_REPAIR\", \"description\": \"电梯异响\"}\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(photo);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/issues/qr-reports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", "qr-retry-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }
}
