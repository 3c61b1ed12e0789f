package org.datatrail.audit;

import java.util.List;

/**
 * One accepted write: who (role and token label), when, the operation, the records it carried, the input
 * itself (for small writes), and what it did to the graph.
 */
public record AuditEntry(String at, String role, String tokenLabel, String operation, List<String> recordIds, String input,
        int nodesCreated, int relationshipsCreated, int relationshipsDeleted, String cursor) {
}
