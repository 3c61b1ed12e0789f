package org.datatrail.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.datatrail.consent.ConsentRule;
import org.datatrail.consent.ConsentRule.CampaignUse;
import org.datatrail.consent.ConsentRule.ConsentRef;
import org.datatrail.consent.ConsentRule.Hop;
import org.datatrail.consent.ConsentRule.PurposeRef;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.Pages;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Computes traces: one database round trip per trace (a quantified-path query), then the consent rule on
 * each chain in memory.
 */
@Service
public final class Traces {

    /** Hop bounds accepted by every trace. */
    public static final int MAX_HOPS = 8;

    private static final String PROJECTION = CypherResource.load(Traces.class, "trace-projection.cypher");
    private static final List<String> DOWNSTREAM = variants("trace-downstream.cypher");
    private static final List<String> UPSTREAM = variants("trace-upstream.cypher");
    private static final List<String> SHORTEST = variants("trace-shortest.cypher");

    private final GraphReads reads;

    public Traces(GraphReads reads) {
        this.reads = reads;
    }

    /** What a downstream trace keeps; null fields do not filter. */
    public record Filter(String to, String toType, java.time.LocalDate since, java.time.LocalDate until, String dataCategory,
            boolean childrenOnly, String purpose) {
    }

    public List<FlowPath> downstream(String from, Filter filter, int maxHops, Pages.Page page) {
        Map<String, Object> params = params(filter, page);
        params.put("from", from);
        return run(DOWNSTREAM.get(maxHops - 1), params, page);
    }

    public List<FlowPath> upstream(String to, java.time.LocalDate since, java.time.LocalDate until, int maxHops, Pages.Page page) {
        Map<String, Object> params = params(new Filter(null, null, since, until, null, false, null), page);
        params.put("to", to);
        return run(UPSTREAM.get(maxHops - 1), params, page);
    }

    public List<FlowPath> shortest(String between, String and, int maxHops) {
        Map<String, Object> params = params(new Filter(null, null, null, null, null, false, null), new Pages.Page(0, 1));
        params.put("between", between);
        params.put("and", and);
        return run(SHORTEST.get(maxHops - 1), params, new Pages.Page(0, 1));
    }

    private List<FlowPath> run(String query, Map<String, Object> params, Pages.Page page) {
        List<Record> rows = reads.rows(query, params);
        List<FlowPath> paths = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Record row = rows.get(i);
            List<Hop> hops = row.get("hops").asList(Traces::hop);
            List<CampaignUse> campaigns = row.get("campaigns").asList(Traces::campaign);
            paths.add(new FlowPath(row.get("organisations").asList(Value::asString), hops.stream().map(Hop::transferId).toList(),
                    ConsentRule.check(hops, campaigns), Pages.cursor(page.offset() + i)));
        }
        return paths;
    }

    private static Map<String, Object> params(Filter f, Pages.Page page) {
        Map<String, Object> p = new HashMap<>();
        p.put("to", f.to());
        p.put("toType", f.toType());
        p.put("since", f.since());
        p.put("until", f.until());
        p.put("category", f.dataCategory());
        p.put("childrenOnly", f.childrenOnly());
        p.put("purpose", f.purpose());
        p.put("offset", page.offset());
        p.put("first", page.size());
        return p;
    }

    private static Hop hop(Value v) {
        return new Hop(v.get("id").asString(), v.get("from").asString(), v.get("to").asString(), v.get("dataset").asString("the data"),
                v.get("purposes").asList(Traces::purpose), v.get("consents").asList(Traces::consent),
                v.get("evidence").asList(Value::asString));
    }

    private static ConsentRef consent(Value v) {
        return new ConsentRef(v.get("id").asString(), v.get("title").asString(), v.get("covers").asList(Traces::purpose),
                v.get("evidence").asList(Value::asString));
    }

    private static CampaignUse campaign(Value v) {
        return new CampaignUse(v.get("id").asString(), v.get("name").asString(), v.get("purposes").asList(Traces::purpose),
                v.get("evidence").asList(Value::asString));
    }

    private static PurposeRef purpose(Value v) {
        return new PurposeRef(v.get("id").asString(), v.get("name").asString());
    }

    /** The query text for each hop bound 1..8: the only thing that varies is the quantifier's literal upper bound. */
    private static List<String> variants(String file) {
        String text = CypherResource.load(Traces.class, file) + "\n" + PROJECTION;
        return IntStream.rangeClosed(1, MAX_HOPS).mapToObj(n -> text.replace("/*maxHops*/8", Integer.toString(n))).toList();
    }
}
