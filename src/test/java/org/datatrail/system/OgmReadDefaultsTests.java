package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Values;

class OgmReadDefaultsTests {

    @Test
    void everySessionOgmOpensGetsTheBookmarkManagerAndEveryTransactionTheQueryTimeout() {
        Driver driver = mock(Driver.class);
        Session session = mock(Session.class);
        BookmarkManager bookmarks = mock(BookmarkManager.class);
        when(driver.executableQueryBookmarkManager()).thenReturn(bookmarks);
        when(driver.session(any(SessionConfig.class))).thenReturn(session);

        // as OGM's Bolt transport opens a read: its own access mode and bookmarks, a transaction with metadata only
        Session opened = OgmReadDefaults.wrap(driver, Duration.ofSeconds(7)).session(SessionConfig.builder()
            .withDefaultAccessMode(AccessMode.READ).withBookmarks(List.of(Bookmark.from("b1"))).withDatabase("neo4j").build());
        opened.beginTransaction(TransactionConfig.builder().withMetadata(Map.of("app", "ogm")).build());

        ArgumentCaptor<SessionConfig> sessionConfig = ArgumentCaptor.forClass(SessionConfig.class);
        verify(driver).session(sessionConfig.capture());
        assertThat(sessionConfig.getValue().bookmarkManager()).contains(bookmarks);
        assertThat(sessionConfig.getValue().defaultAccessMode()).isEqualTo(AccessMode.READ);
        assertThat(sessionConfig.getValue().bookmarks()).containsExactly(Bookmark.from("b1"));
        assertThat(sessionConfig.getValue().database()).contains("neo4j");
        ArgumentCaptor<TransactionConfig> transactionConfig = ArgumentCaptor.forClass(TransactionConfig.class);
        verify(session).beginTransaction(transactionConfig.capture());
        assertThat(transactionConfig.getValue().timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(transactionConfig.getValue().metadata()).isEqualTo(Map.of("app", Values.value("ogm")));

        opened.close();
        verify(session).close();
    }
}
