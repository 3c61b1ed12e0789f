package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;

import org.datatrail.organisation.Organisation;
import org.datatrail.support.DataTrailTest;
import org.datatrail.support.SeedCase;
import org.datatrail.transfer.Transfer;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.ogm.session.SessionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The default set-up: no URI configured, so the app runs its own Neo4j on disk and loads the seed into it. */
@DataTrailTest(properties = "datatrail.api.warm-up=true")
class EmbeddedApplicationIntegrationTests {

    /** The app's data directory, a new one for this app. */
    @Value("${datatrail.data-dir}")
    Path dataDir;

    @Autowired
    EmbeddedNeo4j embedded;

    @Autowired
    Driver driver;

    @Autowired
    SessionFactory sessionFactory;

    @Autowired
    org.datatrail.transfer.TraceWarmUp warmUp;

    @Test
    void theDefaultTracesArePlannedInAdvance() throws Exception {
        // traceFlows and upstream following the data, and traceDataset, at their default four hops
        assertThat(warmUp.planned().get(3, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(3);
    }

    @Test
    void theSeedIsLoadedAndAnswersTheChain() {
        var chain = driver.executableQuery(SeedCase.CHAIN).execute().records();

        assertThat(chain).hasSize(1);
        assertThat(chain.getFirst().get("supplier").asString()).isEqualTo("Lifecycle Marketing (Mother and Baby) Ltd");
        assertThat(chain.getFirst().get("broker").asString()).isEqualTo(SeedCase.EXPERIAN_MARKETING_SERVICES);
        assertThat(chain.getFirst().get("party").asString()).isEqualTo("Labour Party");
        assertThat(chain.getFirst().get("date").asLocalDate()).isEqualTo(LocalDate.of(2017, 5, 5));
    }

    @Test
    void theEntityModelMapsTheGraph() {
        var session = sessionFactory.openSession();

        Organisation supplier = session.load(Organisation.class, SeedCase.LIFECYCLE_MARKETING, 2);

        assertThat(supplier.getName()).isEqualTo("Lifecycle Marketing (Mother and Baby) Ltd");
        assertThat(supplier.getAliases()).contains("Emma's Diary");
        assertThat(supplier.getEvidence()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getQuote()).isNotBlank();
            assertThat(e.getSource().getId()).matches("00[0-4]_[0-9a-f]{16}");
        });
        Transfer transfer = session.load(Transfer.class, "transfer-lcmb-to-experian", 1);
        assertThat(transfer.getDate()).isEqualTo(LocalDate.of(2017, 5, 5));
        assertThat(transfer.getFrom().getId()).isEqualTo(SeedCase.LIFECYCLE_MARKETING);
        assertThat(transfer.getTo().getId()).isEqualTo(SeedCase.EXPERIAN_MARKETING_SERVICES);
        assertThat(transfer.getOnBehalfOf().getId()).isEqualTo(SeedCase.LABOUR_PARTY);
        assertThat(transfer.getPurposes()).extracting(p -> p.getId()).contains("political-campaigning");
    }

    @Test
    void boltIsOnLoopbackWithAuthenticationAndTheStoredPassword() throws IOException {
        Path passwordFile = dataDir.toAbsolutePath().normalize().resolve("neo4j-password");
        String stored = Files.readString(passwordFile).strip();

        assertThat(embedded.boltUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Driver analyst = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic("neo4j", stored))) {
            assertThat(analyst.executableQuery("MATCH (o:Organisation {id: $id}) RETURN o.name AS name")
                .withParameters(java.util.Map.of("id", SeedCase.LABOUR_PARTY))
                .execute()
                .records()
                .getFirst()
                .get("name")
                .asString()).isEqualTo("Labour Party");
        }
        try (Driver intruder = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic("neo4j", "wrong-password"))) {
            assertThatThrownBy(intruder::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void neo4jRunsWithHttpOffAndCappedTransactionLogs() throws IOException {
        String config = Files.readString(dataDir.toAbsolutePath().normalize().resolve("neo4j-datatrail.conf"));

        assertThat(config).contains("server.http.enabled=false", "server.bolt.listen_address=127.0.0.1:0",
                "dbms.security.auth_enabled=true", "db.tx_log.rotation.retention_policy=2 files", "db.transaction.timeout=60000ms",
                "db.lock.acquisition.timeout=10000ms", "db.memory.transaction.max=512m");
    }
}
