package org.datatrail.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;

/**
 * The Driver as OGM sees it: every session it opens gets the application's bookmark manager (so an OGM read sees the
 * writes this app made before it, on a cluster too) and every transaction it begins the query timeout, like the
 * reads {@link GraphReads#rows} runs on the Driver itself. OGM's Bolt transport builds its own session and transaction
 * settings and offers no hook for either, so the Driver it is given adds them: a proxy, since {@link Driver} and
 * {@link Session} are wide interfaces of which OGM calls two methods.
 */
final class OgmReadDefaults {

    private OgmReadDefaults() {
    }

    /** {@code driver}, with the bookmark manager added to each session OGM opens and {@code timeout} to each transaction. */
    static Driver wrap(Driver driver, Duration timeout) {
        return proxy(Driver.class, driver, (target, method, args) -> {
            if (method.getName().equals("session") && args != null && args.length == 1 && args[0] instanceof SessionConfig config) {
                Session session = driver.session(withBookmarkManager(config, driver));
                return proxy(Session.class, session, (s, m, a) -> {
                    if (m.getName().equals("beginTransaction")) {
                        TransactionConfig given = a != null && a.length == 1 && a[0] instanceof TransactionConfig c ? c : TransactionConfig.empty();
                        return session.beginTransaction(TransactionConfig.builder().withMetadata(given.metadata()).withTimeout(timeout).build());
                    }
                    return call(m, session, a);
                });
            }
            return call(method, driver, args);
        });
    }

    private static SessionConfig withBookmarkManager(SessionConfig config, Driver driver) {
        SessionConfig.Builder builder = SessionConfig.builder().withDefaultAccessMode(config.defaultAccessMode())
            .withBookmarkManager(config.bookmarkManager().orElse(driver.executableQueryBookmarkManager()));
        if (config.bookmarks() != null) {
            builder.withBookmarks(config.bookmarks());
        }
        config.database().ifPresent(builder::withDatabase);
        config.fetchSize().ifPresent(builder::withFetchSize);
        config.impersonatedUser().ifPresent(builder::withImpersonatedUser);
        return builder.build();
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(OgmReadDefaults.class.getClassLoader(), new Class<?>[] { type }, handler));
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
